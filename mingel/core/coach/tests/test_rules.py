"""Every example a rule declares is a test: positives fire, negatives do not."""

import pytest

from mingel.core.coach import RULES, check

CASES = [
    pytest.param(rule, ex, id=f"{rule.id}-{ex.lang}-{'fires' if ex.fires else 'passes'}-{i}")
    for rule in RULES
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_it_fires_exactly_on_its_examples(rule, example):
    result = check(
        example.text,
        kind=example.kind,
        lang=example.lang,
        subject=example.subject,
        recipient=example.recipient,
        context=example.context,
        limit=example.limit,
    )
    assert (rule.id in result.rules) is example.fires, result.to_dict()["findings"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_it_has_examples_both_ways_in_both_languages(rule):
    for lang in ("sv", "en"):
        kinds = {(ex.fires) for ex in rule.examples if ex.lang == lang}
        assert kinds == {True, False}, (rule.id, lang)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_it_words_every_rule_in_both_languages(rule):
    example = next(ex for ex in rule.examples if ex.fires)
    for ui_lang in ("sv", "en"):
        result = check(
            example.text,
            kind=example.kind,
            lang=example.lang,
            subject=example.subject,
            recipient=example.recipient,
            context=example.context,
            ui_lang=ui_lang,
        )
        finding = next(f for f in result.findings if f.rule == rule.id)
        assert finding.message and finding.tip
        assert 0 <= finding.start <= finding.end <= len(example.text)
