"""API shapes of contacts and interactions.

`ContactIn` is the full shape (POST and PUT: a missing optional field is reset to empty);
`ContactPatch` has no defaults that matter, since PATCH applies only the fields sent.
"""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

from mingel.api.schemas import InSchema

InteractionKind = Literal[
    "met", "message", "email", "call", "meeting", "coffee", "linkedin", "note"
]
Direction = Literal["sent", "received", "none"]

# Django does not enforce max_length on a TextField outside forms, so the API does it here.
TalkedAbout = Annotated[str, Field(max_length=2000)]
Notes = Annotated[str, Field(max_length=10000)]
Summary = Annotated[str, Field(max_length=5000)]


class ContactOut(Schema):
    id: int
    name: str
    company: str
    role: str
    email: str
    phone: str
    linkedin_url: str
    met_on: dt.date | None
    where_met: str
    talked_about: str
    notes: str
    tags: list[str]
    keep_in_touch_days: int | None
    event_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        # .all() so the prefetch done by the selector is used; sorting in Python keeps it so.
        return sorted((tag.name for tag in obj.tags.all()), key=str.lower)


class ContactIn(InSchema):
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    met_on: dt.date | None = None
    where_met: str = ""
    talked_about: TalkedAbout = ""
    notes: Notes = ""
    tags: list[str] = Field(default_factory=list)
    keep_in_touch_days: int | None = None
    event_id: int | None = None


class ContactPatch(InSchema):
    name: str = ""
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    met_on: dt.date | None = None
    where_met: str = ""
    talked_about: TalkedAbout = ""
    notes: Notes = ""
    tags: list[str] = Field(default_factory=list)
    keep_in_touch_days: int | None = None
    event_id: int | None = None


class ContactPage(Schema):
    items: list[ContactOut]
    count: int


class InteractionOut(Schema):
    id: int
    contact_id: int
    kind: str
    date: dt.date
    summary: str
    body: str
    direction: str


class InteractionIn(InSchema):
    contact_id: int
    kind: InteractionKind
    date: dt.date
    summary: Summary = ""
    direction: Direction = "none"


class InteractionPatch(InSchema):
    contact_id: int = 0
    kind: InteractionKind = "note"
    date: dt.date = dt.date(2000, 1, 1)
    summary: Summary = ""
    direction: Direction = "none"


class InteractionPage(Schema):
    items: list[InteractionOut]
    count: int
