"""Rows of one frozen dataclass kept column by column, so 100,000 needs stay a few megabytes.

A `Need` object with its own strings costs about 1 KB; a round of 5,000 submissions has
100,000 of them. `Rows(Need)` keeps each field in a typed array instead: numbers as machine
numbers (integers in the fewest bytes that hold them), everything else (text, codes, tuples)
as an index into the column's pool of distinct values (one byte while it has at most 256), so
a dimension code, an OPD code or a title written by many OPDs is held once. Text that differs
on every row (`distinct=`, e.g. a row's id) is kept as UTF-8 bytes end to end instead of
pooled (a row id of 32 hex digits as its 16 bytes). It is a read-only sequence for the
builders: iterating or indexing makes the row objects on the fly; `column` reads one field
without making rows, and `replace` swaps whole fields, sharing the rest.
`Mapped` is the same kind of sequence for results: each made when read, from rows kept compact.
"""

from __future__ import annotations

import dataclasses
import re
import types
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar, get_type_hints

T = TypeVar("T")
_NO_INT = {"b": -(2**7), "h": -(2**15), "i": -(2**31), "q": -(2**63)}
"""An int column's smallest value stands for None; the column widens to hold larger ones."""
_WIDER = {"b": "h", "h": "i", "i": "q"}


def _kind(annotation: object, distinct: bool) -> str:
    """'f' float | None, 'i' int | None, 'b' bool, 't' distinct str, 'o' anything else (pooled)."""
    if distinct and annotation is str:
        return "t"
    if annotation is bool:
        return "b"
    members = set(getattr(annotation, "__args__", ())) if isinstance(
        annotation, types.UnionType) else {annotation}
    members.discard(type(None))
    if members == {float}:
        return "f"
    if members == {int}:
        return "i"
    return "o"


class _Column:
    __slots__ = ("kind", "data", "exact", "text", "packed", "pool", "values")

    def __init__(self, kind: str):
        self.kind = kind
        self.data = array({"f": "d", "i": "b", "b": "b", "o": "B", "t": "I"}[kind])
        self.exact = array("b") if kind == "f" else None  # an int stored in a float column
        self.text = bytearray() if kind == "t" else None  # 't': data holds where each row ends
        self.packed = array("b") if kind == "t" else None  # 't': a row id held as 16 bytes
        self.pool: dict[object, int] = {}  # 'o': distinct value -> its index in `values`
        self.values: list[object] = []

    def pooled(self, value: object) -> int:
        """The value's index in this column's pool; the index array widens as the pool grows."""
        try:
            return self.pool[value]
        except KeyError:
            index = self.pool[value] = len(self.values)
            self.values.append(value)
            if index > _LARGEST[self.data.typecode]:
                self.data = array("H" if self.data.typecode == "B" else "I", self.data)
            return index


_LARGEST = {"B": 2**8 - 1, "H": 2**16 - 1, "I": 2**32 - 1}
_ROW_ID = re.compile("[0-9a-f]{32}")
"""A repeat row's id as the form and the server make it (uuid4().hex): kept as 16 bytes."""


class Rows(Sequence[T], Generic[T]):
    """A growing, compact sequence of `cls` rows (a frozen dataclass)."""

    def __init__(self, cls: type[T], rows: Iterable[T] = (), *, distinct: Iterable[str] = ()):
        self.cls = cls
        fields, distinct = dataclasses.fields(cls), set(distinct)
        hints = get_type_hints(cls)  # real types, also under `from __future__ import annotations`
        self._names = [field.name for field in fields]
        self._columns = [_Column(_kind(hints[field.name], field.name in distinct))
                         for field in fields]
        self._length = 0
        self.extend(rows)

    def append(self, row: T) -> None:
        for name, column in zip(self._names, self._columns, strict=True):
            self._store(column, getattr(row, name))
        self._length += 1

    def extend(self, rows: Iterable[T]) -> None:
        for row in rows:
            self.append(row)

    def _store(self, column: _Column, value: object) -> None:
        kind = column.kind
        if kind == "o":
            index = column.pooled(value)  # first: it may widen `data`
            column.data.append(index)
        elif kind == "t" and type(value) is str:
            packed = _ROW_ID.fullmatch(value) is not None
            column.text += bytes.fromhex(value) if packed else value.encode(
                "utf-8", "surrogatepass")
            column.packed.append(packed)
            if len(column.text) > _LARGEST["I"] and column.data.typecode == "I":
                column.data = array("Q", column.data)
            column.data.append(len(column.text))
        elif kind == "f" and (value is None or type(value) is float or (
                type(value) is int and abs(value) <= 2**53)):
            column.data.append(float("nan") if value is None else float(value))
            column.exact.append(type(value) is int)
        elif kind == "i" and (value is None or (
                type(value) is int and _NO_INT["q"] < value < 2**63)):
            while value is not None and not _NO_INT[column.data.typecode] < value < -_NO_INT[
                    column.data.typecode]:
                self._widen_int(column)
            column.data.append(_NO_INT[column.data.typecode] if value is None else value)
        elif kind == "b" and type(value) is bool:
            column.data.append(value)
        else:  # a value the annotation did not promise: keep it as it is, pooled
            self._widen(column)
            index = column.pooled(value)
            column.data.append(index)

    def _widen_int(self, column: _Column) -> None:
        narrow, wide = _NO_INT[column.data.typecode], _WIDER[column.data.typecode]
        column.data = array(wide, (_NO_INT[wide] if v == narrow else v for v in column.data))

    def _widen(self, column: _Column) -> None:
        values = [self._value(column, index) for index in range(len(column.data))]
        column.kind, column.data, column.exact, column.text = "o", array("B"), None, None
        column.packed = None
        for value in values:
            index = column.pooled(value)
            column.data.append(index)

    def column(self, name: str) -> Iterator[object]:
        """One field's values, row by row (no row objects are made)."""
        column = self._columns[self._names.index(name)]
        return (self._value(column, index) for index in range(self._length))

    def replace(self, **fields: Iterable[object]) -> Rows[T]:
        """These rows with the named fields' values replaced; the other columns are shared."""
        copy = Rows(self.cls)
        copy._names, copy._length, copy._columns = self._names, self._length, list(self._columns)
        hints = get_type_hints(self.cls)
        for name, values in fields.items():
            position = self._names.index(name)
            column = _Column(_kind(hints[name], self._columns[position].kind == "t"))
            for value in values:
                copy._store(column, value)
            if len(column.data) != self._length:
                raise ValueError(f"{name}: {len(column.data)} values for {self._length} rows")
            copy._columns[position] = column
        return copy

    def __len__(self) -> int:
        return self._length

    def __eq__(self, other: object) -> bool:
        return _equal(self, other)

    __hash__ = None  # type: ignore[assignment] - equal by value, like the list it stands for

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self.cls(*(self._value(column, index) for column in self._columns))

    def __iter__(self) -> Iterator[T]:
        make, columns = self.cls, self._columns
        for index in range(self._length):
            yield make(*(self._value(column, index) for column in columns))

    def _value(self, column: _Column, index: int) -> object:
        value = column.data[index]
        kind = column.kind
        if kind == "o":
            return column.values[value]
        if kind == "t":
            start = column.data[index - 1] if index else 0
            if column.packed[index]:
                return column.text[start:value].hex()
            return column.text[start:value].decode("utf-8", "surrogatepass")
        if kind == "f":
            if value != value:
                return None
            return int(value) if column.exact[index] else value
        if kind == "i":
            return None if value == _NO_INT[column.data.typecode] else value
        return bool(value)


class Mapped(Sequence[T], Generic[T]):
    """`make(a, b, …)` of the items at the same position of equally long sequences, made when
    read (iterating, indexing); nothing is kept but the sequences."""

    def __init__(self, make: Callable[..., T], *sequences: Sequence):
        if len({len(sequence) for sequence in sequences}) > 1:
            raise ValueError("the sequences differ in length")
        self._make, self._sequences = make, sequences

    def __len__(self) -> int:
        return len(self._sequences[0])

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._make(*(sequence[index] for sequence in self._sequences))

    def __iter__(self) -> Iterator[T]:
        return map(self._make, *self._sequences)

    def __eq__(self, other: object) -> bool:
        return _equal(self, other)

    __hash__ = None  # type: ignore[assignment]


def _equal(rows: Sequence, other: object) -> bool:
    """Equal to any sequence (not text) of equal items: results compare as their lists did."""
    if not isinstance(other, Sequence) or isinstance(other, str | bytes):
        return NotImplemented
    return len(rows) == len(other) and all(a == b for a, b in zip(rows, other, strict=True))
