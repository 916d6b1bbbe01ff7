"""One error shape for the whole API.

Every 422 answer is `{"detail": [{"loc": [...], "field": "name", "msg": "...",
"type": "..."}]}`, whether pydantic rejected the request or a service's `full_clean()`
did; 401 and 404 are `{"detail": "..."}`. Clients can then show field errors next to the
fields without knowing which layer caught them.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

# Model fields whose API name differs: the API speaks of ids where the model holds objects.
API_FIELD_NAMES = {"event": "event_id", "contact": "contact_id"}
PAYLOAD_PARAMS = {"payload"}


def field_error(loc: list, msg: str, type_: str) -> dict:
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), None)
    if field in ("body", "query", "path"):
        field = None
    return {"loc": loc, "field": field, "msg": msg, "type": type_}


def from_pydantic(errors: list[dict]) -> list[dict]:
    """Drops the name of the body parameter from `loc`: ["body", "payload", "name"] becomes
    ["body", "name"], as a client thinks of it."""
    result = []
    for error in errors:
        loc = [part for part in error.get("loc", []) if part not in PAYLOAD_PARAMS]
        result.append(field_error(loc, error.get("msg", ""), error.get("type", "invalid")))
    return result


def from_django(exc: DjangoValidationError) -> list[dict]:
    if not hasattr(exc, "error_dict"):
        return [
            field_error(["body"], str(m), e.code or "invalid") for e in exc.error_list for m in e
        ]
    result = []
    for name, errors in exc.error_dict.items():
        loc = ["body"] if name == NON_FIELD_ERRORS else ["body", API_FIELD_NAMES.get(name, name)]
        for error in errors:
            for message in error:
                result.append(field_error(loc, str(message), error.code or "invalid"))
    return result


def install(api) -> None:
    @api.exception_handler(NinjaValidationError)
    def ninja_validation_error(request, exc):
        return api.create_response(request, {"detail": from_pydantic(exc.errors)}, status=422)

    @api.exception_handler(DjangoValidationError)
    def django_validation_error(request, exc):
        return api.create_response(request, {"detail": from_django(exc)}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = api.create_response(request, {"detail": "Unauthorized"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="mingel"'
        return response
