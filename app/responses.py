"""Responses that can always be encoded, whatever an old or hand-written row holds.

The text rule (app/questionnaires/answers/bounds.py) keeps lone surrogates out of new answers;
a value stored before it (SQLite keeps them) must still not turn a page or an API answer into a
500.
JSON escapes such a character as \\uXXXX (valid JSON); HTML shows U+FFFD in its place.
"""

import json
import re
from typing import Any

from fastapi.responses import JSONResponse

_SURROGATE = re.compile("[\ud800-\udfff]")


class SafeJSONResponse(JSONResponse):
    """UTF-8 JSON; a lone surrogate anywhere is sent as its \\u escape instead of failing."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                          separators=(",", ":"))
        if _SURROGATE.search(text):
            text = json.dumps(content, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8")


def encodable(text: str) -> str:
    """Text that UTF-8 can encode: each lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
