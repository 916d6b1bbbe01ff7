"""The message coach: checks a connect note, thank-you or reconnect email against the
rule catalog of PRODUCT.md and explains each finding in Swedish or English.

    from mingel.core.coach import check
    check("Hej Anna! ...", kind="thanks", recipient="Anna Berg").to_dict()
"""

from mingel.core.coach.check import check
from mingel.core.coach.lang import detect
from mingel.core.coach.lexicon import LANGS, rule_name, rule_text
from mingel.core.coach.model import KINDS, CoachResult, Finding, Stats
from mingel.core.coach.rules import RULE_IDS, RULES

__all__ = [
    "KINDS",
    "LANGS",
    "RULES",
    "RULE_IDS",
    "CoachResult",
    "Finding",
    "Stats",
    "check",
    "detect",
    "rule_name",
    "rule_text",
]
