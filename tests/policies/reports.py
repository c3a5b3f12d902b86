"""Declared policies of the round report (page and JSON twin)."""

DECLARED = {
    ("GET", "/rounds/{round_id}/report"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/report"): "staff",
    ("GET", "/rounds/{round_id}/report.pdf"): "staff",
}
EXPECTED_GET: dict = {}
NOT_CALLED = {
    "/rounds/{round_id}/report": "needs a round; tests/reports/test_web.py checks every role",
    "/api/v1/rounds/{round_id}/report": "needs a round; tests/reports/test_web.py checks every "
                                        "role",
    "/rounds/{round_id}/report.pdf": "needs a round; tests/reports/test_pdf.py checks the roles",
}
