from django.urls import path

from mingel.contacts import views

urlpatterns = [
    path("", views.contact_list, name="contact_list"),
    path("new/", views.contact_create, name="contact_create"),
    path("quick/", views.contact_quick_add, name="contact_quick_add"),
    path("<int:contact_id>/", views.contact_detail, name="contact_detail"),
    path("<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path("<int:contact_id>/interactions/add/", views.interaction_add, name="interaction_add"),
    path(
        "interactions/<int:interaction_id>/edit/",
        views.interaction_edit,
        name="interaction_edit",
    ),
    path(
        "interactions/<int:interaction_id>/delete/",
        views.interaction_delete,
        name="interaction_delete",
    ),
]
