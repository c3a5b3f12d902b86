"""Declared policies of the planner workspace: rounds, review, register, accounts, audit,
questionnaires. Paths use the placeholders tests/test_route_policy.py fills from its world."""

from app.main import ROUTER_MODULES

_READ = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "*": 200}
_READ_API = {"anonymous": 401, "officer_a": 403, "officer_b": 403, "*": 200}
_PLANNER = {"anonymous": 303, "officer_a": 403, "officer_b": 403, "viewer": 403, "*": 200}
_PLANNER_API = {"anonymous": 401, "officer_a": 403, "officer_b": 403, "viewer": 403, "*": 200}

_ROUNDS = {
    ("GET", "/rounds"): "staff",
    ("GET", "/rounds/new"): "planner",
    ("POST", "/rounds/new"): "planner",
    ("GET", "/rounds/{round_id}"): "staff",
    ("POST", "/rounds/{round_id}/open"): "planner",
    ("POST", "/rounds/{round_id}/close"): "planner",
    ("POST", "/rounds/{round_id}/deadline"): "planner",
    ("POST", "/rounds/{round_id}/approve"): "planner",
    ("GET", "/api/v1/rounds"): "staff",
    ("POST", "/api/v1/rounds"): "planner",
    ("GET", "/api/v1/rounds/{round_id}"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/progress"): "staff",
    ("GET", "/api/v1/rounds/{round_id}/reminder"): "staff",
    ("POST", "/api/v1/rounds/{round_id}/open"): "planner",
    ("POST", "/api/v1/rounds/{round_id}/close"): "planner",
    ("POST", "/api/v1/rounds/{round_id}/deadline"): "planner",
    ("POST", "/api/v1/rounds/{round_id}/approve"): "planner",
}
_REVIEW = {
    ("GET", "/submissions/{submission_id}"): "staff",
    ("POST", "/submissions/{submission_id}/comments"): "planner",
    ("POST", "/submissions/{submission_id}/return"): "planner",
    ("POST", "/submissions/{submission_id}/approve"): "planner",
    ("GET", "/submissions/{submission_id}/diff"): "staff",
    ("GET", "/api/v1/submissions/{submission_id}"): "staff",
    ("GET", "/api/v1/submissions/{submission_id}/timeline"): "staff",
    ("POST", "/api/v1/submissions/{submission_id}/comments"): "planner",
    ("POST", "/api/v1/submissions/{submission_id}/return"): "planner",
    ("POST", "/api/v1/submissions/{submission_id}/approve"): "planner",
    ("GET", "/api/v1/submissions/{submission_id}/diff"): "staff",
    ("POST", "/submissions/{submission_id}/programmes"): "planner",
    ("POST", "/api/v1/submissions/{submission_id}/programmes"): "planner",
    ("GET", "/api/v1/submissions/{submission_id}/since-last"): "staff",
}
_OPDS = {  # GET /opds and GET /api/v1/opds are declared in core.py
    ("GET", "/opds/new"): "planner",
    ("POST", "/opds/new"): "planner",
    ("GET", "/opds/import"): "planner",
    ("POST", "/opds/import"): "planner",
    ("POST", "/opds/import/confirm"): "planner",
    ("GET", "/opds/{opd_id}"): "planner",
    ("POST", "/opds/{opd_id}"): "planner",
    ("POST", "/opds/{opd_id}/deactivate"): "planner",
    ("POST", "/opds/{opd_id}/activate"): "planner",
    ("POST", "/opds/{opd_id}/delete"): "planner",
    ("POST", "/api/v1/opds"): "planner",
    ("POST", "/api/v1/opds/import"): "planner",
    ("GET", "/api/v1/opds/{opd_id}"): "staff",
    ("PATCH", "/api/v1/opds/{opd_id}"): "planner",
    ("POST", "/api/v1/opds/{opd_id}/deactivate"): "planner",
    ("POST", "/api/v1/opds/{opd_id}/activate"): "planner",
    ("DELETE", "/api/v1/opds/{opd_id}"): "planner",
}
# Accounts and the audit log: planners and admins; only admins change roles.
_ACCOUNTS = {
    ("GET", "/accounts"): "planner",
    ("GET", "/accounts/new"): "planner",
    ("POST", "/accounts/new"): "planner",
    ("GET", "/accounts/{user_id}"): "planner",
    ("POST", "/accounts/{user_id}"): "planner",
    ("POST", "/accounts/{user_id}/deactivate"): "planner",
    ("POST", "/accounts/{user_id}/activate"): "planner",
    ("POST", "/accounts/{user_id}/reset"): "planner",
    ("POST", "/accounts/{user_id}/role"): "admin",
    ("GET", "/api/v1/accounts"): "planner",
    ("POST", "/api/v1/accounts"): "planner",
    ("GET", "/api/v1/accounts/{user_id}"): "planner",
    ("PATCH", "/api/v1/accounts/{user_id}"): "planner",
    ("POST", "/api/v1/accounts/{user_id}/deactivate"): "planner",
    ("POST", "/api/v1/accounts/{user_id}/activate"): "planner",
    ("POST", "/api/v1/accounts/{user_id}/reset"): "planner",
    ("POST", "/api/v1/accounts/{user_id}/role"): "admin",
    ("GET", "/audit"): "planner",
    ("GET", "/api/v1/audit"): "planner",
}
_QUESTIONNAIRES = {
    ("GET", "/questionnaires"): "staff",
    ("POST", "/questionnaires"): "planner",
    ("GET", "/questionnaires/{questionnaire_id}/source.xlsx"): "staff",
    ("GET", "/api/v1/questionnaires"): "staff",
    ("POST", "/api/v1/questionnaires"): "planner",
    ("GET", "/api/v1/questionnaires/{questionnaire_id}"): "staff",
}

DECLARED = {**_ROUNDS, **_REVIEW, **_OPDS, **_ACCOUNTS}
# The questionnaire pages count once app/main.py registers their modules.
if "app.questionnaires.pages" in ROUTER_MODULES:
    DECLARED.update(_QUESTIONNAIRES)


def _exact(method: str, path: str, policy: str) -> dict:
    api = path.startswith("/api/")
    if policy == "staff":
        return _READ_API if api else _READ
    return _PLANNER_API if api else _PLANNER


# Exact answers of every GET route, placeholders filled from the matrix world.
EXPECTED_GET = {path: _exact(method, path, policy)
                for (method, path), policy in DECLARED.items() if method == "GET"}
NOT_CALLED: dict = {}
# Unsafe routes: the matrix derives the answers from the declared policy (refused roles get
# exactly 401/303/403; allowed ones any other non-error answer). Exceptions go here.
EXPECTED: dict = {}
