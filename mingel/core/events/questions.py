"""The question bank: prepared questions per language and group, read once from
`data/<lang>.toml`."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGS = ("sv", "en")
GROUPS = ("openers", "follow_ups", "career", "tech")
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Question:
    lang: str
    group: str
    text: str


@cache
def texts(lang: str) -> dict:
    """The parsed data file of a language (questions and pitch phrasing)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; have {', '.join(LANGS)}")
    with (DATA_DIR / f"{lang}.toml").open("rb") as f:
        return tomllib.load(f)


def questions(lang: str, group: str | None = None) -> tuple[Question, ...]:
    """The bank's questions of a language in file order, optionally of one group.

    Raises ValueError for an unknown language or group."""
    if group is not None and group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; have {', '.join(GROUPS)}")
    bank = texts(lang)["questions"]
    return tuple(
        Question(lang, g, text) for g in GROUPS if group is None or g == group for text in bank[g]
    )


def clean_questions(lines: list[str], *, limit: int = 12, max_length: int = 300) -> list[str]:
    """Trims each question to one line, drops blanks and repeats (ignoring case), keeps the
    order and at most `limit`; a question longer than `max_length` is cut there."""
    seen: set[str] = set()
    result = []
    for line in lines:
        text = " ".join(str(line).split())[:max_length]
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result[:limit]
