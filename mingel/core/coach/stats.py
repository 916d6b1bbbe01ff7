"""Counts and readability: LIX for Swedish, Flesch reading ease for English."""

import re
from functools import lru_cache

from mingel.core.coach.model import Message, Stats
from mingel.core.coach.text import sentence_spans

VOWEL_GROUPS = re.compile(r"[aeiouy]+")
LONG_WORD = 6


@lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def lix(words: list[str], sentences: int) -> float:
    """Words per sentence plus the percentage of words longer than six letters."""
    if not words:
        return 0.0
    long_words = sum(1 for w in words if len(w) > LONG_WORD)
    return round(len(words) / max(1, sentences) + 100 * long_words / len(words), 1)


def flesch(words: list[str], sentences: int) -> float:
    if not words:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return round(206.835 - 1.015 * len(words) / max(1, sentences) - 84.6 * syl / len(words), 1)


def compute(msg: Message) -> Stats:
    words = [t.lower for t in msg.tokens]
    sentences = sentence_spans(msg.text)
    is_sv = msg.lang == "sv"
    return Stats(
        chars=len(msg.text.strip()),
        words=len(words),
        sentences=len(sentences),
        first_person=len(msg.first_person),
        second_person=len(msg.second_person),
        questions=sum(1 for _, end in sentences if "?" in msg.text[max(0, end - 3) : end]),
        readability=lix(words, len(sentences)) if is_sv else flesch(words, len(sentences)),
        readability_measure="lix" if is_sv else "flesch",
    )
