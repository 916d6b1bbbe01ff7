"""API shapes of events and questions.

`EventIn` is the full shape (POST and PUT: a missing optional field is reset to its
default); `EventPatch` applies only the fields sent.
"""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

from mingel.api.schemas import InSchema
from mingel.core.events.review import goal_reached
from mingel.events.services import MAX_QUESTIONS

EventKind = Literal["meetup", "study_visit", "career_fair", "conference", "after_work", "other"]
QuestionGroup = Literal["openers", "follow_ups", "career", "tech"]
Lang = Literal["sv", "en"]

# Django does not enforce max_length on a TextField outside forms, so the API does it here.
QuestionText = Annotated[str, Field(max_length=300)]
Questions = Annotated[list[QuestionText], Field(max_length=MAX_QUESTIONS)]
Pitch = Annotated[str, Field(max_length=2000)]
Mention = Annotated[str, Field(max_length=1000)]
Notes = Annotated[str, Field(max_length=5000)]


def met_count(event) -> int:
    # The selectors annotate it in the query; an event fresh from a write has no annotation.
    count = getattr(event, "met_count", None)
    return event.contacts.count() if count is None else count


class EventOut(Schema):
    id: int
    name: str
    kind: str
    date: dt.date
    start_time: dt.time | None
    place: str
    goal_new_people: int
    questions: list[str]
    pitch: str
    mention: str
    notes: str
    met_count: int
    goal_reached: bool

    @staticmethod
    def resolve_met_count(obj) -> int:
        return met_count(obj)

    @staticmethod
    def resolve_goal_reached(obj) -> bool:
        return goal_reached(met_count(obj), obj.goal_new_people)


class EventIn(InSchema):
    name: str
    kind: EventKind = "meetup"
    date: dt.date
    start_time: dt.time | None = None
    place: str = ""
    goal_new_people: int = 2
    questions: Questions = Field(default_factory=list)
    pitch: Pitch = ""
    mention: Mention = ""
    notes: Notes = ""


class EventPatch(InSchema):
    name: str = ""
    kind: EventKind = "meetup"
    date: dt.date = dt.date(2000, 1, 1)
    start_time: dt.time | None = None
    place: str = ""
    goal_new_people: int = 2
    questions: Questions = Field(default_factory=list)
    pitch: Pitch = ""
    mention: Mention = ""
    notes: Notes = ""


class EventPage(Schema):
    items: list[EventOut]
    count: int


class QuestionOut(Schema):
    lang: str
    group: str
    text: str


class QuestionPage(Schema):
    items: list[QuestionOut]
    count: int
