"""Reads for imports, scoped to their owner."""

from collections import defaultdict

from django.db.models import BooleanField, Case, Q, Value, When
from django.shortcuts import get_object_or_404

from mingel.contacts.models import Contact, Interaction
from mingel.core.importers.plan import Person, Planner
from mingel.imports.models import ImportJob


def get_import_for_user(user, pk) -> ImportJob:
    """The user's import with this id, or 404 (also for another user's import)."""
    return get_object_or_404(ImportJob, pk=pk, owner=user)


def recent_imports(*, owner, limit: int = 5):
    return ImportJob.objects.filter(owner=owner)[:limit]


def planner_for(owner) -> Planner:
    """A planner that knows all the owner's contacts: three queries, whatever their number
    (the notes are not loaded, only whether there are any)."""
    tags = defaultdict(set)
    links = Contact.tags.through.objects.filter(contact__owner=owner)
    for contact_id, name in links.values_list("contact_id", "tag__name"):
        tags[contact_id].add(name.casefold())
    dates = defaultdict(set)
    linkedin = Interaction.objects.filter(owner=owner, kind="linkedin")
    for contact_id, day in linkedin.values_list("contact_id", "date"):
        dates[contact_id].add(day)
    rows = (
        Contact.objects.filter(owner=owner)
        .annotate(has_notes=_not_blank("notes"), has_talked_about=_not_blank("talked_about"))
        .values(
            "id", "name", "company", "role", "email", "phone", "linkedin_url",
            "last_interaction_on", "has_notes", "has_talked_about", "met_on", "where_met",
            "keep_in_touch_days", "event_id",
        )
        .order_by("id")
    )  # fmt: skip

    def person(row: dict) -> Person:
        row["event"] = row.pop("event_id")
        return Person(
            **row, tag_keys=tags.get(row["id"], ()), linkedin_dates=dates.get(row["id"], ())
        )

    return Planner(person(row) for row in rows.iterator())


def _not_blank(field: str) -> Case:
    return Case(
        When(~Q(**{field: ""}), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
