"""`self-focus`: a message mostly about the writer.

Fires at 4 or more first-person-singular references when they are more than twice the
second-person ones. Pronouns are counted on the full text, before any stopword filtering.
"""

from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes

MIN_FIRST_PERSON = 4


def find(msg: Message) -> list[Span]:
    me, you = len(msg.first_person), len(msg.second_person)
    if me >= MIN_FIRST_PERSON and me > 2 * you:
        return [(msg.first_person[0].start, msg.first_person[-1].end)]
    return []


def details(msg: Message, span: Span) -> dict:
    return {"me": len(msg.first_person), "you": len(msg.second_person)}


RULE = Rule(
    id="self-focus",
    find=find,
    details=details,
    examples=(
        *fires(
            "Hi Bo, I am a student and I love Go. I built my own compiler and I want a job.",
            lang="en",
        ),
        *passes(
            "Hi Bo, I loved your talk. I build in Go too; how did you get into compilers?",
            "Hi Bo, I enjoyed it, I learned a lot, I took notes, I hope you and your team thrive.",
            lang="en",
        ),
        *fires(
            "Hej Bo, jag pluggar och jag gillar Go. Jag byggde min egen kompilator.",
            lang="sv",
        ),
        *passes(
            "Hej Bo, jag gillade ditt föredrag. Hur kom du in på kompilatorer?",
            lang="sv",
        ),
    ),
)
