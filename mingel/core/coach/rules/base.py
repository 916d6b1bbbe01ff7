"""What a coach rule is: an id, the kinds it checks, a severity, a finder, and examples.

The finder returns the spans it objects to (empty: the rule does not fire). The examples
are both documentation and tests: `tests/test_rules.py` runs every one of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from mingel.core.coach.meaning import negated, word_at
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
    # Values for the `{placeholders}` in the rule's message and suggestion texts (a count
    # and its limit, the placeholder found); None: the texts have none.
    details: Callable[[Message, Span], dict] | None = None


def fires(*texts: str, lang: str, **kw) -> tuple[Example, ...]:
    return tuple(Example(t, True, lang, **kw) for t in texts)


def passes(*texts: str, lang: str, **kw) -> tuple[Example, ...]:
    return tuple(Example(t, False, lang, **kw) for t in texts)


def marker_rule(
    rule_id: str, marker: str, *, negatable: bool = False
) -> Callable[[Message], list[Span]]:
    """A finder that reports every match of one lexicon marker list, the word patterns
    and the meaning markers of the same name. With `negatable`, a match in the scope of a
    negation ("not urgent", "I don't need you to") does not count."""

    def find(msg: Message) -> list[Span]:
        spans = msg.lex.find(marker, msg.norm)
        if negatable and spans and msg.words:
            ws = msg.words
            spans = [s for s in spans if not negated(ws, word_at(ws, s[0]), msg.lang)]
        meant = msg.meaning_unnegated(marker) if negatable else msg.meaning(marker)
        return merge(spans, meant)

    find.__name__ = f"find_{rule_id.replace('-', '_')}"
    return find


def missing_rule(marker: str, where: str = "whole") -> Callable[[Message], list[Span]]:
    """A finder that fires when no marker of a list appears anywhere in the message."""

    def find(msg: Message) -> list[Span]:
        if msg.lex.has(marker, msg.norm) or msg.has_meaning(marker):
            return []
        return [msg.first_line() if where == "first_line" else msg.whole()]

    return find


def merge(a: list[Span], b: list[Span]) -> list[Span]:
    """Two lists of spans as one, in order, dropping a span that overlaps an earlier one."""
    if not b:
        return a
    out: list[Span] = []
    for span in sorted(a + b):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out
