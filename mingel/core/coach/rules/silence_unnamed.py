"""`silence-unnamed`: a reconnect email that ignores the long time apart."""

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes
from mingel.core.coach.rules.silence_not_in_subject import names_silence_in_subject


def names_silence(msg: Message) -> bool:
    """Whether the body or the subject acknowledges the time apart, in any tense
    ("it's been ages", "we hadn't talked in quite a while", "Six years already!")."""
    return (
        msg.lex.has("silence", msg.norm)
        or msg.has_meaning("silence")
        or names_silence_in_subject(msg)
    )


def find(msg: Message) -> list[Span]:
    if names_silence(msg):
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
        *passes(
            "Hi Ola, we hadn't talked in quite a while, so here goes.",
            lang="en",
            kind="reconnect",
        ),
        *passes(
            "Hi Ola, could I ask your advice on data teams?",
            lang="en",
            kind="reconnect",
            subject="Six years already!",
        ),
        *passes("Hej Ola, det var evigheter sedan vi hördes!", lang="sv", kind="reconnect"),
        *passes("Hej Ola! Vi har inte pratats vid sedan Chalmers.", lang="sv", kind="reconnect"),
    ),
)
