"""The crosswalk as an XLSX sheet: written for planners to edit, read back with row-level
problems (nothing is imported while any row has one)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook

from app.exports.hygiene import safe_cell_text
from app.uploads.limits import MB, TooLarge, XlsxLimits, check_xlsx
from app.uploads.problems import capped
from reports.frameworks import NodeRef, Registry

SHEET = "Padanan"
COLUMNS = ("kerangka_asal", "simpul_asal", "label_asal", "kerangka_tujuan", "simpul_tujuan",
           "label_tujuan", "jenis", "catatan")
# What the `jenis` column says -> the relation code (Indonesian words, or the codes).
RELATION_WORDS = {"sama": "same", "sama dengan": "same", "bagian": "part_of",
                  "bagian dari": "part_of", "terkait": "related", "same": "same",
                  "part_of": "part_of", "related": "related"}
WORD_OF = {"same": "sama", "part_of": "bagian dari", "related": "terkait"}
MAX_ROWS = 2_000
LIMITS = XlsxLimits(max_bytes=2 * MB, max_unpacked=4 * MB, max_part=3 * MB,
                    max_rows=MAX_ROWS + 10, max_cells=40)


@dataclass(frozen=True)
class LinkRow:
    source: NodeRef
    target: NodeRef
    relation: str
    note: str = ""


@dataclass
class ParsedCrosswalk:
    rows: list[LinkRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    more_problems: int = 0
    too_large: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.too_large

    @property
    def pairs(self) -> set[tuple[str, str]]:
        """The framework pairs the file covers (their links are replaced on import)."""
        return {(r.source.framework, r.target.framework) for r in self.rows}


def crosswalk_workbook(registry: Registry, source: str, target: str, lang: str = "id") -> bytes:
    """The links between two frameworks (both directions) as a workbook."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for link in registry.links_between(source, target):
        ends = []
        for ref in (link.source, link.target):
            framework = registry.get(ref.framework)
            node = framework.node(ref.node) if framework else None
            ends += [ref.framework, ref.node, node.label(lang) if node else ""]
        values = [*ends[:3], *ends[3:], WORD_OF.get(link.relation, link.relation), link.note]
        sheet.append([safe_cell_text(str(v)) if v else None for v in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def parse_crosswalk(data: bytes, registry: Registry) -> ParsedCrosswalk:
    """Rows of an uploaded crosswalk, checked against the registry; problems name the row."""
    result = ParsedCrosswalk()
    try:
        check_xlsx(data, LIMITS)
        rows = list(load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                    .worksheets[0].iter_rows(values_only=True))
    except TooLarge as refused:
        result.too_large, result.problems = True, [str(refused)]
        return result
    except Exception:  # noqa: BLE001 - any unreadable file gets the same answer
        result.problems = ["the file is not an Excel .xlsx workbook"]
        return result
    header = [str(v or "").strip().lower() for v in (rows[0] if rows else ())]
    missing = [c for c in COLUMNS if c not in header and c not in ("label_asal", "label_tujuan")]
    if missing:
        result.problems = [f"row 1: missing column(s) {', '.join(missing)}"]
        return result
    problems, seen = [], set()
    for number, values in enumerate(rows[1:], start=2):
        cells = {name: str(v).strip() if v is not None else ""
                 for name, v in zip(header, values, strict=False)}
        if not any(cells.values()):
            continue
        row, problem = _row(cells, registry)
        if problem is None and (row.source, row.target) in seen:
            problem = "this link is already in an earlier row"
        if problem:
            problems.append(f"row {number}: {problem}")
            continue
        seen.add((row.source, row.target))
        result.rows.append(row)
    result.problems, result.more_problems = capped(problems)
    return result


def _row(cells: dict[str, str], registry: Registry) -> tuple[LinkRow | None, str | None]:
    ends = []
    for framework_col, node_col in (("kerangka_asal", "simpul_asal"),
                                    ("kerangka_tujuan", "simpul_tujuan")):
        framework = registry.get(cells.get(framework_col, ""))
        if framework is None:
            return None, f'column {framework_col}: unknown framework "{cells.get(framework_col)}"'
        if framework.node(cells.get(node_col, "")) is None:
            return None, (f'column {node_col}: {framework.code} has no node '
                          f'"{cells.get(node_col)}"')
        ends.append(NodeRef(framework.code, cells[node_col]))
    if ends[0].framework == ends[1].framework:
        return None, "column kerangka_tujuan: a link joins two different frameworks"
    relation = RELATION_WORDS.get(cells.get("jenis", "").lower())
    if relation is None:
        return None, 'column jenis: write "sama", "bagian dari" or "terkait"'
    return LinkRow(ends[0], ends[1], relation, cells.get("catatan", "")[:500]), None
