"""Declared policies of the national coordinator's pages (app/national) and of the regency's
sharing setting (app/sharing)."""

DECLARED = {
    ("GET", "/nasional"): "coordinator",
    ("GET", "/api/v1/nasional/progress"): "coordinator",
    ("GET", "/nasional/{regency_code}/rounds/{round_id}/export.xlsx"): "coordinator",
    ("GET", "/sharing"): "admin",
    ("POST", "/sharing"): "admin",
}
EXPECTED_GET = {
    "/nasional": {"anonymous": 303, "coordinator": 200, "*": 403},
    "/api/v1/nasional/progress": {"anonymous": 401, "coordinator": 200, "*": 403},
    # the world's regency shares nothing: refused (tests/national/test_shared.py downloads)
    "/nasional/{regency_code}/rounds/{round_id}/export.xlsx": {"anonymous": 303, "*": 403},
    "/sharing": {"anonymous": 303, "admin": 200, "*": 403},
}
PLACEHOLDERS = {"{regency_code}": lambda db, world: "73.22"}
