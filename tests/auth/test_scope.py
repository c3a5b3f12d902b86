"""Who may see the OPD register: staff roles yes, officers no, anonymous callers must log in."""

import pytest

from tests.support.factories import PASSWORD, csrf_from, login, seed_roles


@pytest.fixture
def seeded(db):
    seed_roles(db)


@pytest.mark.parametrize("role", ["viewer", "planner", "admin"])
def test_staff_see_the_register_page_and_api(client, seeded, role):
    assert login(client, role).status_code == 303
    page = client.get("/opds")
    assert page.status_code == 200
    assert "2 Perangkat Daerah terdaftar." in page.text
    assert "Dinas A" in page.text and "Dinas B" in page.text
    api = client.get("/api/v1/opds")
    assert api.status_code == 200
    assert [opd["code"] for opd in api.json()] == ["OPD-A", "OPD-B"]


def test_officers_are_refused_the_register(client, seeded):
    assert login(client, "officer_a").status_code == 303
    page = client.get("/opds")
    assert page.status_code == 403
    assert "Anda tidak berhak mengakses halaman ini." in page.text
    assert "Dinas B" not in page.text
    api = client.get("/api/v1/opds")
    assert api.status_code == 403
    assert api.json()["error"]["code"] == "error.forbidden"


def test_the_officer_home_page_offers_no_register_link(client, seeded):
    login(client, "officer_a")
    home = client.get("/")
    assert "Dinas A" in home.text  # the officer's own OPD
    assert 'href="/opds"' not in home.text


def test_anonymous_callers_must_log_in(client, seeded):
    api = client.get("/api/v1/opds")
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "error.unauthorized"
    page = client.get("/opds", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=/opds"


def test_after_logging_in_the_user_comes_back_to_the_page_asked_for(client, seeded):
    page = client.get("/opds?urut=kode", follow_redirects=False)
    assert page.headers["location"] == "/login?next=/opds%3Furut%3Dkode"
    login_page = client.get(page.headers["location"])
    assert 'name="next" value="/opds?urut=kode"' in login_page.text
    response = client.post("/login", data={
        "username": "planner", "password": PASSWORD, "next": "/opds?urut=kode",
        "csrf_token": csrf_from(login_page.text)}, follow_redirects=False)
    assert response.headers["location"] == "/opds?urut=kode"
