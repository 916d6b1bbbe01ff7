"""`desperate`: pleading, urgency or neediness puts a busy reader off."""

from mingel.core.coach.rules.base import Rule, fires, marker_rule, passes

RULE = Rule(
    id="desperate",
    find=marker_rule("desperate", "desperate", negatable=True),
    examples=(
        *fires(
            "Hi Sam, I really need a job, any job at all. Please help me!",
            "Hi Sam, great chat yesterday!! Let's talk soon.",
            "Hi Sam, this is urgent: could you reply asap?",
            lang="en",
        ),
        *passes(
            "Hi Sam, great chat yesterday! Let's talk soon.",
            "Hi Sam, I really enjoyed your talk on caching.",
            lang="en",
        ),
        *fires(
            "Hej Sara, jag behöver verkligen ett jobb, vilket jobb som helst.",
            "Hej Sara, det är brådskande!! Svara snarast.",
            lang="sv",
        ),
        *passes(
            "Hej Sara! Tack för pratet om Kubernetes igår.",
            lang="sv",
        ),
    ),
)
