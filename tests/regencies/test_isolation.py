"""No user of one regency reads or changes anything of another: every route of the app, called
by every role of one regency with its own session cookie and CSRF token on the other regency's
host, answers as to a stranger (401, or 303 to the login page; public routes no error), and the
other regency's rows stay as they were; in both directions. Both regencies hold the same world,
so the same usernames and the same ids exist on both sides."""

from sqlalchemy import func
from sqlmodel import select

from app.accounts.models import User
from app.auth.api_tokens import create_api_token
from app.opds.models import Opd
from app.rounds.models import Round
from app.submissions.models import Submission, SubmissionRevision
from tests.rounds.world import build_matrix_world, caller_headers
from tests.support.policy import route_table
from tests.test_route_policy import (
    PLACEHOLDERS,
    ROLES,
    SAFE,
    answer_matches,
    call,
    expected_answer,
    fill,
    policy_roles,
)

TABLES = (User, Opd, Round, Submission, SubmissionRevision)


def snapshot(db) -> dict:
    """What the regency's users would see change: rows per table, rounds and submissions."""
    with db.session() as session:
        counts = {t.__name__: session.exec(select(func.count()).select_from(t)).one()
                  for t in TABLES}
        rounds = [(r.name, r.status) for r in session.exec(select(Round).order_by(Round.id))]
        sent = [(s.status, s.version) for s in session.exec(select(Submission))]
    return {"counts": counts, "rounds": rounds, "submissions": sent}


def refused(response) -> bool:
    """401, 403 or a redirect to the login page."""
    location = response.headers.get("location", "")
    return response.status_code in (401, 403) or (
        response.status_code in (302, 303) and location.startswith("/login"))


def strangers_everywhere(app, client, *, from_db, from_settings, to_db, to_host):
    """Every route, every signed-in caller of the `from` regency, sent to `to_host` with the
    `to` regency's ids: the failures, and the `to` regency before and after."""
    world = build_matrix_world(from_db)
    target = build_matrix_world(to_db)
    values = {**target.values, **{name.strip("{}"): str(make(to_db, target))
                                  for name, make in PLACEHOLDERS.items()}}
    before = snapshot(to_db)
    routes = sorted(route_table(app).items(), key=lambda r: (r[0][0] not in SAFE, r[0][1]))
    failures, headers = [], caller_headers(from_db, from_settings, world)
    for (method, path), policy in routes:
        if method not in SAFE:
            headers = caller_headers(from_db, from_settings, world)
        url = f"http://{to_host}{fill(path, values)}"
        if policy_roles(policy) is None:
            expected = "no server error"
        elif method in SAFE:
            expected = expected_answer(method, path, policy, "anonymous")
        else:
            expected = "refused"  # a stranger's CSRF token is refused (403) before the rest
        for caller in ROLES[1:]:
            response = call(client, headers[caller], method, path, url)
            ok = {"no server error": response.status_code < 500,
                  "refused": refused(response)}.get(expected)
            if ok is None:
                ok = answer_matches(expected, response)
            if not ok:
                failures.append(f"{caller} {method} {url}: {response.status_code} != {expected}")
    return failures, before, snapshot(to_db)


def test_home_users_are_strangers_on_the_other_regency(other, app, client, db, settings):
    failures, before, after = strangers_everywhere(
        app, client, from_db=db, from_settings=settings, to_db=other.db, to_host=other.host)
    assert not failures, "\n".join(failures)
    assert before["counts"]["Submission"] == 1 and after == before


def test_the_other_regencys_users_are_strangers_at_home(other, app, client, db, settings):
    failures, before, after = strangers_everywhere(
        app, client, from_db=other.db, from_settings=other.settings, to_db=db,
        to_host="testserver")
    assert not failures, "\n".join(failures)
    assert before["counts"]["Submission"] == 1 and after == before


def test_an_api_token_works_only_in_its_own_regency(other, client, db):
    build_matrix_world(db)
    build_matrix_world(other.db)  # an "admin" there too
    with db.write_session() as session:
        admin = session.exec(select(User).where(User.username == "admin")).one()
        token = create_api_token(session, user=admin, name="laptop")
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=auth).json()["username"] == "admin"
    assert client.get(f"http://{other.host}/api/v1/me", headers=auth).status_code == 401


def test_each_host_shows_its_own_regency(other, client):
    assert "Kabupaten Luwu Utara" in client.get("/login").text
    page = client.get(f"http://{other.host}/login").text
    assert "Kabupaten Luwu Timur" in page and "Kabupaten Luwu Utara" not in page


def test_a_regency_added_while_the_service_runs_is_served(client, db, settings):
    from app.regencies.service import add_regency

    assert "Kota Palopo" not in client.get("http://7373.localhost/login").text
    add_regency(db, settings, code="73.73", name="Kota Palopo", kind="kota")
    client.app.state.sites.load()
    assert "Kota Palopo" in client.get("http://7373.localhost/login").text
