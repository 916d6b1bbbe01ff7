"""Telling a composed draft from one the user has changed, so that switching the kind,
the language or the phrasing never silently replaces what they wrote.

The compose form carries a fingerprint of the draft as composed; a switch posts the text
as it reads now, and the two are compared on the server, so it works without JavaScript.
"""

import hashlib


def normalised(text: str) -> str:
    # Browsers post line breaks as CRLF and may trim the last one; neither is an edit.
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def fingerprint(subject: str, body: str) -> str:
    """A short digest of a draft's subject and body as composed."""
    text = normalised(subject) + "\x00" + normalised(body)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def is_edited(data) -> bool:
    """True when the posted subject and body differ from the draft the form started with
    (a form without a fingerprint holds the user's own text)."""
    original = data.get("original", "")
    return fingerprint(data.get("subject", ""), data.get("body", "")) != original
