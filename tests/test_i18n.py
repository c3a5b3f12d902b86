"""The message catalogues: both languages complete, and every key the code uses exists."""

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app import errors
from app.accounts.models import Role
from app.i18n import LANGUAGES, LOCALE_DIR, catalogue, translator
from app.opds.importer import KINDS
from app.planning.labels import DYNAMIC as PLANNING_DYNAMIC
from reports.applications import RECOMMENDATIONS
from reports.frameworks import RELATIONS
from reports.spbe import EVIDENCE

APP = Path(__file__).resolve().parent.parent / "app"
TEMPLATES = APP / "templates"
LITERAL_CALL = re.compile(r"""\b_\(\s*(["'])([^"']+)\1\s*[,)]""")
CONCAT_CALL = re.compile(r"""\b_\(\s*(["'])([^"']+)\1\s*~""")
# Keys a template builds with `~`: the prefix, and every value the suffix can take.
DYNAMIC = {
    "role.": [role.value for role in Role],
    "opd.kind_": list(KINDS),
    "link.title_": ["invite", "reset"],
    "link.": ["unknown", "used", "expired", "superseded"],
    "my_account.notice_": ["password_changed", "token_revoked"],
    "token.state_": ["active", "expired", "revoked"],
    "form.carry_": ["same", "changed", "retired"],
    "carry.reason_": ["question_removed", "choice_removed", "type_changed", "moved"],
    "monev.status_": ["usulan", "masuk_rkpd", "berjalan", "selesai", "batal", "none"],
    # frameworks, SPBE, applications, Satu Data (issue 16)
    "framework.level.": ["dimension", "aspect", "element", "domain", "indicator"],
    "framework.status.": ["draft", "in_force"],
    "framework.relation.": list(RELATIONS),
    "framework.notice_": ["saved", "deleted", "imported"],
    "analysis.page.": ["framework", "spbe", "applications", "satudata"],
    "analysis.rec.": list(RECOMMENDATIONS),
    "analysis.reason.": ["national", "inactive", "same_function", "duplicate", "keep"],
    "analysis.match.": ["name", "function"],
    "analysis.evidence.": list(EVIDENCE),
    "analysis.source.": ["planner", "answers", "none"],
    "analysis.predikat.": ["memuaskan", "sangat_baik", "baik", "cukup", "kurang"],
    "spbe.level.": [str(n) for n in range(6)],
    "spbe.notice_": ["saved", "target"],
    **PLANNING_DYNAMIC,
    "national.note_": ["no_round", "no_submissions"],  # issue 19: the benchmarks page
}
# Namespaces of message keys; a string literal shaped like one of these in app/ is a key
# (audit actions such as "login.failed" are passed as action=… and skipped).
KEY_LITERAL = re.compile(r"(account|common|error|home|link|login|nav|role)\.[a-z][a-z0-9_]*")


def raw_messages(lang: str) -> dict[str, str]:
    """Every entry of every .po file of a language, empty ones included."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as handle:
            messages.update({str(m.id): str(m.string) for m in read_po(handle) if m.id})
    return messages


def template_sources() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def python_sources() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def literal_keys_in(text: str) -> set[str]:
    return {match.group(2) for match in LITERAL_CALL.finditer(text)}


def python_keys(path: Path) -> set[str]:
    """Keys in `_("…")` calls, AppError("…") calls and key-shaped string literals."""
    tree = ast.parse(path.read_text(), filename=str(path))
    audit_actions = {id(kw.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
                     for kw in node.keywords if kw.arg == "action"}
    error_names = {cls.__name__ for cls in [errors.AppError, *errors.AppError.__subclasses__()]}
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and _is_str(node.args[0]):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "_" or name in error_names:
                keys.add(node.args[0].value)
        if (_is_str(node) and id(node) not in audit_actions
                and KEY_LITERAL.fullmatch(node.value) and not node.value.endswith(".html")):
            keys.add(node.value)
    return keys


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def used_keys() -> dict[str, set[str]]:
    """Key -> the files that use it."""
    found: dict[str, set[str]] = {}
    for path in template_sources():
        for key in literal_keys_in(path.read_text()):
            found.setdefault(key, set()).add(str(path.relative_to(APP)))
    for path in python_sources():
        for key in python_keys(path):
            found.setdefault(key, set()).add(str(path.relative_to(APP)))
    for prefix, suffixes in DYNAMIC.items():
        for suffix in suffixes:
            found.setdefault(prefix + suffix, set()).add(f"dynamic {prefix}…")
    for cls in [errors.AppError, *errors.AppError.__subclasses__()]:
        found.setdefault(cls.key, set()).add("app/errors.py")
    for key in errors.STATUS_KEYS.values():
        found.setdefault(key, set()).add("app/errors.py")
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_keys():
    id_keys, en_keys = set(raw_messages("id")), set(raw_messages("en"))
    assert id_keys - en_keys == set(), "missing in English"
    assert en_keys - id_keys == set(), "missing in Bahasa Indonesia"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_translation_is_empty(lang):
    empty = [key for key, text in raw_messages(lang).items() if not text.strip()]
    assert empty == []


def test_both_languages_use_the_same_placeholders():
    english = raw_messages("en")
    differ = {key: (placeholders(text), placeholders(english[key]))
              for key, text in raw_messages("id").items()
              if key in english and placeholders(text) != placeholders(english[key])}
    assert differ == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_code_uses_is_translated(lang):
    known = set(catalogue(lang))
    missing = {key: sorted(files) for key, files in used_keys().items() if key not in known}
    assert not missing, "\n".join(f"{key}  (used in {', '.join(files)})"
                                   for key, files in sorted(missing.items()))


def test_every_concatenated_key_in_a_template_is_listed_here():
    """A new `_("prefix" ~ value)` must be added to DYNAMIC, so its variants are checked."""
    prefixes = {match.group(2) for path in template_sources()
                for match in CONCAT_CALL.finditer(path.read_text())}
    assert prefixes <= set(DYNAMIC), prefixes - set(DYNAMIC)


def test_the_scan_finds_keys_in_templates_and_code():
    """Guard the scanner itself: it sees keys of both kinds of file."""
    keys = used_keys()
    assert "templates/auth/login.html" in keys["login.title"]
    assert "auth/pages.py" in keys["link.mismatch"]
    assert "auth/accounts.py" in keys["account.nip_invalid"]
    assert "login.failed" not in keys  # an audit action, not a message


def test_a_missing_key_shows_as_itself_not_a_crash():
    assert translator("id")("tidak.ada") == "tidak.ada"
    assert translator("xx")("login.title") == "Masuk"  # unknown language: the default
