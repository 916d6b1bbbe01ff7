"""Markers matched by meaning: word patterns over lemmas, within one sentence.

A meaning marker is a sequence of elements separated by spaces, matched against the words
of one sentence:

- `talk|speak|hear`: a word whose lemma or written form is one of these, so "talk" matches
  "talked", "talking" and "hadn't talked"; `apolog*` any word starting so, `*nätverk` any
  word ending so; `=introduce` only that form (not "introducing"); `#` any number
  written in digits ("6 years");
- `~` skips up to three words, `~5` up to five ("sorry ~ bother" matches "sorry to bother"
  and "sorry for bothering").

English contractions are opened up first ("hadn't" is "had" + "not", "I'm" is "I" + "am"),
so a marker can say `not talk ~ while`. A word is its lemma as simplemma gives it (see
`lemmas.py`). `negated()` tells whether a match sits in the scope of a negation ("I don't
need you to", "not urgent", "ingen brådska"), for rules where that reverses the meaning.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from mingel.core.coach.lemmas import table
from mingel.core.coach.lexicon import lexicon
from mingel.core.coach.text import Token

SENTENCE_BREAK_RE = re.compile(r"[.!?…\n;]")
DEFAULT_GAP = 3
NEGATION_WINDOW = 3
NEGATORS = {
    "en": frozenset({"not", "no", "never", "nobody", "nothing", "none", "without", "hardly"}),
    "sv": frozenset({"inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "utan", "knappast"}),
}
# "n't" contractions by what comes before the "n't": their verb's lemma.
NOT_BASES = {
    "do": "do", "does": "do", "did": "do", "wo": "will", "ca": "can", "could": "could",
    "would": "would", "should": "should", "is": "be", "are": "be", "was": "be", "were": "be",
    "have": "have", "has": "have", "had": "have", "must": "must", "need": "need", "ai": "be",
    "sha": "shall", "might": "might",
}  # fmt: skip
# The clitic as the word it stands for, and that word's lemma.
CLITICS = {
    "m": ("am", "be"),
    "re": ("are", "be"),
    "ve": ("have", "have"),
    "ll": ("will", "will"),
    "d": ("would", "would"),
}
IS_BEFORE = frozenset(
    {"it", "that", "he", "she", "there", "what", "here", "who", "where", "how", "this"}
)


class Word(NamedTuple):
    form: str
    lemma: str
    start: int
    end: int
    sentence: int


def open_contraction(form: str) -> list[tuple[str, str]]:
    """An English token with an apostrophe as (form, lemma) words."""
    base, _, rest = form.rpartition("'")
    if rest == "t" and base.endswith("n"):
        verb = base[:-1]
        return [(verb, NOT_BASES.get(verb, verb)), ("not", "not")]
    if rest in CLITICS:
        return [(base, base), CLITICS[rest]]
    if rest == "s":
        if base in IS_BEFORE:
            return [(base, base), ("is", "be")]
        if base == "let":
            return [("let", "let"), ("us", "we")]
        return [(base, base)]  # a genitive: "Anna's"
    return [(form, form)]


_new = tuple.__new__


def words(text: str, tokens: Iterable[Token], lang: str) -> list[Word]:
    """The message's words with their lemmas and sentence numbers, lemmatised once."""
    lemmas = table(lang)
    out: list[Word] = []
    sentence = 0
    # Where sentences break, walked alongside the tokens.
    breaks = [m.start() for m in SENTENCE_BREAK_RE.finditer(text)]
    breaks.append(len(text))  # a sentinel: no token starts after the end
    b = 0
    get = lemmas.get
    append = out.append
    for _, form, start, end in tokens:
        if breaks[b] < start:
            sentence += 1
            while breaks[b] < start:
                b += 1
        if "-" not in form and "'" not in form:
            lemma = "#" if form.isdigit() else get(form, form)
            append(_new(Word, (form, lemma, start, end, sentence)))
            continue
        offset = start
        for part in form.split("-"):
            if not part:
                offset += 1
                continue
            pieces = open_contraction(part) if "'" in part and lang == "en" else [(part, part)]
            for piece, lemma in pieces:
                lemma = lemmas.get(lemma, lemma)
                out.append(Word(piece, lemma, offset, offset + len(part), sentence))
            offset += len(part) + 1
    return out


@dataclass(frozen=True)
class Element:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    gap: int = -1  # >= 0: skip up to this many words
    plain: bool = True  # only exact words, no wildcards
    forms: frozenset[str] = frozenset()  # words that match only as written ("=introduce")

    def accepts(self, word: Word) -> bool:
        if word.lemma in self.exact or word.form in self.exact or word.form in self.forms:
            return True
        for p in self.prefixes:
            if word.form.startswith(p) or word.lemma.startswith(p):
                return True
        return any(word.form.endswith(s) or word.lemma.endswith(s) for s in self.suffixes)


def parse_element(text: str) -> Element:
    if text.startswith("~"):
        return Element(frozenset(), (), (), int(text[1:] or DEFAULT_GAP), False)
    exact, prefixes, suffixes, forms = set(), [], [], set()
    for alt in text.split("|"):
        if alt.startswith("="):
            forms.add(alt[1:])
        elif alt.endswith("*"):
            prefixes.append(alt[:-1])
        elif alt.startswith("*"):
            suffixes.append(alt[1:])
        else:
            exact.add(alt)
    return Element(
        frozenset(exact),
        tuple(prefixes),
        tuple(suffixes),
        plain=not (prefixes or suffixes),
        forms=frozenset(forms),
    )


Pattern = tuple[Element, ...]
# (list name, pattern, the word sets of its plain elements, number, anchor word set, how
# many words after the start the anchor can be)
Entry = tuple[str, Pattern, tuple[frozenset[str], ...], int, frozenset[str] | None, int]
Match = tuple[int, int, int]  # (first word index, start, end)


class Index:
    """Every meaning list of a language, indexed by each marker's most telling word set
    (its anchor: "refer" rather than "can", "ursäkt" rather than "jag"), so that a
    message's vocabulary picks the few markers worth trying with a set intersection."""

    def __init__(self, lists: dict[str, list[str]], common: frozenset[str] = frozenset()):
        self.by_anchor: dict[str, list[Entry]] = {}
        self.unanchored: list[Entry] = []  # markers of wildcards only
        count = 0
        for name, entries in lists.items():
            for text in entries:
                pattern = tuple(parse_element(e) for e in text.split())
                if pattern[0].gap >= 0:
                    raise ValueError(f"meaning marker {text!r} starts with a gap")
                # The word sets of the plain elements: all must occur in the sentence.
                required = tuple(e.exact | e.forms for e in pattern if e.plain and e.gap < 0)
                if not required:
                    self.unanchored.append((name, pattern, required, count, None, 0))
                    count += 1
                    continue
                k = min(
                    (k for k, e in enumerate(pattern) if e.plain and e.gap < 0),
                    key=lambda k: commonness(pattern[k].exact | pattern[k].forms, common),
                )
                anchor = pattern[k].exact | pattern[k].forms
                # At most how many words the anchor can be after the marker's start.
                reach = sum(e.gap if e.gap >= 0 else 1 for e in pattern[:k])
                entry = (name, pattern, required, count, anchor, reach)
                count += 1
                for w in anchor:
                    self.by_anchor.setdefault(w, []).append(entry)
        self.anchors = frozenset(self.by_anchor)

    def find_all(
        self, ws: list[Word], vocabulary: set[str] | None = None
    ) -> dict[str, list[Match]]:
        """The matches of every list, by list name. In one list, a match that overlaps
        an earlier one is dropped.

        Works from the message's vocabulary rather than word by word: only the markers
        whose anchor occurs are considered, only those whose plain words all occur are
        tried, and only where their first word is, close enough before the anchor."""
        if vocabulary is None:
            vocabulary = vocabulary_of(ws)
        considered: set[int] = set()
        entries: list[Entry] = []
        for key in self.anchors.intersection(vocabulary):
            for entry in self.by_anchor[key]:
                if entry[3] not in considered:
                    considered.add(entry[3])
                    if possible(entry[2], vocabulary):
                        entries.append(entry)
        entries.extend(self.unanchored)
        if not entries:
            return {}
        # Where the first words and anchors of the markers left occur, in one pass.
        wanted: set[str] = set()
        for _, pattern, _, _, anchor, _ in entries:
            wanted.update(pattern[0].exact, pattern[0].forms)
            if anchor:
                wanted.update(anchor)
        wanted &= vocabulary
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(ws):
            if w.form in wanted:
                positions.setdefault(w.form, []).append(i)
            if w.lemma in wanted and w.lemma != w.form:
                positions.setdefault(w.lemma, []).append(i)
        hits: dict[str, list[tuple[int, int]]] = {}
        for name, pattern, _, _, anchor, reach in entries:
            first = pattern[0]
            if first.plain:
                keys = (first.exact | first.forms) & vocabulary
                at = (
                    positions[next(iter(keys))]
                    if len(keys) == 1
                    else sorted({i for k in keys for i in positions[k]})
                )
            else:
                at = [i for i, w in enumerate(ws) if first.accepts(w)]
            if reach:
                # Only starts from which the anchor word is within reach.
                near = {a for k in anchor & vocabulary for a in positions[k]}
                at = [i for i in at if any(i < a <= i + reach for a in near)]
            for i in at:
                end = match(pattern, 0, ws, i, ws[i].sentence)
                if end is not None:
                    hits.setdefault(name, []).append((i, end))
        found: dict[str, list[Match]] = {}
        for name, spans in hits.items():
            kept: list[Match] = []
            after = -1
            for i, end in sorted(spans):
                if i > after:
                    kept.append((i, ws[i].start, ws[end].end))
                    after = end
            found[name] = kept
        return found


def vocabulary_of(ws: list[Word]) -> set[str]:
    """Every form and lemma of a message's words."""
    vocabulary = {w.form for w in ws}
    vocabulary.update([w.lemma for w in ws])
    return vocabulary


def commonness(words: frozenset[str], common: frozenset[str]) -> int:
    """How often a word set can be expected in a message: common words weigh most, short
    words more than long ones ("i" more than "most"), each alternative adds."""
    return sum((100 if w in common else 10) - min(len(w), 9) for w in words)


def possible(required: tuple[frozenset[str], ...], vocabulary: set[str]) -> bool:
    """Whether each word set has a word in the vocabulary (a loop: all() with a generator
    costs twice as much, and this runs for every candidate marker)."""
    for needed in required:  # noqa: SIM110
        if needed.isdisjoint(vocabulary):
            return False
    return True


class Matcher:
    """One list of meaning markers on its own (for tests and tools)."""

    def __init__(self, entries: list[str]):
        self.index = Index({"": entries})

    def find(self, ws: list[Word]) -> list[Match]:
        return self.index.find_all(ws).get("", [])


def match(pattern: Pattern, p: int, ws: list[Word], i: int, sentence: int) -> int | None:
    """The index of the last word of a match of pattern[p:] starting at word i, or None."""
    n = len(ws)
    last = len(pattern) - 1
    while True:
        element = pattern[p]
        if element.gap >= 0:
            if p == last:
                return i - 1
            for j in range(i, min(i + element.gap + 1, n)):
                if ws[j].sentence != sentence:
                    return None
                end = match(pattern, p + 1, ws, j, sentence)
                if end is not None:
                    return end
            return None
        if i >= n:
            return None
        word = ws[i]
        if word.sentence != sentence:
            return None
        exact = element.exact
        if not (word.lemma in exact or word.form in exact or word.form in element.forms) and (
            element.plain or not element.accepts(word)
        ):
            return None
        if p == last:
            return i
        p += 1
        i += 1


def negated(
    ws: list[Word], i: int, lang: str, window: int = NEGATION_WINDOW, last: int | None = None
) -> bool:
    """Whether word i follows a negation within a few words of its sentence, or (given the
    match's last word) a negation sits inside the match ("du behöver inte svara")."""
    negators = NEGATORS[lang]
    sentence = ws[i].sentence
    for j in range(max(0, i - window), i if last is None else last + 1):
        if ws[j].sentence == sentence and ws[j].lemma in negators:
            return True
    return False


def word_at(ws: list[Word], offset: int) -> int:
    """The index of the first word that ends after a character offset."""
    lo, hi = 0, len(ws)
    while lo < hi:
        mid = (lo + hi) // 2
        if ws[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(ws) - 1)


# Lists only the rules of one kind read; the others are read for every kind. "subject"
# is what a reconnect email's subject line is checked for.
KIND_LISTS = {
    "thanks": frozenset({"thanks"}),
    "reconnect": frozenset({"silence", "silence_subject", "update", "out", "offer"}),
    "subject": frozenset({"silence", "silence_subject"}),
}
# Lists only asked for now and then (a pronoun to explain, a demand to excuse): each is
# matched on its own, when a rule asks, instead of in every message's pass.
ON_DEMAND = frozenset({"person", "offer_condition"})
SPECIFIC = frozenset().union(*KIND_LISTS.values()) | ON_DEMAND


@cache
def index(lang: str, kind: str) -> Index:
    """The compiled meaning markers of a language that a kind of message needs."""
    own = KIND_LISTS.get(kind, frozenset())
    lists = lexicon(lang).meaning_entries
    lex = lexicon(lang)
    common = lex.stopwords | lex.first_person | lex.second_person
    if kind in ON_DEMAND:
        return Index({kind: lists.get(kind, [])}, common)
    if kind == "subject":
        return Index({name: lists[name] for name in own if name in lists}, common)
    return Index({n: e for n, e in lists.items() if n not in SPECIFIC or n in own}, common)
