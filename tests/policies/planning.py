"""Declared policies of the planning workspace (pages and JSON twins): staff read, planners
edit. tests/planning/test_web.py checks the pages' and the API's answers per role."""

from tests.policies.planner import _exact

_R = "/rounds/{round_id}/planning"
_A = "/api/v1/rounds/{round_id}/planning"
DECLARED = {
    ("GET", _R): "staff",
    ("GET", f"{_R}/masterplan.xlsx"): "staff",
    **{("POST", f"{_R}/{path}"): "planner"
       for path in ("years", "nodes", "nodes/delete", "programmes", "programmes/delete",
                    "alignments", "import")},
    ("GET", _A): "staff",
    ("PUT", f"{_A}/years"): "planner",
    ("PUT", f"{_A}/nodes"): "planner",
    ("DELETE", f"{_A}/nodes"): "planner",
    ("PUT", f"{_A}/programmes"): "planner",
    ("DELETE", f"{_A}/programmes"): "planner",
    ("POST", f"{_A}/alignments"): "planner",
    ("POST", f"{_A}/import"): "planner",
}
# Exact answers of the GET routes in the matrix world (its round has the small form: no needs).
EXPECTED_GET = {path: _exact(method, path, policy)
                for (method, path), policy in DECLARED.items() if method == "GET"}
