"""Declared policies of Akun saya (password, API tokens) and the admin's token revocation."""

from sqlmodel import select

from app.accounts.models import ApiToken, User
from app.auth.api_tokens import create_api_token

DECLARED = {
    ("GET", "/docs"): "public",
    ("GET", "/account"): "signed-in",
    ("POST", "/account/password"): "signed-in",
    ("POST", "/account/tokens/{token_id}/revoke"): "signed-in",
    ("GET", "/api/v1/me/tokens"): "signed-in",
    ("POST", "/api/v1/me/tokens/{token_id}/revoke"): "signed-in",
    ("POST", "/api/v1/me/password"): "signed-in",
    ("GET", "/api/v1/accounts/{user_id}/tokens"): "admin",
    ("POST", "/api/v1/accounts/{user_id}/tokens/{token_id}/revoke"): "admin",
    ("POST", "/accounts/{user_id}/tokens/{token_id}/revoke"): "admin",
}
EXPECTED_GET = {
    "/docs": {"*": 200},
    "/account": {"anonymous": 303, "*": 200},
    "/api/v1/me/tokens": {"anonymous": 401, "*": 200},
    "/api/v1/accounts/{user_id}/tokens": {"anonymous": 401, "admin": 200, "*": 403},
}
# A token of the target officer: on the "my tokens" routes it is nobody else's (404).
EXPECTED = {
    ("POST", "/account/tokens/{token_id}/revoke"): {"anonymous": 303, "*": 404},
    ("POST", "/api/v1/me/tokens/{token_id}/revoke"): {"anonymous": 401, "*": 404},
}


def _target_token(db, world) -> int:
    with db.write_session() as session:
        target = session.exec(select(User).where(User.username == "sasaran")).one()
        create_api_token(session, user=target, name="skrip sasaran")
        return session.exec(select(ApiToken.id).where(ApiToken.user_id == target.id)).one()


PLACEHOLDERS = {"{token_id}": _target_token}
