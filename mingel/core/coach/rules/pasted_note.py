"""`pasted-note`: note shorthand left in the message.

What a note looks like and a message does not: a sentence that starts with a lead-in verb
and no subject ("Pratade om Kafka", "Talked about hiring", from the lexicon's meaning list
`note_lead`), a reported "she said:" / "hon sa:", a bullet line ("- x", "* x", "• x"), an
arrow ("->", "=>"), a label line ("Notes:", "TODO"), or shouting: three words in capitals in
a row, or a capitalised common word of four letters or more ("REALLY", "VERKLIGEN").
Acronyms ("AWS", "KTH", "CI/CD") are not shouting.
"""

import re

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes
from mingel.core.coach.rules.generic import all_stopwords

BULLET_RE = re.compile(r"(?m)^[ \t]*(?:[-*•–][ \t]+\S.*|\d+[.)][ \t]+\S.*)$")
ARROW_RE = re.compile(r"(?<![<-])(?:->|=>|→)")
SAID_RE = re.compile(
    r"(?<![\w-])(?:he|she|they|han|hon|hen|dom|de) (?:said|says|sa|sade|säger)\s*:", re.I
)
LABEL_RE = re.compile(
    r"(?im)^[ \t]*(?:notes?|todo|anteckning(?:ar)?|kom ihåg|att göra|follow[- ]up|uppföljning)\s*:"
)
BULLET_START_RE = re.compile(r"(?:^|\n)[ \t]*[-*•–\d]")
TWO_CAPITALS_RE = re.compile(r"[A-ZÅÄÖ]{2}")
MIN_RUN = 3  # words in capitals in a row
MIN_SHOUTED = 4  # letters of a common word in capitals


def shouting(msg: Message) -> list[Span]:
    """Runs of three or more words in capitals, and common words in capitals."""
    stop = all_stopwords()
    spans = []
    run: list = []
    for tok in [*msg.tokens, None]:
        if tok is not None and len(tok.text) >= 2 and tok.text.isupper():
            if len(tok.text) >= MIN_SHOUTED and tok.lower in stop:
                spans.append((tok.start, tok.end))
            run.append(tok)
            continue
        if len(run) >= MIN_RUN:
            spans.append((run[0].start, run[-1].end))
        run = []
    return spans


def find(msg: Message) -> list[Span]:
    text = msg.text
    spans = []
    # Cheap tests first: most messages have no bullet, arrow, colon or capitals run.
    if BULLET_START_RE.search(text):
        spans.extend(m.span() for m in BULLET_RE.finditer(text))
    if ">" in text or "→" in text:
        spans.extend(m.span() for m in ARROW_RE.finditer(text))
    if ":" in text:
        spans.extend(m.span() for m in SAID_RE.finditer(text))
        spans.extend(m.span() for m in LABEL_RE.finditer(text))
    if TWO_CAPITALS_RE.search(text):
        spans.extend(shouting(msg))
    ws = msg.words
    for i, start, end in msg.meaning_matches("note_lead"):
        # A lead-in that begins a sentence, or one set off as a label ("Hi Elin,
        # Talked about: ..."), not a verb inside a sentence ("we talked about").
        begins = i == 0 or ws[i - 1].sentence != ws[i].sentence
        if begins or text[start].isupper() or text[end : end + 1] == ":":
            spans.append((start, end))
    return sorted(set(spans))


def details(msg: Message, span: Span) -> dict:
    return {"found": msg.text[span[0] : span[1]].strip()}


RULE = Rule(
    id="pasted-note",
    find=find,
    details=details,
    examples=(
        *fires(
            "Talked about Kafka lag. Great to meet you!",
            "Hi Sam, great chat.\n- Kafka lag\n- hiring in spring",
            "Hi Sam, she said: call after summer -> follow up in August",
            "Hi Sam, THANK YOU SO MUCH for the chat!",
            "Hi Sam, Talked about: mentoring, the study visit. Would be good to connect.",
            lang="en",
        ),
        *passes(
            "Hi Sam, we talked about Kafka lag and I tried your fix on AWS today.",
            "Hi Sam, great chat about CI/CD at KTH - thanks!",
            lang="en",
        ),
        *fires(
            "Pratade om Kafka. Tack för igår!", "Hej Sam! Hon sa: ring efter sommaren", lang="sv"
        ),
        *passes("Hej Sam! Vi pratade om Kafka på KTH, tack för tipsen.", lang="sv"),
    ),
)
