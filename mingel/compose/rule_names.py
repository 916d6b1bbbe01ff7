"""The coach's rules by a name people understand, in the interface language.

The coach will give each rule a name in its lexicon (`rule_name(rule_id, lang)` in
mingel.core.coach.lexicon); until it does, these names stand in. Switching is one line in
feedback.py: `rule_name = lexicon.rule_name`.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

RULE_NAMES = {
    "generic": _("Too generic"),
    "no-name": _("Their name is missing"),
    "self-focus": _("Mostly about yourself"),
    "desperate": _("Sounds desperate"),
    "negative": _("Negative tone"),
    "overclaim": _("Claims too much"),
    "demand": _("A demand, not a question"),
    "too-long": _("Too long"),
    "no-thanks": _("No thank-you"),
    "silence-unnamed": _("The long silence is not mentioned"),
    "silence-not-in-subject": _("The silence is not in the subject"),
    "no-update": _("No news from you"),
    "no-out": _("No easy way out"),
    "no-offer": _("Nothing offered in return"),
    "placeholder": _("Gap to fill in"),
    "mixed-language": _("Two languages mixed"),
    "third-person": _("Speaks about them, not to them"),
    "pasted-note": _("Pasted note"),
}


def rule_label(rule_id: str, lang: str) -> str:
    """The rule's name in `lang`; an unknown rule is shown by its id."""
    name = RULE_NAMES.get(rule_id)
    if name is None:
        return rule_id
    with translation.override(lang):
        return str(name)
