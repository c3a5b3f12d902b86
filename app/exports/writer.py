"""Drive a sink through one export: statuses, then submissions as they stream, then summaries.

Pure apart from the sink: statuses and submissions are any iterables (the database streams
them in batches; tests pass lists). Memory holds one submission at a time and the summary
rows of one OPD; the OPDs done are staged on disk (stage.py), and the analyses keep only what
their sheets read (app/analyses/streaming.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from app.questionnaires.answers.bounds import text_problem

from .codebook import ExportContext, codebook_rows, info_rows
from .hygiene import MAX_CELL_CHARS
from .layout import Layout
from .records import StatusRecord, SubmissionRecord
from .sinks.base import Sink

Progress = Callable[[int], None]
Step = Callable[[str], None]
PROGRESS_EVERY = 25


def _no_step(_name: str) -> None:
    """No one follows the steps (the CLI shows only the count)."""


def write_export(
    sink: Sink, layout: Layout, *, statuses: Iterable[StatusRecord],
    submissions: Iterable[SubmissionRecord], context: ExportContext,
    progress: Progress | None = None, step: Step = _no_step,
) -> dict[str, int]:
    """Write every sheet of `layout` to `sink` and finish it; returns data rows per sheet.

    `step` is told each stage: statuses, submissions, summaries, finishing (the file's close).
    """
    sink.open(layout.sheets)
    try:
        step("statuses")
        for status in statuses:
            sink.row("status", layout.status_row(status))
        sink.close_sheet("status")
        step("submissions")
        _submissions(sink, layout, submissions, progress, context)
        step("summaries")
        _summaries(sink, layout, context)
        step("finishing")
        sink.finish()
    except BaseException:
        sink.abort()
        raise
    return dict(sink.counts)


def _submissions(sink: Sink, layout: Layout, submissions: Iterable[SubmissionRecord],
                 progress: Progress | None, context: ExportContext) -> None:
    done = 0
    for record in submissions:
        if context.tally is not None:
            context.tally.add(record)
        if record.problem is not None:  # never silently dropped: the problems sheet
            if "masalah" not in layout.by_key:
                sink.open([layout.add_problems_sheet()])
            sink.row("masalah", layout.problem_row(record, _as_text(record.answers)))
        else:
            for key, values in layout.rows_of(record):
                sink.row(key, values)
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
    if progress is not None:
        progress(done)
    for sheet in layout.sheets:
        if sheet.key == "isian" or sheet.key.startswith("repeat.") or sheet.key in (
                "program", "masalah"):
            sink.close_sheet(sheet.key)


def _as_text(answers: dict) -> str:
    """The answers as JSON text for a cell; a lone surrogate is written as its \\u escape."""
    text = json.dumps(answers, ensure_ascii=False)
    if text_problem(text):
        text = json.dumps(answers)
    return text[:MAX_CELL_CHARS]


def _summaries(sink: Sink, layout: Layout, context: ExportContext) -> None:
    layout.done_opd()
    if layout.program is not None:
        for row in layout.program.matrix_rows(layout.matrix):
            sink.row("matriks", row)
        sink.close_sheet("matriks", footer=layout.program.matrix_footer(layout.matrix),
                         chart=layout.program.chart())
        for row in layout.program.long_rows():
            sink.row("matriks_panjang", row)
        sink.close_sheet("matriks_panjang")
        sink.close_sheet("tanpa_padanan")  # its rows came with the needs
    for sheet in layout.analysis_sheets():
        for row in sheet.rows:
            sink.row(sheet.key, row)
        sink.close_sheet(sheet.key, footer=sheet.footer)
    for key in layout.annual.keys():  # monev and year-on-year (app/monev/)
        for row in layout.annual.rows(key):
            sink.row(key, row)
        sink.close_sheet(key, footer=layout.annual.footer(key))
    for row in codebook_rows(layout):
        sink.row("kamus", row)
    sink.close_sheet("kamus")
    for row in info_rows(layout, context, sink.counts):
        sink.row("info", row)
    sink.close_sheet("info")
