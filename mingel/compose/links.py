"""Links that hand a message over to the user's own mail program."""

from urllib.parse import quote


def mailto_url(email: str, subject: str = "", body: str = "") -> str:
    """A `mailto:` URL (RFC 6068): every reserved character percent-encoded, line breaks
    as CRLF, so the subject and the body arrive exactly as written."""
    params = []
    if subject:
        params.append("subject=" + quote(subject, safe=""))
    if body:
        crlf = "\r\n".join(body.splitlines())
        params.append("body=" + quote(crlf, safe=""))
    url = "mailto:" + quote(email, safe="@")
    return url + ("?" + "&".join(params) if params else "")
