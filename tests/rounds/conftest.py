import pytest

from tests.rounds.world import build_world, signed_in


@pytest.fixture
def world(db):
    return build_world(db)


@pytest.fixture
def as_user(app, client, db, settings, world):
    """as_user("planner") -> a client signed in as that account of the world."""
    return lambda name: signed_in(app, db, settings, world.users[name])
