"""The base of every API input shape: text a database cannot store (NUL, other control
characters, a lone surrogate; see mingel.core.textcheck) is a 422 naming the field, not a
500 from the database. Paging limits live here too: an offset past MAX_OFFSET is a 422,
not an integer overflow in the database."""

from ninja import Field, Schema
from pydantic import field_validator

from mingel.contacts.validators import stored_text_errors

MAX_OFFSET = 1_000_000
MAX_LIMIT = 500


def check_text(value):
    """The value as it is, or ValueError for text (or text in a list) with a problem."""
    errors = stored_text_errors({"value": value})
    if errors:
        raise ValueError(errors["value"])
    return value


class InSchema(Schema):
    @field_validator("*", mode="after")
    @classmethod
    def _stored_text(cls, value):
        return check_text(value)


class Paging(InSchema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
