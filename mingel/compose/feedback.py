"""The coach's verdict on a message, shaped for the feedback partial."""

from django.utils import translation

from mingel.compose.marks import segments
from mingel.core.coach import check
from mingel.core.coach.lexicon import rule_name

# The coach's defaults for thank-you and reconnect bodies (PRODUCT.md), shown as a guide.
WORD_LIMITS = {"thanks": 120, "reconnect": 200}
# A quote longer than this is cut at a word with an ellipsis: it points at the passage,
# the text itself is right beside it.
QUOTE_CHARS = 60
PLACEHOLDER_RULE = "placeholder"


def ui_lang() -> str:
    lang = (translation.get_language() or "en")[:2]
    return lang if lang in ("sv", "en") else "en"


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The passage as quoted beside a finding: whole when short, else cut at a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:") + "…"


def by_rule(body: str, findings: list[dict], lang: str) -> list[dict]:
    """One entry per rule, in the coach's order, with its name and every passage it points
    at: a rule that fires twice is one thing to fix, not two."""
    grouped: dict[str, dict] = {}
    for finding in findings:
        name = rule_name(finding["rule"], lang)
        entry = grouped.setdefault(finding["rule"], {**finding, "name": name, "quotes": []})
        quote = short_quote(body[finding["start"] : finding["end"]])
        if quote and quote not in entry["quotes"]:
            entry["quotes"].append(quote)
    return list(grouped.values())


def gaps(body: str, findings: list[dict]) -> list[dict]:
    """The gaps left for the writer ("[vad ni pratade om]", "{first_name}", "XXX") with
    where they are: the coach's `placeholder` findings, so the page, the coach and
    "Mark as sent" agree on what is a gap."""
    return [
        {"text": body[f["start"] : f["end"]], "start": f["start"], "end": f["end"]}
        for f in findings
        if f["rule"] == PLACEHOLDER_RULE
    ]


def unfilled(*, kind: str, lang: str, subject: str, body: str) -> list[str]:
    """The gaps in the subject and the body, as the coach's `placeholder` rule finds
    them: what "Mark as sent" asks about. The coach checks the body only, so the subject
    is checked as a text of its own."""
    found = []
    for text in (subject, body):
        if text.strip():
            findings = check(text, kind=kind, lang=lang).findings
            found += [text[f.start : f.end] for f in findings if f.rule == PLACEHOLDER_RULE]
    return found


def marked(body: str, findings: list[dict], lang: str) -> list[dict]:
    """The text cut at the coach's spans, each piece with the names of the rules that
    point at it (for the <mark> title); a gap to fill in is marked as such."""
    return [
        {
            "text": piece.text,
            "marked": piece.marked,
            "placeholder": PLACEHOLDER_RULE in piece.rules,
            "title": ", ".join(rule_name(rule, lang) for rule in piece.rules),
        }
        for piece in segments(body, findings)
    ]


def coach_feedback(
    *,
    user,
    kind: str,
    body: str,
    lang: str = "auto",
    subject: str = "",
    recipient: str = "",
    context: str = "",
) -> dict:
    """The result as the PRODUCT.md JSON plus what the page shows beside it: each finding
    with the passage it points at, the text cut at the spans, and the limits in force.
    Explanations come in the interface language, whatever the message's language."""
    limit = user.connect_note_limit if kind == "connect" else None
    result = check(
        body,
        kind=kind,
        lang=lang,
        subject=subject,
        recipient=recipient,
        context=context,
        limit=limit,
        fallback_lang=ui_lang(),
        ui_lang=ui_lang(),
    ).to_dict()
    stats = result["stats"]
    to_fill = gaps(body, result["findings"])
    warnings = {f["rule"] for f in result["findings"] if f["severity"] == "warning"}
    suggestions = {f["rule"] for f in result["findings"]} - warnings
    return {
        "result": result,
        "findings": by_rule(body, result["findings"], ui_lang()),
        "stats": stats,
        "segments": marked(body, result["findings"], ui_lang()),
        "placeholders": to_fill,
        "warning_count": len(warnings),
        "suggestion_count": len(suggestions),
        "char_limit": limit,
        "word_limit": WORD_LIMITS.get(kind),
        "over_limit": (limit is not None and stats["chars"] > limit)
        or (kind in WORD_LIMITS and stats["words"] > WORD_LIMITS[kind]),
    }
