"""A second regency (73.15) beside the home one (73.22), on each backend."""

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
def other(db, settings):
    """Kabupaten Luwu Timur, added to the installation whose home is Luwu Utara."""
    entry = add_regency(db, settings, code="73.15", name="Kabupaten Luwu Timur",
                        host=OTHER_HOST)
    config = regency_settings(settings, entry)
    regency_db = open_database(db, config)
    yield OtherRegency(entry.code, entry.host, config, regency_db)
    regency_db.dispose()
