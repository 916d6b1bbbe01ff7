from django.urls import path

from mingel.events import views

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_create, name="event_create"),
    path("questions/", views.question_bank, name="question_bank"),
    path("questions/favourite/", views.question_favourite, name="question_favourite"),
    path("pitch/estimate/", views.pitch_estimate, name="pitch_estimate"),
    path("<int:event_id>/", views.event_detail, name="event_detail"),
    path("<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("<int:event_id>/delete/", views.event_delete, name="event_delete"),
    path("<int:event_id>/card/", views.event_card, name="event_card"),
    path("<int:event_id>/capture/", views.event_capture, name="event_capture"),
    path("<int:event_id>/review/", views.event_review, name="event_review"),
    path("<int:event_id>/practice/", views.event_practice, name="event_practice"),
]
