"""Liveness and readiness: /healthz and its write probe."""
