"""`survei round …`: Periode Pengisian (create, optionally carried forward from an earlier one)."""

import json

import typer
from sqlmodel import select

from app.cli.common import fail, open_database, settings
from app.clock import local_today
from app.errors import AppError
from app.i18n import translator
from app.opds.models import Opd
from app.rounds.forms import parse_local
from app.rounds.models import Round
from app.rounds.service import create_round, list_rounds
from app.rounds.versions import published

cli = typer.Typer(help="Rounds (Periode Pengisian).", no_args_is_help=True)


def _round_id(session, ref: str) -> int:
    """A round given by its id or its exact name."""
    found = session.get(Round, int(ref)) if ref.isdigit() else \
        session.exec(select(Round).where(Round.name == ref)).first()
    if found is None:
        fail(f"round {ref!r} not found")
    return found.id


def _problems(error: AppError) -> str:
    t = translator("en")
    fields = error.detail.get("fields", {}) if isinstance(error.detail, dict) else {}
    return "; ".join(f"{name}: {t(key)}" for name, key in fields.items()) or t(error.key)


@cli.command("create")
def create(
    name: str = typer.Argument(..., help="The round's name, e.g. 'Periode Pengisian 2027'."),
    questionnaire: int = typer.Option(0, "--questionnaire", help="Version id (default: the "
                                      "newest published)."),
    carry_from: str = typer.Option("", "--carry-from", help="Earlier round (id or name): each "
                                   "asked OPD's draft starts from its answers there."),
    basis: str = typer.Option("approved", "--basis", help="approved (last approved answers) or "
                              "submitted (latest submitted)."),
    opd: list[str] = typer.Option([], "--opd", help="Ask only these OPD codes (repeat)."),
    closes: str = typer.Option("", "--closes", help="Close date, YYYY-MM-DD (local time)."),
) -> None:
    """Create a round in draft, optionally carried forward from an earlier round."""
    config = settings()
    db = open_database(config)
    with db.write_session() as session:
        versions = published(session)
        version_id = questionnaire or (versions[-1].id if versions else 0)
        source = _round_id(session, carry_from) if carry_from else None
        opds = {o.code: o.id for o in session.exec(select(Opd).where(Opd.code.in_(opd)))}
        if set(opd) - set(opds):
            fail(f"unknown OPD code(s): {', '.join(sorted(set(opd) - set(opds)))}")
        try:
            round_ = create_round(session, name=name, questionnaire_id=version_id,
                                  opd_ids=list(opds.values()) or None, carry_from_id=source,
                                  carry_basis=basis, today=local_today(config.timezone),
                                  closes_at=parse_local(closes, config.timezone,
                                                        end_of_day=True))
        except AppError as error:
            fail(_problems(error))
        except ValueError:
            fail("--closes: use YYYY-MM-DD")
        summary = {"id": round_.id, "name": round_.name, "carry_from_id": source}
    db.dispose()
    typer.echo(json.dumps(summary, ensure_ascii=False))


@cli.command("list")
def list_command() -> None:
    """Every round, newest first: id, status, name."""
    db = open_database()
    with db.session() as session:
        rows = [(r.id, r.status, r.name, r.carry_from_id) for r in list_rounds(session)]
    db.dispose()
    for round_id, status, name, source in rows:
        carried = f"  (carried from {source})" if source else ""
        typer.echo(f"{round_id:>4}  {status:<7} {name}{carried}")
