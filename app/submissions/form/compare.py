"""Whether two answers are the same, as an officer would say (pure)."""


def same_value(now: object, last: object) -> bool:
    """Numbers by value, choices in any order, everything else as stored."""
    if isinstance(now, list) and isinstance(last, list):
        return sorted(map(str, now)) == sorted(map(str, last))
    numbers = (int, float)
    if isinstance(now, numbers) and isinstance(last, numbers) and not isinstance(now, bool):
        return float(now) == float(last)
    return now == last
