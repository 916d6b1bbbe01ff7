"""Splits a text at the coach's spans, so a template can wrap the flagged parts in <mark>
without building HTML in Python (autoescaping stays on)."""

from collections import Counter
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
    """The text cut into consecutive pieces at every span's start and end; each piece names
    the rules (sorted) whose span covers it. Spans may overlap or fall outside the text (a
    rule about the subject); those are clipped, empty ones are skipped.

    One sweep over the sorted starts and ends, keeping count of the spans open at each
    point: O(n log n) in the number of findings (times the few rule ids open at once),
    where testing every span for every piece was quadratic (a 5,000-character "XX XX ..."
    has some 1,700 findings, and it is checked as the user types)."""
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for finding in findings:
        start = max(0, min(len(text), int(finding["start"])))
        end = max(0, min(len(text), int(finding["end"])))
        if end > start:
            starts.setdefault(start, []).append(finding["rule"])
            ends.setdefault(end, []).append(finding["rule"])
    cuts = sorted({0, len(text)} | starts.keys() | ends.keys())
    open_spans: Counter[str] = Counter()
    rules: tuple[str, ...] = ()
    pieces = []
    for start, end in pairwise(cuts):
        changed = False
        for rule in ends.get(start, ()):
            open_spans[rule] -= 1
            if not open_spans[rule]:
                del open_spans[rule]
                changed = True
        for rule in starts.get(start, ()):
            open_spans[rule] += 1
            changed |= open_spans[rule] == 1
        if changed:  # at most twice per span, each time sorting the few rule ids open
            rules = tuple(sorted(open_spans))
        pieces.append(Segment(text[start:end], rules))
    return pieces
