"""The default questionnaire's form page stays small on a phone: gzip bytes per page and assets."""

import gzip
import re
from pathlib import Path

from tests.submissions.conftest import sign_in

STATIC = Path(__file__).resolve().parents[2] / "app" / "static"
IMPORT = re.compile(r"""^import[^"']*["']([^"']+)["']""", re.MULTILINE)
BUDGET_FIRST_VISIT = 60_000  # bytes gzip: the largest section page with every CSS and JS file
BUDGET_PAGE = 20_000  # bytes gzip: one more section page (assets cached)


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def assets(page: str) -> list[Path]:
    """The stylesheets and scripts a page loads, with every module the scripts import."""
    linked = [STATIC / href.removeprefix("/static/")
              for href in re.findall(r'(?:href|src)="(/static/[^"]+)"', page)]
    modules, stack = set(), [path for path in linked if path.suffix == ".js"]
    while stack:
        path = stack.pop().resolve()
        if path not in modules:
            modules.add(path)
            stack += [path.parent / target for target in IMPORT.findall(path.read_text())]
    return [path for path in linked if path.suffix != ".js"] + sorted(modules)


def test_the_default_form_page_and_its_assets_stay_small(client, world, capsys):
    sign_in(client, "officer_a")
    url = f"/rounds/{world.round_a.id}/form"
    pages = {s.name: client.get(f"{url}?section={s.name}").content for s in world.form.sections}
    largest = max(pages, key=lambda name: gzipped(pages[name]))
    files = assets(pages[largest].decode())
    static = sum(gzipped(path.read_bytes()) for path in files)
    first = gzipped(pages[largest]) + static
    with capsys.disabled():
        print(f"\nform page gzip: largest section {largest} {gzipped(pages[largest])} B, "
              f"{len(files)} CSS/JS files {static} B, first visit {first} B; "
              f"sections {min(map(gzipped, pages.values()))}-{gzipped(pages[largest])} B")
    assert {p.name for p in files} >= {"app.css", "form.css", "main.js", "expressions.js"}
    assert first <= BUDGET_FIRST_VISIT
    assert all(gzipped(page) <= BUDGET_PAGE for page in pages.values())
