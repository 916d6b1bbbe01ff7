import re

import pytest

from mingel.accounts.services import token_create, token_revoke

pytestmark = pytest.mark.django_db


def openapi_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method in operations:
            yield method.upper(), re.sub(r"\{[^}]+\}", "1", path)


def test_it_serves_the_openapi_schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Mingel"
    assert schema["info"]["version"] == "1"
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    assert "/api/v1/contacts" in schema["paths"]


def test_it_answers_401_on_every_api_route_without_a_token(client, anonymous_api):
    operations = list(openapi_operations(client))
    assert len(operations) >= 10
    for method, path in operations:
        response = anonymous_api.request(method, path.removeprefix("/api/v1"), {})
        assert response.status_code == 401, f"{method} {path}"
        assert response.json() == {"detail": "Unauthorized"}
        assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("Bearer mgl_not-a-real-token", id="unknown-token"),
        pytest.param("Bearer ", id="empty-token"),
        pytest.param("Token mgl_x", id="wrong-scheme"),
        pytest.param("mgl_x", id="no-scheme"),
    ],
)
def test_it_refuses_bad_tokens(client, alice, header):
    response = client.get("/api/v1/contacts", headers={"authorization": header})
    assert response.status_code == 401


def test_it_refuses_a_revoked_token(client, alice):
    token, raw = token_create(user=alice)
    headers = {"authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/contacts", headers=headers).status_code == 200
    token_revoke(token=token)
    assert client.get("/api/v1/contacts", headers=headers).status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(client, alice):
    _, raw = token_create(user=alice)
    alice.is_active = False
    alice.save()
    response = client.get("/api/v1/contacts", headers={"authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_it_ignores_a_logged_in_session_without_a_token(alice_client):
    assert alice_client.get("/api/v1/contacts").status_code == 401


def test_it_records_when_a_token_was_last_used(client, alice):
    token, raw = token_create(user=alice)
    assert token.last_used_at is None
    client.get("/api/v1/contacts", headers={"authorization": f"Bearer {raw}"})
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_it_answers_in_the_users_language(client, alice, alice_api):
    alice.language = "sv"
    alice.save()
    response = alice_api.post("/contacts", {"name": "A", "email": "nej"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "email"
    assert "e-post" in error["msg"].lower()
