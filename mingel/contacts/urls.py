from django.urls import path

from mingel.contacts import views

urlpatterns = [
    path("", views.contact_list, name="contact_list"),
]
