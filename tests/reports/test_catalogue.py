"""The report's own catalogue: both languages complete; every key the templates use exists."""

import re
from pathlib import Path

import pytest

from reports.builders.priority import CRITERIA
from reports.builders.readiness import ASPECTS
from reports.builders.summary import STATES
from reports.i18n import catalogue
from reports.inputs import TIMEFRAMES

REPORTS = Path(__file__).resolve().parents[2] / "reports"
LITERAL = re.compile(r"""\b_\(\s*["'](rpt\.[a-z0-9_.]+)["']""")
DYNAMIC = ([f"rpt.state.{s}" for s in STATES] + [f"rpt.timeframe.{t}" for t in TIMEFRAMES]
           + [f"rpt.aspect.{a}" for a in ASPECTS] + [f"rpt.crit.{c}" for c in CRITERIA]
           + [f"rpt.crit.{c}.rule" for c in CRITERIA]
           + [f"rpt.scope.{s}" for s in ("approved", "submitted", "all")])


def used_keys() -> set[str]:
    files = [*REPORTS.rglob("*.html"), *REPORTS.rglob("*.py"),
             *(REPORTS.parent / "app" / "reports_web").rglob("*.py")]
    found = {key for path in files for key in LITERAL.findall(path.read_text())}
    return {key for key in found if not key.endswith(".")} | set(DYNAMIC)  # "x." ~ suffix


def test_both_languages_have_the_same_keys():
    assert set(catalogue("id")) == set(catalogue("en"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_key_used_is_translated(lang):
    assert used_keys() - set(catalogue(lang)) == set()
    assert len(used_keys()) > 100
