"""The `survei` command line: each command parses, calls a service, prints."""

import os

import typer

from app import tables  # noqa: F401  (every table registered before a session flushes)
from app.cli import (
    accounts,
    backup,
    db,
    demo,
    export,
    forms,
    opds,
    regencies,
    report,
    rounds,
    serve,
)
from app.cli.common import REGENCY_VARIABLE

cli = typer.Typer(help="Survei Kebutuhan Smart City.", no_args_is_help=True,
                  pretty_exceptions_enable=False)


@cli.callback()
def choose_regency(regency: str = typer.Option(
        "", "--regency", envvar=REGENCY_VARIABLE, metavar="CODE",
        help="Work on this regency (Kemendagri code, see `survei regency list`); "
             "default the home regency.")) -> None:
    """Survei Kebutuhan Smart City."""
    # The commands read the choice where they read the rest of their configuration.
    os.environ[REGENCY_VARIABLE] = regency.strip()


cli.command("serve")(serve.serve)
cli.command("demo")(demo.demo)
cli.command("export")(export.export)
cli.command("report")(report.report)
cli.command("backup")(backup.backup_command)
cli.command("restore")(backup.restore_command)
cli.add_typer(db.cli, name="db")
cli.add_typer(regencies.cli, name="regency")
cli.add_typer(opds.cli, name="opd")
cli.add_typer(forms.cli, name="form")
cli.add_typer(rounds.cli, name="round")
cli.add_typer(accounts.user_cli, name="user")
cli.add_typer(accounts.token_cli, name="token")


def main() -> None:
    """Entry point of the `survei` console script."""
    cli()
