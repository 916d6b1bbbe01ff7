"""`too-long`: over the kind's limit.

`connect` counts characters (200 by default, the free LinkedIn limit; `limit` overrides);
`thanks` (120) and `reconnect` (200) count words, and `limit` overrides those too. The
span covers what lies past the limit.
"""

from mingel.core.coach.model import DEFAULT_CONNECT_LIMIT, Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes

WORD_LIMITS = {"thanks": 120, "reconnect": 200}


def find(msg: Message) -> list[Span]:
    start, end = msg.whole()
    if msg.kind == "connect":
        limit = msg.limit or DEFAULT_CONNECT_LIMIT
        return [(start + limit, end)] if end - start > limit else []
    limit = msg.limit or WORD_LIMITS[msg.kind]
    if len(msg.tokens) > limit:
        return [(msg.tokens[limit].start, end)]
    return []


def details(msg: Message, span: Span) -> dict:
    start, end = msg.whole()
    if msg.kind == "connect":
        limit = msg.limit or DEFAULT_CONNECT_LIMIT
        count, unit = end - start, "chars"
    else:
        limit = msg.limit or WORD_LIMITS[msg.kind]
        count, unit = len(msg.tokens), "words"
    return {"count": count, "limit": limit, "over": count - limit, "unit": unit}


RULE = Rule(
    id="too-long",
    find=find,
    details=details,
    examples=(
        *fires("Hi Per, " + "great chat about Rust at the meetup. " * 6, lang="en"),
        *passes("Hi Per, great chat about Rust at the meetup!", lang="en"),
        *passes("Hi Per, " + "great chat about Rust. " * 11, lang="en", limit=300),
        *fires("Hi Per, thanks! " + "word " * 120, lang="en", kind="thanks"),
        *passes("Hi Per, thanks! " + "word " * 100, lang="en", kind="thanks"),
        *fires("Hej Per, " + "kul att prata om Rust på träffen. " * 7, lang="sv"),
        *fires("Hej Per! " + "ord " * 200, lang="sv", kind="reconnect"),
        *passes("Hej Per! " + "ord " * 150, lang="sv", kind="reconnect"),
    ),
)
