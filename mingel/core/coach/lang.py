"""Telling Swedish from English, tuned for short notes.

A message of a greeting and one sentence is too short for character n-gram models to be
sure, but it almost always holds a few common words ("hej", "tack", "för" against "hi",
"thanks", "for"). We count common words that belong to one language only and add the
Swedish letters å, ä and ö; with no evidence either way the caller's fallback wins.
Measured on the labelled corpus, see docs/coach.md.
"""

from functools import cache

from mingel.core.coach.lexicon import lexicon
from mingel.core.coach.text import Token

SWEDISH_LETTERS = frozenset("åäö")


@cache
def exclusive_words() -> tuple[frozenset[str], frozenset[str]]:
    sv, en = lexicon("sv").stopwords, lexicon("en").stopwords
    return sv - en, en - sv


def detect(tokens: list[Token], fallback: str = "en") -> str:
    sv_words, en_words = exclusive_words()
    words = [tok.lower for tok in tokens]
    sv = sum(map(sv_words.__contains__, words))
    en = sum(map(en_words.__contains__, words))
    if any(map(SWEDISH_LETTERS.__contains__, "".join(words))):
        # A name such as "Åsa" says nothing about the language of the message.
        sv += sum(
            1
            for tok in tokens
            if not tok.text[:1].isupper() and not SWEDISH_LETTERS.isdisjoint(tok.lower)
        )
    if sv == en:
        return fallback
    return "sv" if sv > en else "en"
