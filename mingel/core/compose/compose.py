"""`compose()`: a draft of a kind, in a language, from what Mingel knows.

Phrasings live in `phrasing/<lang>.toml`. Every sentence slot lists alternatives from the
richest to the barest, and the first whose fields are all known is used, so a missing part
never shows up as "None" or empty brackets. What the user typed (notes, profile) goes in
only as fragments made to fit (fragments.py, profile.py); where nothing fits and the
message needs it, a marked placeholder for the writer stands in its place, never an
invented claim. Connect notes are fitted to the character limit by dropping optional
sentences, then later topics.
"""

import string
import tomllib
from functools import cache
from pathlib import Path

from mingel.core.coach.lexicon import lexicon
from mingel.core.coach.rules.self_focus import MIN_FIRST_PERSON
from mingel.core.coach.text import tokens
from mingel.core.compose import fragments, profile
from mingel.core.compose.model import Draft, Scenario

PHRASING_DIR = Path(__file__).parent / "phrasing"
CONNECT_LIMIT = 200
# Longer values than these many words or characters are not names of an event, a
# company or a role (one long word is a pasted link or a held-down key).
MAX_WORDS = {"event": 8, "company": 6, "role": 6, "since": 6}
MAX_CHARS = {"event": 60, "company": 60, "role": 80, "since": 40}
# A subject names a person by a first name no longer than this; the form takes 200
# characters, and the phrasings have a subject without the name.
SUBJECT_NAME_CHARS = 40
FORMATTER = string.Formatter()


@cache
def phrasings(lang: str) -> dict:
    with (PHRASING_DIR / f"{lang}.toml").open("rb") as f:
        return tomllib.load(f)


def variant_count(kind: str, lang: str) -> int:
    return len(phrasings(lang)[kind]["variants"])


def placeholder(name: str, lang: str) -> str:
    """The marked gap for the writer to fill, e.g. "[vad ni pratade om]"."""
    return phrasings(lang)["placeholders"][name]


def topics(scenario: Scenario, lang: str) -> list[str] | None:
    """What you talked about as items that fit the message; None when there is a note
    but nothing in it fits (a placeholder goes in its place), [] when there is no note."""
    if not scenario.context:
        return []
    first = profile.first_name(scenario.contact.name)
    return fragments.topic_items(scenario.context, lang, recipient=first) or None


def fields(
    scenario: Scenario, lang: str, items: list[str] | None, update_sentences: int = 3
) -> dict[str, str]:
    """The values the phrasings are filled with, every one made to fit (see fragments.py
    and profile.py); "" leaves the phrasing to an alternative without it."""
    me, contact = scenario.me, scenario.contact
    doing = profile.doing_clause(me.doing, lang)
    ask = fragments.topic_items(scenario.ask, lang) if scenario.ask else []
    values = {
        "first": profile.first_name(contact.name),
        "context": placeholder("context", lang) if items is None else fragments.join(items, lang),
        "ask": fragments.join(ask, lang),
        "me": profile.person_name(me.name),
        "me_first": profile.first_name(me.name),
        "doing": doing,
        "doing_v2": profile.inverted(doing, lang),
        "update": profile.update_text(me.update, lang, keep=update_sentences),
        "update_todo": placeholder("update", lang),
        "interests": fragments.join(fragments.topic_items(me.interests, lang), lang),
    }
    for key, words in MAX_WORDS.items():
        source = contact if key in ("company", "role") else scenario
        values[key] = fragments.fitting(getattr(source, key), lang, words, MAX_CHARS[key])
    return values


def self_focused(text: str, lang: str) -> bool:
    """Would the coach's `self-focus` rule fire: many first-person words, few "you"?"""
    lex = lexicon(lang)
    words = [tok.lower for tok in tokens(text)]
    me = sum(w in lex.first_person for w in words)
    you = sum(w in lex.second_person for w in words)
    return me >= MIN_FIRST_PERSON and me > 2 * you


def used_context(items: list[str] | None, lang: str) -> str:
    return "" if items is None else fragments.join(items, lang)


def pick(alternatives: list[str], values: dict[str, str], optional: bool) -> str | None:
    for alt in alternatives:
        is_optional = alt.startswith("?")
        if is_optional and not optional:
            continue
        template = alt.removeprefix("?")
        names = [name for _, name, _, _ in FORMATTER.parse(template) if name]
        if all(values.get(name) for name in names):
            return template.format_map(values)
    return None


def render(variant: dict, values: dict[str, str], optional: int) -> tuple[str, str]:
    """Subject and body, keeping only the first `optional` optional sentences."""
    kept = 0
    paragraphs = []
    for paragraph in variant["paragraphs"]:
        sentences = []
        for slot in paragraph:
            has_optional = any(alt.startswith("?") for alt in slot)
            allow = not has_optional or kept < optional
            sentence = pick(slot, values, allow)
            if sentence and has_optional:
                kept += 1
            if sentence:
                sentences.append(sentence)
        if sentences:
            paragraphs.append(" ".join(sentences))
    names = {k: "" for k in ("first", "me_first") if len(values[k]) > SUBJECT_NAME_CHARS}
    subject = pick(variant["subject"], values | names, True) or ""
    return subject, "\n\n".join(paragraphs)


def compose(
    kind: str, scenario: Scenario, *, lang: str, variant: int = 0, limit: int | None = None
) -> Draft:
    """A draft of `kind` in `lang`; `variant` picks a phrasing (wrapping around).
    `limit` is the connect note's character limit (200 by default): optional sentences go
    first, then the later things you talked about, then the topic gives way to its
    placeholder. The draft's `context` is the topic as written into it ("" when a
    placeholder stands there), for the coach to compare the message with."""
    if lang not in ("sv", "en"):
        raise ValueError(f"unknown language {lang!r}; expected sv or en")
    variants = phrasings(lang)[kind]["variants"]
    chosen = variants[variant % len(variants)]
    max_chars = (limit or CONNECT_LIMIT) if kind == "connect" else None
    items = topics(scenario, lang)
    optional = 99
    subject, body = render(chosen, fields(scenario, lang, items), optional)
    while max_chars and len(body) > max_chars:
        if optional > 0:
            optional = min(optional, body.count("\n") + 3) - 1
        elif items and len(items) > 1:
            items = items[:-1]
        elif items:
            items = None
        else:
            break
        subject, body = render(chosen, fields(scenario, lang, items), optional)
    if self_focused(body, lang):
        # A long update can tip a message into being about the writer; its first
        # sentence is news enough.
        subject, body = render(chosen, fields(scenario, lang, items, 1), optional)
    return Draft(
        lang,
        kind,
        subject,
        body,
        context=used_context(items, lang),
        placeholders=tuple(fragments.placeholders_in(subject + "\n" + body)),
    )
