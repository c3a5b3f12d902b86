"""The Masterplan workbook of a round (xlsxwriter): the planner's inputs on sheets the import
reads back (Tahun, RPJMD, Program, Keselarasan), then every output table, the roadmap with a
conditional fill on its year cells. Text is neutralised against formulas."""

from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter

from app.exports.hygiene import safe_cell_text
from app.planning.outputs import PlanOutputs
from app.planning.plan import PlanInput, ProgrammeInput
from app.planning.sheets import COLUMNS, INFO_COLUMNS, LIST_SEPARATOR, SHEETS, YEAR_COLUMNS, header
from app.planning.tables import GANTT_MARK, SHEET_NAMES, Labels, Table, output_tables

FORMATS = {"money": {"num_format": "[$Rp-421]#,##0"}, "percent": {"num_format": "0.0%"},
           "ratio": {"num_format": "0.00%"}, "integer": {"num_format": "0"},
           "mark": {"align": "center"}, "text": {}}
GANTT_FILL = {"bg_color": "#2E7D32", "font_color": "#FFFFFF"}
FLAG_FILL = {"bg_color": "#FCE4D6"}


def _cell(value: object) -> object:
    return safe_cell_text(value) if isinstance(value, str) else value


class _Writer:
    def __init__(self, lang: str):
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.lang = lang
        self.formats = {k: self.book.add_format(v) for k, v in FORMATS.items()}
        self.bold = self.book.add_format({"bold": True})
        self.fill = self.book.add_format(GANTT_FILL)
        self.flag = self.book.add_format(FLAG_FILL)

    def sheet(self, name: str, headers: list[str], rows: list[list], kinds: list[str],
              footer: list | None = None):
        ws = self.book.add_worksheet(name)
        ws.write_row(0, 0, headers, self.bold)
        ws.freeze_panes(1, 0)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                ws.write(r, c, _cell(value), self.formats[kinds[c] if c < len(kinds) else "text"])
        if footer:
            for c, value in enumerate(footer):
                ws.write(len(rows) + 1, c, _cell(value), self.formats[kinds[c]])
        ws.set_column(0, max(len(headers) - 1, 0), 16)
        return ws

    def table(self, table: Table) -> None:
        kinds = [col.kind for col in table.columns]
        ws = self.sheet(SHEET_NAMES[table.key], [col.header for col in table.columns],
                        table.rows, kinds, table.footer)
        marks = [i for i, kind in enumerate(kinds) if kind == "mark"]
        if marks and table.rows:
            ws.conditional_format(1, marks[0], len(table.rows), marks[-1], {
                "type": "cell", "criteria": "==", "value": f'"{GANTT_MARK}"', "format": self.fill})
        last = len(kinds) - 1
        for r, flagged in enumerate(table.flagged, start=1):
            if flagged and kinds[last] == "text":
                ws.conditional_format(r, last, r, last, {"type": "no_blanks", "format": self.flag})

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def masterplan_workbook(*, data: PlanInput, outputs: PlanOutputs, labels: Labels, lang: str,
                        regency: str, round_name: str, generated_at: str,
                        example: bool) -> bytes:
    """The workbook's bytes."""
    w = _Writer(lang)
    t = labels.t
    info = [[t("planning.info.regency"), regency], [t("planning.info.round"), round_name],
            [t("planning.info.generated"), generated_at]]
    if example:
        info.append([t("planning.info.example"), t("planning.example_note")])
    w.sheet("Info", [t("planning.info.item"), t("planning.info.value")], info, ["text", "text"])
    _inputs(w, data, outputs, labels)
    for table in output_tables(outputs, labels):
        w.table(table)
    return w.close()


def _heads(key: str, lang: str, years: tuple[int, ...]) -> list[str]:
    fixed = [header(code, lang) for code in COLUMNS[key]]
    if key in YEAR_COLUMNS:
        fixed += [f"{header(YEAR_COLUMNS[key], lang)} {y}" for y in years]
    return fixed


def _inputs(w: _Writer, data: PlanInput, out: PlanOutputs, labels: Labels) -> None:
    t, lang, years = labels.t, w.lang, data.years
    w.sheet(SHEETS["years"], _heads("years", lang, years),
            [[y, data.apbd.get(y)] for y in years], ["integer", "money"])
    nodes = [[t(f"planning.kind.{n.kind}"), n.code, n.parent_code or "", n.text, n.unit,
              *(n.targets.get(y) for y in years)] for n in data.nodes]
    w.sheet(SHEETS["rpjmd"], _heads("rpjmd", lang, years), nodes,
            ["text"] * 5 + ["text"] * len(years))
    given = {p.code: p for p in data.programmes}
    rows = [_programme_row(given.get(p.code, ProgrammeInput(p.code)), p, labels, years)
            for p in out.plan.programmes]
    heads = _heads("programmes", lang, years) + [header(c, lang) for c in INFO_COLUMNS]
    w.sheet(SHEETS["programmes"], heads, rows,
            ["text"] * 6 + ["integer", "integer"] + ["text"] * 4 + ["money"] * len(years)
            + ["text", "text", "text", "text", "money"])
    w.sheet(SHEETS["alignments"], _heads("alignments", lang, years),
            [[a.programme_code, a.node_code, t(f"planning.strength.{a.strength}"),
              t(f"planning.state.{a.state}")] for a in data.alignments], ["text"] * 4)


def _programme_row(given: ProgrammeInput, p, labels: Labels, years) -> list:
    t = labels.t
    flag = t("planning.yes"), t("planning.no")
    return [p.code, given.name, LIST_SEPARATOR.join(given.members), given.owner_opd,
            flag[0] if given.prioritas else flag[1],
            flag[0] if given.cepat_berdampak else flag[1],
            given.start_year, given.duration, labels.code("planning.stage", given.stage),
            LIST_SEPARATOR.join(given.predecessors),
            labels.code("planning.funding", given.funding),
            labels.code("planning.budget", given.budget_status),
            *(given.costs.get(y) for y in years),
            p.name, ", ".join(p.opds), labels.dim(p.dimension),
            labels.timeframes.get(p.term or "", p.term or ""), p.cost]


def generated_label(when: datetime, timezone: str) -> str:
    """The time as the regency reads it (e.g. 2026-12-01 14.32 Asia/Makassar)."""
    from zoneinfo import ZoneInfo
    return when.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H.%M ") + timezone
