"""Chapters 8–10 of the PDF report: Indeks SPBE, Rasionalisasi Aplikasi and Satu Data, with
the same numbers and labels as reports/templates/spbe.html, applications.html, satudata.html."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reports.pdf import blocks as b
from reports.text import shown

if TYPE_CHECKING:
    from reports.applications import AppRow
    from reports.pdf.writer import Writer
    from reports.satudata import DatasetRow
    from reports.spbe import Spbe

DASH = "–"


def spbe(w: Writer, number: int) -> list[dict]:
    _, sp = w._, w.r.spbe
    out = [b.heading(f"{number}. {_('rpt.s.spbe')}")]
    if sp is None:
        return [*out, b.para(_("rpt.spbe.none"))]
    out.append(b.para(_("rpt.spbe.framework", code=sp.framework), note=True))
    if sp.example:
        out.append(b.para(f"{_('rpt.spbe.example')} · {_('rpt.spbe.example_note')}",
                          note=True))
    cards = [(w.n(sp.index, 3), _("rpt.spbe.index")),
             (_(f"rpt.predikat.{sp.predikat}"), _("rpt.spbe.predikat")),
             (f"{w.n(sp.assessed)} / {w.n(len(sp.rows))}",
              _("rpt.spbe.assessed", answers=w.n(sp.from_answers), planner=w.n(sp.from_planner))),
             (w.n(sp.index_at_targets, 3), _("rpt.spbe.at_targets"))]
    domains = [[f"{d.code} {shown(d.label)}", w.dec(d.weight), w.n(d.index, 3)]
               for d in sp.domains]
    domains.append([_("rpt.spbe.index"), w.dec(sum(r.indicator.weight for r in sp.rows)),
                    w.n(sp.index, 3)])
    out += [b.cards(cards), b.formula(_("rpt.spbe.formula")),
            b.table([_("rpt.spbe.domain"), _("rpt.spbe.weight"), _("rpt.spbe.domain_index")],
                    domains, "lrr", [5, 1, 1], [len(domains) - 1])]
    return [*out, *_spbe_path(w, sp), *_spbe_indicators(w, sp)]


def _spbe_path(w: Writer, sp: Spbe) -> list[dict]:
    _, path = w._, sp.path
    if path is None:
        return []
    out = [b.heading(_("rpt.spbe.path", target=w.n(path.target, 2)), 3),
           b.para(_("rpt.spbe.path_summary", gains=w.n(path.level_gains),
                    indicators=w.n(len(path.steps)), after=w.n(path.index_after, 3))
                  if path.reached else _("rpt.spbe.unreachable"))]
    if not path.steps:
        return out
    rows = []
    for s in path.steps:
        needs = "; ".join(f"{shown(n.title)} ({shown(n.opd_name)})" for n in s.needs[:3]) or DASH
        if len(s.needs) > 3:
            needs += " " + _("rpt.and_more", n=w.n(len(s.needs) - 3))
        rows.append([b.cell(f"{s.indicator.code}. {shown(s.indicator.label)}",
                            sub=shown(s.indicator.domain_label)),
                     f"{s.from_level} → {s.to_level}", f"+{w.n(s.gain, 3)}", needs])
    return [*out, b.table([_("rpt.spbe.indicator"), _("rpt.spbe.levels"), _("rpt.spbe.gain"),
                           _("rpt.spbe.raising_needs")], rows, "lrrl", [4, 1, 1, 4])]


def _spbe_indicators(w: Writer, sp: Spbe) -> list[dict]:
    _ = w._
    rows = [[b.cell(f"{r.indicator.code}. {shown(r.indicator.label)}",
                    sub=shown(r.indicator.aspect_label)),
             w.dec(r.indicator.weight), shown(r.opd_name) or DASH,
             b.cell(str(r.level), sub=_(f"rpt.spbe.source.{r.source}")),
             DASH if r.target is None else str(r.target),
             _(f"rpt.spbe.evidence.{r.evidence}") if r.evidence else DASH,
             w.n(r.gain, 3), w.n(len(r.needs))] for r in sp.rows]
    header = [_("rpt.spbe.indicator"), _("rpt.spbe.weight"), _("rpt.spbe.in_charge"),
              _("rpt.spbe.level"), _("rpt.spbe.target"), _("rpt.spbe.evidence"),
              _("rpt.spbe.gain"), _("rpt.spbe.needs")]
    return [b.heading(_("rpt.spbe.indicators"), 3),
            b.table(header, rows, "lrlrrlrr", [4.2, 0.8, 2, 1, 0.9, 1.4, 1.1, 1.2])]


def applications(w: Writer, number: int) -> list[dict]:
    _, ap = w._, w.r.applications
    out = [b.heading(f"{number}. {_('rpt.s.applications')}")]
    if ap is None:
        return [*out, b.para(_("rpt.app.none"))]
    counts = [[_(f"rpt.rec.{code}"), w.n(n), w.n(ap.finals[code])]
              for code, n in ap.drafts.items()]
    counts.append([_("rpt.total"), w.n(len(ap.rows)),
                   _("rpt.app.confirmed", n=w.n(ap.confirmed))])
    clusters = [[c.code, b.cell(shown(c.name), sub=f"{_('rpt.variants')}: "
                                f"{'; '.join(shown(n) for n in c.names)}"
                                if len(c.names) > 1 else None),
                 w.n(len(c.opd_codes)), w.n(c.apps)] for c in ap.clusters]
    inventory = [_app_row(w, r) for r in ap.rows] or [[_("rpt.app.none"), *([""] * 5)]]
    return [*out, b.para(_("rpt.app.method", threshold=ap.threshold), note=True),
            b.table([_("rpt.app.recommendation"), _("rpt.app.draft"), _("rpt.app.final")],
                    counts, "lrr", [4, 1, 1.6], [len(counts) - 1]),
            b.heading(_("rpt.app.clusters"), 3),
            b.table([_("rpt.app.cluster"), _("rpt.application"), _("rpt.opds"), _("rpt.apps")],
                    clusters or [[_("rpt.no_groups"), "", "", ""]], "llrr", [1, 6, 1.2, 1]),
            b.heading(_("rpt.app.inventory"), 3),
            b.para(_("rpt.app.hosting_note", n=w.n(ap.not_integrated)), note=True),
            b.table([_("rpt.opd"), _("rpt.application"), _("rpt.app.hosting"),
                     _("rpt.app.cluster"), _("rpt.app.national"), _("rpt.app.recommendation")],
                    inventory, "llllll", [2.2, 3.4, 1.6, 1, 2, 2.4])]


def _app_row(w: Writer, r: AppRow) -> list:
    _ = w._
    advice = (_("rpt.app.confirmed_by", who=shown(r.decision.decided_by) or DASH) if r.decision
              else _("rpt.app.draft_reason", reason=_(f"rpt.reason.{r.reason}")))
    return [shown(r.app.opd_name), b.cell(shown(r.app.name), sub=shown(r.app.function)),
            b.cell(shown(r.app.hosting_label) or DASH,
                   sub=_("rpt.app.move") if r.hosting_note else None),
            r.cluster or DASH,
            b.cell(shown(r.national) or DASH,
                   sub=_(f"rpt.app.match.{r.match}") if r.match else None),
            b.cell(_(f"rpt.rec.{r.final}"), sub=advice)]


def satu_data(w: Writer, number: int) -> list[dict]:
    _, sd = w._, w.r.satu_data
    out = [b.heading(f"{number}. {_('rpt.s.satu_data')}")]
    if sd is None:
        return [*out, b.para(_("rpt.sd.none"))]
    cards = [(w.n(len(sd.datasets)), _("rpt.sd.datasets")),
             (w.n(sd.produced), _("rpt.sd.produced")),
             (w.n(sd.with_metadata), _("rpt.sd.with_metadata")),
             (w.n(sd.published), _("rpt.sd.published")),
             (w.pct(sd.completeness), _("rpt.sd.completeness"))]
    header = [_("rpt.sd.dataset"), _("rpt.sd.producer"), _("rpt.sd.format"),
              _("rpt.sd.frequency"), _("rpt.sd.metadata"), _("rpt.sd.portal"),
              _("rpt.sd.completeness_col")]
    rows = [_dataset_row(w, r) for r in sd.datasets] or [[_("rpt.sd.none"), *([""] * 6)]]
    tables = [[shown(d.dataset), w.n(d.variables), w.pct(d.completeness)]
              for d in sd.by_dataset]
    return [*out, b.cards(cards), b.para(_("rpt.sd.walidata", name=shown(sd.walidata) or DASH),
                                         note=True),
            b.heading(_("rpt.sd.list"), 3),
            b.table(header, rows, "llllllr", [3.2, 2, 1.2, 1.2, 1.3, 1, 1.4]),
            b.heading(_("rpt.sd.ms_var"), 3), b.para(_("rpt.sd.ms_var_note"), note=True),
            b.table([_("rpt.sd.table"), _("rpt.sd.variables"), _("rpt.sd.completeness_col")],
                    tables, "lrr", [4, 1, 1])]


def _dataset_row(w: Writer, r: DatasetRow) -> list:
    rec = r.record
    return [b.cell(shown(rec.name), sub=f"{shown(rec.opd_name)} · {shown(rec.role_label)}"),
            shown(r.producer) or DASH, shown(rec.format_label) or DASH,
            shown(rec.frequency_label) or DASH, _yes_no(w, rec.metadata),
            _yes_no(w, rec.published), w.pct(r.completeness)]


def _yes_no(w: Writer, value: bool | None) -> str:
    return DASH if value is None else w._("rpt.yes") if value else w._("rpt.no")
