"""`no-thanks`: a thank-you follow-up that never thanks."""

from mingel.core.coach.rules.base import Rule, fires, missing_rule, passes

RULE = Rule(
    id="no-thanks",
    kinds=("thanks",),
    find=missing_rule("thanks"),
    examples=(
        *fires("Hi Jo, here is the link to the repo we discussed.", lang="en", kind="thanks"),
        *passes(
            "Hi Jo, thanks for the chat about the repo yesterday.",
            "Hi Jo, I really appreciated your advice on the repo.",
            lang="en",
            kind="thanks",
        ),
        *fires("Hej Jo, här är länken till repot vi pratade om.", lang="sv", kind="thanks"),
        *passes(
            "Hej Jo, tack för pratet om repot igår!",
            "Hej Jo, jag uppskattade verkligen dina råd.",
            lang="sv",
            kind="thanks",
        ),
    ),
)
