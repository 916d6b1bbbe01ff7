"""Template tags for other apps' pages that show what the reminders know."""

from django import template

from mingel.contacts.selectors import DORMANT_MONTHS
from mingel.core import cadence
from mingel.followups import links, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def write_links(context, contact, interactions) -> list[tuple[str, str]]:
    """(kind, compose URL) for each kind of message that fits `contact` today in the
    user's time zone (cadence.write_kinds). `interactions` is the contact's timeline the
    page shows anyway: a queryset is read once and its rows kept for the page.
    "Dormant" is after the user's own number of months, as on the today list: read with
    the contact when it was fetched with it (contacts.selectors.get_contact_detail_for_user),
    else with one query."""
    user = context["request"].user
    if hasattr(contact, DORMANT_MONTHS):
        months = getattr(contact, DORMANT_MONTHS) or cadence.DORMANT_AFTER_MONTHS
    else:
        months = selectors.dormant_after_months(owner=user)
    kinds = cadence.write_kinds(
        interactions=list(interactions),
        today=selectors.user_today(user),
        met_on=contact.met_on,
        added_on=contact.created_at.date(),
        dormant_after_months=months,
    )
    return [(kind, links.compose_url(contact.pk, kind)) for kind in kinds]
