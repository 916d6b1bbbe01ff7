"""`compose()`: a draft of a kind, in a language, from what Mingel knows.

Phrasings live in `phrasing/<lang>.toml`. Every sentence slot lists alternatives from the
richest to the barest, and the first whose fields are all known is used, so a missing part
never shows up as "None" or empty brackets. Connect notes are fitted to the character
limit by dropping optional sentences, then shortening the user's own texts.
"""

import string
import tomllib
from functools import cache
from pathlib import Path

from mingel.core.compose.model import Draft, Scenario

PHRASING_DIR = Path(__file__).parent / "phrasing"
CONNECT_LIMIT = 200
# The user's own texts are cut to these many words, keeping thanks and reconnect mails short.
MAX_WORDS = {"context": 25, "update": 30, "ask": 20, "doing": 12, "interests": 12, "event": 8}
MIN_CONTEXT_WORDS = 2
TRAILING = " ,.;:!?-–"
FORMATTER = string.Formatter()


@cache
def phrasings(lang: str) -> dict:
    with (PHRASING_DIR / f"{lang}.toml").open("rb") as f:
        return tomllib.load(f)


def variant_count(kind: str, lang: str) -> int:
    return len(phrasings(lang)[kind]["variants"])


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0].strip(",.;") if parts else ""


def cut(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]).rstrip(TRAILING) if parts else ""


def lower_first(text: str) -> str:
    """ "Started at Acme" reads on after a colon as "started at Acme"; "I" and "AWS" stay."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def fields(scenario: Scenario, context_words: int) -> dict[str, str]:
    me, contact = scenario.me, scenario.contact
    values = {
        "first": first_name(contact.name),
        "company": contact.company,
        "role": contact.role,
        "context": cut(scenario.context, context_words),
        "event": scenario.event,
        "since": scenario.since,
        "ask": scenario.ask,
        "me": me.name,
        "me_first": first_name(me.name),
        "doing": me.doing,
        "interests": me.interests,
        "update": me.update,
    }
    for key, words in MAX_WORDS.items():
        if key != "context":
            values[key] = cut(values[key], words)
    values["update"] = lower_first(values["update"])
    return {k: v.rstrip(TRAILING) for k, v in values.items()}


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
    subject = pick(variant["subject"], values, True) or ""
    return subject, "\n\n".join(paragraphs)


def compose(
    kind: str, scenario: Scenario, *, lang: str, variant: int = 0, limit: int | None = None
) -> Draft:
    """A draft of `kind` in `lang`; `variant` picks a phrasing (wrapping around).
    `limit` is the connect note's character limit (200 by default)."""
    if lang not in ("sv", "en"):
        raise ValueError(f"unknown language {lang!r}; expected sv or en")
    variants = phrasings(lang)[kind]["variants"]
    chosen = variants[variant % len(variants)]
    max_chars = (limit or CONNECT_LIMIT) if kind == "connect" else None
    context_words = MAX_WORDS["context"]
    optional = 99
    subject, body = render(chosen, fields(scenario, context_words), optional)
    while max_chars and len(body) > max_chars:
        if optional > 0:
            optional = min(optional, body.count("\n") + 3) - 1
        elif context_words > MIN_CONTEXT_WORDS:
            context_words -= 1
        else:
            break
        subject, body = render(chosen, fields(scenario, context_words), optional)
    return Draft(lang, kind, subject, body)
