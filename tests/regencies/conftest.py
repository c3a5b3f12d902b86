"""A second regency (73.15) beside the home one (73.22), on each backend."""

import shutil
from dataclasses import dataclass

import pytest

from app.config import Settings
from app.db import Database
from app.regencies.service import add_regency
from app.regencies.sites import open_database, regency_settings

OTHER_HOST = "7315.localhost"


@dataclass
class OtherRegency:
    code: str
    host: str
    settings: Settings
    db: Database


@pytest.fixture
def other(db, settings, request):
    """Kabupaten Luwu Timur, added to the installation whose home is Luwu Utara."""
    if db.is_sqlite:
        # Its file starts as a copy of the migrated template, as every test database does
        # (add_regency then finds it at head); tests/regencies/test_cli.py migrates from empty.
        path = settings.var_dir / "regencies" / "7315" / "survei.db"
        path.parent.mkdir(parents=True)
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
    entry = add_regency(db, settings, code="73.15", name="Kabupaten Luwu Timur",
                        host=OTHER_HOST)
    config = regency_settings(settings, entry)
    regency_db = open_database(db, config)
    yield OtherRegency(entry.code, entry.host, config, regency_db)
    regency_db.dispose()
