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
# Unsafe routes whose designed answer the matrix cannot derive from the policy: an empty login
# is refused (401; throttled with 429 once an account name failed 5 times); logging out (or
# being sent to log in) redirects to the login page.
EXPECTED = {
    ("POST", "/login"): {"*": (401, 429)},
    ("POST", "/logout"): {"*": 303},
}
