"""The lemma table and the meaning markers: inflections carry, negation reverses."""

import pytest

from mingel.core.coach import check
from mingel.core.coach.lemmas import LANGS, build, table, table_path
from mingel.core.coach.meaning import Matcher, negated, words
from mingel.core.coach.text import tokens


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_is_what_simplemma_gives_for_the_lexicon(lang):
    # Fails when a marker word was added without `python -m mingel.core.coach.lemmas`.
    assert table_path(lang).read_text(encoding="utf-8") == build(lang)


@pytest.mark.parametrize(
    ("lang", "form", "lemma"),
    [
        pytest.param("en", "talked", "talk", id="en-past"),
        pytest.param("en", "spoken", "speak", id="en-participle"),
        pytest.param("sv", "hördes", "höra", id="sv-passive-past"),
        pytest.param("sv", "rekommenderar", "rekommendera", id="sv-present"),
    ],
)
def test_the_table_knows_the_forms_of_marker_words(lang, form, lemma):
    assert table(lang)[form] == lemma


def test_contractions_are_opened_and_sentences_kept_apart():
    text = "We hadn't talked. It's been ages."
    ws = words(text, tokens(text), "en")
    assert [(w.form, w.lemma, w.sentence) for w in ws] == [
        ("we", "we", 0),
        ("had", "have", 0),
        ("not", "not", 0),
        ("talked", "talk", 0),
        ("it", "it", 1),
        ("is", "be", 1),
        ("been", "be", 1),
        ("ages", "age", 1),
    ]


def test_a_marker_matches_inflected_forms_within_one_sentence():
    matcher = Matcher(["not talk ~4 while"])
    hit = "Hi Ola, we hadn't talked in quite a while!"
    split = "Hi Ola, we hadn't talked. Quite a while later"
    assert matcher.find(words(hit, tokens(hit), "en"))
    assert not matcher.find(words(split, tokens(split), "en"))


def test_negation_scope():
    text = "I don't need you to reply"
    ws = words(text, tokens(text), "en")
    need = next(i for i, w in enumerate(ws) if w.form == "need")
    assert negated(ws, need, "en")
    assert not negated(ws, 0, "en")


@pytest.mark.parametrize(
    ("text", "lang", "kind", "subject", "rule", "fires"),
    [
        ("Hi Ola, I don't need you to reply, just curious.", "en", "connect", "", "demand", False),
        ("Hi Ola, I need you to reply by Friday.", "en", "connect", "", "demand", True),
        ("Hi Ola, this is not urgent at all.", "en", "connect", "", "desperate", False),
        ("Hej Ola, det är inte brådskande.", "sv", "connect", "", "desperate", False),
        ("Hej Ola, ingen fara om du inte hinner.", "sv", "reconnect", "", "no-out", False),
        ("Hi Ola, we hadn't talked in ages.", "en", "reconnect", "", "silence-unnamed", False),
        ("Hej Ola, evigheter sedan vi hördes.", "sv", "reconnect", "", "silence-unnamed", False),
        ("Hi Ola, a question.", "en", "reconnect", "Six years already!", "silence-unnamed", False),
        ("Hi Ola, sorry to bug you with this.", "en", "connect", "", "negative", True),
        ("Hej Ola, ursäkta att jag tar upp din tid.", "sv", "connect", "", "negative", True),
        ("Hi Ola, could you put me forward for the role?", "en", "connect", "", "demand", True),
        ("Hej Ola, kan du tipsa rekryteraren om mig?", "sv", "connect", "", "demand", True),
        ("Hi Ola, could you recommend a book on Rust?", "en", "connect", "", "demand", False),
        ("Hej Ola, vi har inte setts sedan KTH.", "sv", "reconnect", "", "silence-unnamed", False),
        ("Hi Ola, I recently joined Klarna.", "en", "reconnect", "", "no-update", False),
        ("Hej Ola, jag jobbar numera som utvecklare.", "sv", "reconnect", "", "no-update", False),
        ("Hi Ola, coffee? Totally fine if you are busy.", "en", "reconnect", "", "no-out", False),
        ("Hej Ola, fika? Inget måste!", "sv", "reconnect", "", "no-out", False),
    ],
)
def test_meaning_decides(text, lang, kind, subject, rule, fires):
    result = check(text, kind=kind, lang=lang, subject=subject, recipient="Ola Ek")
    assert (rule in result.rules) is fires, result.rules
