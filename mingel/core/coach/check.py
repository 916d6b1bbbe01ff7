"""`check()`: run every rule of a kind over a message and score the result."""

from mingel.core.coach.lang import detect
from mingel.core.coach.lexicon import LANGS, lexicon, rule_texts
from mingel.core.coach.model import KINDS, CoachResult, Finding, Message
from mingel.core.coach.rules import RULES
from mingel.core.coach.stats import compute
from mingel.core.coach.text import tokens

# What a rule costs the score, once however often it fires. What puts a reader off for
# good costs most: a task dropped on someone who owes you nothing (so a message with a
# `demand` scores at most 70), pleading, complaining or apologising, and a placeholder
# that shows the message is a template. A missing courtesy (an offer, a way out) costs
# less, and a suggestion least. docs/coach.md explains the weights.
WEIGHTS = {
    "demand": 30,
    "desperate": 25,
    "negative": 25,
    "placeholder": 25,
    "overclaim": 20,
    "no-thanks": 20,
    "generic": 15,
    "no-name": 15,
    "self-focus": 15,
    "too-long": 15,
    "silence-unnamed": 15,
    "mixed-language": 15,
    "third-person": 15,
    "pasted-note": 15,
    "no-update": 10,
    "no-out": 10,
    "no-offer": 10,
    "silence-not-in-subject": 5,
}
DEFAULT_WEIGHT = {"warning": 15, "suggestion": 5}


def score(findings: list[Finding]) -> int:
    """100 less each fired rule's weight (once per rule), never below 0."""
    fired = {f.rule: f.severity for f in findings}
    return max(0, 100 - sum(WEIGHTS.get(r, DEFAULT_WEIGHT[s]) for r, s in fired.items()))


TOPIC_WORDS = 6  # a longer context is a note, not a topic to quote in a sentence


class Values(dict):
    """A finding's values for its texts; one a text asks for and the rule lacks is "…"."""

    def __missing__(self, key: str) -> str:
        return "…"


def values_for(rule, msg: Message, start: int, end: int) -> Values:
    values = Values(found=msg.text[start:end].strip() or "…")
    first = msg.recipient.split()[0].strip(",.") if msg.recipient.split() else ""
    if first:
        values["first"] = first[:1].upper() + first[1:]
    if msg.context.strip() and len(msg.context.split()) <= TOPIC_WORDS:
        values["topic"] = msg.context.strip().rstrip(".")
    if msg.subject.strip():
        values["subject"] = msg.subject.strip()
    if rule.details:
        values.update(rule.details(msg, (start, end)))
    return values


def fill(template: str, values: Values, lang: str) -> str:
    if "{" not in template:
        return template
    unit = values.get("unit")
    if unit:
        values = Values(values, unit=lexicon(lang).units[unit])
    return template.format_map(values)


def check(
    text: str,
    *,
    kind: str,
    lang: str = "auto",
    subject: str = "",
    recipient: str = "",
    context: str = "",
    limit: int | None = None,
    fallback_lang: str = "en",
    ui_lang: str | None = None,
) -> CoachResult:
    """Check a message of a kind. `lang="auto"` detects sv/en (falling back to
    `fallback_lang` when the text cannot tell); findings are worded in `ui_lang`, by
    default the message's language, and their suggestions in the message's language.
    Raises ValueError for an unknown kind or language."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    body_tokens = tokens(text)
    if lang == "auto":
        lang = detect(tokens(subject) + body_tokens if subject else body_tokens, fallback_lang)
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected sv, en or auto")
    if limit is not None and limit < 1:
        raise ValueError("limit must be a positive number")
    msg = Message(text, kind, lang, subject, recipient, context, limit, body_tokens)
    words_lang = ui_lang if ui_lang in LANGS else lang
    findings = []
    for rule in RULES:
        if kind not in rule.kinds:
            continue
        spans = rule.find(msg)
        if not spans:
            continue
        texts = rule_texts(rule.id, words_lang)
        own = rule_texts(rule.id, lang)
        for start, end in spans:
            values = values_for(rule, msg, start, end)
            findings.append(
                Finding(
                    rule.id,
                    rule.severity,
                    fill(texts["message"], values, words_lang),
                    texts["tip"],
                    start,
                    end,
                    fill(own.get("suggestion", ""), values, lang),
                )
            )
    return CoachResult(lang, kind, score(findings), tuple(findings), compute(msg), words_lang)
