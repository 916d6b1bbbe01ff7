"""Tokens with character offsets, sentence spans and stemming.

Rules point at spans in the original text, so everything here keeps offsets into the text
as the user typed it. Hyphenated forms ("fullstack-ninja") stay one token, because
compound markers are matched on token endings.
"""

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

WORD_RE = re.compile(r"\w+(?:[-'’:]\w+)*")
SENTENCE_END_RE = re.compile(r"[.!?…]+|\n+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


def normalise(text: str) -> str:
    """Lower-case the text and unify apostrophes, keeping every offset where it was."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered.replace("’", "'")


def tokens(text: str) -> list[Token]:
    norm = normalise(text)
    return [
        Token(text[m.start() : m.end()], m.group(), m.start(), m.end())
        for m in WORD_RE.finditer(norm)
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
def stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("swedish" if lang == "sv" else "english")


def stem(word: str, lang: str) -> str:
    return stemmer(lang).stemWord(word)


def word_parts(word: str) -> list[str]:
    """A hyphenated or apostrophed token split into its parts."""
    return [p for p in re.split(r"[-'’:]", word) if p]
