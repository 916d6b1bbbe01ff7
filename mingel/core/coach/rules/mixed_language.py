"""`mixed-language`: a sentence in the other language than the message.

Each sentence votes with the common words that belong to one language only (the same
lists that tell the message's language, see lang.py). A sentence is in the other language
when at least `MIN_VOTES` of its common words are of the other language and none of the
message's own. Words in quotation marks are left out (a quoted "ship it" is a quote, not a
switch), and so are capitalised words inside a sentence (names, products) and greetings and
sign-offs of up to `MAX_SIGNOFF` words ("Cheers, Anna", "Best regards"). English tech words
in a Swedish sentence ("deploya", "pipelinen", "feature") are not common words and do not
vote, so Swedish tech talk stays Swedish.
"""

import re

from mingel.core.coach.lang import exclusive_words
from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes
from mingel.core.coach.text import sentence_spans

MIN_VOTES = 2
MAX_SIGNOFF = 3
QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|”[^”\n]*”|«[^»\n]*»|'[^'\n]{2,}'(?!\w)")


def find(msg: Message) -> list[Span]:
    sv_only, en_only = exclusive_words()
    own, other = (sv_only, en_only) if msg.lang == "sv" else (en_only, sv_only)
    if other.isdisjoint(msg.vocabulary):
        return []  # the usual case: not one common word of the other language
    ws = msg.words
    if sum(1 for w in ws if w.form in other) < MIN_VOTES:
        return []
    quoted = [m.span() for m in QUOTED_RE.finditer(msg.text)]
    spans = []
    w = 0
    for start, end in sentence_spans(msg.text):
        words_in = []
        while w < len(ws) and ws[w].start < end:
            if ws[w].start >= start:
                words_in.append(ws[w])
            w += 1
        if len(words_in) <= MAX_SIGNOFF:
            continue
        own_votes = other_votes = 0
        for k, word in enumerate(words_in):
            if any(a <= word.start < b for a, b in quoted):
                continue
            if k and msg.text[word.start].isupper() and word.form != "i":
                continue
            own_votes += word.form in own
            other_votes += word.form in other
        if other_votes >= MIN_VOTES and own_votes == 0:
            text = msg.text[start:end]
            lead = len(text) - len(text.lstrip())
            spans.append((start + lead, start + len(text.rstrip())))
    return spans


def details(msg: Message, span: Span) -> dict:
    return {"found": msg.text[span[0] : span[1]]}


RULE = Rule(
    id="mixed-language",
    find=find,
    details=details,
    examples=(
        *fires(
            "Hej Priya! Tack för snacket om Rust på meetupen. Would love to stay in touch.",
            lang="sv",
        ),
        *passes(
            "Hej Priya! Vi deployade featuren till prod med en ny pipeline, super nice.",
            'Hej Priya! Som du sa: "ship it" och fixa sen. Cheers, Elin',
            lang="sv",
        ),
        *fires(
            "Hi Priya, thanks for the talk on Rust. Vi ses på nästa meetup hoppas jag!",
            lang="en",
        ),
        *passes(
            "Hi Priya, thanks for the fika and the talk about Rust at Norrsken!",
            "Hi Priya, great meeting you. Med vänlig hälsning, Elin",
            lang="en",
        ),
    ),
)
