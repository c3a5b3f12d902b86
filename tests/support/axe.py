"""axe-core (the npm package) run inside Debian's Chromium, from a local copy.

tests/browser/axe/package.json pins the version and package-lock.json its integrity; the
first test that needs it runs `npm ci` there (node_modules/ is ignored by git), so the suite
needs only the npm registry. No CDN: the script is read from disk and evaluated in the page.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from tests.conftest import missing

AXE_DIR = Path(__file__).resolve().parents[1] / "browser" / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    count: v.nodes.length,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
}"""


@cache
def axe_source() -> str:
    """The axe-core script, installed with `npm ci` when it is not there yet."""
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if npm is None:
            missing("npm not found (apt-get install npm): needed to install axe-core")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=AXE_DIR,
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not AXE_SCRIPT.exists():
            missing(f"npm ci of axe-core failed: {done.stderr.strip()[-500:]}")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page as it is now (WCAG 2.x A/AA and best practice)."""
    page.evaluate(axe_source())
    return page.evaluate(RUN)
