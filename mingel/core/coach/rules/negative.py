"""`negative`: complaints about schools, teachers or employers colour the writer."""

from mingel.core.coach.rules.base import Rule, fires, marker_rule, passes

RULE = Rule(
    id="negative",
    find=marker_rule("negative", "negative"),
    examples=(
        *fires(
            "Hi Ana, honestly my programme sucks and the teachers are useless.",
            "Hi Ana, I left my last job because my boss was incompetent.",
            lang="en",
        ),
        *passes("Hi Ana, I liked what you said about mentoring juniors.", lang="en"),
        *fires(
            "Hej Ana, utbildningen suger och lärarna är värdelösa.",
            "Hej Ana, min förra chef var helt inkompetent.",
            lang="sv",
        ),
        *passes("Hej Ana, jag gillade det du sa om att handleda juniorer.", lang="sv"),
    ),
)
