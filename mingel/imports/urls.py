from django.urls import path

from mingel.imports import views

urlpatterns = [
    path("", views.import_start, name="import_start"),
    path("<int:import_id>/", views.import_detail, name="import_detail"),
    path("<int:import_id>/columns/", views.import_mapping, name="import_mapping"),
    path("<int:import_id>/apply/", views.import_apply, name="import_apply"),
    path("<int:import_id>/progress/", views.import_progress, name="import_progress"),
    path("<int:import_id>/cancel/", views.import_cancel, name="import_cancel"),
]
