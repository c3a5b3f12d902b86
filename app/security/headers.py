"""The security headers every answer carries, and the stricter ones production adds."""

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
# Browser features the service never uses, denied to it and to anything it might embed.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
    "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
    "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "usb",
    "xr-spatial-tracking"))
HSTS = "max-age=31536000; includeSubDomains"
BASE = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
}
# Pages whose address carries a token (a one-time link, a dossier's verification code): no
# Referer may leak it to another page.
TOKEN_PATHS = ("/account/link/", "/verifikasi/")


def security_headers(path: str, *, production: bool) -> dict[str, str]:
    """The headers for an answer to `path` (a route may have set its own first)."""
    headers = dict(BASE)
    headers["Content-Security-Policy"] = CSP  # /docs too: Swagger UI runs under it unchanged
    if path.startswith(TOKEN_PATHS):
        headers["Referrer-Policy"] = "no-referrer"
    if not path.startswith("/static/"):
        # Signed-in pages and API answers hold personal data and tokens: never kept in a cache.
        headers["Cache-Control"] = "no-store"
    if production:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def forbid_referrer(response):
    """Mark a response that shows a one-time link: no Referer leaves it."""
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
