"""Reading the round forms: local date-times (WITA) to aware UTC, and OPD choices (pure)."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from app.types import as_db_int


def parse_local(text: str | None, tz: str, *, end_of_day: bool = False) -> datetime | None:
    """'2026-12-01T17:00' or '2026-12-01' in zone `tz` as aware UTC; None when blank.

    A date without a time means the start of that day, or its last minute with `end_of_day`
    (a deadline "on 1 December" includes the whole day). Raises ValueError on bad input.
    """
    text = (text or "").strip()
    if not text:
        return None
    if "T" in text or " " in text:
        local = datetime.fromisoformat(text.replace(" ", "T"))
    else:
        day = datetime.fromisoformat(text).date()
        local = datetime.combine(day, time(23, 59) if end_of_day else time(0, 0))
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def local_input(value: datetime | None, tz: str) -> str:
    """The value of a datetime-local input showing `value` in zone `tz`."""
    if value is None:
        return ""
    return value.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%dT%H:%M")


def parse_ids(values: list[str]) -> list[int]:
    """The integers among form values (checkboxes), in order, without repeats."""
    ids: list[int] = []
    for value in values:
        number = as_db_int(value)
        if number is not None and number not in ids:
            ids.append(number)
    return ids


def parse_seen(values: list[str]) -> dict[int, int]:
    """'id:version' pairs sent back by the bulk-approval form."""
    seen: dict[int, int] = {}
    for value in values:
        left, _, right = (as_db_int(part) for part in value.partition(":"))
        if left is not None and right is not None:
            seen[left] = right
    return seen
