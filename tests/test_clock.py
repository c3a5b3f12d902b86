"""The suite does not depend on the wall clock: tests start at a frozen instant, days are WITA
days, and the date-sensitive tests pass with the machine's clock and the frozen instant moved
to day and year boundaries (Debian's faketime sets the machine clock of a child pytest)."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import clock
from tests.conftest import FROZEN_NOW, missing

ROOT = Path(__file__).resolve().parents[1]
# Tests whose outcome hangs on "now": deadlines, overdue OPDs, link expiry, audit dates, the
# officer's today(), the report's and the workbook's generation dates.
DATE_SENSITIVE = ("tests/rounds/test_service.py", "tests/rounds/test_progress.py",
                  "tests/rounds/test_pages.py", "tests/audits", "tests/auth/test_links.py",
                  "tests/submissions/test_officer_pages.py", "tests/reports/test_service.py",
                  "tests/exports/test_http.py", "tests/sample")


def test_every_test_starts_at_the_frozen_instant():
    assert abs(clock.utcnow() - FROZEN_NOW) < dt.timedelta(minutes=5)


def test_the_day_is_the_regencys_day_not_utcs(frozen_clock):
    frozen_clock.move_to(dt.datetime(2027, 6, 14, 15, 59, tzinfo=dt.UTC))
    assert clock.local_today("Asia/Makassar") == dt.date(2027, 6, 14)  # 23.59 WITA
    frozen_clock.move_to(dt.datetime(2027, 6, 14, 16, 0, tzinfo=dt.UTC))
    assert clock.local_today("Asia/Makassar") == dt.date(2027, 6, 15)  # 00.00 WITA
    assert clock.local_today("Asia/Jakarta") == dt.date(2027, 6, 14)  # 23.00 WIB


@pytest.mark.parametrize(("machine_clock", "frozen_now"), [
    ("2026-12-01 16:30:00", "2027-06-14T16:30:00Z"),  # 00.30 WITA: the day after in UTC terms
    ("2030-12-31 16:30:00", "2029-12-31T15:59:30Z"),  # a WITA year end, seconds before midnight
])
def test_date_sensitive_tests_pass_on_any_day(machine_clock, frozen_now):
    if shutil.which("faketime") is None:
        missing("faketime not found (apt-get install faketime)")
    # The child runs in one process, whatever runs this suite (CI's pytest-xdist workers).
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("PYTEST_XDIST", "PYTEST_ADDOPTS"))}
    env["SURVEI_TEST_NOW"] = frozen_now
    command = ["faketime", machine_clock, sys.executable, "-m", "pytest", "-q",
               "-p", "no:cacheprovider", "-m", "not postgres and not browser", *DATE_SENSITIVE]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
