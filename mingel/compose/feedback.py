"""The coach's verdict on a message, shaped for the feedback partial."""

from django.utils import translation

from mingel.compose.marks import segments
from mingel.core.coach import check

# The coach's defaults for thank-you and reconnect bodies (PRODUCT.md), shown as a guide.
WORD_LIMITS = {"thanks": 120, "reconnect": 200}


def ui_lang() -> str:
    lang = (translation.get_language() or "en")[:2]
    return lang if lang in ("sv", "en") else "en"


def by_rule(body: str, findings: list[dict]) -> list[dict]:
    """One entry per rule, in the coach's order, with every passage it points at: a rule
    that fires twice is one thing to fix, not two."""
    grouped: dict[str, dict] = {}
    for finding in findings:
        entry = grouped.setdefault(finding["rule"], {**finding, "quotes": []})
        quote = body[finding["start"] : finding["end"]].strip()
        if quote and quote not in entry["quotes"]:
            entry["quotes"].append(quote)
    return list(grouped.values())


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
    return {
        "result": result,
        "findings": by_rule(body, result["findings"]),
        "stats": stats,
        "segments": segments(body, result["findings"]),
        "char_limit": limit,
        "word_limit": WORD_LIMITS.get(kind),
        "over_limit": (limit is not None and stats["chars"] > limit)
        or (kind in WORD_LIMITS and stats["words"] > WORD_LIMITS[kind]),
    }
