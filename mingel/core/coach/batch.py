"""Batch requests for `mingel coach --jsonl`: one JSON object in, one result out.

Every line is validated before any is checked, so a bad line stops the batch with its line
number and nothing half-done is printed.
"""

import json
from collections.abc import Iterable, Iterator

from mingel.core.coach.check import check
from mingel.core.coach.model import KINDS

STRING_KEYS = ("lang", "subject", "recipient", "context")
encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for the whole batch


class BatchError(ValueError):
    pass


def parse_request(line: str) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BatchError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise BatchError("expected a JSON object")
    text, kind = obj.get("text"), obj.get("kind")
    if not isinstance(text, str):
        raise BatchError('"text" must be a string')
    if kind not in KINDS:
        raise BatchError(f'"kind" must be one of {", ".join(KINDS)}')
    request = {"text": text, "kind": kind, "id": obj.get("id")}
    for key in STRING_KEYS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise BatchError(f'"{key}" must be a string')
        if value:
            request[key] = value
    if request.get("lang", "auto") not in ("sv", "en", "auto"):
        raise BatchError('"lang" must be sv, en or auto')
    limit = obj.get("limit")
    if limit is not None:
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise BatchError('"limit" must be a positive whole number')
        request["limit"] = limit
    return request


def parse_lines(lines: Iterable[str]) -> list[dict]:
    requests = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            requests.append(parse_request(line))
        except BatchError as exc:
            raise BatchError(f"line {number}: {exc}") from None
    return requests


def run(requests: list[dict], *, fallback_lang: str = "en") -> Iterator[str]:
    """Yield one JSON line per request: the result object plus the request's id."""
    for request in requests:
        args = dict(request)
        request_id = args.pop("id")
        data = check(args.pop("text"), fallback_lang=fallback_lang, **args).to_dict()
        data["id"] = request_id
        yield encode(data)
