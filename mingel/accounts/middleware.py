import zoneinfo

from django.utils import timezone, translation


class UserPreferencesMiddleware:
    """Activates the logged-in user's language and time zone for the request.

    Runs after LocaleMiddleware, so a user who picked a language in the profile sees it
    whatever the browser asks for; anonymous visitors keep the cookie or Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        response = self.get_response(request)
        timezone.deactivate()
        return response
