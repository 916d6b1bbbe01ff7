"""What a coach rule is: an id, the kinds it checks, a severity, a finder, and examples.

The finder returns the spans it objects to (empty: the rule does not fire). The examples
are both documentation and tests: `tests/test_rules.py` runs every one of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from mingel.core.coach.model import KINDS, Message, Severity

Span = tuple[int, int]


@dataclass(frozen=True)
class Example:
    text: str
    fires: bool
    lang: str
    kind: str = "connect"
    subject: str = ""
    recipient: str = ""
    context: str = ""
    limit: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    find: Callable[[Message], list[Span]]
    examples: tuple[Example, ...]
    kinds: tuple[str, ...] = KINDS
    severity: Severity = "warning"
    extra: dict = field(default_factory=dict)


def fires(*texts: str, lang: str, **kw) -> tuple[Example, ...]:
    return tuple(Example(t, True, lang, **kw) for t in texts)


def passes(*texts: str, lang: str, **kw) -> tuple[Example, ...]:
    return tuple(Example(t, False, lang, **kw) for t in texts)


def marker_rule(rule_id: str, marker: str) -> Callable[[Message], list[Span]]:
    """A finder that reports every match of one lexicon marker list."""

    def find(msg: Message) -> list[Span]:
        return msg.lex.find(marker, msg.norm)

    find.__name__ = f"find_{rule_id.replace('-', '_')}"
    return find


def missing_rule(marker: str, where: str = "whole") -> Callable[[Message], list[Span]]:
    """A finder that fires when no marker of a list appears anywhere in the message."""

    def find(msg: Message) -> list[Span]:
        if msg.lex.has(marker, msg.norm):
            return []
        return [msg.first_line() if where == "first_line" else msg.whole()]

    return find
