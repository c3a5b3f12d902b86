"""Defences shared by every route: response headers, CSRF signing, log redaction."""
