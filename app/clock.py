"""The service's clock: the one place that reads the time, so a test can freeze it.

Dates a user sees ("today" in a form's `today()`, a report's date) are days in the regency's
time zone (WITA for Luwu Utara), never the machine's local day.
"""

import datetime as dt
from zoneinfo import ZoneInfo


def utcnow() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def local_today(timezone: str) -> dt.date:
    """Today in `timezone` (an IANA name such as Asia/Makassar)."""
    return utcnow().astimezone(ZoneInfo(timezone)).date()
