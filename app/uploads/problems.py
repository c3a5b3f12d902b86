"""Problem lists of bounded length: a hostile file can have a problem on every row, and
neither the page nor the API answer may grow with it."""

from typing import TypeVar

MAX_PROBLEMS = 100
T = TypeVar("T")


def capped(problems: list[T], limit: int = MAX_PROBLEMS) -> tuple[list[T], int]:
    """The first `limit` problems and how many more there are ("… dan N lainnya")."""
    return problems[:limit], max(0, len(problems) - limit)
