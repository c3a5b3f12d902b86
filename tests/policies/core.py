"""Declared policies of the core routes (home, accounts, OPD register)."""

# (method, path) -> policy name.
DECLARED = {
    ("GET", "/"): "public",
    ("GET", "/healthz"): "public",
    ("GET", "/login"): "public",
    ("POST", "/login"): "public",
    ("POST", "/logout"): "signed-in",
    ("GET", "/account/link/{token}"): "public",
    ("POST", "/account/link/{token}"): "public",
    ("POST", "/language"): "public",
    ("GET", "/api/v1/me"): "signed-in",
    ("GET", "/opds"): "staff",
    ("GET", "/api/v1/opds"): "staff",
}
# GET path (no parameters, or with the placeholders of PATH_VALUES) -> status per caller;
# "*" is everyone not named. Callers: anonymous, officer_a, officer_b, viewer, planner, admin.
EXPECTED_GET = {
    "/": {"anonymous": 303, "*": 200},
    "/healthz": {"*": 200},
    "/login": {"anonymous": 200, "*": 303},
    "/api/v1/me": {"anonymous": 401, "*": 200},
    "/opds": {"anonymous": 303, "officer_a": 403, "officer_b": 403, "*": 200},
    "/api/v1/opds": {"anonymous": 401, "officer_a": 403, "officer_b": 403, "*": 200},
}
# GET routes that the matrix does not call, with the reason.
NOT_CALLED = {"/account/link/{token}": "needs a one-time token; tests/auth covers it"}
