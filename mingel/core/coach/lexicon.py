"""Per-language word lists and marker patterns, read once from `lexicon/<lang>.toml`.

Markers are compiled into one regular expression per list, matched against the
normalised text (see `text.normalise`), so a match's span is a span of the original text.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LANGS = ("sv", "en")
LEXICON_DIR = Path(__file__).parent / "lexicon"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    stopwords: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    others: frozenset[str]
    marker_entries: dict[str, list[str]]
    rule_texts: dict[str, dict[str, str]]
    meaning_entries: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    # Networking small talk: words that do not make a message specific ("linkedin").
    others_small_talk: frozenset[str] = frozenset()
    # Compiled on first use: a one-message `mingel coach` needs only a few of the lists.
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def pattern(self, name: str) -> re.Pattern[str]:
        pattern = self.compiled.get(name)
        if pattern is None:
            pattern = self.compiled[name] = compile_markers(self.marker_entries[name])
        return pattern

    def find(self, name: str, norm: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern(name).finditer(norm)]

    def has(self, name: str, norm: str) -> bool:
        return self.pattern(name).search(norm) is not None


def marker_body(entry: str) -> str:
    """A word entry as a regular expression, without the word-start check."""
    parts = []
    for word in entry.split():
        head = r"[\w-]*" if word.startswith("*") else ""
        tail = r"\w*" if word.endswith("*") else ""
        parts.append(head + re.escape(word.strip("*")) + tail)
    return r"[\s-]+".join(parts)


def marker_regex(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    return r"(?<![\w-])" + marker_body(entry) + r"(?![\w])"


WORD_START = r"(?<![\w-])"


END = ""  # a trie key no unit can have: an entry ends here


def units(entry: str) -> list[str]:
    """A word entry as regular-expression pieces: one per letter, one per gap between
    words (a space or a hyphen), and `\\w*` for a trailing `*`."""
    out: list[str] = []
    for i, word in enumerate(entry.split()):
        if i:
            out.append(r"[\s-]+")
        out.extend(re.escape(ch) for ch in word.rstrip("*"))
        if word.endswith("*"):
            out.append(r"\w*")
    return out


def trie_regex(entries: list[str]) -> str:
    """The word entries as one pattern shaped like a trie, so that at each word start the
    engine tries a handful of first letters instead of every entry, and then only the
    entries that share the letters so far. Longer entries win: at each step the ways on
    are tried before stopping."""
    root: dict = {}
    for entry in entries:
        node = root
        for unit in units(entry):
            node = node.setdefault(unit, {})
        node[END] = {}

    def build(node: dict) -> str:
        # Letters first, wildcards last, stopping (with a word-end check) after all.
        ways = sorted((u for u in node if u != END), key=lambda u: (u.startswith(("[", "\\w")), u))
        alternatives = [unit + build(node[unit]) for unit in ways]
        if END in node:
            alternatives.append(r"(?!\w)")
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return build(root)


def compile_markers(entries: list[str]) -> re.Pattern[str]:
    """One pattern per list, built so that Python's engine stays fast on it.

    Every entry that starts a word (word entries, and `re:` entries written to begin with
    the word-start check) shares one word-start check instead of repeating it; the word
    entries form a trie (see trie_regex); single words with a leading `*` ("*expert",
    "*guru": any word ending so) share one branch."""
    words, endings, raw_words, raw_other = [], [], [], []
    for entry in entries:
        if entry.startswith("re:"):
            body = entry[3:]
            if body.startswith(WORD_START):
                raw_words.append(body[len(WORD_START) :])
            else:
                raw_other.append(body)
        elif entry.startswith("*") and not entry.endswith("*") and " " not in entry:
            endings.append(re.escape(entry[1:]))
        else:
            words.append(entry)
    alternatives = []
    if words:
        alternatives.append(trie_regex(words))
    if endings:
        ordered = sorted(endings, key=len, reverse=True)
        alternatives.append(r"[\w-]*(?:" + "|".join(ordered) + r")(?!\w)")
    alternatives.extend(f"(?:{r})" for r in raw_words)
    branches = [WORD_START + "(?:" + "|".join(alternatives) + ")"] if alternatives else []
    branches.extend(f"(?:{r})" for r in raw_other)
    return re.compile("|".join(branches))


@cache
def lexicon(lang: str) -> Lexicon:
    with (LEXICON_DIR / f"{lang}.toml").open("rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        lang=lang,
        stopwords=frozenset(data["stopwords"]),
        first_person=frozenset(data["first_person"]),
        second_person=frozenset(data["second_person"]),
        others=frozenset(data["others"]),
        marker_entries=data["markers"],
        rule_texts=data["rules"],
        meaning_entries=data.get("meaning", {}),
        units=data.get("units", {}),
        others_small_talk=frozenset(data.get("small_talk", [])),
    )


def rule_name(rule_id: str, lang: str) -> str:
    """A rule's short name for people ("Gap to fill in", "Lucka att fylla i")."""
    return lexicon(lang if lang in LANGS else "en").rule_texts[rule_id]["name"]


def rule_texts(rule_id: str, lang: str) -> dict[str, str]:
    """All texts of a rule in a language: name, message, tip and suggestion (the last
    two may hold `{placeholders}` that check() fills in)."""
    return lexicon(lang if lang in LANGS else "en").rule_texts[rule_id]


def rule_text(rule_id: str, lang: str) -> tuple[str, str]:
    """The (message, tip) of a rule in a language, for the coach and for pages alike.
    A message with `{placeholders}` is given as written: check() fills them per finding."""
    texts = rule_texts(rule_id, lang)
    return texts["message"], texts["tip"]
