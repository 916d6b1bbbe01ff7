"""The rule catalog of PRODUCT.md, one module per rule. Ids never change."""

from mingel.core.coach.rules import (
    demand,
    desperate,
    generic,
    mixed_language,
    negative,
    no_name,
    no_offer,
    no_out,
    no_thanks,
    no_update,
    overclaim,
    pasted_note,
    placeholder,
    self_focus,
    silence_not_in_subject,
    silence_unnamed,
    third_person,
    too_long,
)
from mingel.core.coach.rules.base import Example, Rule

RULES: tuple[Rule, ...] = tuple(
    m.RULE
    for m in (
        generic,
        no_name,
        self_focus,
        desperate,
        negative,
        overclaim,
        demand,
        too_long,
        no_thanks,
        silence_unnamed,
        silence_not_in_subject,
        no_update,
        no_out,
        no_offer,
        placeholder,
        mixed_language,
        third_person,
        pasted_note,
    )
)
RULE_IDS = tuple(r.id for r in RULES)

__all__ = ["RULES", "RULE_IDS", "Example", "Rule"]
