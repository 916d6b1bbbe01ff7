"""No user can reach another user's objects, by any route, present or future.

The test walks the whole URL configuration (pages and API alike) and, for every route
with a `<something>_id` parameter, builds alice's object of that kind, then checks that
bob gets 404 with every method and that alice's object is unchanged afterwards. A route
with a parameter this file does not know fails until the parameter is added to FACTORIES,
so a new route cannot slip through untested.
"""

import json
import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from mingel.accounts.services import token_create
from mingel.testing import ContactFactory, EventFactory, InteractionFactory, TagFactory

pytestmark = pytest.mark.django_db

API_PREFIX = "api/v1/"
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def make_interaction(owner, made):
    contact = made.get("contact_id") or ContactFactory(owner=owner)
    return InteractionFactory(contact=contact, owner=owner)


def make_contact(owner, made):
    return ContactFactory(owner=owner, event=made.get("event_id"))


def make_import(owner):
    from mingel.testing import ImportJobFactory

    return ImportJobFactory(owner=owner)


# Parameter name -> a function (owner, objects made so far for this route) -> an object of
# the owner. Order matters for nested routes: a contact made first is reused by its
# interactions.
FACTORIES = {
    "event_id": lambda owner, made: EventFactory(owner=owner),
    "contact_id": make_contact,
    "interaction_id": make_interaction,
    "tag_id": lambda owner, made: TagFactory(owner=owner),
    "token_id": lambda owner, made: token_create(user=owner, name="alice's")[0],
    "other_contact_id": lambda owner, made: ContactFactory(owner=owner),
    "import_id": lambda owner, made: make_import(owner),
}
# Values for route parameters that carry no object id (none yet). Add one here if a new
# route needs it, e.g. "kind": "connect".
OTHER_PARAMS: dict[str, str] = {}


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith(API_PREFIX)

    @property
    def params(self) -> list[str]:
        return [m["name"] for m in PARAM.finditer(self.pattern)]

    @property
    def id_params(self) -> list[str]:
        return [p for p in self.params if p.endswith("_id")]

    def url(self, values: dict) -> str:
        return "/" + PARAM.sub(lambda m: str(values[m["name"]]), self.pattern)


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield Route(prefix + str(entry.pattern), entry.name or "")


def all_routes(urlconf=None) -> list[Route]:
    """Every route once (ninja registers one entry per operation on the same path)."""
    seen = {}
    for route in walk(get_resolver(urlconf).url_patterns):
        seen.setdefault(route.pattern, route)
    return list(seen.values())


def unknown_params(routes) -> list[str]:
    return sorted(
        f"{p} (in {r.pattern})"
        for r in routes
        if r.id_params
        for p in r.params
        if p not in FACTORIES and p not in OTHER_PARAMS
    )


def routes_with_ids() -> list[Route]:
    return [r for r in all_routes() if r.id_params]


def snapshot(objects: dict) -> dict:
    result = {}
    for name, obj in objects.items():
        fresh = type(obj).objects.filter(pk=obj.pk).first()
        assert fresh is not None, f"alice's {name} was deleted"
        result[name] = {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}
    return result


def test_it_knows_every_id_parameter_in_the_url_configuration():
    unknown = unknown_params(all_routes())
    assert unknown == [], (
        "Routes with parameters that tests/test_isolation.py cannot fill: "
        f"{', '.join(unknown)}. Add each to FACTORIES (an object id: a factory making the "
        "first user's object) or OTHER_PARAMS (a plain value)."
    )


def test_it_finds_pages_and_api_routes_to_check():
    routes = routes_with_ids()
    assert any(r.is_api for r in routes)
    assert {"contact_id", "interaction_id"} <= {p for r in routes for p in r.id_params}


urlpatterns: list = []  # a stand-in URL configuration for the test below


def test_it_fails_for_a_route_with_an_unknown_parameter(settings):
    from django.urls import path

    urlpatterns[:] = [path("gadgets/<int:gadget_id>/", lambda request, gadget_id: None)]
    assert unknown_params(all_routes(__name__)) == ["gadget_id (in gadgets/<int:gadget_id>/)"]


def check_page(route, url, alice_client, bob_client):
    owner_get = alice_client.get(url)
    assert owner_get.status_code != 404, f"alice cannot reach her own {url} ({route.name})"
    for method in ("get", "post"):
        response = getattr(bob_client, method)(url)
        if response.status_code == 405:
            # The route does not take this method at all: the owner is refused alike.
            assert getattr(alice_client, method)(url).status_code == 405
            continue
        assert response.status_code == 404, f"bob: {method.upper()} {url} ({route.name})"


def check_api(route, url, alice_headers, bob_headers):
    client = Client()
    owner_view = client.get(url, headers=alice_headers)
    if owner_view.status_code != 405:
        assert owner_view.status_code == 200, f"alice cannot read her own {url}"
    # Alice's own representation is a valid body, so a 404 cannot hide behind a 422.
    body = json.dumps(owner_view.json() if owner_view.status_code == 200 else {})
    for method in ("get", "put", "patch", "post", "delete"):
        call = getattr(client, method)
        kwargs = {} if method == "get" else {"data": body, "content_type": "application/json"}
        response = call(url, headers=bob_headers, **kwargs)
        if response.status_code == 405:
            assert call(url, headers=alice_headers, **kwargs).status_code == 405
            continue
        assert response.status_code == 404, f"bob: {method.upper()} {url}: {response.content}"
        assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("route", routes_with_ids(), ids=lambda r: r.pattern)
def test_another_user_gets_404(route, alice, bob, alice_client, bob_client):
    made = {}
    for param in route.id_params:
        made[param] = FACTORIES[param](alice, made)
    url = route.url({name: obj.pk for name, obj in made.items()} | OTHER_PARAMS)
    before = snapshot(made)
    if route.is_api:
        alice_headers = {"authorization": f"Bearer {token_create(user=alice)[1]}"}
        bob_headers = {"authorization": f"Bearer {token_create(user=bob)[1]}"}
        check_api(route, url, alice_headers, bob_headers)
    else:
        check_page(route, url, alice_client, bob_client)
    assert snapshot(made) == before


def test_it_checks_the_event_pages_and_api():
    patterns = {r.pattern for r in routes_with_ids()}
    assert {
        "events/<int:event_id>/",
        "events/<int:event_id>/card/",
        "events/<int:event_id>/capture/",
        "events/<int:event_id>/review/",
        "api/v1/events/<int:event_id>",
    } <= patterns
