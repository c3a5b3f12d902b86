"""GET /rounds/{id}/report and its JSON twin: who may see them, options, headers."""

import pytest

from tests.reports.conftest import HOSTILE_TITLE, seed_round
from tests.support.factories import login

ROLES = ("anonymous", "officer_a", "officer_b", "viewer", "planner", "admin")
PAGE = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "viewer": 200, "planner": 200,
        "admin": 200}
API = {**PAGE, "anonymous": 401}


@pytest.fixture
def round_id(db):
    return seed_round(db).round_id


def as_role(client, role):
    client.cookies.clear()
    if role != "anonymous":
        assert login(client, role).status_code == 303


def test_each_role_gets_what_the_staff_policy_allows(client, round_id):
    for role in ROLES:
        as_role(client, role)
        page = client.get(f"/rounds/{round_id}/report?statuses=approved",
                          follow_redirects=False)
        api = client.get(f"/api/v1/rounds/{round_id}/report?statuses=approved")
        assert (page.status_code, api.status_code) == (PAGE[role], API[role]), role


def test_the_page_is_the_self_contained_report_with_a_strict_policy(client, round_id):
    as_role(client, "viewer")
    response = client.get(f"/rounds/{round_id}/report")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    html = response.text
    assert "Laporan Analisis Kebutuhan Smart City" in html and "7. Profil OPD" in html
    assert "<script" not in html and "<img" not in html and "<link" not in html
    assert html.count("<svg") == 3  # dimensions, readiness, the 12 readiness statements
    assert "content-disposition" not in response.headers
    download = client.get(f"/rounds/{round_id}/report?download=1&lang=en")
    assert download.headers["content-disposition"].startswith('attachment; filename="laporan-')
    assert "1. Summary</h2>" in download.text


def test_the_json_twin_has_the_same_numbers(client, round_id):
    as_role(client, "planner")
    data = client.get(f"/api/v1/rounds/{round_id}/report").json()
    html = client.get(f"/rounds/{round_id}/report").text
    assert data["summary"]["included"] == 2
    assert data["dimensions"]["total"]["needs"] == data["summary"]["total_needs"]
    assert HOSTILE_TITLE in {n["title"] for n in data["priority"]["ranked"]}
    needs = data["summary"]["total_needs"]
    assert f'<span class="value">{needs}</span><span class="label">Kebutuhan' in html


def test_options_are_checked(client, round_id):
    as_role(client, "planner")
    base = f"/api/v1/rounds/{round_id}/report"
    only = client.get(f"{base}?opd=OPD-A").json()
    assert only["summary"]["asked"] == 1
    assert client.get(f"{base}?opd=NOPE").status_code == 400
    assert client.get(f"{base}?statuses=some").status_code == 422
    assert client.get(f"{base}?lang=fr").status_code == 422
    assert client.get("/api/v1/rounds/999/report").status_code == 404
    assert client.get("/rounds/999/report").status_code == 404


def test_the_round_page_links_the_report_view_download_and_pdf(client, round_id):
    as_role(client, "viewer")
    html = client.get(f"/rounds/{round_id}").text
    for href, label in ((f"/rounds/{round_id}/report", "Laporan analisis (HTML)"),
                        (f"/rounds/{round_id}/report?download=1", "Unduh laporan (HTML)"),
                        (f"/rounds/{round_id}/report.pdf", "Laporan PDF")):
        assert f'href="{href}">{label}</a>' in html, href
