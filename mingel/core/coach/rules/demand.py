"""`demand`: a task dropped on the reader instead of a request for advice."""

from mingel.core.coach.rules.base import Rule, fires, marker_rule, passes

RULE = Rule(
    id="demand",
    find=marker_rule("demand", "demand", negatable=True),
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
