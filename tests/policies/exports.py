"""Declared policies of the export routes (app/exports): staff only (planner, viewer, admin)."""

DECLARED = {
    ("GET", "/rounds/{round_id}/export"): "staff",
    ("GET", "/rounds/{round_id}/export.xlsx"): "staff",
    ("GET", "/rounds/{round_id}/export.zip"): "staff",
    ("GET", "/rounds/{round_id}/export.json"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/export"): "staff",
}
EXPECTED_GET: dict = {}
_WHY = "needs a round with submissions; tests/exports/test_http.py checks every role"
NOT_CALLED = {path: _WHY for (_method, path) in DECLARED}
