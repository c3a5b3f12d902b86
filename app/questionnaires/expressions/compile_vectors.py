"""Regenerate the browser test vectors: the shared vectors plus the AST the server would ship.

Run from the repository root after changing the parser or the vectors:
    python -m app.questionnaires.expressions.compile_vectors          (rewrite the file)
    python -m app.questionnaires.expressions.compile_vectors --check  (exit 1 when stale)
"""

import json
import sys
from pathlib import Path

from .errors import ExpressionError
from .nodes import to_json
from .parser import parse

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "tests" / "questionnaires" / "expression_vectors.json"
TARGET = ROOT / "tests" / "js" / "expression_vectors.compiled.json"


def compile_vectors(vectors: list[dict]) -> list[dict]:
    """The vectors that parse, each with its JSON AST under "ast" (parse errors stay in pytest)."""
    compiled = []
    for vector in vectors:
        try:
            ast = to_json(parse(vector["expr"]))
        except ExpressionError:
            continue
        compiled.append({**vector, "ast": ast})
    return compiled


def render(vectors: list[dict]) -> str:
    """The compiled file's text: one vector per line, so a diff shows what changed."""
    lines = (json.dumps(v, sort_keys=True) for v in compile_vectors(vectors))
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str]) -> int:
    """Write (or with --check, verify) tests/js/expression_vectors.compiled.json."""
    text = render(json.loads(SOURCE.read_text(encoding="utf-8")))
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if "--check" in argv:
        if text != current:
            print(f"{TARGET.relative_to(ROOT)} is out of date; run without --check")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
