"""`check()`: run every rule of a kind over a message and score the result."""

from mingel.core.coach.lang import detect
from mingel.core.coach.lexicon import LANGS, rule_text
from mingel.core.coach.model import KINDS, CoachResult, Finding, Message
from mingel.core.coach.rules import RULES
from mingel.core.coach.stats import compute
from mingel.core.coach.text import tokens

PENALTY = {"warning": 15, "suggestion": 5}


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
    default the message's language. Raises ValueError for an unknown kind or language."""
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
        if spans:
            message, tip = rule_text(rule.id, words_lang)
            findings.extend(Finding(rule.id, rule.severity, message, tip, s, e) for s, e in spans)
    fired = {(f.rule, f.severity) for f in findings}
    score = max(0, 100 - sum(PENALTY[severity] for _, severity in fired))
    return CoachResult(lang, kind, score, tuple(findings), compute(msg), words_lang)
