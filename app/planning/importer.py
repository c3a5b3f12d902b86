"""Reading the input sheets of a Masterplan workbook back (pure): years and APBD, the RPJMD,
programme inputs, alignments. Every problem is collected with its sheet, row and column;
a workbook with any problem imports nothing.

    parsed, problems = parse_plan_workbook(data, need_codes={…})
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from openpyxl import load_workbook

from app.exports.hygiene import FORMULA_TRIGGERS
from app.planning import rules
from app.planning.plan import Alignment, Node, ProgrammeInput
from app.planning.sheets import (
    LIST_SEPARATOR,
    NO,
    SHEETS,
    YEAR_COLUMNS,
    YES,
    choice_codes,
    header_codes,
)
from app.uploads.limits import MB, TooLarge, XlsxLimits, check_xlsx

MAX_FILE_BYTES = 5 * MB
LIMITS = XlsxLimits(max_bytes=MAX_FILE_BYTES, max_unpacked=20 * MB, max_part=10 * MB,
                    max_rows=20_000, max_cells=200)
YEAR_HEADER = re.compile(r"^(.*\S)\s+(\d{4})$")
MAX_PROBLEMS = 100


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int
    column: str
    key: str
    params: tuple[tuple[str, object], ...] = ()


@dataclass
class ParsedPlan:
    years: tuple[int, ...] = ()
    apbd: dict[int, int] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    programmes: list[ProgrammeInput] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[ImportProblem] = []
        self.headers = header_codes()

    def add(self, sheet: str, row: int, column: str, key: str, **params) -> None:
        self.problems.append(ImportProblem(sheet, row, column, key, tuple(params.items())))

    def table(self, workbook, key: str) -> list[tuple[int, dict, dict[int, object]]]:
        """(row number, code -> value, year -> value) of every non-blank row of a sheet."""
        name = SHEETS[key]
        if name not in workbook.sheetnames:
            self.add(name, 0, "", "planning.import.no_sheet")
            return []
        rows = workbook[name].iter_rows(values_only=True)
        head = [str(v or "").strip() for v in next(rows, ())]
        columns = [self._column(key, text) for text in head]
        out = []
        for number, values in enumerate(rows, start=2):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            plain, by_year = {}, {}
            for column, value in zip(columns, values, strict=False):
                if isinstance(column, int):
                    by_year[column] = value
                elif column:
                    plain[column] = value
            out.append((number, plain, by_year))
        return out

    def _column(self, key: str, text: str) -> str | int | None:
        found = YEAR_HEADER.match(text)
        if found and self.headers.get(found.group(1).lower()) == YEAR_COLUMNS.get(key):
            return int(found.group(2))
        return self.headers.get(text.lower())


def _text(value: object) -> str:
    """A cell as text; the apostrophe the export put before formula-like text is taken off,
    so a workbook round-trips unchanged."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS) else text


def _number(value: object) -> float | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = _text(value).replace("Rp", "").replace(" ", "").replace(".", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise ValueError(value) from None


def parse_plan_workbook(data: bytes) -> tuple[ParsedPlan | None, list[ImportProblem]]:
    """The planner inputs of a workbook, or the problems that keep it from being imported."""
    reader = _Reader()
    try:
        check_xlsx(data, LIMITS)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except TooLarge:
        return None, [ImportProblem("", 0, "", "planning.import.too_large")]
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        return None, [ImportProblem("", 0, "", "planning.import.not_xlsx")]
    try:
        parsed = ParsedPlan()
        _years(reader, workbook, parsed)
        _nodes(reader, workbook, parsed)
        _programmes(reader, workbook, parsed)
        _alignments(reader, workbook, parsed)
    finally:
        workbook.close()
    problems = reader.problems[:MAX_PROBLEMS]
    return (None, problems) if problems else (parsed, [])


def _years(reader: _Reader, workbook, parsed: ParsedPlan) -> None:
    sheet, years = SHEETS["years"], []
    for number, row, _ in reader.table(workbook, "years"):
        try:
            year = int(_number(row.get("tahun")) or 0)
            apbd = _number(row.get("apbd"))
        except ValueError:
            reader.add(sheet, number, "apbd", "planning.error.money")
            continue
        if not rules.MIN_YEAR <= year <= rules.MAX_YEAR or year in years:
            reader.add(sheet, number, "tahun", "planning.error.year")
            continue
        if apbd is not None and not rules.check_money(apbd):
            reader.add(sheet, number, "apbd", "planning.error.money")
        years.append(year)
        if apbd is not None:
            parsed.apbd[year] = int(apbd)
    years.sort()
    if not years or rules.check_years(years[0], years[-1]) or \
            years != list(range(years[0], years[-1] + 1)):
        reader.add(sheet, 0, "tahun", "planning.error.years")
    parsed.years = tuple(years)


def _nodes(reader: _Reader, workbook, parsed: ParsedPlan) -> None:
    sheet = SHEETS["rpjmd"]
    kinds_of = choice_codes("planning.kind", rules.NODE_KINDS)
    rows = reader.table(workbook, "rpjmd")
    kinds = {_text(r.get("kode")): kinds_of.get(_text(r.get("jenis")).lower(), "")
             for _, r, _ in rows}
    seen = set()
    for number, row, by_year in rows:
        kind = kinds_of.get(_text(row.get("jenis")).lower(), _text(row.get("jenis")))
        code, parent = _text(row.get("kode")), _text(row.get("induk")) or None
        text = _text(row.get("uraian"))
        errors = rules.check_node(kind, code, parent, text, kinds)
        if code in seen:
            errors["code"] = "planning.error.code_twice"
        seen.add(code)
        targets = {}
        for year, value in by_year.items():
            try:
                found = _number(value)
            except ValueError:
                errors[f"target {year}"] = "planning.error.number"
                continue
            if found is not None and not rules.check_target(found):
                errors[f"target {year}"] = "planning.error.number"
            elif found is not None:
                targets[year] = found
        for column, key in errors.items():
            reader.add(sheet, number, column, key)
        parsed.nodes.append(Node(kind, code, text, parent, _text(row.get("satuan"))[:64],
                                 targets if kind == "iku" else {}))


def _flag(reader: _Reader, sheet: str, number: int, column: str, value: object) -> bool:
    text = _text(value).lower()
    if text not in YES | NO:
        reader.add(sheet, number, column, "planning.error.flag")
    return text in YES


def _programmes(reader: _Reader, workbook, parsed: ParsedPlan) -> None:
    sheet = SHEETS["programmes"]
    choices = {"tahap": choice_codes("planning.stage", rules.STAGES),
               "sumber_dana": choice_codes("planning.funding", rules.FUNDING_SOURCES),
               "status_anggaran": choice_codes("planning.budget", rules.BUDGET_STATUSES)}
    seen = set()
    for number, row, by_year in reader.table(workbook, "programmes"):
        code = _text(row.get("kode"))
        picked = {}
        for column, known in choices.items():
            value = _text(row.get(column))
            picked[column] = known.get(value.lower(), value) if value else ""
        try:
            start, duration = _number(row.get("tahun_mulai")), _number(row.get("durasi"))
            costs = {y: c for y, v in by_year.items() if (c := _number(v))}
        except ValueError:
            reader.add(sheet, number, "", "planning.error.number")
            continue
        given = ProgrammeInput(
            code=code, name=_text(row.get("nama")), members=_list(row.get("anggota")),
            owner_opd=_text(row.get("opd_pemilik"))[:32],
            prioritas=_flag(reader, sheet, number, "prioritas", row.get("prioritas")),
            cepat_berdampak=_flag(reader, sheet, number, "cepat_berdampak",
                                  row.get("cepat_berdampak")),
            start_year=int(start) if start else None, duration=int(duration) if duration else None,
            stage=picked["tahap"], predecessors=_list(row.get("pendahulu")),
            funding=picked["sumber_dana"], budget_status=picked["status_anggaran"], costs=costs)
        errors = rules.check_programme(given)
        if not code or code in seen:
            errors["kode"] = "planning.error.code_twice" if code else "planning.error.code"
        seen.add(code)
        for column, key in errors.items():
            reader.add(sheet, number, column, key)
        parsed.programmes.append(given)


def _list(value: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in _text(value).split(LIST_SEPARATOR)
                               if p.strip()))


def _alignments(reader: _Reader, workbook, parsed: ParsedPlan) -> None:
    sheet = SHEETS["alignments"]
    strengths = choice_codes("planning.strength", rules.STRENGTHS)
    states = choice_codes("planning.state", ("accepted", "rejected"))
    alignable = {n.code for n in parsed.nodes if n.kind in rules.ALIGNABLE}
    for number, row, _ in reader.table(workbook, "alignments"):
        programme, node = _text(row.get("kode_program")), _text(row.get("kode_rpjmd"))
        strength = strengths.get(_text(row.get("kekuatan")).lower() or "langsung")
        state = states.get(_text(row.get("status")).lower() or "accepted")
        if not programme:
            reader.add(sheet, number, "kode_program", "planning.error.code")
        if node not in alignable:
            reader.add(sheet, number, "kode_rpjmd", "planning.error.node")
        if strength is None or state is None:
            reader.add(sheet, number, "kekuatan" if strength is None else "status",
                       "planning.error.choice")
            continue
        if (programme, node) in {(a.programme_code, a.node_code) for a in parsed.alignments}:
            reader.add(sheet, number, "kode_rpjmd", "planning.error.code_twice")
            continue
        parsed.alignments.append(Alignment(programme, node, strength, state))
