"""Adding a regency: check its code, create and migrate its database, register it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlmodel import select

from app import audit, migrate
from app.config import Settings
from app.db import Database
from app.regencies.models import RegisteredRegency
from app.regencies.sites import regency_settings, slug

CODE = re.compile(r"^\d{2}\.\d{2}$")  # Kemendagri: province.kabupaten/kota, e.g. 73.22
KINDS = ("kabupaten", "kota")
LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
HOST = re.compile(rf"^(?=.{{1,253}}$){LABEL}(\.{LABEL})*$")


class RegencyError(ValueError):
    """A regency that cannot be added; the message says why."""


def default_host(home: Settings, code: str) -> str:
    """`7315.<home host>`, or `7315.localhost` when the home address is an IP or localhost."""
    home_host = urlsplit(home.base_url).hostname or "localhost"
    if home_host.replace(".", "").isdigit() or home_host in ("localhost", "::1"):
        home_host = "localhost"
    return f"{slug(code)}.{home_host}"


def add_regency(db: Database, home: Settings, *, code: str, name: str, kind: str = "kabupaten",
                host: str = "", actor_name: str = "cli") -> RegisteredRegency:
    """Create the regency's database at the newest schema and register it (audited)."""
    code, name, kind = code.strip(), " ".join(name.split()), kind.strip().lower()
    host = (host or default_host(home, code)).strip().lower()
    _check(db, home, code=code, name=name, kind=kind, host=host)
    entry = RegisteredRegency(code=code, name=name, kind=kind, host=host)
    settings = regency_settings(home, entry)
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.database_url, schema=settings.database_schema)
    with db.writing() as session:
        session.add(entry)
        audit.record(session, action="regency.added", actor_name=actor_name,
                     object_type="regency", object_id=code, name=name, kind=kind, host=host)
    return entry


def registered(db: Database) -> list[RegisteredRegency]:
    with db.session() as session:
        return list(session.exec(select(RegisteredRegency).order_by(RegisteredRegency.code)))


def _check(db: Database, home: Settings, *, code: str, name: str, kind: str, host: str) -> None:
    if not CODE.match(code):
        raise RegencyError(f"kode wilayah {code!r} bukan kode Kemendagri kabupaten/kota "
                           "(dua angka, titik, dua angka, mis. 73.22)")
    if not name or len(name) > 120:
        raise RegencyError("nama wilayah wajib diisi (paling banyak 120 karakter)")
    if kind not in KINDS:
        raise RegencyError(f"jenis wilayah {kind!r} harus salah satu dari: {', '.join(KINDS)}")
    if not HOST.match(host):
        raise RegencyError(f"alamat host {host!r} tidak sah (mis. luwuutara.survei.go.id)")
    if code == home.regency_code:
        raise RegencyError(f"{code} adalah wilayah utama instalasi ini ({home.regency_name})")
    with db.session() as session:
        if session.get(RegisteredRegency, code) is not None:
            raise RegencyError(f"wilayah {code} sudah terdaftar")
        taken = session.exec(select(RegisteredRegency).where(RegisteredRegency.host == host))
        if taken.first() is not None:
            raise RegencyError(f"host {host} sudah dipakai wilayah lain")
