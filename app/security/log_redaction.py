"""Keep one-time link tokens out of the logs: uvicorn's access log prints every request's path,
and a link's token is in its path (`/account/link/<token>`). A filter on the loggers that print
paths replaces the token before anything is written."""

import logging
import re

TOKEN_IN_PATH = re.compile(r"(/account/link/)[^/?#\s\"]+")
REDACTED = r"\1[token]"
LOGGERS = ("uvicorn.access", "uvicorn.error", "app")


def redact(text: str) -> str:
    """`text` with every link token replaced by `[token]`."""
    return TOKEN_IN_PATH.sub(REDACTED, text)


class RedactLinkTokens(logging.Filter):
    """Rewrites a record's message and arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install() -> None:
    """Add the filter to the loggers that print paths (once per process; uvicorn configures
    its loggers before the application starts, so this runs in the lifespan)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactLinkTokens) for f in logger.filters):
            logger.addFilter(RedactLinkTokens())
