"""A small world for planner tests: OPDs, one account per role, a published form, an open round.

Plain functions (not fixtures) so the tests of rounds, review, accounts, the register and the
route matrix share them. Accounts get no password: tests sign in through sessions opened
directly (signed_in), which skips the deliberately slow password hashing.
"""

from dataclasses import dataclass

from fastapi.testclient import TestClient

from app.accounts.models import Role, User
from app.auth.accounts import create_link, create_user
from app.auth.service import open_session
from app.config import Settings
from app.opds.models import Opd
from app.rounds.models import Round
from app.security import csrf
from app.submissions import service as submissions
from app.submissions.models import Submission
from tests.support.factories import make_opd
from tests.support.forms import VALID_ANSWERS, open_round_with_form


@dataclass
class World:
    opd_a: Opd
    opd_b: Opd | None
    opd_c: Opd | None
    users: dict[str, User]
    round: Round
    form: object

    @property
    def qid(self) -> int:
        return self.round.questionnaire_id


def _user(session, username: str, role: str, opd_code: str | None = None) -> User:
    return create_user(session, username=username, role=role, opd_code=opd_code,
                       full_name=username.title())


def build_world(db) -> World:
    """OPD-A, OPD-B (dinas) and KEC-C (kecamatan); officers of A and B; viewer, planner, admin;
    the small form published and an open round asking all three."""
    with db.write_session() as session:
        a = make_opd(session, "OPD-A", "Dinas A")
        b = make_opd(session, "OPD-B", "Dinas B")
        c = make_opd(session, "KEC-C", "Kecamatan C", kind="kecamatan")
        users = {"officer_a": _user(session, "officer_a", "officer", "OPD-A"),
                 "officer_b": _user(session, "officer_b", "officer", "OPD-B")}
        for role in ("viewer", "planner", "admin"):
            users[role] = _user(session, role, role)
        round_, form = open_round_with_form(session, [a, b, c])
    return World(a, b, c, users, round_, form)


def save(db, world: World, opd: Opd, answers: dict, officer: str = "officer_a") -> Submission:
    """Save a draft for `opd` (first save or on top of the current version)."""
    with db.write_session() as session:
        current = submissions.find(session, round_id=world.round.id, opd_id=opd.id)
        saved = submissions.save_draft(
            session, round_=world.round, opd_id=opd.id, questionnaire=world.form,
            questionnaire_id=world.qid, answers=answers,
            base_version=current.version if current else 0, actor=world.users[officer])
        return saved.submission


def submit(db, world: World, opd: Opd, answers: dict | None = None,
           officer: str = "officer_a") -> Submission:
    """Save `answers` (valid ones by default) and submit them."""
    draft = save(db, world, opd, answers or VALID_ANSWERS, officer)
    with db.write_session() as session:
        return submissions.submit(session, round_=world.round,
                                  submission=session.get(Submission, draft.id),
                                  questionnaire=world.form, base_version=draft.version,
                                  actor=world.users[officer])


def _cookie_name(settings: Settings) -> str:
    return "__Host-survei_session" if settings.secure_cookies else "survei_session"


def signed_in(app, db, settings: Settings, user: User) -> TestClient:
    """A client with a fresh session for `user`; the app's lifespan must be running (use the
    `client` fixture in the same test)."""
    with db.write_session() as session:
        opened = open_session(session, settings=settings, user=session.get(User, user.id))
        session.commit()
    client = TestClient(app)
    client.cookies.set(_cookie_name(settings), opened.token)
    client.headers["X-CSRF-Token"] = opened.row.csrf_token
    return client


# --- the role x route matrix (tests/test_route_policy.py) -------------------------------------

ROLE_USERS = {"officer_a": Role.officer, "officer_b": Role.officer, "viewer": Role.viewer,
              "planner": Role.planner, "admin": Role.admin}


@dataclass
class MatrixWorld:
    users: dict[str, User]
    values: dict[str, str]


def build_matrix_world(db) -> MatrixWorld:
    """OPD A and B, one account per role and a target officer of A; the small form published;
    an open round asking OPD A only; A's submission submitted; an invitation link.
    Every id the paths need names something of OPD A."""
    with db.write_session() as session:
        a, _ = make_opd(session, "OPD-A", "Dinas A"), make_opd(session, "OPD-B", "Dinas B")
        users = {"officer_a": _user(session, "officer_a", "officer", "OPD-A"),
                 "officer_b": _user(session, "officer_b", "officer", "OPD-B")}
        for role in ("viewer", "planner", "admin"):
            users[role] = _user(session, role, role)
        target = _user(session, "sasaran", "officer", "OPD-A")
        token = create_link(session, user=target, purpose="invite")
        round_, form = open_round_with_form(session, [a])
    world = World(a, None, None, users, round_, form)
    sent = submit(db, world, a)
    values = {"round_id": round_.id, "submission_id": sent.id, "opd_id": a.id,
              "user_id": target.id, "questionnaire_id": round_.questionnaire_id,
              "token": token}
    return MatrixWorld(users, {name: str(value) for name, value in values.items()})


def caller_headers(db, settings: Settings, world: MatrixWorld) -> dict[str, dict[str, str]]:
    """Request headers per caller: a fresh session cookie and its CSRF token (one commit);
    the anonymous caller echoes the token of its anonymous CSRF cookie."""
    cookie = csrf.cookie_name(bool(settings.secure_cookies))
    headers = {"anonymous": {"cookie": f"{cookie}=anon-nonce",
                             "x-csrf-token": csrf.sign(settings.secret_key, "anon-nonce")}}
    with db.write_session() as session:
        for name, user in world.users.items():
            opened = open_session(session, settings=settings, user=session.get(User, user.id))
            headers[name] = {"cookie": f"{_cookie_name(settings)}={opened.token}",
                             "x-csrf-token": opened.row.csrf_token}
        session.commit()
    return headers
