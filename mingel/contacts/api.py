"""Contacts and interactions in the JSON API. Reads through the selectors, writes through
the services; another user's object is a 404 here as on the pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from mingel.api.schemas import Paging
from mingel.contacts import selectors, services
from mingel.contacts.schemas import (
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    InteractionIn,
    InteractionOut,
    InteractionPage,
    InteractionPatch,
)
from mingel.events.models import Event

router = Router()


class ContactFilters(Paging):
    q: str = ""
    tag: str = ""


class InteractionFilters(Paging):
    contact_id: int | None = None


def event_for(owner, event_id: int | None) -> Event | None:
    """The owner's event with this id; another user's or a missing id is a field error (422),
    since the request names it in its body rather than in the URL."""
    if event_id is None:
        return None
    event = Event.objects.filter(owner=owner, pk=event_id).first()
    if event is None:
        raise ValidationError({"event_id": _("There is no such event.")}, code="does_not_exist")
    return event


def contact_fields(owner, data: dict) -> dict:
    if "event_id" in data:
        data["event"] = event_for(owner, data.pop("event_id"))
    return data


@router.get("/contacts", response=ContactPage, tags=["contacts"])
def contact_list(request, filters: Query[ContactFilters]):
    """The user's contacts by name; `q` searches names, companies, roles, tags, topics,
    notes and interaction summaries (every word, by prefix or Swedish/English stem) and
    orders by best match; `tag` keeps one tag. `count` is the number of matches before
    `limit`/`offset`."""
    contacts = selectors.contacts_list(owner=request.auth, q=filters.q, tag=filters.tag)
    page = contacts[filters.offset : filters.offset + filters.limit]
    return {"items": list(page), "count": contacts.count()}


@router.post("/contacts", response={201: ContactOut}, tags=["contacts"])
def contact_create(request, payload: ContactIn):
    data = contact_fields(request.auth, payload.model_dump())
    contact = services.contact_create(owner=request.auth, **data)
    return Status(201, contact)


@router.get("/contacts/{int:contact_id}", response=ContactOut, tags=["contacts"])
def contact_get(request, contact_id: int):
    return selectors.get_contact_for_user(request.auth, contact_id)


@router.put("/contacts/{int:contact_id}", response=ContactOut, tags=["contacts"])
def contact_replace(request, contact_id: int, payload: ContactIn):
    contact = selectors.get_contact_for_user(request.auth, contact_id)
    data = contact_fields(request.auth, payload.model_dump())
    return services.contact_update(contact=contact, **data)


@router.patch("/contacts/{int:contact_id}", response=ContactOut, tags=["contacts"])
def contact_patch(request, contact_id: int, payload: ContactPatch):
    contact = selectors.get_contact_for_user(request.auth, contact_id)
    data = contact_fields(request.auth, payload.model_dump(exclude_unset=True))
    return services.contact_update(contact=contact, **data)


@router.delete("/contacts/{int:contact_id}", response={204: None}, tags=["contacts"])
def contact_delete(request, contact_id: int):
    contact = selectors.get_contact_for_user(request.auth, contact_id)
    services.contact_delete(contact=contact)
    return Status(204, None)


@router.get("/interactions", response=InteractionPage, tags=["interactions"])
def interaction_list(request, filters: Query[InteractionFilters]):
    """The user's interactions, newest first; `contact_id` keeps one contact's (404 when
    the contact is not the user's)."""
    contact = None
    if filters.contact_id is not None:
        contact = selectors.get_contact_for_user(request.auth, filters.contact_id)
    interactions = selectors.interactions_list(owner=request.auth, contact=contact)
    page = interactions[filters.offset : filters.offset + filters.limit]
    return {"items": list(page), "count": interactions.count()}


@router.post("/interactions", response={201: InteractionOut}, tags=["interactions"])
def interaction_create(request, payload: InteractionIn):
    """Logs an interaction. A `contact_id` of another user is a 404, as everywhere."""
    data = payload.model_dump()
    contact = selectors.get_contact_for_user(request.auth, data.pop("contact_id"))
    return Status(201, services.interaction_create(contact=contact, **data))


@router.get("/interactions/{int:interaction_id}", response=InteractionOut, tags=["interactions"])
def interaction_get(request, interaction_id: int):
    return selectors.get_interaction_for_user(request.auth, interaction_id)


def interaction_change(request, interaction_id: int, data: dict):
    interaction = selectors.get_interaction_for_user(request.auth, interaction_id)
    if "contact_id" in data:
        data["contact"] = selectors.get_contact_for_user(request.auth, data.pop("contact_id"))
    return services.interaction_update(interaction=interaction, **data)


@router.put("/interactions/{int:interaction_id}", response=InteractionOut, tags=["interactions"])
def interaction_replace(request, interaction_id: int, payload: InteractionIn):
    return interaction_change(request, interaction_id, payload.model_dump())


@router.patch("/interactions/{int:interaction_id}", response=InteractionOut, tags=["interactions"])
def interaction_patch(request, interaction_id: int, payload: InteractionPatch):
    return interaction_change(request, interaction_id, payload.model_dump(exclude_unset=True))


@router.delete("/interactions/{int:interaction_id}", response={204: None}, tags=["interactions"])
def interaction_delete(request, interaction_id: int):
    interaction = selectors.get_interaction_for_user(request.auth, interaction_id)
    services.interaction_delete(interaction=interaction)
    return Status(204, None)
