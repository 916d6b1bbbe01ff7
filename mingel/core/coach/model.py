"""Values that go in and out of the coach."""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from mingel.core.coach.lexicon import Lexicon, lexicon
from mingel.core.coach.meaning import (
    ON_DEMAND,
    Match,
    Word,
    index,
    negated,
    vocabulary_of,
    word_at,
    words,
)
from mingel.core.coach.text import Token, normalise, tokens

KINDS = ("connect", "thanks", "reconnect")
Kind = Literal["connect", "thanks", "reconnect"]
Severity = Literal["warning", "suggestion"]
DEFAULT_CONNECT_LIMIT = 200


@dataclass(frozen=True)
class Message:
    """A message under review, with the lazily computed views the rules share."""

    text: str
    kind: str
    lang: str
    subject: str = ""
    recipient: str = ""
    context: str = ""
    limit: int | None = None
    # The text's tokens when the caller already has them (check() tokenises once).
    known_tokens: list[Token] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def norm(self) -> str:
        return normalise(self.text)

    @cached_property
    def subject_norm(self) -> str:
        return normalise(self.subject)

    @cached_property
    def tokens(self) -> list[Token]:
        return self.known_tokens if self.known_tokens is not None else tokens(self.text)

    @cached_property
    def lex(self) -> Lexicon:
        return lexicon(self.lang)

    @cached_property
    def words(self) -> list[Word]:
        """The text's words with lemmas and sentence numbers (see meaning.py)."""
        return words(self.text, self.tokens, self.lang)

    @cached_property
    def subject_words(self) -> list[Word]:
        return words(self.subject, tokens(self.subject), self.lang)

    @cached_property
    def meaning_found(self) -> dict[str, list[Match]]:
        """The matches of every meaning list in the text, found in one pass."""
        ws = self.words
        return index(self.lang, self.kind).find_all(ws, self.vocabulary) if ws else {}

    @cached_property
    def vocabulary(self) -> set[str]:
        """Every form and lemma of the text's words."""
        return vocabulary_of(self.words)

    @cached_property
    def subject_meaning_found(self) -> dict[str, list[Match]]:
        ws = self.subject_words
        return index(self.lang, "subject").find_all(ws) if ws else {}

    @cached_property
    def on_demand_found(self) -> dict[str, list[Match]]:
        return {}

    def meaning_matches(self, name: str, *, subject: bool = False) -> list[Match]:
        """(first word index, start, end) of each meaning marker of a list that matches."""
        if name in ON_DEMAND and not subject:
            found = self.on_demand_found
            if name not in found:
                ws = self.words
                found[name] = (
                    index(self.lang, name).find_all(ws, self.vocabulary).get(name, []) if ws else []
                )
            return found[name]
        found = self.subject_meaning_found if subject else self.meaning_found
        return found.get(name, [])

    def meaning(self, name: str, *, subject: bool = False) -> list[tuple[int, int]]:
        """Spans of the meaning markers of a list in the text (or the subject)."""
        return [(start, end) for _, start, end in self.meaning_matches(name, subject=subject)]

    def meaning_unnegated(self, name: str) -> list[tuple[int, int]]:
        """As meaning(), leaving out matches in the scope of a negation."""
        ws = self.words
        return [
            (start, end)
            for i, start, end in self.meaning_matches(name)
            if not negated(ws, i, self.lang, last=word_at(ws, end - 1))
        ]

    def has_meaning(self, name: str, *, subject: bool = False) -> bool:
        return bool(self.meaning_matches(name, subject=subject))

    @cached_property
    def first_person(self) -> list[Token]:
        return [t for t in self.tokens if t.lower in self.lex.first_person]

    @cached_property
    def second_person(self) -> list[Token]:
        return [t for t in self.tokens if t.lower in self.lex.second_person]

    def first_line(self) -> tuple[int, int]:
        """The span of the first line that holds text: where a greeting would be."""
        start = len(self.text) - len(self.text.lstrip())
        end = self.text.find("\n", start)
        return start, len(self.text.rstrip()) if end == -1 else end

    def whole(self) -> tuple[int, int]:
        start = len(self.text) - len(self.text.lstrip())
        return start, max(start, len(self.text.rstrip()))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    tip: str
    start: int
    end: int
    # A concrete rewrite in the message's language; "" when the rule has none to give.
    suggestion: str = ""

    def to_dict(self) -> dict:
        # Spelled out: dataclasses.asdict deep-copies and is slow in a batch of thousands.
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "tip": self.tip,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Stats:
    chars: int
    words: int
    sentences: int
    first_person: int
    second_person: int
    questions: int
    readability: float
    readability_measure: str  # "lix" for Swedish, "flesch" for English

    def to_dict(self) -> dict:
        return {
            "chars": self.chars,
            "words": self.words,
            "sentences": self.sentences,
            "first_person": self.first_person,
            "second_person": self.second_person,
            "questions": self.questions,
            "readability": self.readability,
            "readability_measure": self.readability_measure,
        }


@dataclass(frozen=True)
class CoachResult:
    lang: str
    kind: str
    score: int
    findings: tuple[Finding, ...]
    stats: Stats
    ui_lang: str = field(default="", compare=False)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]

    def to_dict(self) -> dict:
        return {
            "lang": self.lang,
            "kind": self.kind,
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats.to_dict(),
        }
