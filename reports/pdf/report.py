"""The analysis report as PDF: the same Report the HTML renders, section by section as blocks.

Numbers go through the same formatters (reports/format.py) as the HTML, so both show the same
strings; charts are the same SVG. Each chapter starts a page; table headers repeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reports import format as fmt
from reports.pdf import analyses
from reports.pdf import blocks as b
from reports.pdf.engine import render_document
from reports.pdf.planning import planning
from reports.pdf.writer import Writer
from reports.results import Cell, OpdRef, RankedNeed, Report
from reports.text import CUT, cut, shown

if TYPE_CHECKING:
    from reports.frameworks import FrameworkInfo

def report_document(report: Report) -> dict:
    """The report as a blocks document (see document.typ)."""
    w = Writer(report)
    _ = w._
    title = shown(report.round.name)
    chapters = [_summary, _dimensions, _priority, _cross, _readiness, _questions, _profiles,
                analyses.spbe, analyses.applications, analyses.satu_data]
    if report.planning:
        chapters.append(planning)
    content = _cover(w)
    for number, chapter in enumerate(chapters, start=1):
        content += [b.pagebreak(), *chapter(w, number)]
    content.append(b.para(_("rpt.footer"), note=True))
    return {"title": f"{_('rpt.title')} — {title}", "lang": report.lang, "header": title,
            "footer_left": _("rpt.title"), "footer": _("rpt.pdf.page"), "blocks": content,
            "author": shown(report.round.generated_by)}


def render_pdf(report: Report) -> bytes:
    """The analysis report as an A4 PDF."""
    return render_document(report_document(report))


def _cover(w: Writer) -> list[dict]:
    _, r = w._, w.r.round
    period = (f"{fmt.day(r.opens_at, w.lang)} – " if r.opens_at else "") + fmt.day(
        r.closes_at, w.lang)
    generated = fmt.when(r.generated_at, w.lang) + (
        f" · {shown(r.generated_by)}" if r.generated_by else "")
    items = [(_("rpt.questionnaire"),
              f"{shown(r.questionnaire_title)} ({_('rpt.versions')}: {', '.join(r.versions)})"),
             (_("rpt.period"), period), (_("rpt.generated_at"), generated),
             *((shown(label), shown(value)) for label, value in r.filters)]
    if w.r.framework:
        items.append((_("rpt.fw.label"), _framework(w, w.r.framework.info)))
    return [b.heading(_("rpt.title"), 1), b.para(shown(r.name)), b.facts(items),
            b.outline(_("rpt.contents"))]


def _framework(w: Writer, fi: FrameworkInfo) -> str:
    """The framework as the HTML cover prints it: name (code, version), DRAF, via a crosswalk."""
    _ = w._
    text = f"{shown(fi.name)} ({fi.code}{f', {shown(fi.version)}' if fi.version else ''})"
    if fi.status == "draft":
        text += f" {_('rpt.fw.draft')}"
    if fi.crosswalk:
        text += f" · {_('rpt.fw.via', source=fi.source_code)}"
    return text


def _summary(w: Writer, number: int) -> list[dict]:
    _, s = w._, w.r.summary
    cards = [(w.n(s.asked), _("rpt.asked")), (w.n(s.started), _("rpt.started")),
             (w.n(s.submitted), _("rpt.submitted")), (w.n(s.approved), _("rpt.approved")),
             (w.n(len(s.late)), _("rpt.late")), (w.n(s.total_needs), _("rpt.total_needs")),
             (w.rp(s.total_cost), _("rpt.total_cost"))]
    out = [b.heading(f"{number}. {_('rpt.s.summary')}"), b.cards(cards),
           b.para(_("rpt.summary_note", included=w.n(s.included)), note=True)]
    if s.left_out:
        out.append(b.para(_("rpt.left_out", count=w.n(len(s.left_out)),
                            opds=", ".join(s.left_out)), note=True))
    out.append(b.table([_("rpt.state"), _("rpt.opd_count")],
                       [[_(f"rpt.state.{k}"), w.n(v)] for k, v in s.by_state.items()], "lr",
                       [3, 1]))
    out += [b.heading(_("rpt.late_opds"), 3),
            b.para(_("rpt.late_rule", submitted_late=w.n(s.submitted_late)), note=True)]
    if not s.late:
        return [*out, b.para(_("rpt.none_late"))]
    rows = [[w.opd(i.opd), _(f"rpt.state.{i.state}"), fmt.when(i.deadline, w.lang),
             w.n(i.days_late)] for i in s.late]
    return [*out, b.table([_("rpt.opd"), _("rpt.state"), _("rpt.deadline"), _("rpt.days_late")],
                          rows, "lllr", [4, 2, 3, 1])]


def _dimensions(w: Writer, number: int) -> list[dict]:
    _, d = w._, w.r.dimensions
    frames = [_(f"rpt.timeframe.{t}") for t in d.timeframes]
    rows, bold = [], []

    def line(first: str, second: str, c: Cell, heat: bool = True) -> list:
        needs = w.heat(c, w.n(c.needs)) if heat else w.n(c.needs)
        return [first, second, needs, w.rp(c.cost),
                *(w.n(c.timeframes.get(t, 0)) for t in d.timeframes)]

    for block in d.dimensions:
        for index, row in enumerate(block.elements):
            rows.append(line(block.label if index == 0 else "",
                             row.label or _("rpt.element_other"), row.cell))
        bold.append(len(rows))
        rows.append(line("", _("rpt.subtotal"), block.total, heat=False))
    if d.unclassified.needs:
        rows.append(line(_("rpt.unclassified"), "", d.unclassified, heat=False))
    bold.append(len(rows))
    rows.append(line(_("rpt.total"), "", d.total, heat=False))
    out = [b.heading(f"{number}. {_('rpt.s.dimensions')}"), b.para(_("rpt.heat_note"), note=True),
           b.table([_("rpt.dimension"), _("rpt.element"), _("rpt.needs"), _("rpt.cost"), *frames],
                   rows, "llrr" + "r" * len(frames), [2, 3, 1, 2, *([1] * len(frames))], bold)]
    if d.chart:
        out.append(b.figure(d.chart, _("rpt.fig.dimensions")))
    header = [_("rpt.opd"), *(block.label for block in d.dimensions), _("rpt.total")]
    opd_rows = [[w.opd(row.opd), *(w.heat(c, w.n(c.needs), w.rp(c.cost)) for c in row.cells),
                 b.cell(w.n(row.total.needs), sub=w.rp(row.total.cost))] for row in d.by_opd]
    if not opd_rows:
        opd_rows = [[_("rpt.no_needs"), *([""] * (len(header) - 1))]]
    return [*out, b.heading(_("rpt.by_opd"), 3), b.para(_("rpt.by_opd_note"), note=True),
            b.table(header, opd_rows, "l" + "r" * (len(header) - 1),
                    [3, *([1.4] * (len(header) - 1))])]


def _ranked(w: Writer, needs: list[RankedNeed]) -> dict:
    _ = w._
    header = [_("rpt.rank"), _("rpt.score"), _("rpt.need"), _("rpt.opd"),
              f"{_('rpt.dimension')} / {_('rpt.element')}", _("rpt.timeframe"), _("rpt.cost"),
              _("rpt.beneficiaries"), _("rpt.opd_priority"), _("rpt.quick_win_proposed")]
    rows = [[w.n(n.rank), w.n(n.score, 1), cut(n.title, CUT), w.opd(n.opd),
             b.cell(n.dimension, sub=n.element), n.timeframe, w.rp(n.cost),
             w.n(n.beneficiaries), w.n(n.priority),
             _("rpt.yes") if n.quick_win_proposed else _("rpt.no")] for n in needs]
    if not rows:
        rows = [[_("rpt.no_needs"), *([""] * 9)]]
    return b.table(header, rows, "rrllllrrrl", [0.6, 0.8, 4, 2.4, 2.2, 1.3, 1.8, 1.2, 0.9, 0.9])


def _priority(w: Writer, number: int) -> list[dict]:
    _, p = w._, w.r.priority
    terms = " + ".join(f"{w.dec(v)} × {k}" for k, v in p.weights.items())
    formula = f"{_('rpt.formula_head')} = 100 × ({terms}) / {w.dec(sum(p.weights.values()))}"
    criteria = [[b.cell(k, sub=_(f"rpt.crit.{k}")), w.dec(v), _(f"rpt.crit.{k}.rule")]
                for k, v in p.weights.items()]
    return [b.heading(f"{number}. {_('rpt.s.priority')}"), b.para(_("rpt.priority_intro")),
            b.formula(formula),
            b.table([_("rpt.criterion"), _("rpt.weight"), _("rpt.how_measured")], criteria,
                    "lrl", [2, 0.7, 5]),
            b.heading(_("rpt.ranking", shown=w.n(len(p.ranked)), total=w.n(p.total_ranked)), 3),
            _ranked(w, p.ranked), b.heading(_("rpt.quick_wins"), 3),
            b.para(_("rpt.quick_win_rule", min_score=w.dec(p.quick_win_min_score),
                     per_dimension=w.n(p.quick_wins_per_dimension)), note=True),
            _ranked(w, p.quick_wins)]


def _opds(w: Writer, refs: list[OpdRef], count: int) -> dict:
    names = ", ".join(w.opd(r) for r in refs)
    if count > len(refs):
        names += " " + w._("rpt.and_more", n=w.n(count - len(refs)))
    return b.cell(names, sub=w._("rpt.opd_n", n=w.n(count)))


def _titles(first: str, others: list[str], w: Writer) -> dict:
    variants = "; ".join(cut(v, CUT) for v in others)
    return b.cell(cut(first, CUT), sub=f"{w._('rpt.variants')}: {variants}" if others else None)


def _cross(w: Writer, number: int) -> list[dict]:
    _, c = w._, w.r.cross_opd
    out = [b.heading(f"{number}. {_('rpt.s.cross')}"),
           b.para(_("rpt.cross_method", threshold=c.threshold), note=True)]
    if c.capped_blocks:
        out.append(b.para(_("rpt.cross_capped", blocks=w.n(c.capped_blocks)), note=True))
    needs = [[_titles(g.title, g.titles[1:], w), b.cell(g.dimension, sub=g.element),
              _opds(w, g.opds, g.opd_count), w.n(g.needs), w.rp(g.cost), w.n(g.national_app)]
             for g in c.need_groups] or [[_("rpt.no_groups"), "", "", "", "", ""]]
    apps = [[_titles(g.name, g.names[1:], w), _opds(w, g.opds, g.opd_count), w.n(g.apps),
             "\n".join(f"{k}: {w.n(v)}" for k, v in g.kinds.items())]
            for g in c.app_groups] or [[_("rpt.no_groups"), "", "", ""]]
    return [*out, b.heading(_("rpt.need_groups"), 3),
            b.table([_("rpt.need"), f"{_('rpt.dimension')} / {_('rpt.element')}", _("rpt.opds"),
                     _("rpt.needs"), _("rpt.cost"), _("rpt.national_app")], needs, "lllrrr",
                    [4, 2.4, 3.4, 1, 1.8, 1.2]),
            b.heading(_("rpt.app_groups"), 3),
            b.table([_("rpt.application"), _("rpt.opds"), _("rpt.apps"), _("rpt.app_kind")],
                    apps, "llrl", [4, 4, 1, 3])]


def _readiness(w: Writer, number: int) -> list[dict]:
    _, r = w._, w.r.readiness

    def row(x) -> list:
        return [w.opd(x.opd), w.n(x.struktur, 2), w.n(x.infrastruktur, 2),
                w.n(x.suprastruktur, 2), w.n(x.mean, 2)]

    rows = ([row(r.average)] if r.average else []) + [row(x) for x in r.rows]
    out = [b.heading(f"{number}. {_('rpt.s.readiness')}"),
           b.para(_("rpt.readiness_note", n=w.n(r.respondents)), note=True)]
    if r.chart:
        out.append(b.figure(r.chart, _("rpt.fig.readiness")))
    header = [_("rpt.opd"), _("rpt.aspect.struktur"), _("rpt.aspect.infrastruktur"),
              _("rpt.aspect.suprastruktur"), _("rpt.mean")]
    return [*out, b.table(header, rows or [[_("rpt.no_scores"), "", "", "", ""]], "lrrrr",
                          [4, 1, 1, 1, 1], [0] if r.average else [])]


def _questions(w: Writer, number: int) -> list[dict]:
    _ = w._
    out = [b.heading(f"{number}. {_('rpt.s.questions')}"), b.para(_("rpt.questions_note"),
                                                                  note=True)]
    if not w.r.questions:
        return [*out, b.para(_("rpt.no_questions"))]
    for section in w.r.questions:
        out.append(b.heading(shown(section.label), 3))
        if section.chart:
            out.append(b.figure(section.chart, _("rpt.fig.likert")))
        for q in section.questions:
            out += _question(w, q)
    return out


def _question(w: Writer, q) -> list[dict]:
    _ = w._
    unit = _("rpt.unit_respondent") if q.unit == "respondent" else _("rpt.unit_row",
                                                                      group=q.unit)
    counts = (f"{unit} · {_('rpt.answered')}: {w.n(q.answered)} · {_('rpt.not_answered')}: "
              f"{w.n(q.not_answered)} · {_('rpt.not_applicable')}: {w.n(q.not_applicable)}")
    out = [b.heading(f"{shown(q.label)} ({q.name})", 4), b.para(counts, note=True)]
    if q.choices is not None:
        rows = [[shown(c.label), w.n(c.count), fmt.percent(c.share, w.lang)] for c in q.choices]
        out.append(b.table([_("rpt.choice"), _("rpt.count"), _("rpt.share")], rows, "lrr",
                           [5, 1, 1]))
        if q.type == "select_multiple":
            out.append(b.para(_("rpt.multi_note"), note=True))
    if q.numbers:
        s = q.numbers
        out.append(b.table(["n", _("rpt.min"), _("rpt.median"), _("rpt.mean"), _("rpt.max")],
                           [[w.n(s.count), w.dec(s.minimum), w.dec(s.median), w.dec(s.mean),
                             w.dec(s.maximum)]], "rrrrr"))
    return out


def _profiles(w: Writer, number: int) -> list[dict]:
    _ = w._
    out = [b.heading(f"{number}. {_('rpt.s.profiles')}")]
    for p in w.r.profiles:
        when = p.approved_at or p.submitted_at
        state = _(f"rpt.state.{p.state}") + (f" · {fmt.day(when, w.lang)}" if when else "")
        needs = f"{w.n(p.needs)} · {w.rp(p.cost)}" + (
            f" · {_('rpt.quick_wins_proposed', n=w.n(p.quick_wins))}" if p.quick_wins else "")
        items = [(_("rpt.state"), state), (_("rpt.needs"), needs)]
        if p.dimensions:
            items.append((_("rpt.dimensions"), ", ".join(p.dimensions)))
        if p.top_needs:
            items.append((_("rpt.top_needs"), "; ".join(shown(t) for t in p.top_needs)))
        if p.long_texts:
            items.append((_("rpt.long_texts"), "\n\n".join(shown(t) for t in p.long_texts)))
        if p.readiness:
            r = p.readiness
            items.append((_("rpt.s.readiness"), f"{w.n(r.struktur, 2)} / "
                          f"{w.n(r.infrastruktur, 2)} / {w.n(r.suprastruktur, 2)}"))
        items.append((_("rpt.applications"), w.n(p.applications)))
        out += [b.heading(f"{shown(p.opd.name)} ({p.opd.code})", 3), b.facts(items)]
    return out
