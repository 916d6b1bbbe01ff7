"""The coach's verdict on a message, shaped for the feedback partial."""

from django.utils import translation

from mingel.compose.marks import segments
from mingel.core.coach import check

# The coach's defaults for thank-you and reconnect bodies (PRODUCT.md), shown as a guide.
WORD_LIMITS = {"thanks": 120, "reconnect": 200}


def ui_lang() -> str:
    lang = (translation.get_language() or "en")[:2]
    return lang if lang in ("sv", "en") else "en"


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
    findings = [
        {**finding, "quote": body[finding["start"] : finding["end"]].strip()}
        for finding in result["findings"]
    ]
    stats = result["stats"]
    return {
        "result": result,
        "findings": findings,
        "stats": stats,
        "segments": segments(body, result["findings"]),
        "char_limit": limit,
        "word_limit": WORD_LIMITS.get(kind),
        "over_limit": (limit is not None and stats["chars"] > limit)
        or (kind in WORD_LIMITS and stats["words"] > WORD_LIMITS[kind]),
    }
