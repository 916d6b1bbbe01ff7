"""What the composer knows about reading notes in a language, and which language a short
piece of text is in.

Notes are typed fast, on a phone, often in the other language than the message ("Pratade om
hur hon fick sitt första jobb" for an English thank-you). The coach's detector
(`mingel.core.coach.lang.detect`) decides on the words that belong to one language only; a
fragment of three or four words often holds none of them, so we add the words of
`notes/<lang>.toml` that only that language has, and the lower-case Swedish preposition
"i" (English writes "I" in capitals). With no evidence either way a fragment is taken as
fitting: "Kotlin coroutines" or "Kafka" read the same in both languages.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mingel.core.coach.lang import detect, exclusive_words
from mingel.core.coach.text import tokens

NOTES_DIR = Path(__file__).parent / "notes"
LANGS = ("sv", "en")
SWEDISH_LETTERS = frozenset("åäö")


@dataclass(frozen=True)
class Reading:
    """The per-language lists of `notes/<lang>.toml`, as sets and tuples."""

    lang: str
    lead_ins: tuple[str, ...]
    quotes: tuple[str, ...]
    to_self: tuple[str, ...]
    to_do: tuple[str, ...]
    comments: frozenset[str]
    statement_starts: frozenset[str]
    subjects: frozenset[str]
    me: str
    time_adverbs: tuple[str, ...]
    verbs: frozenset[str]
    role_endings: tuple[str, ...]
    study_words: frozenset[str]
    study_places: frozenset[str]
    be: str
    work_with: str
    pronouns: dict[str, str]
    possessives: frozenset[str]
    reflexive_possessives: dict[str, str]
    reflexive: dict[str, str]
    possessive_forms: tuple[str, ...]
    ett_words: tuple[str, ...]
    en_words: tuple[str, ...]
    plural_endings: tuple[str, ...]
    agreement: dict[str, str]
    conjunction: str
    words: frozenset[str]


@cache
def reading(lang: str) -> Reading:
    with (NOTES_DIR / f"{lang}.toml").open("rb") as f:
        data = tomllib.load(f)
    # Longest first, so "vi pratade om" wins over "om".
    lead_ins = tuple(sorted(data["lead_ins"], key=len, reverse=True))
    return Reading(
        lang=lang,
        lead_ins=lead_ins,
        quotes=tuple(data["quotes"]),
        to_self=tuple(data["to_self"]),
        to_do=tuple(data["to_do"]),
        comments=frozenset(data["comments"]),
        statement_starts=frozenset(data["statement_starts"]),
        subjects=frozenset(data["subjects"]),
        me=data["me"],
        time_adverbs=tuple(sorted(data["time_adverbs"], key=len, reverse=True)),
        verbs=frozenset(data["verbs"]),
        role_endings=tuple(data["role_endings"]),
        study_words=frozenset(data["study_words"]),
        study_places=frozenset(data["study_places"]),
        be=data["be"],
        work_with=data["work_with"],
        pronouns=data["pronouns"],
        possessives=frozenset(data["possessives"]),
        reflexive_possessives=data["reflexive_possessives"],
        reflexive=data["reflexive"],
        possessive_forms=tuple(data["possessive_forms"]),
        ett_words=tuple(data["ett_words"]),
        en_words=tuple(data.get("en_words", ())),
        plural_endings=tuple(data["plural_endings"]),
        agreement=data.get("agreement", {}),
        conjunction=data["and"],
        words=frozenset(data["words"]),
    )


@cache
def own_words() -> dict[str, frozenset[str]]:
    """Per language, the words that tell it from the other: the coach's exclusive
    stopwords and our own list, minus anything the other language also has."""
    sv_stop, en_stop = exclusive_words()
    sv = (sv_stop | reading("sv").words) - reading("en").words
    en = (en_stop | reading("en").words) - reading("sv").words
    return {"sv": sv, "en": en}


def evidence(text: str) -> dict[str, int]:
    """How many words of the text belong to Swedish only and to English only."""
    words = own_words()
    counts = {"sv": 0, "en": 0}
    for tok in tokens(text):
        if tok.text == "i" or tok.lower.endswith(":s"):
            counts["sv"] += 1  # English writes the pronoun "I"; "KTH:s" is Swedish
        elif tok.text == "I":
            counts["en"] += 1
        elif tok.lower in words["sv"]:
            counts["sv"] += 1
        elif tok.lower in words["en"]:
            counts["en"] += 1
        elif not tok.text[:1].isupper() and not SWEDISH_LETTERS.isdisjoint(tok.lower):
            counts["sv"] += 1  # names such as "Åsa" or "Göteborg" say nothing
    return counts


def language_of(text: str) -> str:
    """ "sv" or "en" when the text says which, else "" (too short or neutral to tell).
    The coach's detector decides when it can; our wider word lists break its ties."""
    found = detect(tokens(text), fallback="")
    counts = evidence(text)
    if found and counts[found] >= counts[other(found)]:
        return found
    if counts["sv"] == counts["en"]:
        return ""
    return "sv" if counts["sv"] > counts["en"] else "en"


def other(lang: str) -> str:
    return "en" if lang == "sv" else "sv"


def fits_language(text: str, lang: str) -> bool:
    """True unless the text is recognisably in the other language."""
    return language_of(text) != other(lang)


@cache
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of phrases, longest first; a phrase ending in ":" needs
    the colon, any other must end at a word's end."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase.endswith(":"):
            parts.append(re.escape(phrase[:-1]) + r"\s*:")
        else:
            parts.append(re.escape(phrase) + r"(?![\w'’-])")
    return re.compile("|".join(parts))


def starts_with(text: str, phrases: tuple[str, ...]) -> str:
    """The start of the text (in lower case) that is one of the phrases as whole words,
    or ""; a phrase ending in ":" needs the colon. Longer phrases win."""
    m = phrase_pattern(phrases).match(text.lower())
    return m.group() if m else ""
