"""One Settings object, read from the environment (prefix SURVEI_); nothing connects at import."""

import secrets
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
MIN_SECRET_LENGTH = 32
DEV_BASE_URL = "http://127.0.0.1:8000"


class Settings(BaseSettings):
    """Service configuration; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="SURVEI_", env_file=None)

    env: Literal["dev", "test", "production"] = "dev"
    var_dir: Path = ROOT / "var"
    database_url: str = ""
    database_schema: str = ""
    """PostgreSQL: the schema of this regency's tables (empty: the server's default, public)."""
    secret_key: str = ""
    default_language: Literal["id", "en"] = "id"
    timezone: str = "Asia/Makassar"
    regency_code: str = "73.22"
    """The home regency's Kemendagri code; other regencies are added with `survei regency add`."""
    regency_name: str = "Kabupaten Luwu Utara"
    """The regency the service serves: printed on the Masterplan workbook and planning pages."""
    secure_cookies: bool | None = None
    session_hours: int = 12
    login_max_failures_per_account: int = 5
    login_max_accounts_per_ip: int = 30
    login_window_minutes: int = 15
    login_backoff_max_minutes: int = 15
    password_hash_concurrency: int = Field(default=1, ge=1)
    base_url: str = ""
    trusted_proxies: str = ""
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    body_timeout_seconds: float = Field(default=60, gt=0)
    header_timeout_seconds: float = Field(default=10, gt=0)
    keep_alive_seconds: int = Field(default=5, ge=1)
    direct_download_max: int = Field(default=500, ge=0)
    job_concurrency: int = Field(default=1, ge=0, le=8)
    job_nice: int = Field(default=10, ge=0, le=19)
    job_keep_hours: float = Field(default=24, gt=0)
    job_poll_seconds: float = Field(default=2.0, gt=0)

    @model_validator(mode="after")
    def _defaults(self) -> "Settings":
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var_dir / 'survei.db'}"
        if self.secure_cookies is None:
            self.secure_cookies = self.env == "production"
        if self.env == "production":
            _check_production(self)
        self.base_url = (self.base_url or DEV_BASE_URL).rstrip("/")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _check_production(settings: Settings) -> None:
    if len(settings.secret_key) < MIN_SECRET_LENGTH:
        raise ValueError(
            f"SURVEI_SECRET_KEY must be set to at least {MIN_SECRET_LENGTH} random characters "
            "in production, e.g. the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    # One-time links are built from this address, never from the request's Host header.
    if not settings.base_url.startswith(("https://", "http://")):
        raise ValueError(
            "SURVEI_BASE_URL must be set in production to the address users open, "
            "e.g. https://survei.luwuutarakab.go.id"
        )


class ConfigError(ValueError):
    """The configuration is unusable; the message names the variables to fix."""


def _explain(error: ValidationError) -> str:
    """One line per problem, without the input values: they may hold passwords or keys."""
    lines = []
    for problem in error.errors(include_input=False, include_url=False):
        message = problem["msg"].removeprefix("Value error, ")
        field = "".join(str(part) for part in problem["loc"])
        lines.append(f"SURVEI_{field.upper()}: {message}" if field else message)
    return "\n".join(lines)


def load_settings(**overrides) -> Settings:
    """Build Settings from the environment; in dev/test create var/ and a kept secret key."""
    try:
        settings = Settings(**overrides)
    except ValidationError as error:
        raise ConfigError(_explain(error)) from None
    if not settings.secret_key:
        settings.secret_key = _dev_secret(settings.var_dir)
    return settings


def _dev_secret(var_dir: Path) -> str:
    """A secret generated once and kept in var/secret_key, so sessions survive restarts."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key
