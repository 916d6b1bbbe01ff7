from django.urls import path

from mingel.compose import views

urlpatterns = [
    path("contacts/<int:contact_id>/compose/", views.contact_compose, name="contact_compose"),
    path("check/", views.message_check, name="message_check"),
]
