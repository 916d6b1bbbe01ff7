"""The short self-presentation: built from the profile, and how long it takes to say.

People speak about 130-150 words a minute in a relaxed conversation; 140 is the middle.
A first hello should leave room for the other person, so more than about 30 seconds is
flagged as long; said in well under the estimate (less than 60 % of it) it was rushed.
"""

import math
import re
from dataclasses import dataclass

from mingel.core.compose.profile import doing_clause, inverted, person_name
from mingel.core.events.questions import texts

WORDS_PER_MINUTE = 140
LONG_AFTER_SECONDS = 30
# Under this share of the estimate, a practice run was too fast to follow: nervous speakers
# rush, and 60 % of 140 words a minute is well past the 150-160 of a brisk talk.
TOO_FAST_SHARE = 0.6
# A word is a run of letters or digits, with inner hyphens or apostrophes ("e-post",
# "I'm") counted as one word, as they are said in one go. Not the coach's word count
# (coach.stats, via coach.text.WORD_RE): that one also joins across a colon, so "18:30"
# and "KTH:s" are one word there and two here, and it needs a Message with a kind and a
# language and works out sentences and readability besides, on every keystroke.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Estimate:
    words: int
    seconds: int
    too_long: bool


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def estimate(
    text: str, *, words_per_minute: int = WORDS_PER_MINUTE, limit: int = LONG_AFTER_SECONDS
) -> Estimate:
    """Words, speaking time in whole seconds (rounded, at least 1 for any word) and whether
    that is over `limit` seconds."""
    words = count_words(text)
    seconds = round(words * 60 / words_per_minute)
    if words and not seconds:
        seconds = 1
    return Estimate(words=words, seconds=seconds, too_long=seconds > limit)


def too_fast_below(seconds: int, *, share: float = TOO_FAST_SHARE) -> int:
    """The whole seconds a practice run must reach not to count as rushed, for a pitch of
    `seconds` at an easy pace: a run of fewer seconds is too fast. 0 for an empty pitch."""
    return math.ceil(seconds * share)


def words_for(seconds: int, *, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """How many words fit in that many seconds at that pace."""
    return seconds * words_per_minute // 60


def build_pitch(lang: str, *, name: str = "", doing: str = "", interests: str = "") -> str:
    """A first pitch from the profile: a sentence for each field that is filled in, then a
    question that hands the word over. Empty fields leave their sentence out.

    The profile says what you do as a CV line ("Läser datateknik på KTH", "Second year
    student at KTH"); the composer's profile reading makes it a clause that follows "Just
    nu"/"Right now" ("Just nu läser jag datateknik på KTH."). A line it cannot read as one
    (written in the other language, say) is said as it stands, as a sentence of its own."""
    phrasing = texts(lang)["pitch"]
    sentences = []
    if name := " ".join(person_name(name).split()).rstrip("."):
        sentences.append(phrasing["name"].format(name=name))
    if doing := " ".join(doing.split()).rstrip("."):
        clause = doing_clause(doing, lang)
        if clause:
            sentences.append(phrasing["doing"].format(doing=inverted(clause, lang)))
        else:
            sentences.append(f"{doing[:1].upper()}{doing[1:]}.")
    if interests := " ".join(interests.split()).rstrip("."):
        sentences.append(phrasing["interests"].format(interests=interests))
    if sentences:
        sentences.append(phrasing["close"])
    return " ".join(sentences)
