import pytest

from mingel.core.events import questions as bank


@pytest.mark.parametrize("lang", bank.LANGS)
def test_it_has_at_least_forty_questions_per_language_in_every_group(lang):
    all_questions = bank.questions(lang)
    assert len(all_questions) >= 40
    assert {q.group for q in all_questions} == set(bank.GROUPS)
    for group in bank.GROUPS:
        assert len(bank.questions(lang, group)) >= 8


@pytest.mark.parametrize("lang", bank.LANGS)
def test_its_questions_are_distinct_questions(lang):
    texts = [q.text for q in bank.questions(lang)]
    assert len(set(texts)) == len(texts)
    assert all(t.endswith("?") and len(t) <= 120 for t in texts)


def test_the_languages_have_the_same_groups_and_sizes():
    for group in bank.GROUPS:
        assert len(bank.questions("sv", group)) == len(bank.questions("en", group))


def test_it_filters_by_group():
    tech = bank.questions("en", "tech")
    assert {q.group for q in tech} == {"tech"}
    assert tech[0] == bank.Question("en", "tech", "What does your tech stack look like?")


@pytest.mark.parametrize(
    ("lang", "group"),
    [pytest.param("de", None, id="language"), pytest.param("sv", "jokes", id="group")],
)
def test_it_refuses_unknown_languages_and_groups(lang, group):
    with pytest.raises(ValueError, match="unknown"):
        bank.questions(lang, group)


def test_clean_questions_trims_drops_blanks_and_repeats_and_limits():
    lines = ["  What   brings you here? ", "", "what brings you here?", "Why?", "x" * 400]
    assert bank.clean_questions(lines) == ["What brings you here?", "Why?", "x" * 300]
    assert bank.clean_questions(["a", "b", "c"], limit=2) == ["a", "b"]
