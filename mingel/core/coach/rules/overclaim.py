"""`overclaim`: presenting oneself as an expert, guru or ninja.

The markers match compounds and hyphenated forms ("molnguru", "fullstack-ninja"). A marker
that is about someone else ("you are the expert", "an expert like you") is not a claim.
"""

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, merge, passes


def find(msg: Message) -> list[Span]:
    spans = []
    found = merge(msg.lex.find("overclaim", msg.norm), msg.meaning("overclaim"))
    for start, end in found:
        before = [t.lower for t in msg.tokens if t.end <= start][-3:]
        after = [t.lower for t in msg.tokens if t.start >= end][:2]
        if msg.lex.others.intersection(before) or msg.lex.second_person.intersection(after):
            continue
        spans.append((start, end))
    return spans


RULE = Rule(
    id="overclaim",
    find=find,
    examples=(
        *fires(
            "Hi Kim, I'm a fullstack-ninja and a cloud guru.",
            "Hi Kim, as a Python expert I know everything about backends.",
            "Hi Kim, rockstar developer here, happy to connect.",
            lang="en",
        ),
        *passes(
            "Hi Kim, you're the expert on Kafka, so I'd love your view.",
            "Hi Kim, I'd like to learn from an expert like you.",
            lang="en",
        ),
        *fires(
            "Hej Kim, jag är en riktig molnguru och fullstack-ninja.",
            "Hej Kim, jag kan allt om React.",
            lang="sv",
        ),
        *passes(
            "Hej Kim, du är ju expert på Kafka, så jag vill gärna höra vad du tycker.",
            "Hej Kim, jag håller på att lära mig Kafka just nu.",
            lang="sv",
        ),
    ),
)
