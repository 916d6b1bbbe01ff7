"""`negative`: complaints about schools, teachers or employers colour the writer, and an
apology for writing ("sorry to bother you", "förlåt att jag stör") tells the reader the
message is a burden."""

from mingel.core.coach.rules.base import Rule, fires, marker_rule, passes

RULE = Rule(
    id="negative",
    find=marker_rule("negative", "negative"),
    examples=(
        *fires(
            "Hi Ana, honestly my programme sucks and the teachers are useless.",
            "Hi Ana, I left my last job because my boss was incompetent.",
            "Hi Ana, sorry to bother you, but I have a question about Rust.",
            "Hi Ana, I apologise for reaching out out of the blue.",
            lang="en",
        ),
        *passes("Hi Ana, I liked what you said about mentoring juniors.", lang="en"),
        *fires(
            "Hej Ana, utbildningen suger och lärarna är värdelösa.",
            "Hej Ana, min förra chef var helt inkompetent.",
            "Hej Ana, förlåt att jag stör, men jag har en fråga om Rust.",
            lang="sv",
        ),
        *passes("Hej Ana, jag gillade det du sa om att handleda juniorer.", lang="sv"),
    ),
)
