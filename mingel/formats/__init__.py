"""Date formats per language (settings.FORMAT_MODULE_PATH), for the places that use
Django's named formats (`|date`, `date_format`, humanize): day before month in both
languages and never an ISO date in Swedish running text. Templates use the filters in
mingel/web/templatetags/mingel_dates.py, which also write Swedish short months right."""
