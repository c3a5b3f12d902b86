"""The verification code of a revision: the SHA-256 of its canonical answers.

Canonical: the answers document as JSON with sorted keys, no spaces and non-ASCII written as
\\uXXXX escapes (`json.dumps(answers, sort_keys=True, separators=(",", ":"))`), encoded as
ASCII, so any stored document (a lone surrogate included) has exactly one code. Anyone with
the answers can recompute it; the receipt's short code is its first 8 characters.
"""

from __future__ import annotations

import hashlib
import json
import re

CODE = re.compile(r"[0-9a-f]{64}")


def canonical(answers: dict) -> bytes:
    """The one byte string of an answers document that the code is computed from."""
    return json.dumps(answers, sort_keys=True, separators=(",", ":")).encode("ascii")


def verification_code(answers: dict) -> str:
    """64 lower-case hex digits."""
    return hashlib.sha256(canonical(answers)).hexdigest()


def normalise(code: str) -> str | None:
    """A code as typed (upper case, spaces or dashes between groups) -> the code, or None."""
    cleaned = re.sub(r"[\s-]", "", code).lower()
    return cleaned if CODE.fullmatch(cleaned) else None
