"""The export catalogues (export.po): both languages complete, every key the code uses exists."""

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.exports.options import Scope
from app.i18n import LOCALE_DIR, catalogue
from tests.exports.conftest import read

APP = Path(__file__).resolve().parents[2] / "app"
SOURCES = [*sorted((APP / "exports").rglob("*.py")), APP / "cli" / "export.py",
           *sorted((APP / "templates" / "exports").glob("*.html"))]
KEY = re.compile(r"""["'](export\.[a-z_]+(?:\.[a-z_]+)*)["']""")
AUDIT_ACTIONS = {"export.downloaded"}  # an audit action, not a message


def messages(lang: str) -> dict[str, str]:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "export.po", "rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders_and_no_empty_text():
    ids, ens = messages("id"), messages("en")
    assert set(ids) == set(ens)
    assert all(key.startswith("export.") for key in ids)
    assert [key for key in ids if not ids[key].strip() or not ens[key].strip()] == []
    assert {k: (fields(v), fields(ens[k])) for k, v in ids.items() if fields(v) != fields(ens[k])} \
        == {}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_literal_key_in_the_code_is_translated(lang):
    used = {key for path in SOURCES for key in KEY.findall(path.read_text())
            if not key.endswith(".")} - AUDIT_ACTIONS
    assert used, "the scan found no key"
    assert sorted(used - set(catalogue(lang))) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_cell_of_a_full_export_shows_a_raw_key(export, lang):
    book = read(export(scope=Scope.all, lang=lang))
    raw = [(ws.title, cell.coordinate, cell.value) for ws in book for row in ws.iter_rows()
           for cell in row if isinstance(cell.value, str) and cell.value.startswith("export.")]
    assert raw == []
