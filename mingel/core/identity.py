"""When two contact records are the same person: the match keys that importers and the
merge page share, so a re-import and a merge agree on what a duplicate is.

Keys are plain strings: an email, a LinkedIn profile path, or a normalised name together
with a normalised company. Two records that share any key are duplicates.
"""

import re
import unicodedata
from urllib.parse import unquote

_SPACE = re.compile(r"\s+")
_LINKEDIN_URL = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(?::\d+)?/(in|pub)/([^/?#\s]+)", re.IGNORECASE
)
_COMPANY_SUFFIX = re.compile(r"\b(ab|aktiebolag|inc|ltd|llc|gmbh|oy|as|asa|plc|corp)\.?$")


def normalise_email(email: str) -> str:
    """The address in lower case without surrounding space; '' when it has no '@'."""
    email = (email or "").strip().lower()
    return email if "@" in email else ""


def normalise_linkedin_url(url: str) -> str:
    """'linkedin.com/in/<handle>' for any form of a profile URL (scheme, www., country
    subdomain, port, trailing slash, query, percent-encoding, case); '' when it is not one."""
    # One anchored pattern rather than urlsplit: importers call this for every row.
    match = _LINKEDIN_URL.match((url or "").strip())
    if not match:
        return ""
    return f"linkedin.com/{match.group(1).lower()}/{unquote(match.group(2)).lower()}"


def normalise_name(name: str) -> str:
    """Case-folded, accents kept (Åsa is not Asa), punctuation dropped, spaces collapsed."""
    name = unicodedata.normalize("NFC", name or "").casefold()
    name = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in name)
    return _SPACE.sub(" ", name).strip()


def normalise_company(company: str) -> str:
    """Like a name, without a legal-form suffix ('Spotify AB' is 'spotify')."""
    return _COMPANY_SUFFIX.sub("", normalise_name(company)).strip()


def match_keys(*, name: str = "", company: str = "", email: str = "", linkedin_url: str = ""):
    """The set of keys under which this person is a duplicate of another record.

    A name alone is no key: two "Anna Svensson" at unknown companies may be two people."""
    keys = set()
    if e := normalise_email(email):
        keys.add(f"email:{e}")
    if li := normalise_linkedin_url(linkedin_url):
        keys.add(f"linkedin:{li}")
    n, c = normalise_name(name), normalise_company(company)
    if n and c:
        keys.add(f"name:{n}|{c}")
    return frozenset(keys)
