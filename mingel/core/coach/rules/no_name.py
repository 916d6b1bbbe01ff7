"""`no-name`: the recipient's first name never appears.

Inflected forms count: a Swedish genitive ("Annas", "Max:s") or an English one ("Anna's").
"""

import re

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes


def first_name(recipient: str) -> str:
    parts = recipient.strip().split()
    return parts[0].strip(",.;") if parts else ""


def find(msg: Message) -> list[Span]:
    name = first_name(msg.recipient).lower()
    if not name:
        return []
    pattern = r"(?<![\w-])" + re.escape(name) + r"(?:s|'s|:s|')?(?![\w])"
    if re.search(pattern, msg.norm):
        return []
    return [msg.first_line()]


RULE = Rule(
    id="no-name",
    find=find,
    examples=(
        *fires("Hi there, great to meet you at the meetup.", lang="en", recipient="Anna Berg"),
        *passes(
            "Hi Anna, great to meet you at the meetup.",
            "hi anna! great to meet you.",
            "Loved Anna's talk on testing at the meetup.",
            lang="en",
            recipient="Anna Berg",
        ),
        *passes("Hi there, great to meet you.", lang="en"),
        *fires("Hej! Kul att träffas på mässan.", lang="sv", recipient="Anna Berg"),
        *passes(
            "Hej Anna! Kul att träffas på mässan.",
            "Tack för Annas föredrag om testning.",
            lang="sv",
            recipient="Anna Berg",
        ),
        *passes("Tack för Max:s tips om Rust!", lang="sv", recipient="Max Ek"),
    ),
)
