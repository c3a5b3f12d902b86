"""`survei user …` and `survei token …`: accounts and API tokens."""

import typer
from sqlmodel import select

from app.accounts.message import one_time_link
from app.accounts.models import Role, User
from app.auth import accounts, api_tokens
from app.cli.common import fail, open_database, settings
from app.errors import AppError
from app.i18n import translator

user_cli = typer.Typer(help="Accounts.", no_args_is_help=True)
token_cli = typer.Typer(help="Personal API tokens.", no_args_is_help=True)


def _explain(error: AppError) -> str:
    _ = translator("en")
    fields = error.detail.get("fields", {})
    if fields:
        return "; ".join(f"{field}: {_(key)}" for field, key in fields.items())
    return _(error.key, **error.params)


@user_cli.command("add")
def add(
    username: str = typer.Argument(..., help="Login name (lowercase)."),
    role: Role = typer.Option(..., help="officer, planner, viewer or admin."),
    opd: str | None = typer.Option(None, help="OPD code (officers only)."),
    full_name: str = typer.Option("", help="Full name."),
    nip: str | None = typer.Option(None, help="NIP (18 digits)."),
    phone: str | None = typer.Option(None, help="Phone / WhatsApp."),
) -> None:
    """Create an account and print its one-time link to set a password (valid 7 days)."""
    config = settings()
    db = open_database(config)
    try:
        with db.write_session() as session:
            user = accounts.create_user(session, username=username, role=role.value,
                                        opd_code=opd, full_name=full_name, nip=nip, phone=phone)
            token = accounts.create_link(session, user=user, purpose="invite")
    except AppError as error:
        fail(f"cannot add {username}: {_explain(error)}")
    finally:
        db.dispose()
    typer.echo(f"account {user.username} ({role.value}) created")
    typer.echo(f"one-time link (valid 7 days): {one_time_link(config.base_url, token)}")


@token_cli.command("create")
def create(
    username: str = typer.Argument(..., help="The account the token acts as."),
    name: str = typer.Option(..., help="What the token is for (shown in the token list)."),
    expires_days: int | None = typer.Option(
        None, "--expires-days", min=1, max=3650,
        help="Stop working after N days (default: never)."),
) -> None:
    """Create a personal API token; send it as `Authorization: Bearer TOKEN`.

    Its owner sees it on Akun saya (/account) and may revoke it there; an admin may too.
    """
    if not name.strip():
        fail("--name must not be empty")
    db = open_database()
    try:
        with db.write_session() as session:
            user = session.exec(select(User).where(User.username == username.lower())).first()
            if user is None or not user.active:
                fail(f"no active account named {username}")
            token = api_tokens.create_api_token(session, user=user, name=name,
                                                expires_at=api_tokens.expiry(expires_days))
    except AppError as error:
        fail(f"cannot create a token: {_explain(error)}")
    finally:
        db.dispose()
    typer.echo(token)
