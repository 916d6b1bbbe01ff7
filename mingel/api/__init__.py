"""The JSON API at /api/v1/: one NinjaAPI, token auth, and one error shape for every app."""
