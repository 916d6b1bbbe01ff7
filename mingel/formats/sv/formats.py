# "1 december 2026", "1 dec 2026": months in lower case, and no ISO dates (Django's Swedish
# SHORT_DATE_FORMAT is "Y-m-d"). "b" is the lower-case short month; "M" would capitalise it.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
