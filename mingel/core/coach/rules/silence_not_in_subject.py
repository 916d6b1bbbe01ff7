"""`silence-not-in-subject`: the long silence is best named in the subject line.

A suggestion, not a warning. It points at the start of the body (0, 0): the subject is a
separate field.
"""

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes


def names_silence_in_subject(msg: Message) -> bool:
    subject = msg.subject_norm
    return bool(subject.strip()) and (
        msg.lex.has("silence", subject)
        or msg.has_meaning("silence", subject=True)
        # A subject is short: "Six years!" or "Long time" is all it needs to say.
        or msg.has_meaning("silence_subject", subject=True)
    )


def find(msg: Message) -> list[Span]:
    if not msg.subject.strip() or names_silence_in_subject(msg):
        return []
    return [(0, 0)]


RULE = Rule(
    id="silence-not-in-subject",
    kinds=("reconnect",),
    severity="suggestion",
    find=find,
    examples=(
        *fires(
            "Hi Ola, it's been a long time!",
            lang="en",
            kind="reconnect",
            subject="Question about data teams",
        ),
        *passes("Hi Ola, it's been a long time!", lang="en", kind="reconnect"),
        *passes(
            "Hi Ola, it's been a long time!",
            lang="en",
            kind="reconnect",
            subject="It's been a while: a question about data teams",
        ),
        *fires(
            "Hej Ola, det var länge sedan!",
            lang="sv",
            kind="reconnect",
            subject="En fråga om datateam",
        ),
        *passes(
            "Hej Ola, det var länge sedan!",
            lang="sv",
            kind="reconnect",
            subject="Länge sedan! En fråga om datateam",
        ),
    ),
)
