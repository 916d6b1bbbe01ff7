"""The axe helper itself: it finds a real violation and lists it, and passes a clean page."""

import pytest

from tests.e2e.axe import assert_no_axe_violations, axe_violations


@pytest.fixture
def blank(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


CLEAN = """<!doctype html><html lang="en"><head><title>Clean</title></head>
<body><main><h1>Hello</h1><p>A page with nothing wrong.</p></main></body></html>"""


def test_it_passes_a_clean_page(blank):
    blank.set_content(CLEAN)
    assert_no_axe_violations(blank)


def test_it_fails_listing_what_is_wrong(blank):
    blank.set_content(CLEAN.replace("<p>", '<img src="x.png"><p>'))
    with pytest.raises(AssertionError, match=r"image-alt \(critical\)") as failure:
        assert_no_axe_violations(blank)
    assert "<img" in str(failure.value)


def test_a_known_rule_can_be_let_through(blank):
    blank.set_content(CLEAN.replace("<p>", '<img src="x.png"><p>'))
    assert [v["id"] for v in axe_violations(blank)] == ["image-alt"]
    assert_no_axe_violations(blank, known={"image-alt": ('<img src="x.png">',)})


def test_a_known_rule_still_fails_on_other_elements(blank):
    blank.set_content(CLEAN.replace("<p>", '<img src="x.png"><img src="y.png"><p>'))
    with pytest.raises(AssertionError, match=r"y\.png") as failure:
        assert_no_axe_violations(blank, known={"image-alt": ('<img src="x.png">',)})
    assert "x.png" not in str(failure.value)
