from django.urls import path

from mingel.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("welcome/steps/<str:step>/skip/", views.onboarding_skip, name="onboarding_skip"),
    path("welcome/dismiss/", views.onboarding_dismiss, name="onboarding_dismiss"),
]
