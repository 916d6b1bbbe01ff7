"""`no-out`: a reconnect email that leaves the reader no easy way to decline."""

from mingel.core.coach.rules.base import Rule, fires, missing_rule, passes

RULE = Rule(
    id="no-out",
    kinds=("reconnect",),
    find=missing_rule("out"),
    examples=(
        *fires(
            "Hi Ola, could we meet for coffee next week to talk about data teams?",
            lang="en",
            kind="reconnect",
        ),
        *passes(
            "Hi Ola, could we meet for coffee? No worries if you don't have time.",
            "Hi Ola, could we meet for coffee, if you're up for it?",
            lang="en",
            kind="reconnect",
        ),
        *fires("Hej Ola, kan vi ses på en kaffe nästa vecka?", lang="sv", kind="reconnect"),
        *passes(
            "Hej Ola, kan vi ses på en kaffe? Ingen fara om du inte hinner.",
            "Hej Ola, kan vi ses på en kaffe om du har lust?",
            lang="sv",
            kind="reconnect",
        ),
    ),
)
