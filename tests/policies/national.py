"""Declared policies of the national coordinator's pages (app/national): coordinators only."""

DECLARED = {
    ("GET", "/nasional"): "coordinator",
    ("GET", "/api/v1/nasional/progress"): "coordinator",
}
EXPECTED_GET = {
    "/nasional": {"anonymous": 303, "coordinator": 200, "*": 403},
    "/api/v1/nasional/progress": {"anonymous": 401, "coordinator": 200, "*": 403},
}
