import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mingel.compose.marks import Segment, segments


def finding(rule, start, end):
    return {"rule": rule, "start": start, "end": end}


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        pytest.param("Hello", [], [Segment("Hello")], id="nothing-marked"),
        pytest.param(
            "I need a job!!",
            [finding("desperate", 2, 6)],
            [Segment("I "), Segment("need", ("desperate",)), Segment(" a job!!")],
            id="one-span",
        ),
        pytest.param(
            "abcdef",
            [finding("a", 0, 4), finding("b", 2, 6)],
            [Segment("ab", ("a",)), Segment("cd", ("a", "b")), Segment("ef", ("b",))],
            id="overlapping",
        ),
        pytest.param(
            "abc",
            [finding("subject", 0, 0), finding("far", 2, 99)],
            [Segment("ab"), Segment("c", ("far",))],
            id="empty-and-clipped",
        ),
        pytest.param("", [finding("x", 0, 3)], [], id="empty-text"),
    ],
)
def test_it_cuts_the_text_at_the_spans(text, findings, expected):
    pieces = segments(text, findings)
    assert pieces == expected
    assert "".join(p.text for p in pieces) == text


def brute_force(text, findings):
    """The definition: cut at every start and end, and test every span for every piece."""
    spans = []
    for f in findings:
        start = max(0, min(len(text), int(f["start"])))
        end = max(0, min(len(text), int(f["end"])))
        if end > start:
            spans.append((start, end, f["rule"]))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    return [
        Segment(text[a:b], tuple(sorted({r for s, e, r in spans if s <= a and b <= e})))
        for a, b in pairwise(cuts)
    ]


@st.composite
def texts_and_findings(draw):
    text = draw(st.text(alphabet="ab \n", max_size=60))
    point = st.integers(-5, len(text) + 5)
    findings = draw(
        st.lists(
            st.builds(
                finding, st.sampled_from(["x", "y", "placeholder", "too-long"]), point, point
            ),
            max_size=30,
        )
    )
    return text, findings


@settings(max_examples=500)
@given(texts_and_findings())
def test_it_cuts_as_testing_every_span_for_every_piece_would(case):
    text, findings = case
    assert segments(text, findings) == brute_force(text, findings)


# Testing every span for every piece took minutes for this many; the sweep a fraction of
# a second. A second is the deadline, far from both.
MANY = 20_000


@settings(max_examples=1, deadline=dt.timedelta(seconds=1))
@given(st.just(MANY))
def test_it_cuts_a_text_with_twenty_thousand_spans_in_one_sweep(n):
    text = "XX " * n
    findings = [finding("placeholder", 3 * i, 3 * i + 2) for i in range(n)]
    findings += [finding("too-long", 0, len(text))]
    pieces = segments(text, findings)
    assert len(pieces) == 2 * n
    assert pieces[0] == Segment("XX", ("placeholder", "too-long"))
    assert pieces[1] == Segment(" ", ("too-long",))
    assert "".join(p.text for p in pieces) == text
