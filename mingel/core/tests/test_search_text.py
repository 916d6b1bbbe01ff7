import pytest
from hypothesis import given
from hypothesis import strategies as st

from mingel.core import search_text
from mingel.core.search_text import document, highlight, parse_query


def finds(q: str, text: str) -> bool:
    """Whether a document made of `text` matches `q`, by the rules the engines apply."""
    forms = document([text]).split()
    query = parse_query(q)
    return bool(query) and all(any(t.matches(f) for f in forms) for t in query.terms)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        pytest.param("migration", "cloud migrations", id="en-plural"),
        pytest.param("migrations", "a migration project", id="en-singular"),
        pytest.param("engineering", "data engineers", id="en-stem"),
        pytest.param("migreringar", "migreringen av gamla system", id="sv-definite"),
        pytest.param("migreringen", "flera migreringar", id="sv-plural"),
        pytest.param("utvecklare", "utvecklaren på Klarna", id="sv-definite-person"),
        pytest.param("rekommendationssystemet", "rekommendationssystem", id="sv-long"),
        pytest.param("kube", "Kubernetes", id="prefix-being-typed"),
        pytest.param("migrering", "migreringsprojekt", id="sv-compound-prefix"),
        pytest.param("malmo", "Malmö", id="no-diacritics-in-query"),
        pytest.param("MÜLLER", "Anna Müller", id="case-and-umlaut"),
        pytest.param("ek klarna", "Bo Ek, Klarna", id="every-word"),
        pytest.param("who knows about kafka", "data pipelines with Kafka", id="en-stopwords"),
        pytest.param("vem kan om kafka", "Kafka", id="sv-stopwords"),
        pytest.param("vem känner till kafka", "Kafka", id="sv-question"),
        pytest.param("the", "The Company", id="only-stopwords-kept"),
        pytest.param("c", "C and C++", id="one-letter-exact"),
    ],
)
def test_it_finds(q, text):
    assert finds(q, text)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        pytest.param("kubernetes", "Rust for embedded", id="other-topic"),
        pytest.param("ek klarna", "Bo Ek, Spotify", id="one-word-missing"),
        pytest.param("sson", "Andersson", id="no-substring-inside-a-word"),
        pytest.param("c", "Cloud", id="one-letter-is-not-a-prefix"),
        pytest.param("!!!", "anything", id="no-words"),
    ],
)
def test_it_does_not_find(q, text):
    assert not finds(q, text)


def test_it_indexes_each_word_under_its_swedish_and_english_stems():
    assert search_text.forms("migreringar") == ("migreringar", "migrering")
    assert search_text.forms("migrations") == ("migrations", "migration", "migrat")
    assert search_text.forms("malmö") == ("malmo",)


def test_it_leaves_function_words_out_of_topics_and_notes_but_not_out_of_names():
    assert document(["inte om det"], keep_stopwords=False) == ""
    assert document(["IT och Data"]).split()[:3] == ["it", "och", "data"]


def test_it_writes_the_same_query_for_both_engines():
    query = parse_query("Migreringar rust c")
    assert search_text.fts5_query(query) == (
        '("migreringar"* OR "migrering") AND ("rust"*) AND ("c")'
    )
    assert search_text.tsquery(query) == "(migreringar:* | migrering) & (rust:*) & (c)"


def test_it_can_ask_for_every_word_within_the_heavier_fields():
    query = parse_query("kube c")
    assert search_text.fts5_query(query, ("head", "topics")) == (
        '{head topics} : (("kube"* OR "kub") AND ("c"))'
    )
    assert search_text.tsquery(query, "AB") == "(kube:*AB | kub:AB) & (c:AB)"


def test_it_ignores_repeats_and_caps_the_number_of_words():
    assert len(parse_query("rust rust RUST").terms) == 1
    assert len(parse_query(" ".join(f"word{n}" for n in range(40))).terms) == 12


def test_it_highlights_the_matching_words_in_an_excerpt():
    text = "Met at the KTH fair. " * 5 + "Knows a lot about Kubernetes migrations and more."
    parts = highlight(text, parse_query("kubernetes migration"), width=60)
    assert parts[0] == ("…", False)
    assert ("Kubernetes", True) in parts
    assert ("migrations", True) in parts
    assert "".join(p for p, _ in parts if p != "…") in text


def test_it_highlights_nothing_when_no_word_matches():
    assert highlight("Rust for embedded systems", parse_query("kafka")) == ()
    assert highlight("", parse_query("kafka")) == ()


@given(st.text(max_size=300))
def test_any_text_gives_tokens_both_engines_read_as_plain_words(text):
    for token in document([text]).split():
        assert search_text.WORD_RE.fullmatch(token)
    query = parse_query(text)
    for term in query.terms:
        for token in (term.word, *term.stems):
            assert search_text.WORD_RE.fullmatch(token)
