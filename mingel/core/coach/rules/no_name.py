"""`no-name`: the recipient's first name never appears.

Inflected forms count: a Swedish genitive ("Annas", "Max:s") or an English one ("Anna's").
So do the name without its accents ("Jose" for José) and a capitalised short form of at
least three letters ("Bea" for Beatrice, "Alex" for Alexander) that is not a common word.
"""

import re
import unicodedata

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes
from mingel.core.coach.rules.generic import all_stopwords

MIN_SHORT_FORM = 3


def fold(text: str) -> str:
    """Lower case without accents: "José" and "jose" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def first_name(recipient: str) -> str:
    parts = recipient.strip().split()
    return parts[0].strip(",.;") if parts else ""


def name_pattern(name: str) -> str:
    return r"(?<![\w-])" + re.escape(name) + r"(?:s|'s|:s|')?(?![\w])"


def uses_short_form(msg: Message, name: str) -> bool:
    stop = all_stopwords()
    for tok in msg.tokens:
        short = fold(tok.text)
        if (
            tok.text[:1].isupper()
            and MIN_SHORT_FORM <= len(short) < len(name)
            and name.startswith(short)
            and tok.lower not in stop
        ):
            return True
    return False


def find(msg: Message) -> list[Span]:
    name = first_name(msg.recipient).lower()
    if not name:
        return []
    if re.search(name_pattern(name), msg.norm):
        return []
    folded = fold(name)
    if not (name.isascii() and msg.norm.isascii()) and re.search(
        name_pattern(folded), fold(msg.norm)
    ):
        return []
    if uses_short_form(msg, folded):
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
        *passes("Hi Jose, great to meet you.", lang="en", recipient="José García"),
        *passes("Hi Bea, long time no see!", lang="en", recipient="Beatrice Holm"),
        *fires("And thanks again for the talk.", lang="en", recipient="Anders Ek"),
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
