from django.urls import include, path

urlpatterns = [
    path("", include("mingel.web.urls")),
    path("accounts/", include("mingel.accounts.urls")),
    path("contacts/", include("mingel.contacts.urls")),
    path("", include("mingel.compose.urls")),
]
