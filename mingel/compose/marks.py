"""Splits a text at the coach's spans, so a template can wrap the flagged parts in <mark>
without building HTML in Python (autoescaping stays on)."""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Segment:
    text: str
    rules: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.rules)


def segments(text: str, findings: Iterable[dict]) -> list[Segment]:
    """The text cut into consecutive pieces; each piece names the rules (sorted) whose span covers
    it. Spans may overlap or fall outside the text (a rule about the subject); those are
    clipped, empty ones are skipped."""
    spans = []
    for finding in findings:
        start = max(0, min(len(text), int(finding["start"])))
        end = max(0, min(len(text), int(finding["end"])))
        if end > start:
            spans.append((start, end, finding["rule"]))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    pieces = []
    for start, end in pairwise(cuts):
        rules = tuple(sorted({r for s, e, r in spans if s <= start and end <= e}))
        pieces.append(Segment(text[start:end], rules))
    return pieces
