from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "mingel.followups"
