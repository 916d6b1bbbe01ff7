"""`no-update`: a reconnect email that does not say what the writer has done since."""

from mingel.core.coach.rules.base import Rule, fires, missing_rule, passes

RULE = Rule(
    id="no-update",
    kinds=("reconnect",),
    find=missing_rule("update"),
    examples=(
        *fires(
            "Hi Ola, it's been a while! Could I ask your advice on data teams?",
            lang="en",
            kind="reconnect",
        ),
        *passes(
            "Hi Ola, it's been a while! Since then I have moved into data engineering.",
            "Hi Ola, big news from my end: I'm leaving Klarna and heading to Spotify.",
            "Hi Ola, long time! I'm now working with embedded Rust at Volvo.",
            lang="en",
            kind="reconnect",
        ),
        *fires(
            "Hej Ola, det var länge sedan! Får jag fråga dig om råd?",
            lang="sv",
            kind="reconnect",
        ),
        *passes(
            "Hej Ola, det var länge sedan! Sedan dess har jag bytt till dataområdet.",
            lang="sv",
            kind="reconnect",
        ),
    ),
)
