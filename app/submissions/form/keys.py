"""Names for answers on the page: keys (stable, by row id) and paths (by row number).

A key names an answer by the ids of the rows it sits in: `pj_nama`, `kebutuhan#3f0c/biaya`,
`kebutuhan#3f0c/kegiatan#9a1e/kegiatan_nama`. Keys do not change when rows are reordered, so
the page uses them for input names, and the browser script for its state. A path is what
validate_answers and review comments use: `kebutuhan[2].biaya` (1-based row numbers); the
anchor of a question on the page is "q-" + its path.
"""

from __future__ import annotations

import re

from app.questionnaires.answers.document import ROW_ID

ROWS_PREFIX = "rows:"
_INDEXED = re.compile(r"([^\[\]]+)\[([0-9]+)\]\.?(.*)", re.DOTALL)


def row_scope(scope: str, repeat: str, row_id: str) -> str:
    """The key prefix of one repeat row, e.g. 'kebutuhan#3f0c/'."""
    return f"{scope}{repeat}#{row_id}/"


def anchor(path: str) -> str:
    """The element id of a question (or repeat, or row) on the form page."""
    return f"q-{path}"


def key_of_path(path: str, answers: dict) -> str | None:
    """The key for a path in this answers document; None when a row number does not exist."""
    scope, document = "", answers
    while True:
        match = _INDEXED.fullmatch(path)
        if not match:
            return scope + path
        name, index, rest = match.group(1), int(match.group(2)), match.group(3)
        rows = document.get(name) if isinstance(document, dict) else None
        if not isinstance(rows, list) or not 1 <= index <= len(rows):
            return None
        row = rows[index - 1]
        if not isinstance(row, dict) or not isinstance(row.get(ROW_ID), str):
            return None
        scope, document = row_scope(scope, name, row[ROW_ID]), row
        if not rest:
            return scope.removesuffix("/")
        path = rest


def top_name(path: str) -> str:
    """The first name of a path: the top-level question or repeat it belongs to."""
    return re.split(r"[\[]", path, maxsplit=1)[0] if "[" in path else path


def row_paths(answers: dict, scope: str = "", prefix: str = "") -> dict[str, str]:
    """Row key -> row path for every row of an answers document, e.g. {'kebutuhan#3f0c': …}."""
    found: dict[str, str] = {}
    for name, value in answers.items():
        if not isinstance(value, list):
            continue
        for index, row in enumerate(value, start=1):
            if isinstance(row, dict) and isinstance(row.get(ROW_ID), str):
                here = row_scope(scope, name, row[ROW_ID])
                path = f"{prefix}{name}[{index}]"
                found[here.removesuffix("/")] = path
                found.update(row_paths(row, here, f"{path}."))
    return found


def path_of_key(key: str, answers: dict) -> str | None:
    """The current path of a key (rows may have moved); None when its row is gone."""
    rows = row_paths(answers)
    if key in rows:
        return rows[key]
    if "/" not in key:
        return None if "#" in key else key
    scope, name = key.rsplit("/", 1)
    return f"{rows[scope]}.{name}" if scope in rows else None
