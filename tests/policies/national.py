"""Declared policies of the national coordinator's pages (app/national) and of the regency's
sharing setting (app/sharing)."""

DECLARED = {
    ("GET", "/nasional"): "coordinator",
    ("GET", "/api/v1/nasional/progress"): "coordinator",
    ("GET", "/nasional/{regency_code}/rounds/{round_id}/export.xlsx"): "coordinator",
    ("GET", "/nasional/tolok-ukur"): "coordinator",
    ("POST", "/nasional/tolok-ukur/jobs"): "coordinator",
    ("POST", "/nasional/jobs/{job_id}/restart"): "coordinator",
    ("GET", "/nasional/jobs/{job_id}/download"): "coordinator",
    ("GET", "/nasional/tolok-ukur.xlsx"): "coordinator",
    ("GET", "/nasional/tolok-ukur/laporan"): "coordinator",
    ("GET", "/api/v1/nasional/benchmarks"): "coordinator",
    ("POST", "/api/v1/nasional/benchmarks/jobs"): "coordinator",
    ("GET", "/api/v1/nasional/jobs/{job_id}"): "coordinator",
    ("POST", "/api/v1/nasional/jobs/{job_id}/restart"): "coordinator",
    ("GET", "/api/v1/nasional/jobs/{job_id}/download"): "coordinator",
    ("GET", "/sharing"): "admin",
    ("POST", "/sharing"): "admin",
}
EXPECTED_GET = {
    "/nasional": {"anonymous": 303, "coordinator": 200, "*": 403},
    "/api/v1/nasional/progress": {"anonymous": 401, "coordinator": 200, "*": 403},
    # the world's regency shares nothing: refused (tests/national/test_shared.py downloads)
    "/nasional/{regency_code}/rounds/{round_id}/export.xlsx": {"anonymous": 303, "*": 403},
    "/sharing": {"anonymous": 303, "admin": 200, "*": 403},
    "/nasional/tolok-ukur": {"anonymous": 303, "coordinator": 200, "*": 403},
    # nothing computed yet, and the world's job is a round's, not a national one: 404
    # (tests/national/test_benchmarks.py computes, downloads and reads them)
    "/nasional/tolok-ukur.xlsx": {"anonymous": 303, "coordinator": 404, "*": 403},
    "/nasional/tolok-ukur/laporan": {"anonymous": 303, "coordinator": 404, "*": 403},
    "/nasional/jobs/{job_id}/download": {"anonymous": 303, "coordinator": 404, "*": 403},
    "/api/v1/nasional/benchmarks": {"anonymous": 401, "coordinator": 404, "*": 403},
    "/api/v1/nasional/jobs/{job_id}": {"anonymous": 401, "coordinator": 404, "*": 403},
    "/api/v1/nasional/jobs/{job_id}/download": {"anonymous": 401, "coordinator": 404,
                                                 "*": 403},
}
PLACEHOLDERS = {"{regency_code}": lambda db, world: "73.22"}
