import pytest

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
