"""The default questionnaire's form stays light on a phone: bytes actually transferred.

The service compresses text itself (gzip, app/main.py), so these are the bytes a phone
downloads from the embedded server: every section page, and the CSS/JS of the first visit.
"""

import re

from tests.submissions.conftest import sign_in

IMPORT = re.compile(r"""^import[^"']*["']([^"']+)["']""", re.MULTILINE)
BUDGET_FIRST_VISIT = 40_000  # bytes transferred: the largest section page with all CSS and JS
BUDGET_PAGE = 15_000  # bytes transferred: one more section page (assets cached)
GZIP = {"Accept-Encoding": "gzip"}


def fetch(client, url: str) -> tuple[bytes, int]:
    """(the decoded body, the bytes that went over the wire), asking for gzip like a browser."""
    response = client.get(url, headers=GZIP)
    assert response.status_code == 200, url
    if len(response.content) > 1000:
        assert response.headers.get("content-encoding") == "gzip", url
    return response.content, response.num_bytes_downloaded


def assets(client, page: str) -> dict[str, int]:
    """Bytes transferred for each stylesheet and script the page loads, with their imports."""
    sizes, stack = {}, re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    while stack:
        url = stack.pop()
        if url in sizes:
            continue
        body, sent = fetch(client, url)
        sizes[url] = sent
        if url.endswith(".js"):
            base = url.rsplit("/", 1)[0]
            stack += [_join(base, target) for target in IMPORT.findall(body.decode())]
    return sizes


def _join(base: str, target: str) -> str:
    parts = base.split("/")
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def test_the_default_form_page_and_its_assets_stay_small(client, world, capsys):
    sign_in(client, "officer_a")
    url = f"/rounds/{world.round_a.id}/form"
    pages = {s.name: fetch(client, f"{url}?section={s.name}") for s in world.form.sections}
    largest = max(pages, key=lambda name: pages[name][1])
    static = assets(client, pages[largest][0].decode())
    first = pages[largest][1] + sum(static.values())
    sent = [size for _body, size in pages.values()]
    with capsys.disabled():
        print(f"\nform page transferred: largest section {largest} {pages[largest][1]} B "
              f"({len(pages[largest][0])} B uncompressed), {len(static)} CSS/JS files "
              f"{sum(static.values())} B, first visit {first} B; sections "
              f"{min(sent)}-{max(sent)} B")
    assert {u.rsplit("/", 1)[1] for u in static} >= {"app.css", "form.css", "main.js",
                                                      "expressions.js"}
    assert first <= BUDGET_FIRST_VISIT
    assert max(sent) <= BUDGET_PAGE


def test_workbooks_are_not_compressed_again(client, world):
    sign_in(client, "planner")
    answer = client.get(f"/rounds/{world.round_a.id}/export.xlsx?statuses=all", headers=GZIP)
    assert answer.status_code == 200
    assert "content-encoding" not in answer.headers
    assert answer.content[:2] == b"PK"
