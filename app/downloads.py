"""The Content-Disposition of every file the service sends: an ASCII name for old clients and
the real name (any script: `版本`, `Pemda – 2026`) in RFC 6266 / RFC 5987 form."""

import unicodedata
from urllib.parse import quote

UNSAFE = set('"\\/;%*?:<>|')


def ascii_fallback(filename: str) -> str:
    """The name with accents dropped and every other non-ASCII or unsafe character as `_`."""
    kept = [c if c.isascii() and c.isprintable() and c not in UNSAFE else "_"
            for c in unicodedata.normalize("NFKD", filename) if not unicodedata.combining(c)]
    return "".join(kept).strip(" .") or "download"


def attachment(filename: str) -> str:
    """`attachment; filename="…"; filename*=UTF-8''…` for `filename`."""
    fallback, encoded = ascii_fallback(filename), quote(filename, safe="")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
