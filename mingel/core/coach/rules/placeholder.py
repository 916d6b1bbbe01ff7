"""`placeholder`: a gap left for the writer to fill is still in the text.

A bracketed phrase ("[vad ni pratade om]", "[company]"), a field in braces or angle
brackets ("{name}", "<company>"), a run of X's standing for a name or number ("XXX") or a
blank line to fill in ("____"). A Markdown link ("[slides](https://…)"), a bracketed number
("[1]") and an e-mail address in angle brackets are not placeholders.
"""

import re

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes

PLACEHOLDER_RE = re.compile(
    r"\[(?!\d+\])[^\[\]\n]{1,60}\](?!\()"  # [vad ni pratade om], not [1] or [text](url)
    r"|\{\{?\s*[^\W\d][\w .-]{0,40}\}\}?"  # {name}, {{company}}
    r"|<(?![\w.+-]+@)[^\W\d][\w .-]{0,40}>"  # <company>, not <a@b.se>
    r"|(?<![\w-])(?:XX+|xxx+|X{1,3}-X+)(?![\w-])"  # XXX, XX-XX
    r"|_{3,}"  # ____
)


MARKS = ("[", "{", "<", "XX", "xxx", "___")


def find(msg: Message) -> list[Span]:
    text = msg.text
    if not any(mark in text for mark in MARKS):  # the usual case, without the regex
        return []
    return [m.span() for m in PLACEHOLDER_RE.finditer(text)]


def details(msg: Message, span: Span) -> dict:
    return {"found": msg.text[span[0] : span[1]]}


RULE = Rule(
    id="placeholder",
    find=find,
    details=details,
    examples=(
        *fires(
            "Hi Anna, great to talk about [topic] at the meetup!",
            "Hi {first_name}, thanks for your time at <company>.",
            "Hi Anna, I start at XXX in March.",
            lang="en",
        ),
        *passes(
            "Hi Anna, here are the slides: [slides](https://example.com) [1]",
            "Hi Anna, my address is <anna@example.com>, and X is a great tool.",
            lang="en",
        ),
        *fires("Hej Anna! Tack för pratet om [vad ni pratade om] igår.", lang="sv"),
        *passes("Hej Anna! Tack för pratet om Kafka igår :)", lang="sv"),
    ),
)
