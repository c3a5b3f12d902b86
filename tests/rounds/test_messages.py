"""The planner catalogues: both languages complete, and every key the planner code uses exists."""

import ast
import re
import string
from pathlib import Path

from babel.messages.pofile import read_po

from app.i18n import LOCALE_DIR, catalogue

APP = Path(__file__).resolve().parents[2] / "app"
PREFIXES = ("round", "progress", "reminder", "review", "accounts", "audits", "opds",
            "questionnaires")
KEY = re.compile(rf"({'|'.join(PREFIXES)})\.[a-z][a-z0-9_]*")
CALL = re.compile(r"""\b_\(\s*(["'])([^"']+)\1""")
TEMPLATE_DIRS = ("rounds", "review", "accounts", "audits", "questionnaires", "opds")
MODULES = [*(APP / d for d in ("rounds", "review", "accounts", "audits", "opds")),
           APP / "submissions" / "review.py", APP / "questionnaires" / "pages.py",
           APP / "questionnaires" / "api.py"]


def planner_po(lang: str) -> dict[str, str]:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "planner.po", "rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def used_keys() -> set[str]:
    keys = set()
    for folder in TEMPLATE_DIRS:
        for path in (APP / "templates" / folder).glob("*.html"):
            keys |= {m.group(2) for m in CALL.finditer(path.read_text())}
    for module in MODULES:
        for path in ([module] if module.is_file() else module.glob("*.py")):
            if path.name == "models.py":
                continue  # tables: their strings are foreign-key targets ("round.id")
            tree = ast.parse(path.read_text())
            actions = {id(k.value) for n in ast.walk(tree) if isinstance(n, ast.Call)
                       for k in n.keywords if k.arg == "action"}
            keys |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                     and isinstance(n.value, str) and KEY.fullmatch(n.value)
                     and id(n) not in actions}
    return {key for key in keys if not key.endswith((".", "_"))}


def test_both_languages_have_the_same_keys_and_placeholders():
    indonesian, english = planner_po("id"), planner_po("en")
    assert set(indonesian) == set(english)
    assert [k for k, v in {**indonesian, **english}.items() if not v.strip()] == []
    assert {k: (names(v), names(english[k])) for k, v in indonesian.items()
            if names(v) != names(english[k])} == {}


def test_every_key_the_planner_code_uses_is_translated():
    keys = used_keys()
    assert len(keys) > 150  # the scan sees templates and code
    for lang in ("id", "en"):
        assert sorted(keys - set(catalogue(lang))) == []
