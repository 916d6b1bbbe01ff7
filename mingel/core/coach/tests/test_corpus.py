"""The labelled corpus: the coach agrees with careful human labels, rule by rule.

`python -m mingel.core.coach.evaluate` prints the same figures; docs/coach.md records them.
"""

import json

import pytest

from mingel.core.coach import RULES
from mingel.core.coach.evaluate import (
    CORPUS_DIR,
    HELDOUT_DIR,
    TRAIN_DIR,
    WRITERS_HELDOUT_DIR,
    CorpusError,
    load,
    main,
    parse,
    score_language,
    score_rules,
)

MIN_PRECISION, MIN_RECALL = 0.95, 0.90
# No single rule may be much worse than the whole: a floor per rule.
MIN_RULE_PRECISION, MIN_RULE_RECALL = 0.80, 0.80
# Each rule is seen both firing and not firing this many times, in each language.
MIN_CASES = 2


@pytest.fixture(scope="module")
def corpus():
    return load(CORPUS_DIR)


@pytest.fixture(scope="module")
def heldout():
    return load(HELDOUT_DIR)


@pytest.fixture(scope="module")
def train():
    """Messages by independent writers who never saw the lexicon; tuned on."""
    return load(TRAIN_DIR)


def test_the_corpus_is_big_and_covers_both_languages_and_all_kinds(corpus, heldout):
    assert len(corpus) >= 150 and len(heldout) >= 50
    for lang in ("sv", "en"):
        for kind in ("connect", "thanks", "reconnect"):
            assert sum(s.lang == lang and s.kind == kind for s in corpus) >= 25, (lang, kind)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_labelled_firing_and_not_firing_in_both_languages(corpus, train, rule):
    for lang in ("sv", "en"):
        applicable = [s for s in corpus + train if s.lang == lang and s.kind in rule.kinds]
        fires = sum(rule.id in s.expect for s in applicable)
        assert fires >= MIN_CASES, (rule.id, lang, "fires", fires)
        assert len(applicable) - fires >= MIN_CASES, (rule.id, lang, "silent")


@pytest.mark.parametrize("which", ["corpus", "heldout", "train"])
def test_the_coach_meets_the_precision_and_recall_targets(which, request):
    report = score_rules(request.getfixturevalue(which))
    assert report.overall.precision >= MIN_PRECISION, report.disagreements
    assert report.overall.recall >= MIN_RECALL, report.disagreements
    if which == "train":
        # The writers' own labels: per rule too few and not all by the catalog (several
        # leave an apology for writing out of `negative`); docs/coach.md lists them.
        return
    for rule_id, counts in report.per_rule.items():
        if counts.tp + counts.fn:
            assert counts.recall >= MIN_RULE_RECALL, (rule_id, counts)
        if counts.tp + counts.fp:
            assert counts.precision >= MIN_RULE_PRECISION, (rule_id, counts)


def test_it_tells_swedish_from_english_even_on_short_messages(corpus, heldout):
    report = score_language(corpus + heldout)
    accuracy = {name: right / n for name, n, right, _ in report.rows}
    assert accuracy["whole messages"] == 1.0, report.wrong
    assert accuracy["greeting + first sentence"] >= 0.98, report.wrong
    assert accuracy["first line alone (often just a greeting)"] >= 0.95, report.wrong


def test_the_command_prints_the_report(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "| **overall** |" in out and "| `no-offer` |" in out and "language detection" in out


def test_the_command_exports_the_corpus_as_batch_input(capsys):
    assert main(["--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = json.loads(lines[0])
    assert len(lines) >= 150 and {"id", "text", "kind"} <= set(first)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("## x1 connect en\nexpect: -\nno separator", "no '--' line"),
        ("## x1 connect de\nexpect: -\n--\nHallo", "unknown kind or language"),
        ("## x1 connect en\nexpect: no-out\n--\nHi", "does not apply to connect"),
        ("## x1 connect en\nexpect: rude\n--\nHi", "unknown rule"),
        ("## x1 connect en\nto: Anna\nexpect: -\n--\nHi", "unknown header"),
        ("## x1 connect en\n--\nHi", "no 'expect' line"),
    ],
)
def test_a_bad_record_is_named(text, error):
    with pytest.raises(CorpusError, match=error):
        list(parse(text, "test.txt"))


def test_a_record_reads_its_headers_and_body():
    (sample,) = parse(
        "# comment\n\n## x1 reconnect sv\nrecipient: Ola Ek\nsubject: Länge sedan\n"
        "limit: 150\nexpect: no-out, no-offer\n--\nHej Ola,\n\nText.\n\n/Bo\n"
    )
    assert (sample.id, sample.kind, sample.lang, sample.limit) == ("x1", "reconnect", "sv", 150)
    assert sample.expect == {"no-out", "no-offer"} and sample.subject == "Länge sedan"
    assert sample.text == "Hej Ola,\n\nText.\n\n/Bo"


def test_the_held_out_writers_stay_on_target():
    """Writers w07-w12, never tuned on (docs/coach.md). A guard that tuning elsewhere does
    not break them; tuning *to* them would make the figure worthless, so read their
    disagreements only to find classes of misses, and check those on new writers."""
    held = load(WRITERS_HELDOUT_DIR)
    assert len(held) >= 300
    assert len({s.id.split("-")[0] for s in held}) >= 6
    report = score_rules(held)
    assert report.overall.precision >= MIN_PRECISION
    assert report.overall.recall >= MIN_RECALL


def test_the_writers_sets_load_even_when_the_held_out_one_is_empty(train):
    assert len(train) >= 300
    assert {s.id.split("-")[0] for s in train} >= {"w01", "w02", "w03", "w04", "w05"}
    assert load(WRITERS_HELDOUT_DIR / "missing") == []


def test_the_command_reports_every_set(capsys):
    assert main(["--sets"]) == 0
    out = capsys.readouterr().out
    assert "| train writers |" in out and "| held-out writers |" in out
    assert "| `placeholder` |" in out
