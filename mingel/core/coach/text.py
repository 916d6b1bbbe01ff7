"""Tokens with character offsets, sentence spans and stemming.

Rules point at spans in the original text, so everything here keeps offsets into the text
as the user typed it. Hyphenated forms ("fullstack-ninja") stay one token, because
compound markers are matched on token endings.
"""

import re
from functools import cache, lru_cache
from typing import NamedTuple

WORD_RE = re.compile(r"\w+(?:[-'’:]\w+)*")
SENTENCE_END_RE = re.compile(r"[.!?…]+|\n+")


class Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int


_new = tuple.__new__


def normalise(text: str) -> str:
    """Lower-case the text and unify apostrophes, keeping every offset where it was."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered.replace("’", "'")


def tokens(text: str) -> list[Token]:
    norm = normalise(text)
    # tuple.__new__ skips the generated __new__: tokens are made by the hundred per message.
    return [
        _new(Token, (text[start:end], m.group(), start, end))
        for m in WORD_RE.finditer(norm)
        for start, end in (m.span(),)
    ]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of sentences that hold at least one word; a line break ends a sentence."""
    spans = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        if WORD_RE.search(text, start, m.start()):
            spans.append((start, m.end()))
        start = m.end()
    if WORD_RE.search(text, start):
        spans.append((start, len(text)))
    return spans


@cache
def stemmer(lang: str):
    # Imported on first use: the package loads all of its thirty-odd languages, and only
    # the `generic` rule with a conversation context needs a stemmer.
    import snowballstemmer

    return snowballstemmer.stemmer("swedish" if lang == "sv" else "english")


@lru_cache(maxsize=16384)
def stem(word: str, lang: str) -> str:
    # Snowball in pure Python costs tens of microseconds a word; words repeat a lot.
    return stemmer(lang).stemWord(word)


PART_SEPARATORS = re.compile(r"[-'’:]")


def word_parts(word: str) -> list[str]:
    """A hyphenated or apostrophed token split into its parts."""
    if not PART_SEPARATORS.search(word):
        return [word]
    return [p for p in PART_SEPARATORS.split(word) if p]
