"""Events and the question bank in the JSON API. Reads through the selectors, writes
through the services; another user's event is a 404 here as on the pages."""

from ninja import Query, Router, Status

from mingel.api.schemas import InSchema, Paging
from mingel.core.events import questions as bank
from mingel.events import selectors, services
from mingel.events.schemas import (
    EventIn,
    EventOut,
    EventPage,
    EventPatch,
    Lang,
    QuestionGroup,
    QuestionPage,
)

router = Router()


class QuestionFilters(InSchema):
    lang: Lang | None = None
    group: QuestionGroup | None = None


@router.get("/events", response=EventPage, tags=["events"])
def event_list(request, paging: Query[Paging]):
    """The user's events: upcoming first (soonest first), then past ones (latest first).
    `met_count` counts the contacts linked to the event; `count` is the total before
    `limit`/`offset`."""
    today = selectors.user_today(request.auth)
    events = selectors.events_list(owner=request.auth, today=today)
    page = events[paging.offset : paging.offset + paging.limit]
    return {"items": list(page), "count": events.count()}


@router.post("/events", response={201: EventOut}, tags=["events"])
def event_create(request, payload: EventIn):
    event = services.event_create(owner=request.auth, **payload.model_dump())
    return Status(201, selectors.get_event_for_user(request.auth, event.pk))


@router.get("/events/{int:event_id}", response=EventOut, tags=["events"])
def event_get(request, event_id: int):
    return selectors.get_event_for_user(request.auth, event_id)


def event_change(request, event_id: int, data: dict):
    event = selectors.get_event_for_user(request.auth, event_id)
    services.event_update(event=event, **data)
    return selectors.get_event_for_user(request.auth, event_id)


@router.put("/events/{int:event_id}", response=EventOut, tags=["events"])
def event_replace(request, event_id: int, payload: EventIn):
    return event_change(request, event_id, payload.model_dump())


@router.patch("/events/{int:event_id}", response=EventOut, tags=["events"])
def event_patch(request, event_id: int, payload: EventPatch):
    return event_change(request, event_id, payload.model_dump(exclude_unset=True))


@router.delete("/events/{int:event_id}", response={204: None}, tags=["events"])
def event_delete(request, event_id: int):
    event = selectors.get_event_for_user(request.auth, event_id)
    services.event_delete(event=event)
    return Status(204, None)


@router.get("/questions", response=QuestionPage, tags=["events"])
def question_list(request, filters: Query[QuestionFilters]):
    """The built-in question bank in `lang` (default: the user's language, else English),
    optionally one `group`: openers, follow_ups, career or tech."""
    lang = filters.lang or (request.auth.language if request.auth.language in bank.LANGS else "en")
    items = bank.questions(lang, filters.group)
    return {"items": items, "count": len(items)}
