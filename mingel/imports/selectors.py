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
    has_notes = Case(
        When(~Q(notes=""), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    rows = (
        Contact.objects.filter(owner=owner)
        .annotate(has_notes=has_notes)
        .values_list(
            "id", "name", "company", "role", "email", "phone", "linkedin_url",
            "last_interaction_on", "has_notes",
        )
        .order_by("id")
    )  # fmt: skip
    return Planner(
        Person(
            id=pk,
            name=name,
            company=company,
            role=role,
            email=email,
            phone=phone,
            linkedin_url=linkedin_url,
            last_interaction_on=last,
            has_notes=notes,
            tag_keys=tags.get(pk, ()),
            linkedin_dates=dates.get(pk, ()),
        )
        for pk, name, company, role, email, phone, linkedin_url, last, notes in rows.iterator()
    )
