"""`no-offer`: a reconnect email that asks without offering anything back."""

from mingel.core.coach.rules.base import Rule, fires, missing_rule, passes

RULE = Rule(
    id="no-offer",
    kinds=("reconnect",),
    find=missing_rule("offer"),
    examples=(
        *fires("Hi Ola, could I ask your advice on data teams?", lang="en", kind="reconnect"),
        *passes(
            "Hi Ola, could I ask your advice? And if I can help you with anything, just say.",
            lang="en",
            kind="reconnect",
        ),
        *fires("Hej Ola, får jag fråga dig om råd kring datateam?", lang="sv", kind="reconnect"),
        *passes(
            "Hej Ola, får jag fråga om råd? Jag hjälper gärna dig tillbaka.",
            lang="sv",
            kind="reconnect",
        ),
    ),
)
