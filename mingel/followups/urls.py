from django.urls import path

from mingel.followups import views

urlpatterns = [
    path("today/", views.today, name="today"),
    path("today/contacts/<int:contact_id>/done/", views.contact_done, name="today_done"),
    path("today/contacts/<int:contact_id>/snooze/", views.contact_snooze, name="today_snooze"),
    path("today/contacts/<int:contact_id>/skip/", views.contact_skip, name="today_skip"),
    path("today/events/<int:event_id>/snooze/", views.event_snooze, name="today_event_snooze"),
    path("today/events/<int:event_id>/skip/", views.event_skip, name="today_event_skip"),
    path("today/settings/", views.reminder_settings, name="reminder_settings"),
    path("today/settings/calendar/rotate/", views.calendar_rotate, name="calendar_rotate"),
    path("today/settings/calendar/off/", views.calendar_disable, name="calendar_disable"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
