"""The `Kamus Data` (codebook) and `Info` sheets' rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from app.frameworks.text import framework_text
from app.i18n import translator
from app.questionnaires.schema import Expr, text_in
from app.reports_web.relevance import conditions

from .flatten import Column
from .layout import Layout
from .tally import ExportTally
from .words import Words

CODEBOOK_SHEETS = ("isian", "repeat.")


@dataclass(frozen=True)
class ExportContext:
    """What the Info sheet says about the export besides its options and row counts."""

    round_id: int
    round_name: str
    form_id: str
    title: str
    generated_at: datetime
    generated_by: str
    tally: ExportTally | None = None
    """The data export report (None: the Info sheet leaves it out)."""


def codebook_rows(layout: Layout) -> Iterator[list]:
    """One row per column of Isian and of each repeat sheet."""
    when = _conditions_in_words(layout)
    for sheet in layout.sheets:
        if not sheet.key.startswith(CODEBOOK_SHEETS):
            continue
        for column, header in zip(sheet.columns, sheet.headers, strict=True):
            yield [sheet.name, column.code, header, *_describe(layout, column),
                   when.get(column.field) if column.field else None]


def _conditions_in_words(layout: Layout) -> dict[str, str]:
    """Field -> when it applies, in words ("Selalu" without a condition); the newest version
    that has the field decides."""
    words = Words(layout.plan, layout.options.lang, layout.t)
    chains: dict[str, tuple[Expr, ...]] = {}
    for version in reversed(layout.plan.versions):
        for name, chain in conditions(version.form).items():
            chains.setdefault(name, chain)
    always = layout.t("export.rel.always")
    return {name: words.chain(chain) or always for name, chain in chains.items()}


def _describe(layout: Layout, column: Column) -> list:
    """Label (id), label (en), type, choices, section, first version."""
    if column.field is None or column.field not in layout.plan.fields:
        labels = [translator(lang)(f"export.col.{column.code}", zone=layout.zone_name)
                  for lang in ("id", "en")]
        return [*labels, layout.t("export.codebook.metadata"), None, None, None]
    planned = layout.plan.fields[column.field]
    q, lang = planned.question, layout.options.lang
    default = layout.plan.newest.form.default_language
    labels = [text_in(q.label, code, default) or q.name for code in ("id", "en")]
    kind = q.type + (f" {q.list_name}" if q.list_name else "")
    choices = "; ".join(f"{c.name} = {text_in(c.label, lang, default)}" for c in planned.choices)
    if column.code != q.name:  # a 0/1 column of one choice of a select_multiple
        code = column.code.split("/", 1)[1]
        choice = next((c for c in planned.choices if c.name == code), None)
        label = text_in(choice.label, lang, default) if choice else code
        labels = [f"{text}: {label}" for text in labels]
        kind, choices = f"{q.type} (0/1)", layout.t("export.codebook.flag")
    section = text_in(planned.section_label, lang, default) or None
    return [*labels, kind, choices or None, section, planned.first_version]


def info_rows(layout: Layout, context: ExportContext, counts: dict[str, int]) -> list[list]:
    """The Info sheet: round, versions, when and by whom, filters, rows per sheet."""
    t, options = layout.t, layout.options
    when = layout.local(context.generated_at)
    versions = ", ".join(f"{v.version} (id {v.id})" for v in layout.plan.versions)
    rows = [
        [t("export.info.round"), context.round_name],
        [t("export.info.round_id"), context.round_id],
        [t("export.info.questionnaire"), f"{context.title} ({context.form_id})"],
        [t("export.info.versions"), versions],
        [t("export.info.generated_at"), f"{when:%d/%m/%Y %H.%M} {layout.zone_name}"],
        [t("export.info.generated_by"), context.generated_by or "-"],
        [t("export.info.header"), t("export.header." + ("labels" if options.labels else "codes"))],
        [t("export.info.lang"), options.lang],
        [t("export.info.statuses"), t(f"export.scope.{options.scope.value}")],
        [t("export.info.opds"), ", ".join(options.opd_codes) or t("export.info.all_opds")],
        [t("export.info.na"),
         t("export.info.na_mark" if options.mark_na else "export.info.na_blank")],
    ]
    if layout.view is not None:
        rows.append([t("analysis.info.framework"), framework_text(layout.view.info, t)])
    for sheet in layout.sheets:
        if sheet.key != "info":
            rows.append([t("export.info.rows", sheet=sheet.name), counts.get(sheet.key, 0)])
    if context.tally is not None:
        ids = {v.version: v.id for v in layout.plan.versions}
        rows += context.tally.rows(options, t, ids)
    return rows
