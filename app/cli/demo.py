"""`survei demo`: load demo data."""

import typer

from app import clock
from app.cli.common import fail, open_database, settings
from app.demo import DEMO_ACCOUNTS, load_demo
from app.regencies.demo import COORDINATOR, load_national_demo


def demo(national: bool = typer.Option(
        False, "--national", help="Also two more regencies (Luwu Timur, Palopo) with their "
                                  "own data, and a national coordinator account.")) -> None:
    """Load the OPD register, one account per role and an open demo round (safe to run twice)."""
    config = settings()
    if config.env == "production":
        fail("refusing to load demo accounts in production")
    db = open_database(config)
    today = clock.local_today(config.timezone)
    with db.write_session() as session:
        outcome, created, round_summary = load_demo(session, today=today,
                                                    timezone=config.timezone)
    db.dispose()
    if not outcome.ok:
        fail("; ".join(str(p) for p in outcome.problems))
    typer.echo(f"OPD register: {outcome.created} new, {outcome.updated} updated")
    typer.echo(f"accounts created: {', '.join(created) or 'none (already there)'}")
    state = "created" if round_summary.created else "already there"
    states = ", ".join(f"{name} {count}" for name, count in round_summary.states.items())
    typer.echo(f"demo round {round_summary.round_id} ({state}): {states}")
    typer.echo(f"example plan (RPJMD 2025–2029, example data): "
               f"/rounds/{round_summary.round_id}/planning")
    for username, role, opd, _name, password in DEMO_ACCOUNTS:
        typer.echo(f"  {username:<16} {role.value:<8} {opd or '':<14} password: {password}")
    if national:
        db = open_database(config)
        try:
            for line in load_national_demo(db, config, today=today):
                typer.echo(line)
        finally:
            db.dispose()
        username, _name, password = COORDINATOR
        typer.echo(f"  {username:<16} coordinator (/nasional)        password: {password}")
