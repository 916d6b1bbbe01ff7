"""One check for all text a user sends (API, forms, imports, archives): text a database
cannot store, or should not. PostgreSQL refuses NUL in text; neither database can store
half a UTF-16 pair (a lone surrogate) in UTF-8; other control characters are invisible
and break exports.

`text_problem` says what is wrong in a few words (a code the callers word), or None."""

import re

# C0 controls but tab, line feed and carriage return; DEL. And lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

NUL = "nul"
CONTROL = "control"
SURROGATE = "surrogate"


def text_problem(value: str) -> str | None:
    """'nul', 'control' or 'surrogate' for text that must not be stored, else None."""
    if "\x00" in value:
        return NUL
    if _CONTROL.search(value):
        return CONTROL
    if _SURROGATE.search(value):
        return SURROGATE
    return None


def without_problems(value: str) -> str:
    """The text with what text_problem finds taken out: for search terms and filters, where
    a NUL typed into the address bar should find what the rest says, not fail."""
    return _SURROGATE.sub("", _CONTROL.sub("", value))


def first_text_problem(values) -> tuple[str, str] | None:
    """(key, problem) of the first text value of a mapping that has a problem, looking
    into lists and nested mappings (keys joined with '.'), or None."""
    for key, value in values.items():
        found = _problem_in(value)
        if found is not None:
            inner, problem = found
            return (f"{key}.{inner}" if inner else str(key)), problem
    return None


def _problem_in(value) -> tuple[str, str] | None:
    if isinstance(value, str):
        problem = text_problem(value)
        return ("", problem) if problem else None
    if isinstance(value, dict):
        return first_text_problem(value)
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found = _problem_in(item)
            if found is not None:
                inner, problem = found
                return (f"{i}.{inner}" if inner else str(i)), problem
    return None
