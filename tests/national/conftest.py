import pytest

from app.auth.accounts import create_user
from tests.regencies.conftest import other  # noqa: F401  (a second regency, 73.15)
from tests.rounds.world import signed_in


@pytest.fixture
def coordinator(app, client, db, settings):
    """A signed-in national coordinator (an account of the home database)."""
    with db.write_session() as session:
        user = create_user(session, username="komdigi", role="coordinator",
                           full_name="Koordinator Komdigi")
        session.commit()
    return signed_in(app, db, settings, user)
