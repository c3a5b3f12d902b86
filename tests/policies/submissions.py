"""Declared policies of the officer's form pages and submission API."""

DECLARED = {
    ("GET", "/rounds/{round_id}/form"): "officer",
    ("POST", "/rounds/{round_id}/form"): "officer",
    ("POST", "/rounds/{round_id}/submit"): "officer",
    ("GET", "/rounds/{round_id}/receipt"): "officer",
    ("GET", "/rounds/{round_id}/print"): "officer",
    ("GET", "/api/v1/rounds/{round_id}/submission"): "officer",
    ("PUT", "/api/v1/rounds/{round_id}/submission"): "officer",
    ("POST", "/api/v1/rounds/{round_id}/submission/submit"): "officer",
}
EXPECTED_GET: dict = {}
_WHY = "needs a round asking the caller's OPD; tests/submissions/test_officer_scope.py covers it"
NOT_CALLED = {
    "/rounds/{round_id}/form": _WHY,
    "/rounds/{round_id}/receipt": _WHY,
    "/rounds/{round_id}/print": _WHY,
    "/api/v1/rounds/{round_id}/submission": _WHY,
}
