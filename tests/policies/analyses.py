"""Declared policies of the framework registry and the round analyses (SPBE, applications,
Satu Data): staff read, planners change."""

from sqlmodel import select

from app.frameworks.models import CrosswalkLink

_READ = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "*": 200}
_READ_API = {"anonymous": 401, "officer_a": 403, "officer_b": 403, "*": 200}
_PLANNER = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "viewer": 403, "*": 200}

_STAFF_PAGES = ("/frameworks", "/frameworks/{code}", "/crosswalks", "/crosswalks.xlsx",
                "/national-apps", "/rounds/{round_id}/framework", "/rounds/{round_id}/spbe",
                "/rounds/{round_id}/applications", "/rounds/{round_id}/satu-data")
_STAFF_API = ("/api/v1/frameworks", "/api/v1/frameworks/{code}", "/api/v1/crosswalks",
              "/api/v1/national-apps", "/api/v1/rounds/{round_id}/matrix",
              "/api/v1/rounds/{round_id}/spbe", "/api/v1/rounds/{round_id}/applications",
              "/api/v1/rounds/{round_id}/satu-data")
_PLANNER_ROUTES = (
    ("GET", "/rounds/{round_id}/spbe/{indicator}"),
    ("POST", "/crosswalks"), ("POST", "/crosswalks/{link_id}/delete"),
    ("POST", "/crosswalks/import"), ("POST", "/crosswalks/import/confirm"),
    ("POST", "/national-apps"), ("POST", "/rounds/{round_id}/framework"),
    ("POST", "/rounds/{round_id}/spbe/{indicator}"), ("POST", "/rounds/{round_id}/spbe-target"),
    ("POST", "/rounds/{round_id}/applications/decision"),
    ("POST", "/rounds/{round_id}/satu-data/walidata"),
    ("PUT", "/api/v1/crosswalks"), ("DELETE", "/api/v1/crosswalks/{link_id}"),
    ("POST", "/api/v1/crosswalks/import"), ("PUT", "/api/v1/national-apps/{code}"),
    ("PUT", "/api/v1/rounds/{round_id}/framework"),
    ("PUT", "/api/v1/rounds/{round_id}/spbe/{indicator}"),
    ("PUT", "/api/v1/rounds/{round_id}/spbe-target"),
    ("PUT", "/api/v1/rounds/{round_id}/applications/decision"),
    ("PUT", "/api/v1/rounds/{round_id}/walidata"),
)

DECLARED = {**{("GET", path): "staff" for path in (*_STAFF_PAGES, *_STAFF_API)},
            **{route: "planner" for route in _PLANNER_ROUTES}}
EXPECTED_GET = {**{path: _READ for path in _STAFF_PAGES},
                **{path: _READ_API for path in _STAFF_API},
                "/rounds/{round_id}/spbe/{indicator}": _PLANNER}
NOT_CALLED: dict = {}
EXPECTED: dict = {}


def _link(db, world) -> int:
    with db.session() as session:
        return session.exec(select(CrosswalkLink.id).order_by(CrosswalkLink.id)).first()


PLACEHOLDERS = {"{code}": lambda db, world: "GMSC-2021", "{indicator}": lambda db, world: "1",
                "{link_id}": _link}
