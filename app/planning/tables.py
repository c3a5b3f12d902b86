"""The plan's outputs as labelled tables (pure): the page, the Masterplan workbook and the JSON
twin show these same rows, so their numbers cannot differ.

    tables = output_tables(outputs, labels)   # Table(key, columns, rows, footer)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.planning.costs import UNSET, CostTables, Line
from app.planning.outputs import PlanOutputs
from app.planning.plan import Programme

GANTT_MARK = "■"
SHEET_NAMES = {"cakupan": "Cakupan Misi", "matriks": "Matriks RPJMD", "peta": "Peta Jalan",
               "rab_program": "RAB Program", "rab_dimensi": "RAB Dimensi",
               "rab_sumber": "RAB Sumber Dana", "rab_opd": "RAB OPD", "rab_tahun": "RAB Tahunan",
               "quick_win": "Cek Quick Win"}


@dataclass(frozen=True)
class Col:
    code: str
    header: str
    kind: str = "text"
    """text, integer, money, percent, ratio or mark (a Gantt year)."""


@dataclass
class Table:
    key: str
    title: str
    columns: list[Col]
    rows: list[list] = field(default_factory=list)
    footer: list | None = None
    flagged: list[bool] = field(default_factory=list)
    """Per row: drawn as a warning (misi with no programme, programme aligned to none)."""


@dataclass(frozen=True)
class Labels:
    """Translator and the labels of codes, in the output's language."""

    t: Callable[..., str]
    dimensions: dict[str, str]
    timeframes: dict[str, str]
    opds: dict[str, str]

    def dim(self, code: str) -> str:
        return self.dimensions.get(code, code) if code else self.t("planning.unset")

    def code(self, prefix: str, code: str) -> str:
        return self.t(f"{prefix}.{code}") if code else ""


def output_tables(out: PlanOutputs, labels: Labels) -> list[Table]:
    """Every output table, in the workbook's sheet order."""
    c = out.costs
    return [coverage(out, labels), matrix(out, labels), gantt(out, labels),
            cost_per_programme(c, labels),
            cost_summary("rab_dimensi", c.by_dimension, c, labels, labels.dim),
            cost_summary("rab_sumber", c.by_funding, c, labels,
                         lambda k: labels.code("planning.funding", k)
                         or labels.t("planning.unset")),
            cost_summary("rab_opd", c.by_opd, c, labels,
                         lambda k: f"{k} {labels.opds.get(k, '')}".strip()
                         or labels.t("planning.unset")),
            yearly(c, labels), warnings(out, labels)]


def _col(t, code: str, kind: str = "text", **params) -> Col:
    return Col(code, t(f"planning.col.{code}", **params), kind)


def _title(t, key: str) -> str:
    return t(f"planning.table.{key}")


def coverage(out: PlanOutputs, labels: Labels) -> Table:
    t = labels.t
    table = Table("cakupan", _title(t, "cakupan"), [
        _col(t, "kode"), _col(t, "misi"), _col(t, "jumlah_program", "integer"),
        _col(t, "langsung", "integer"), _col(t, "pendukung", "integer"),
        _col(t, "biaya", "money"), _col(t, "porsi_biaya", "percent"), _col(t, "catatan")])
    for m in out.alignment.misi:
        table.rows.append([m.code, m.text, m.programmes, m.direct, m.supporting, m.cost,
                           m.share, t("planning.flag.no_programme") if m.uncovered else ""])
        table.flagged.append(m.uncovered)
    return table


def _who(p: Programme, labels: Labels) -> str:
    return ", ".join(p.opds) or p.owner_opd


def matrix(out: PlanOutputs, labels: Labels) -> Table:
    t = labels.t
    table = Table("matriks", _title(t, "matriks"), [
        _col(t, "kode"), _col(t, "program"), _col(t, "opd"), _col(t, "dimensi"),
        _col(t, "misi_sasaran"), _col(t, "kekuatan"), _col(t, "prioritas"),
        _col(t, "cepat_berdampak"), _col(t, "quick_win"), _col(t, "biaya", "money"),
        _col(t, "catatan")])
    yes = t("planning.yes")
    for p, mapped in out.alignment.rows:
        names = "; ".join(f"{n.code} {n.text}" for n, _ in mapped)
        strengths = "; ".join(labels.code("planning.strength", s) for _, s in mapped)
        table.rows.append([p.code, p.name, _who(p, labels), labels.dim(p.dimension), names,
                           strengths, yes if p.prioritas else "",
                           yes if p.cepat_berdampak else "", yes if p.quick_win else "",
                           p.cost, "" if mapped else t("planning.flag.orphan")])
        table.flagged.append(not mapped)
    return table


def gantt(out: PlanOutputs, labels: Labels) -> Table:
    t = labels.t
    years = out.roadmap.years
    table = Table("peta", _title(t, "peta"), [
        _col(t, "kode"), _col(t, "program"), _col(t, "opd"), _col(t, "dimensi"),
        _col(t, "jangka"), _col(t, "tahap"), _col(t, "tahun_mulai", "integer"),
        _col(t, "durasi", "integer"), _col(t, "pendahulu"),
        *(Col(f"y{y}", str(y), "mark") for y in years), _col(t, "catatan")])
    problems: dict[str, list[str]] = {}
    for problem in out.roadmap.problems:
        problems.setdefault(problem.programme_code, []).append(
            t(f"planning.order.{problem.kind}", code=problem.predecessor_code))
    for row in out.roadmap.rows:
        p = row.programme
        notes = problems.get(p.code, [])
        if row.after:
            notes.append(t("planning.order.after_plan", year=p.end_year))
        table.rows.append([p.code, p.name, _who(p, labels), labels.dim(p.dimension),
                           labels.timeframes.get(p.term or "", p.term or ""),
                           labels.code("planning.stage", p.stage), p.start_year, p.duration,
                           "; ".join(p.predecessors),
                           *(GANTT_MARK if on else "" for on in row.active), "; ".join(notes)])
        table.flagged.append(bool(problems.get(p.code)))
    return table


def cost_per_programme(c: CostTables, labels: Labels) -> Table:
    t = labels.t
    table = Table("rab_program", _title(t, "rab_program"), [
        _col(t, "kode"), _col(t, "program"), _col(t, "opd_pemilik"), _col(t, "dimensi"),
        _col(t, "sumber_dana"), _col(t, "status_anggaran"), _col(t, "quick_win"),
        *(Col(f"y{y}", str(y), "money") for y in c.years), _col(t, "jumlah", "money")])
    yes = t("planning.yes")
    for p, by_year in c.per_programme:
        values = [by_year.get(y, 0.0) for y in c.years]
        table.rows.append([p.code, p.name, p.owner_opd, labels.dim(p.dimension),
                           labels.code("planning.funding", p.funding),
                           labels.code("planning.budget", p.budget_status),
                           yes if p.quick_win else "", *values, sum(values)])
    table.footer = [t("planning.total"), "", "", "", "", "", "",
                    *(c.total.years.get(y, 0.0) for y in c.years), c.total.total]
    return table


def cost_summary(key: str, lines: list[Line], c: CostTables, labels: Labels,
                 name: Callable[[str], str]) -> Table:
    """Year × (dimension, funding source or OPD): totals and shares."""
    t = labels.t
    table = Table(key, _title(t, key), [
        _col(t, key.removeprefix("rab_")), _col(t, "jumlah_program", "integer"),
        *(Col(f"y{y}", str(y), "money") for y in c.years), _col(t, "jumlah", "money"),
        _col(t, "porsi", "percent")])
    for line in lines:
        table.rows.append([name(line.key if line.key != UNSET else ""), line.programmes,
                           *(line.years.get(y, 0.0) for y in c.years), line.total, line.share])
    table.footer = [t("planning.total"), c.total.programmes,
                    *(c.total.years.get(y, 0.0) for y in c.years), c.total.total,
                    1.0 if c.total.total else None]
    table.flagged = [False] * len(table.rows)
    return table


def yearly(c: CostTables, labels: Labels) -> Table:
    """Per year: the plan's cost, the quick-win subtotal, the APBD and the ratio to it; then
    what falls outside the plan's years (long-term programmes), left out of the total."""
    t = labels.t
    table = Table("rab_tahun", _title(t, "rab_tahun"), [
        _col(t, "tahun", "integer"), _col(t, "jumlah", "money"), _col(t, "quick_win", "money"),
        _col(t, "apbd", "money"), _col(t, "rasio_apbd", "ratio")])
    for y in c.years:
        table.rows.append([y, c.total.years.get(y, 0.0), c.quick_wins.years.get(y, 0.0),
                           c.apbd.get(y), c.ratio.get(y)])
        table.flagged.append(False)
    if c.outside:
        table.rows.append([t("planning.outside"), c.outside, None, None, None])
        table.flagged.append(True)
    table.footer = [t("planning.total"), c.total.total, c.quick_wins.total, None, None]
    return table


def warnings(out: PlanOutputs, labels: Labels) -> Table:
    t = labels.t
    table = Table("quick_win", _title(t, "quick_win"), [_col(t, "cek"), _col(t, "catatan")])
    for w in out.warnings:
        subject = labels.dim(w.subject) if w.kind == "no_quick_win" else f"{w.subject} {w.name}"
        table.rows.append([t(f"planning.check.{w.kind}"), subject])
        table.flagged.append(True)
    return table
