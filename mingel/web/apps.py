from django.apps import AppConfig


class WebConfig(AppConfig):
    """Layout, static files and the pages that belong to no single capability."""

    name = "mingel.web"
