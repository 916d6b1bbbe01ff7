"""Template tags for other apps' pages that show what the reminders know."""

from django import template

from mingel.core import cadence
from mingel.followups import links, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def write_links(context, contact, interactions) -> list[tuple[str, str]]:
    """(kind, compose URL) for each kind of message that fits `contact` today in the
    user's time zone (cadence.write_kinds). `interactions` is the contact's timeline the
    page shows anyway: a queryset is read once and its rows kept for the page."""
    today = selectors.user_today(context["request"].user)
    kinds = cadence.write_kinds(
        interactions=list(interactions),
        today=today,
        met_on=contact.met_on,
        added_on=contact.created_at.date(),
    )
    return [(kind, links.compose_url(contact.pk, kind)) for kind in kinds]
