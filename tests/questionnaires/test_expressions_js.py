"""Runs the browser evaluator's tests (node --test tests/js/) so one pytest run covers both."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_node_suite_passes() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is not installed, and CI=true requires the JavaScript tests")
        pytest.skip("node is not installed: the browser evaluator tests (tests/js/) did not run")
    result = subprocess.run(
        [node, "--test", "tests/js/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    failures = [line for line in result.stdout.splitlines() if line.startswith("not ok")]
    assert result.returncode == 0, "\n".join(failures) or (result.stdout + result.stderr)[-4000:]
