from django.urls import path

from mingel.progress import views

urlpatterns = [
    path("progress/", views.progress, name="progress"),
]
