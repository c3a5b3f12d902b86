"""The status of a carried repeat row (part of the answers document; pure).

A carried row holds `_carry`: "pending" until the officer says "same" (masih sama), "changed"
(berubah) or "retired" (tidak berlaku lagi). A retired row stays in the draft (and in the
earlier round's history) but leaves this year's answers, like an answer that does not apply.
A row added this year has no `_carry`.
"""

from __future__ import annotations

from collections.abc import Iterator

ROW_CARRY = "_carry"
PENDING, SAME, CHANGED, RETIRED = "pending", "same", "changed", "retired"
STATUSES = (PENDING, SAME, CHANGED, RETIRED)
CHOSEN = (SAME, CHANGED, RETIRED)
"""What an officer can choose (in this order on the page)."""


def carried_rows(document: object) -> Iterator[dict]:
    """Every carried row of an answers document, nested rows included."""
    if not isinstance(document, dict):
        return
    for value in document.values():
        if isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    if row.get(ROW_CARRY) in STATUSES:
                        yield row
                    yield from carried_rows(row)


def mark_pending(document: dict) -> dict:
    """The document with every repeat row marked as carried and not yet confirmed (in place)."""
    for value in document.values():
        if isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    row[ROW_CARRY] = PENDING
                    mark_pending(row)
    return document


Retired = tuple[tuple[str, ...], int, dict]
"""A retired row taken out: where its list is (repeat name, row id, repeat name, …), its
index there, and the row."""


def retire(document: dict, chain: tuple[str, ...] = ()) -> list[Retired]:
    """Take the retired rows out of the document (in place), last first in each list; putting
    them back in reverse order (`restore`) gives every row its place again."""
    taken: list[Retired] = []
    for name, value in document.items():
        if not isinstance(value, list):
            continue
        for index in range(len(value) - 1, -1, -1):
            row = value[index]
            if isinstance(row, dict) and row.get(ROW_CARRY) == RETIRED:
                taken.append(((*chain, name), index, value.pop(index)))
        for row in value:
            if isinstance(row, dict) and isinstance(row.get("_id"), str):
                taken += retire(row, (*chain, name, row["_id"]))
    return taken


def restore(document: dict, taken: list[Retired]) -> dict:
    """Put retired rows back into `document` (in place), each in its place."""
    for chain, index, row in reversed(taken):
        scope: object = document
        for name, row_id in zip(chain[:-1:2], chain[1::2], strict=True):
            rows = scope.get(name) if isinstance(scope, dict) else None
            scope = next((r for r in rows or [] if isinstance(r, dict)
                          and r.get("_id") == row_id), None)
        if isinstance(scope, dict):
            rows = scope.setdefault(chain[-1], [])
            rows.insert(min(index, len(rows)), row)
    return document
