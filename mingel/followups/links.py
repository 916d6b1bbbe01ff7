"""Links from a today item to the pages of other apps, which may not be installed yet:
the compose page falls back to the contact page, then to the contact list."""

from django.urls import NoReverseMatch, reverse


def first_url(*candidates: tuple[str, dict, str]) -> str | None:
    for name, kwargs, query in candidates:
        try:
            return reverse(name, kwargs=kwargs) + query
        except NoReverseMatch:
            continue
    return None


def compose_url(contact_id: int, kind: str) -> str | None:
    return first_url(
        ("contact_compose", {"contact_id": contact_id}, f"?kind={kind}"),
        ("contact_detail", {"contact_id": contact_id}, ""),
        ("contact_list", {}, ""),
    )


def contact_url(contact_id: int) -> str | None:
    return first_url(("contact_detail", {"contact_id": contact_id}, ""), ("contact_list", {}, ""))


def event_url(event_id: int) -> str | None:
    return first_url(("event_detail", {"event_id": event_id}, ""))


def feed_path(token: str) -> str:
    return reverse("calendar_feed", kwargs={"token": token})
