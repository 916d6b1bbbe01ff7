"""The one API object. Each app adds its `router` here with one line."""

from ninja import NinjaAPI

from mingel.api import errors
from mingel.api.auth import TokenAuth
from mingel.contacts.api import router as contacts_router
from mingel.exports.api import router as exports_router

api = NinjaAPI(
    title="Mingel",
    version="1",
    description="Contacts, interactions and more, for scripts and integrations. "
    "Authenticate with `Authorization: Bearer <token>`; create tokens on the API tokens page "
    "or with `mingel token create --user EMAIL`.",
    urls_namespace="api",
    auth=TokenAuth(),
    # Swagger UI would load from a CDN; the schema itself is served at /api/v1/openapi.json.
    docs_url=None,
)
errors.install(api)

api.add_router("/", contacts_router)
api.add_router("/", "mingel.events.api.router")
api.add_router("/", "mingel.followups.api.router")
api.add_router("/", exports_router)
api.add_router("/", "mingel.imports.api.router")
api.add_router("/", "mingel.accounts.api.router")
