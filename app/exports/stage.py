"""Rows kept on disk until their sheet is written, then read back in key order.

A summary sheet sorted other than the submissions stream (`Monev Program`: by dimension,
then OPD) or by Python's order of OPD codes (a PostgreSQL collation may sort them otherwise)
gets its rows here as each OPD is done, instead of in memory: a private temporary SQLite
database (it lives on disk, and goes when closed). Keys sort as Python sorts them: numbers by
value, text by code point (SQLite's BINARY collation of UTF-8).
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator


class SortedStage:
    """Rows with a sort key (a tuple of one shape: ints and strs), read back by key, then in
    the order they came; inserted BATCH at a time."""

    BATCH = 1000

    def __init__(self):
        self._db: sqlite3.Connection | None = None
        self._width = 0
        self._waiting: list[tuple] = []

    def add(self, rows: Iterable[tuple[tuple, list]]) -> None:
        """Keep (key, values) pairs."""
        dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
        self._waiting += [(*key, dumps(values, protocol=protocol)) for key, values in rows]
        if len(self._waiting) >= self.BATCH:
            self._insert()

    def _insert(self) -> None:
        if not self._waiting:
            return
        if self._db is None:
            self._width = len(self._waiting[0]) - 1
            self._db = sqlite3.connect("")  # "": a temporary database on disk
            keys = ", ".join(f"k{i}" for i in range(self._width))
            self._db.execute(f"CREATE TABLE stage ({keys}, seq INTEGER PRIMARY KEY, row BLOB)")
        marks = ", ".join("?" * self._width)
        self._db.executemany(f"INSERT INTO stage VALUES ({marks}, NULL, ?)", self._waiting)
        self._waiting = []

    def rows(self) -> Iterator[list]:
        """Every row's values by key; then closes the stage."""
        self._insert()
        if self._db is None:
            return
        order = ", ".join(f"k{i}" for i in range(self._width))
        loads = pickle.loads
        try:
            for (values,) in self._db.execute(f"SELECT row FROM stage ORDER BY {order}, seq"):
                yield loads(values)
        finally:
            self.close()

    def close(self) -> None:
        self._waiting = []
        if self._db is not None:
            self._db.close()
            self._db = None
