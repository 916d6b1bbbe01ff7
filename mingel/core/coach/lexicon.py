"""Per-language word lists and marker patterns, read once from `lexicon/<lang>.toml`.

Markers are compiled into one regular expression per list, matched against the
normalised text (see `text.normalise`), so a match's span is a span of the original text.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGS = ("sv", "en")
LEXICON_DIR = Path(__file__).parent / "lexicon"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    stopwords: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    others: frozenset[str]
    markers: dict[str, re.Pattern[str]]
    rule_texts: dict[str, dict[str, str]]

    def find(self, name: str, norm: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.markers[name].finditer(norm)]

    def has(self, name: str, norm: str) -> bool:
        return self.markers[name].search(norm) is not None


def marker_regex(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    parts = []
    for word in entry.split():
        head = r"[\w-]*" if word.startswith("*") else ""
        tail = r"\w*" if word.endswith("*") else ""
        parts.append(head + re.escape(word.strip("*")) + tail)
    return r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w])"


def compile_markers(entries: list[str]) -> re.Pattern[str]:
    # Longest first, so a match covers the whole phrase rather than its first word.
    ordered = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(f"(?:{marker_regex(e)})" for e in ordered))


@cache
def lexicon(lang: str) -> Lexicon:
    with (LEXICON_DIR / f"{lang}.toml").open("rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        lang=lang,
        stopwords=frozenset(data["stopwords"]),
        first_person=frozenset(data["first_person"]),
        second_person=frozenset(data["second_person"]),
        others=frozenset(data["others"]),
        markers={name: compile_markers(entries) for name, entries in data["markers"].items()},
        rule_texts=data["rules"],
    )


def rule_text(rule_id: str, lang: str) -> tuple[str, str]:
    """The (message, tip) of a rule in a language, for the coach and for pages alike."""
    texts = lexicon(lang if lang in LANGS else "en").rule_texts[rule_id]
    return texts["message"], texts["tip"]
