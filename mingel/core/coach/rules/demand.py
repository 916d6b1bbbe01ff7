"""`demand`: a task dropped on the reader instead of a request for advice.

Asking someone who owes the writer nothing to refer them, pass their CV on or get them a
job is a demand too. A match in a negation's scope ("I don't need you to") is not, and
neither is one that follows an offer's condition in the same sentence ("if you'd like a
second pair of eyes, just send me a link").
"""

from mingel.core.coach.meaning import word_at
from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, marker_rule, passes

find_markers = marker_rule("demand", "demand", negatable=True)


def find(msg: Message) -> list[Span]:
    spans = find_markers(msg)
    if not spans:
        return spans
    conditions = msg.meaning_matches("offer_condition")
    if not conditions:
        return spans
    ws = msg.words
    offered = {ws[i].sentence: start for i, start, _ in conditions}
    return [
        (start, end)
        for start, end in spans
        if offered.get(ws[word_at(ws, start)].sentence, len(msg.text)) > start
    ]


RULE = Rule(
    id="demand",
    find=find,
    examples=(
        *fires(
            "Hi Lee, you need to forward my CV to your manager.",
            "Hi Lee, send me the list of open roles.",
            "Hi Lee, could you get me a job at your company?",
            "Hi Lee, can you refer me for the backend role?",
            "Hi Lee, could you pass my CV on to your manager?",
            lang="en",
        ),
        *passes(
            "Hi Lee, what would you advise someone applying for a junior role?",
            "Hi Lee, no worries if you don't have time, you don't have to answer.",
            "Hi Lee, I don't need you to do anything, I'm just curious how you got started.",
            "Hi Lee, if you'd like a second pair of eyes on the slides, just send me a link.",
            "Hi Lee, thank you for introducing me to the meetup organisers!",
            lang="en",
        ),
        *fires(
            "Hej Lee, du måste skicka mitt CV till din chef.",
            "Hej Lee, skicka mig listan över lediga tjänster.",
            "Hej Lee, kan du rekommendera mig till rekryteraren?",
            lang="sv",
        ),
        *passes(
            "Hej Lee, vad skulle du råda någon som söker en juniortjänst?",
            "Hej Lee, du behöver inte svara om du har mycket.",
            lang="sv",
        ),
    ),
)
