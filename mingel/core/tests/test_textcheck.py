import pytest

from mingel.core.textcheck import text_problem


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Anna Berg", None),
        ("rad ett\nrad två\r\n\tindrag", None),
        ("åäö 😀 ﬁ", None),
        ("An\x00na", "nul"),
        ("bell\x07", "control"),
        ("esc\x1b[31m", "control"),
        ("del\x7f", "control"),
        ("half \ud800", "surrogate"),
        ("\udfff", "surrogate"),
    ],
)
def test_text_problem(value, problem):
    assert text_problem(value) == problem


def test_without_problems():
    from mingel.core.textcheck import without_problems

    assert without_problems("g\x00o\x1b\ud800 ok\tå\n") == "go ok\tå\n"
