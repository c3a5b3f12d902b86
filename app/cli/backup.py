"""`survei backup FILE` and `survei restore FILE`: the database to one file and back."""

from pathlib import Path

import typer


def backup_command(
    file: Path = typer.Argument(..., help="Where to write the backup."),
) -> None:
    """Write a consistent backup while the service runs (SQLite file or pg_dump archive)."""
    from app.backup import BackupError, backup
    from app.cli.common import fail, settings

    try:
        info = backup(settings().database_url, file)
    except BackupError as error:
        fail(str(error))
    typer.echo(f"{info.path}: backup written ({info.size:,} bytes, schema {info.revision})")


def restore_command(
    file: Path = typer.Argument(..., help="A file written by `survei backup`."),
    force: bool = typer.Option(False, "--force", help="Restore even while `survei serve` "
                               "runs on this database."),
) -> None:
    """Replace the database with a backup (checked first), then upgrade its schema."""
    from app.backup import BackupError, restore
    from app.cli.common import fail, settings

    config = settings()
    try:
        info = restore(config.database_url, file, var_dir=config.var_dir, force=force)
    except BackupError as error:
        fail(str(error))
    typer.echo(f"{info.path}: restored (schema {info.revision}, upgraded to the newest)")
