from django.urls import include, path

from mingel.api.api import api

urlpatterns = [
    path("", include("mingel.web.urls")),
    path("accounts/", include("mingel.accounts.urls")),
    path("contacts/", include("mingel.contacts.urls")),
    path("api/v1/", api.urls),
    path("", include("mingel.compose.urls")),
    path("", include("mingel.followups.urls")),
    path("events/", include("mingel.events.urls")),
    path("", include("mingel.progress.urls")),
    path("data/", include("mingel.exports.urls")),
    path("imports/", include("mingel.imports.urls")),
]

# The 500 page renders without the database or context processors (see the view).
handler500 = "mingel.web.views.server_error"
