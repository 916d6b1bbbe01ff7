"""Search text: how words are normalised and stemmed for the contact search, in both
languages, the same way for the index and for queries.

A word is indexed under three forms: itself, its Swedish stem and its English stem (Snowball,
via snowballstemmer), each folded to lower case without diacritics ("Malmö" is found by
"malmo"). A field is not language-detected: contact fields are too short for that ("Kafka",
"Volvo Cars", "SRE"), and a Swedish note often carries English terms. The price is a few
cross-language collisions, kept small by leaving common function words out of topics and
notes (see `search_stopwords/`); docs/figures/search.md has the measurement.

A query word (a `Term`) matches a document when the document has a form that starts with
the word as typed (so "kube" finds "Kubernetes" and a Swedish compound such as
"migreringsprojekt" is found by "migrering"), or that equals one of the word's stems (so
"migreringar" finds "migreringen" and "migration" finds "migrations"). Every term must
match somewhere in the document.

The engines see only ready-made tokens separated by spaces: `fts5_query` writes the SQLite
FTS5 MATCH expression and `tsquery` the PostgreSQL one, so both databases match the same
documents. Both can restrict every term to the heavier fields (names, companies, roles and
tags; then also topics), which is how results are ranked.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

# Letters and digits; "_" and punctuation separate words, as SQLite's unicode61 tokenizer
# and PostgreSQL's parser see it.
WORD_RE = re.compile(r"[^\W_]+")
MAX_WORD = 60  # longer "words" are base64, hashes or URLs: not worth indexing
MAX_TERMS = 12
MIN_PREFIX = 2  # a one-letter prefix would match most of the index
STOPWORD_DIR = Path(__file__).parent / "search_stopwords"

_local = threading.local()


def _stemmers() -> tuple[snowballstemmer.stemmer, snowballstemmer.stemmer]:
    # Snowball stemmer objects keep state while they stem: one pair per thread.
    pair = getattr(_local, "stemmers", None)
    if pair is None:
        pair = (snowballstemmer.stemmer("swedish"), snowballstemmer.stemmer("english"))
        _local.stemmers = pair
    return pair


def fold(word: str) -> str:
    """Lower case without diacritics: "Åsa" -> "asa", "Müller" -> "muller"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    # Drop every mark, spacing ones too: a token must stay letters and digits only.
    return "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M")


def _read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip()[:1] not in ("", "#"))


STOPWORDS = _read_words(STOPWORD_DIR / "sv.txt") | _read_words(STOPWORD_DIR / "en.txt")


def words(text: str) -> list[str]:
    """The words of a text, lower-cased (diacritics kept, the stemmers need them)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return [w for w in WORD_RE.findall(text) if len(w) <= MAX_WORD]


@lru_cache(maxsize=50_000)
def forms(word: str) -> tuple[str, ...]:
    """The indexed forms of one lower-cased word: itself, then its Swedish and English
    stems, folded and without repeats."""
    sv, en = _stemmers()
    out = dict.fromkeys((fold(word), fold(sv.stemWord(word)), fold(en.stemWord(word))))
    out.pop("", None)
    return tuple(out)


def is_stopword(word: str) -> bool:
    return fold(word) in STOPWORDS


def document(texts: Iterable[str], *, keep_stopwords: bool = True) -> str:
    """The index tokens of some texts: every form of every word, once, space-separated."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for word in words(text):
            if not keep_stopwords and fold(word) in STOPWORDS:
                continue
            for form in forms(word):
                seen[form] = None
    return " ".join(seen)


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: matched as a prefix (`word`) or by one of its `stems` exactly."""

    word: str
    stems: tuple[str, ...]

    @property
    def prefix(self) -> bool:
        return len(self.word) >= MIN_PREFIX

    def matches(self, form: str) -> bool:
        if self.prefix:
            return form.startswith(self.word) or form in self.stems
        return form == self.word or form in self.stems

    def matches_word(self, word: str) -> bool:
        """Whether a word of a text (lower-cased) matches this term."""
        return _term_matches_word(self, word)


@lru_cache(maxsize=100_000)
def _term_matches_word(term: Term, word: str) -> bool:
    # Result pages repeat the same topics and names: each pair is worked out once.
    return any(term.matches(form) for form in forms(word))


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(q: str) -> Query:
    """The terms of what the user typed. Common function words ("about", "om") are dropped
    unless the query has nothing else; repeats and words past MAX_TERMS are ignored."""
    found = words(q)
    content = [w for w in found if fold(w) not in STOPWORDS] or found
    terms: dict[str, Term] = {}
    for w in content:
        all_forms = forms(w)
        if not all_forms:
            continue
        raw = all_forms[0]
        stems = tuple(f for f in all_forms[1:] if not (len(raw) >= MIN_PREFIX and f == raw))
        terms.setdefault(raw, Term(raw, stems))
        if len(terms) == MAX_TERMS:
            break
    return Query(tuple(terms.values()))


def fts5_query(query: Query, columns: tuple[str, ...] = ()) -> str:
    """The SQLite FTS5 MATCH expression: every term, each as prefix OR stems; with
    `columns`, every term must match within those columns.

    Tokens hold only letters and digits (see WORD_RE), so quoting them is enough."""
    parts = []
    for term in query.terms:
        options = [f'"{term.word}"' + ("*" if term.prefix else "")]
        options += [f'"{stem}"' for stem in term.stems]
        parts.append("(" + " OR ".join(options) + ")")
    expression = " AND ".join(parts)
    if columns:
        return "{" + " ".join(columns) + "} : (" + expression + ")"
    return expression


def tsquery(query: Query, weights: str = "") -> str:
    """The PostgreSQL tsquery text (for to_tsquery('simple', ...)), the same logic as
    fts5_query; `weights` ("A", "AB") plays the part of `columns`."""
    parts = []
    for term in query.terms:
        options = [term.word + (":*" if term.prefix else ":") + weights]
        options += [f"{stem}:{weights}" for stem in term.stems]
        parts.append("(" + " | ".join(o.rstrip(":") for o in options) + ")")
    return " & ".join(parts)


def highlight(text: str, query: Query, width: int = 90) -> tuple[tuple[str, bool], ...]:
    """A short excerpt of `text` around its first word that matches a term, as (part,
    matched) pairs for a template to mark up; empty when no word of `text` matches.

    Offsets are into `text` as given, so what the user wrote is shown as written."""
    if not text or not query:
        return ()
    spans = [
        (m.start(), m.end())
        for m in WORD_RE.finditer(text)
        if any(t.matches_word(m.group().casefold()) for t in query.terms)
    ]
    if not spans:
        return ()
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:  # start at a word boundary
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space > 0 else end
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if s > pos:
            parts.append((text[pos:s], False))
        parts.append((text[s:e], True))
        pos = e
    if pos < end:
        parts.append((text[pos:end], False))
    if end < len(text):
        parts.append(("…", False))
    return tuple((" ".join(p.split("\n")), hit) for p, hit in parts)
