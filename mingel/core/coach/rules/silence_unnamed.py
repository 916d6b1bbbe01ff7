"""`silence-unnamed`: a reconnect email that ignores the long time apart."""

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes


def find(msg: Message) -> list[Span]:
    if msg.lex.has("silence", msg.norm) or msg.lex.has("silence", msg.subject_norm):
        return []
    return [msg.first_line()]


RULE = Rule(
    id="silence-unnamed",
    kinds=("reconnect",),
    find=find,
    examples=(
        *fires("Hi Ola, could I ask your advice on data teams?", lang="en", kind="reconnect"),
        *passes(
            "Hi Ola, it's been a long time since we last spoke!",
            lang="en",
            kind="reconnect",
        ),
        *passes(
            "Hi Ola, could I ask your advice on data teams?",
            lang="en",
            kind="reconnect",
            subject="Long time no see",
        ),
        *fires("Hej Ola, får jag be dig om råd kring datateam?", lang="sv", kind="reconnect"),
        *passes("Hej Ola, det var evigheter sedan vi hördes!", lang="sv", kind="reconnect"),
    ),
)
