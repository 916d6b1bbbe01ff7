"""check(): language detection, the result's shape, statistics and wording language."""

import pytest

from mingel.core.coach import check, detect
from mingel.core.coach.stats import flesch, lix
from mingel.core.coach.text import sentence_spans, tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("Hej Anna! Tack för igår.", "sv", id="sv-short"),
        pytest.param("Hi Anna! Thanks for yesterday.", "en", id="en-short"),
        pytest.param("Hej Åsa, kul att ses på mässan.", "sv", id="sv-letters"),
        pytest.param("Hi Åsa, great to meet you at the fair.", "en", id="en-swedish-name"),
        pytest.param("tja! grymt snack om rust", "sv", id="sv-slang"),
    ],
)
def test_it_detects_the_language_of_short_messages(text, lang):
    assert check(text, kind="connect").lang == lang


def test_it_falls_back_when_the_text_cannot_tell():
    assert detect(tokens("Anna!"), "sv") == "sv"
    assert check("Anna!", kind="connect", fallback_lang="sv").lang == "sv"
    assert check("Anna!", kind="connect").lang == "en"


def test_it_returns_the_product_json_shape():
    data = check(
        "Hej! Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn.",
        kind="connect",
        recipient="Anna Berg",
    ).to_dict()
    assert set(data) == {"lang", "kind", "score", "findings", "stats"}
    assert data["lang"] == "sv" and data["kind"] == "connect"
    assert {f["rule"] for f in data["findings"]} == {"generic", "no-name"}
    assert data["score"] == 70
    generic = next(f for f in data["findings"] if f["rule"] == "generic")
    # The catalog's keys, plus the suggestion as an extra key.
    assert set(generic) == {"rule", "severity", "message", "tip", "start", "end", "suggestion"}
    assert generic["start"] == 5 and generic["severity"] == "warning"
    assert data["stats"]["readability_measure"] == "lix"


def test_it_words_findings_in_the_ui_language():
    sv = check("Hi there.", kind="connect", recipient="Anna", lang="en", ui_lang="sv")
    en = check("Hi there.", kind="connect", recipient="Anna", lang="en")
    assert sv.findings[0].message.startswith("Meddelandet")
    assert en.findings[0].message.startswith("The message")


def test_it_scores_a_clean_message_100():
    result = check("Hi Anna, thanks for the tips on Rust!", kind="thanks", recipient="Anna")
    assert result.findings == () and result.score == 100


def test_it_rejects_unknown_kinds_and_languages():
    with pytest.raises(ValueError, match="kind"):
        check("Hi", kind="invite")
    with pytest.raises(ValueError, match="language"):
        check("Hi", kind="connect", lang="de")


def test_it_counts_statistics():
    stats = check(
        "Hej Anna!\nJag gillade ditt föredrag. Hur började du med Rust?", kind="connect"
    ).stats
    assert (stats.words, stats.sentences, stats.questions) == (11, 3, 1)
    assert (stats.first_person, stats.second_person) == (1, 2)


def test_it_ends_sentences_at_line_breaks():
    assert len(sentence_spans("Hej Anna\nTack för igår\n\n/Bo")) == 3


def test_it_computes_lix_and_flesch():
    assert lix(["en", "mening", "med", "utvecklare"], 1) == 4 + 25.0
    assert flesch(["the", "cat", "sat"], 1) == round(206.835 - 1.015 * 3 - 84.6, 1)


def test_it_weighs_a_demand_more_than_a_missing_offer():
    demand = check("Hi Anna, can you refer me for the backend role?", kind="connect")
    assert demand.rules == ["demand"] and demand.score == 70
    no_offer = check(
        "Hi Anna,\n\nIt's been years! I have since moved to Umeå and teach Python. "
        "Could I ask your advice on data teams? No worries if you don't have time.",
        kind="reconnect",
        subject="Long time no see",
        recipient="Anna Berg",
    )
    assert no_offer.rules == ["no-offer"] and no_offer.score == 90


def test_a_finding_quotes_only_its_phrase_and_suggests_a_rewrite_in_the_message_language():
    text = "Hej Anna! Tack för pratet. Förlåt att jag stör, men kan du rekommendera mig?"
    result = check(text, kind="thanks", recipient="Anna Berg", ui_lang="en")
    demand = next(f for f in result.findings if f.rule == "demand")
    assert text[demand.start : demand.end] == "rekommendera mig"
    assert demand.message == "This hands the reader a task instead of asking for advice."
    assert demand.suggestion.startswith("Gör om ”rekommendera mig” till en fråga om råd")
    assert result.score <= 70 - 25  # a demand and an apology


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_rule_has_a_name(lang):
    from mingel.core.coach import RULE_IDS, rule_name

    names = [rule_name(rule_id, lang) for rule_id in RULE_IDS]
    assert all(names) and len(set(names)) == len(names)
    assert rule_name("placeholder", "sv") == "Lucka att fylla i"
