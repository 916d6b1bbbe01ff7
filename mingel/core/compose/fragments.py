"""Notes and profile fields made into fragments that fit the sentence they go into.

The composer used to paste what the user typed: "Kul att prata om Pratade om hur hon fick
sitt första jobb…", "I really enjoyed hearing about Pratade om…", "Just nu håller jag på
med Läser datateknik på KTH", a signature in lower case. Notes are written fast and for
oneself; a message is written to someone. So before anything goes into a sentence:

- lead-ins ("Pratade om", "We discussed") are stripped: the sentence says that already;
- lists and bullets ("- a\\n- b", "a, b, c", "a; b", "a -> b") become one phrase joined
  with "och"/"and"; the spoken "o" of a quick Swedish note is written "och" ("GDPR o AI");
- note shorthand (a bullet, an arrow, "TODO ...", "she said: ...") is never copied: an
  item that is a quote or a note to self is dropped, not reworded; an item that starts
  with a to-do's verb ("send link to my blog", "följ upp nästa vecka") is a note to self;
- shouting (a word in capitals that is not an acronym such as AWS or KTH) is lower-cased;
- the recipient is addressed as du/you (see pronouns.py);
- names are capitalised, profile lines made into first-person sentences (see profile.py);
- nothing in the other language is inserted (see reading.py).

A topic that cannot be made to fit (the other language, a statement rather than a topic,
too long to reduce) comes back as nothing, and the composer puts a marked placeholder for
the writer in its place ("[vad ni pratade om]") rather than a broken sentence.
"""

import re
import tomllib
from functools import cache

from mingel.core.coach.lexicon import lexicon

# The coach's `placeholder` rule decides what a gap to fill is, for the composer too.
from mingel.core.coach.rules.placeholder import PLACEHOLDER_RE
from mingel.core.compose.pronouns import to_second_person
from mingel.core.compose.reading import (
    LANGS,
    NOTES_DIR,
    fits_language,
    other,
    reading,
    starts_with,
)

BULLET_RE = re.compile(r"^\s*(?:[-*•·–—>+]+|\d+[.)]|\[[ xX]?\])\s*")
# Arrows, and a dash between spaces ("Mingel med Maja - GDPR och AI"), part a note.
ARROW_RE = re.compile(r"\s*(?:->|=>|→|⇒|-->)\s*|\s+[-–—]\s+")
# An aside in brackets is for the writer ("hans startup (Oxide?)").
ASIDE_RE = re.compile(r"\s*\([^()]*\)")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=\S)")
TRAILING = " ,.;:!?-–—…\"'()"
LEADING = " ,.;:!?-–—…\"'()*•·>"
WORD_RE = re.compile(r"\w+(?:[-'’:]\w+)*")
# Spoken Swedish writes "och" as "o" in a quick note ("GDPR o AI"); English has no such "o"
# (and "Big O" is in capitals).
SPOKEN_AND_RE = re.compile(r"(?<=[\w)])[ \t]+o[ \t]+(?=[\w(])")
MAX_TOPIC_WORDS = 14
# A topic longer than this is a pasted text or a held-down key, not something to quote.
MAX_TOPIC_CHARS = 120
QUOTE_STARTS = tuple(q for lang in LANGS for q in reading(lang).quotes)
MAX_ITEMS = 4


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text)


@cache
def acronyms() -> frozenset[str]:
    """Capitals that stay: acronyms people write in notes (notes/acronyms.toml). A short
    word in capitals that is not a common word is taken for an acronym too ("GCP")."""
    with (NOTES_DIR / "acronyms.toml").open("rb") as f:
        return frozenset(a.upper() for a in tomllib.load(f)["acronyms"])


@cache
def common_words() -> frozenset[str]:
    """Words of either language that are never acronyms ("KUL", "COOL", "HER")."""
    words = [
        lexicon(lang).stopwords | reading(lang).words | reading(lang).comments for lang in LANGS
    ]
    return frozenset().union(*words)


def is_shouting(word: str, lang: str) -> bool:
    """A word in capitals that is not an acronym: long, or a common word ("KUL", "COOL")."""
    if not word.isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    if word.upper() in acronyms():
        return False
    return len(letters) >= 5 or word.lower() in common_words()


def calm(text: str, lang: str) -> str:
    """Shouted words in lower case; acronyms kept. Once a text shouts, every word in
    capitals that is not a known acronym is taken for shouting ("HER MOVE")."""
    shouts = any(is_shouting(w, lang) for w in WORD_RE.findall(text))

    def lower(m: re.Match) -> str:
        word = m.group()
        caps = word.isupper() and word.upper() not in acronyms() and (word, lang) != ("I", "en")
        return word.lower() if is_shouting(word, lang) or (shouts and caps) else word

    return WORD_RE.sub(lower, text)


def strip_lead_in(text: str, lang: str) -> str:
    """The text without a lead-in such as "Pratade om" or "We discussed:", in either
    language (twice at most: "Om: vi pratade om Kafka")."""
    # Both languages': "Diskuterade Kafka" in an English message is still about Kafka.
    lead_ins = reading("sv").lead_ins + reading("en").lead_ins
    for _ in range(2):
        phrase = starts_with(text, lead_ins)
        rest = text[len(phrase) :].lstrip(" :–—-,") if phrase else ""
        if not phrase or not words_of(rest):
            break
        text = rest
    return text


def split_items(note: str) -> list[str]:
    """A note cut into the things it lists: lines (bullets dropped), sentences, arrows,
    semicolons and commas; a final "och"/"and" of a comma list splits too."""
    items: list[str] = []
    for line in note.replace("\r", "\n").split("\n"):
        line = ASIDE_RE.sub("", BULLET_RE.sub("", line))
        for sentence in SENTENCE_END_RE.split(line):
            for part in ARROW_RE.split(sentence):
                for piece in part.split(";"):
                    items.extend(comma_list(piece))
    return [i for i in (it.strip(TRAILING).lstrip(LEADING).strip() for it in items) if i]


def comma_list(text: str) -> list[str]:
    parts = [p for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return parts
    *head, last = parts
    tail = re.split(r"\s+(?:och|and|&)\s+", last, maxsplit=1)
    return [*head, *tail]


def expand(items: list[str]) -> list[str]:
    """Items too long to be one topic split at "och"/"and": "a och b och c" is a list."""
    out = []
    for item in items:
        if len(words_of(item)) > MAX_TOPIC_WORDS:
            out.extend(p for p in re.split(r"\s+(?:och|and|&)\s+", item) if p.strip())
        else:
            out.append(item)
    return out


def heading(item: str) -> str:
    """ "Hennes råd: börja med öppen källkod" is about her advice: a short heading before a
    colon names the topic; what follows is detail (or, after "hon sa:", a quote, which
    is_topic turns away)."""
    head, colon, _ = item.partition(": ")
    if colon and len(words_of(head)) <= 3 and not starts_with(item, QUOTE_STARTS):
        return head
    return item


def is_to_do(item: str) -> bool:
    """Does the item start with a to-do's verb ("send link", "mejla CV"), in either
    language?"""
    return any(starts_with(item, reading(lang).to_do) for lang in LANGS)


def is_topic(item: str, lang: str) -> bool:
    """Can the item follow "talk about"? Not a statement ("Hon jobbar på Spotify"), a
    quote ("she said: ..."), a note to self ("TODO skicka länk", "send link to my blog",
    "följ upp nästa vecka") or a long sentence. A to-do's verb is looked for in both
    languages: a Swedish to-do in an English note is still not a topic."""
    rd = reading(lang)
    first = words_of(item)[:1]
    if not first or len(words_of(item)) > MAX_TOPIC_WORDS or len(item) > MAX_TOPIC_CHARS:
        return False
    if starts_with(item, rd.quotes) or starts_with(item, rd.to_self) or is_to_do(item):
        return False
    if all(w.lower() in rd.comments for w in words_of(item)):
        return False  # "-> super interesting" is what you thought of it
    if re.search(r":\s", item):
        return False  # "Hennes råd: börja med ..." is cut at the colon before this
    word = re.split(r"['’]", first[0].lower())[0]  # "she'll" starts with "she"
    return word not in rd.subjects and first[0].lower() not in rd.statement_starts


@cache
def lowerable_words(lang: str) -> frozenset[str]:
    """Words that start a note in capitals only because they start it."""
    rd = reading(lang)
    return rd.words | rd.verbs | rd.subjects | lexicon(lang).stopwords | reading(other(lang)).words


def lower_first(text: str, lang: str) -> str:
    """A note's first word in lower case when it is a common word ("Testing in
    production" → "testing in production"); names and acronyms stay."""
    first = words_of(text)[:1]
    if not first or not first[0][1:2].islower():
        return text
    word = first[0].lower()
    if word in lowerable_words(lang) or word.endswith("ing"):
        return text[:1].lower() + text[1:]
    return text


def written_and(text: str) -> str:
    """ "GDPR o AI" → "GDPR och AI": the spoken "o" between two items, written out."""
    return SPOKEN_AND_RE.sub(" och ", text)


def topic_items(note: str, lang: str, recipient: str = "") -> list[str]:
    """The things a note says you talked about, each fitting "talk about ___" in the
    message's language, in the order written, without repeats; [] when none fits. An
    item naming the recipient ("Lunch med Maja") is about the meeting, not a topic."""
    seen: set[str] = set()
    out = []
    for raw in expand(split_items(strip_lead_in(written_and(note.strip()), lang))):
        item = heading(strip_lead_in(calm(raw, lang), lang)).strip(TRAILING)
        if not is_topic(item, lang) or not fits_language(item, lang):
            continue
        if recipient and recipient.lower() in (w.lower() for w in words_of(item)):
            continue
        item = lower_first(to_second_person(item, lang), lang)
        if item.lower() in seen:
            continue
        seen.add(item.lower())
        out.append(item)
    return out[:MAX_ITEMS]


def join(items: list[str], lang: str) -> str:
    """ "a", "a och b", "a, b och c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {reading(lang).conjunction} " + items[-1]


def fitting(text: str, lang: str, max_words: int, max_chars: int) -> str:
    """A short value (event, company, role, when) as it is, or "" when it is in the other
    language or too long to read as a name, in words or in characters."""
    text = calm(text.strip(TRAILING), lang)
    too_long = len(words_of(text)) > max_words or len(text) > max_chars
    if not text or too_long or not fits_language(text, lang):
        return ""
    return text


def placeholders_in(text: str) -> list[str]:
    """The placeholders ("[vad ni pratade om]", "{name}", "XXX") still in a text, in
    order, as the coach's `placeholder` rule finds them (its pattern, so the composer,
    the coach and the compose page agree on what is a gap)."""
    return PLACEHOLDER_RE.findall(text)
