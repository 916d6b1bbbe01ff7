"""Writes for events: plan, change, delete, capture a person, review; favourite questions.
Views and the API both come here."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create
from mingel.core.events.questions import clean_questions
from mingel.events import selectors
from mingel.events.models import CaptureKey, Event, FavouriteQuestion

EVENT_FIELDS = (
    "name",
    "kind",
    "date",
    "start_time",
    "place",
    "goal_new_people",
    "questions",
    "pitch",
    "mention",
    "notes",
)
MAX_QUESTIONS = 12


def checked_questions(questions) -> list[str]:
    if not isinstance(questions, list | tuple):
        raise ValidationError({"questions": _("Give the questions as a list of texts.")})
    cleaned = clean_questions(list(questions), limit=MAX_QUESTIONS + 1)
    if len(cleaned) > MAX_QUESTIONS:
        raise ValidationError(
            {
                "questions": ngettext(
                    "Pick at most %(max)s question; three to five are plenty for one evening.",
                    "Pick at most %(max)s questions; three to five are plenty for one evening.",
                    MAX_QUESTIONS,
                )
                % {"max": MAX_QUESTIONS}
            },
            code="max_questions",
        )
    return cleaned


def set_fields(event: Event, fields: dict) -> None:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {', '.join(sorted(unknown))}")
    if "questions" in fields:
        fields = {**fields, "questions": checked_questions(fields["questions"])}
    for field, value in fields.items():
        setattr(event, field, value)


@transaction.atomic
def event_create(*, owner, name: str, date: dt.date, **fields) -> Event:
    event = Event(owner=owner, name=name, date=date)
    set_fields(event, fields)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_update(*, event: Event, **fields) -> Event:
    """Changes the given fields; other fields stay as they are."""
    set_fields(event, fields)
    event.full_clean()
    event.save()
    return event


def event_delete(*, event: Event) -> None:
    """Deletes the event; the people met there stay in the contacts, without the link."""
    event.delete()


def event_capture(
    *,
    event: Event,
    name: str,
    talked_about: str = "",
    company: str = "",
    role: str = "",
    linkedin_url: str = "",
    capture_key: str = "",
) -> Contact:
    """A person met at the event: a contact linked to it and met on its date, through the
    contacts service (which also logs the meeting on the contact's timeline).

    With a `capture_key` the capture is idempotent for the event's owner: a key seen
    before returns the contact made the first time and creates nothing, so a save sent
    again because its answer was lost adds the person once. Without a key (a plain form
    post) every call creates a contact."""
    fields = {
        "name": name,
        "talked_about": talked_about,
        "company": company,
        "role": role,
        "linkedin_url": linkedin_url,
        "met_on": event.date,
        "where_met": event.name[:200],
        "event": event,
    }
    owner = event.owner
    if not capture_key:
        return contact_create(owner=owner, **fields)
    seen = selectors.captured_contact(owner=owner, key=capture_key)
    if seen is not None:
        return seen
    try:
        # One savepoint for the contact and its key: when a twin request with the same
        # key commits first, the unique constraint stops ours and the rollback takes our
        # contact with it, so exactly one is left.
        with transaction.atomic():
            contact = contact_create(owner=owner, **fields)
            CaptureKey.objects.create(owner=owner, key=capture_key, contact=contact)
    except IntegrityError:
        seen = selectors.captured_contact(owner=owner, key=capture_key)
        if seen is None:  # not the key after all: some other constraint refused the row
            raise
        return seen
    return contact


def event_review(
    *,
    event: Event,
    reflection: str = "",
    energy_before: int | None = None,
    energy_after: int | None = None,
    now: dt.datetime | None = None,
) -> Event:
    event.reflection = reflection
    event.energy_before = energy_before
    event.energy_after = energy_after
    event.reviewed_at = now or timezone.now()
    event.full_clean()
    event.save()
    return event


def favourite_toggle(*, owner, text: str) -> bool:
    """Makes the question a favourite, or stops it being one; returns whether it is now."""
    text = " ".join(text.split())[:300]
    if not text:
        raise ValidationError({"text": _("Write the question first.")})
    deleted, _rows = FavouriteQuestion.objects.filter(owner=owner, text=text).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            FavouriteQuestion.objects.create(owner=owner, text=text)
    except IntegrityError:
        pass  # a double tap raced us to it: it is a favourite either way
    return True
