"""`survei export`: write a round's consolidated workbook (or CSV ZIP, or JSON) to a file."""

import sys
from pathlib import Path

import typer

from app.cli.common import fail, open_database, settings
from app.errors import AppError
from app.exports.options import ExportOptions, Format, Scope
from app.exports.service import export_round
from app.i18n import translator

PROGRESS_FROM = 50  # submissions: smaller exports finish before a bar would help
SUFFIX_FORMATS = {".xlsx": Format.xlsx, ".zip": Format.csv, ".csv": Format.csv,
                  ".json": Format.json}


def export(
    round_id: int = typer.Option(..., "--round", help="The round's id (see the rounds page)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: Format | None = typer.Option(
        None, "--format", help="xlsx, csv (a ZIP of CSV files) or json; default: from the "
        "file name, else xlsx."),
    codes: bool = typer.Option(False, "--codes", help="Question names and choice codes "
                               "instead of labels."),
    lang: str = typer.Option("id", "--lang", help="Language of headers and labels: id or en."),
    statuses: Scope = typer.Option(Scope.submitted, "--statuses", help="approved, submitted "
                                   "(submitted and approved) or all (drafts too)."),
    opd: list[str] = typer.Option([], "--opd", help="Only this OPD code (repeat the option)."),
    mark_na: bool = typer.Option(False, "--mark-na", help='Write "Tidak berlaku" in the cells '
                                 "of questions that did not apply (else they stay empty)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Export a round: Info (with the data export report), Status Pengisian, Isian, one sheet
    per repeat, Program Masterplan, Matriks Dimensi, Matriks Panjang, Kamus Data. Hostile text
    is kept inert; the download is audited."""
    if lang not in ("id", "en"):
        fail("--lang must be id or en")
    fmt = fmt or SUFFIX_FORMATS.get(output.suffix.lower(), Format.xlsx)
    config = settings()
    options = ExportOptions(labels=not codes, lang=lang, scope=statuses, opd_codes=tuple(opd),
                            mark_na=mark_na)
    db = open_database(config)
    bar = _Bar(quiet)
    try:
        result = export_round(db, round_id=round_id, options=options, fmt=fmt, path=output,
                              actor_name="cli", timezone=config.timezone, progress=bar.update)
    except AppError as error:
        fail(translator(lang)(error.key, **error.params))
    finally:
        bar.close()
        db.dispose()
    sheets = ", ".join(f"{key}: {count}" for key, count in result.counts.items())
    typer.echo(f"{output}: {result.total} submissions ({fmt.value}); rows per sheet: {sheets}")


class _Bar:
    """A progress bar on stderr, started when the export knows how many submissions it has."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None
        self.done = 0

    def update(self, done: int, total: int) -> None:
        if self.quiet or total < PROGRESS_FROM:
            return
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label="export", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
