"""Markers matched by meaning: word patterns over lemmas, within one sentence.

A meaning marker is a sequence of elements separated by spaces, matched against the words
of one sentence:

- `talk|speak|hear`: a word whose lemma or written form is one of these, so "talk" matches
  "talked", "talking" and "hadn't talked"; `apolog*` any word starting so, `*nätverk` any
  word ending so;
- `~` skips up to three words, `~5` up to five ("sorry ~ bother" matches "sorry to bother"
  and "sorry for bothering").

English contractions are opened up first ("hadn't" is "had" + "not", "I'm" is "I" + "am"),
so a marker can say `not talk ~ while`. A word is its lemma as simplemma gives it (see
`lemmas.py`). `negated()` tells whether a match sits in the scope of a negation ("I don't
need you to", "not urgent", "ingen brådska"), for rules where that reverses the meaning.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from mingel.core.coach.lemmas import table
from mingel.core.coach.lexicon import lexicon
from mingel.core.coach.text import Token

SENTENCE_BREAK = frozenset(".!?…\n;")
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
CLITICS = {"m": "be", "re": "be", "ve": "have", "ll": "will", "d": "would"}
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
        return [(base, base), (rest, CLITICS[rest])]
    if rest == "s":
        if base in IS_BEFORE:
            return [(base, base), ("is", "be")]
        if base == "let":
            return [("let", "let"), ("us", "we")]
        return [(base, base)]  # a genitive: "Anna's"
    return [(form, form)]


def words(text: str, tokens: Iterable[Token], lang: str) -> list[Word]:
    """The message's words with their lemmas and sentence numbers, lemmatised once."""
    lemmas = table(lang)
    out: list[Word] = []
    sentence = 0
    previous_end = 0
    for tok in tokens:
        if not SENTENCE_BREAK.isdisjoint(text[previous_end : tok.start]):
            sentence += 1
        previous_end = tok.end
        form = tok.lower
        if "-" in form or "'" in form:
            offset = tok.start
            for part in form.split("-"):
                if not part:
                    offset += 1
                    continue
                pieces = open_contraction(part) if "'" in part and lang == "en" else [(part, part)]
                for piece, lemma in pieces:
                    lemma = lemmas.get(lemma, lemma)
                    out.append(Word(piece, lemma, offset, offset + len(part), sentence))
                offset += len(part) + 1
            continue
        out.append(Word(form, lemmas.get(form, form), tok.start, tok.end, sentence))
    return out


@dataclass(frozen=True)
class Element:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    gap: int = -1  # >= 0: skip up to this many words

    def accepts(self, word: Word) -> bool:
        if word.lemma in self.exact or word.form in self.exact:
            return True
        for p in self.prefixes:
            if word.form.startswith(p) or word.lemma.startswith(p):
                return True
        return any(word.form.endswith(s) or word.lemma.endswith(s) for s in self.suffixes)


def parse_element(text: str) -> Element:
    if text.startswith("~"):
        return Element(frozenset(), (), (), int(text[1:] or DEFAULT_GAP))
    exact, prefixes, suffixes = set(), [], []
    for alt in text.split("|"):
        if alt.endswith("*"):
            prefixes.append(alt[:-1])
        elif alt.startswith("*"):
            suffixes.append(alt[1:])
        else:
            exact.add(alt)
    return Element(frozenset(exact), tuple(prefixes), tuple(suffixes))


class Matcher:
    """A list of meaning markers, indexed by the words their first element accepts."""

    def __init__(self, entries: list[str]):
        self.by_word: dict[str, list[tuple[Element, ...]]] = {}
        self.open: list[tuple[Element, ...]] = []  # first element with a wildcard
        for entry in entries:
            pattern = tuple(parse_element(e) for e in entry.split())
            first = pattern[0]
            if first.prefixes or first.suffixes or first.gap >= 0:
                self.open.append(pattern)
            else:
                for w in first.exact:
                    self.by_word.setdefault(w, []).append(pattern)

    def find(self, ws: list[Word]) -> list[tuple[int, int, int]]:
        """(first word index, start, end) of each match; overlapping matches collapse
        to the first."""
        found = []
        after = -1
        for i, word in enumerate(ws):
            if i <= after:
                continue
            candidates = self.by_word.get(word.lemma, [])
            if word.form != word.lemma:
                candidates = candidates + self.by_word.get(word.form, [])
            if self.open:
                candidates = candidates + self.open
            for pattern in candidates:
                end = match(pattern, 0, ws, i, word.sentence)
                if end is not None:
                    found.append((i, word.start, ws[end].end))
                    after = end
                    break
        return found


def match(
    pattern: tuple[Element, ...], p: int, ws: list[Word], i: int, sentence: int
) -> int | None:
    """The index of the last word of a match of pattern[p:] starting at word i, or None."""
    element = pattern[p]
    last = p == len(pattern) - 1
    if element.gap >= 0:
        for skip in range(element.gap + 1):
            j = i + skip
            if j >= len(ws) or ws[j].sentence != sentence:
                return None
            end = match(pattern, p + 1, ws, j, sentence) if not last else j - 1
            if end is not None:
                return end
        return None
    if i >= len(ws) or ws[i].sentence != sentence or not element.accepts(ws[i]):
        return None
    return i if last else match(pattern, p + 1, ws, i + 1, sentence)


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


@cache
def matcher(lang: str, name: str) -> Matcher:
    """The compiled meaning markers of a list; an unknown list matches nothing."""
    return Matcher(lexicon(lang).meaning_entries.get(name, []))
