"""Fixtures for the officer form: the default questionnaire published in an open round."""

import pytest

from app.questionnaires import service as questionnaire_service
from tests.submissions.worlds import World, build_world, load_once
from tests.support.factories import csrf_from, login


@pytest.fixture
def fast_publish(monkeypatch):
    """publish() reads each workbook once per test session."""
    monkeypatch.setattr(questionnaire_service, "load_xlsform",
                        lambda data, filename: load_once(data, filename))


@pytest.fixture
def world(db, fast_publish) -> World:
    with db.write_session() as session:
        return build_world(session)


def sign_in(client, username: str) -> str:
    """Log in and return the session's CSRF token (for forms and the X-CSRF-Token header)."""
    assert login(client, username).status_code == 303
    return csrf_from(client.get("/").text)
