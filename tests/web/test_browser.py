"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright).

No browser is downloaded: Playwright launches `/usr/bin/chromium` (scripts/test.sh installs it
from Debian when missing). The server is the real app under uvicorn on a loopback port.
Screenshots of every page go to `.ci/artifacts/` for people to look at.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from web_store import build

from attrition.store import open_store
from attrition.web import create_app

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("ATTRITION_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / ".ci" / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def _need_browser() -> None:
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI (scripts/test.sh should have installed chromium)")
        pytest.skip(f"{CHROMIUM} not installed (scripts/test.sh installs Debian's chromium)")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    eng = open_store(str(tmp_path_factory.mktemp("browser") / "store.db"))
    build(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def base_url(engine: Engine) -> Iterator[str]:
    import uvicorn

    config = uvicorn.Config(create_app(engine), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Console:
    """Every console error, page error and failed request of one page.

    A request the browser itself cancels because the test navigated on (`net::ERR_ABORTED`
    after a later navigation of the main frame started) is not the page's fault: Chromium
    fetches the favicon after `load`, at no fixed moment, so a click soon after a page loads
    cancels it some of the time. Such a request is left out by that rule, not by timing; any
    other failure (refused, blocked by the CSP, aborted with no navigation after it) counts.
    """

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.navigations = 0
        self.issued: dict[Any, int] = {}
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", lambda r: self._request(page, r))
        page.on("requestfailed", self._failed)

    def _request(self, page: Any, request: Any) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            self.navigations += 1
        self.issued[request] = self.navigations

    def _failed(self, request: Any) -> None:
        superseded = self.issued.pop(request, self.navigations) < self.navigations
        if request.failure == "net::ERR_ABORTED" and superseded and not request.is_navigation_request():
            return
        self.errors.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console = Console(pg)  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _api(page: Any, base_url: str, path: str) -> Any:
    return page.request.get(base_url + path).json()


def test_each_page_loads_without_console_errors(page: Any, base_url: str) -> None:
    claim_id = _api(page, base_url, "/api/claims?doc=wire-may-31&category=personnel")["items"][0]["id"]
    cluster_id = _api(page, base_url, "/api/clusters?min_reports=2")["items"][0]["id"]
    finding_id = _api(page, base_url, "/api/findings")["items"][0]["id"]
    pages = {
        "overview": "/", "claims": "/claims", "claim": f"/claims/{claim_id}", "documents": "/documents",
        "document": "/documents/wire-may-31", "cluster": f"/clusters/{cluster_id}",
        "compare": "/compare?subject=RU&category=personnel", "compare-daily": "/compare?mode=daily",
        "findings": "/findings", "finding": f"/findings/{finding_id}", "not-found": "/claims/0123456789ab-1-2",
    }  # fmt: skip
    for name, path in pages.items():
        response = page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert response.status == (404 if name == "not-found" else 200), name
        shot(page, name)
    # A 404 page is logged by Chromium as a failed resource; everything else must be clean.
    errors = [e for e in page.console.errors if "404" not in e]
    assert errors == []


def test_the_favicon_is_served_from_the_package(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    href = page.get_attribute("link[rel=icon]", "href")
    assert href == "/static/favicon.svg"
    for path in (href, "/favicon.ico"):
        response = page.request.get(base_url + path)
        assert response.status == 200, path
        assert response.headers["content-type"].startswith("image/svg+xml"), path
        assert response.body().lstrip().startswith(b"<svg"), path


def test_a_filter_changes_the_url_and_the_rows(page: Any, base_url: str) -> None:
    page.goto(base_url + "/claims")
    before = page.locator("#claims-table tbody tr").count()
    with page.expect_navigation():
        page.select_option("select[name=subject]", "UA")
    assert "subject=UA" in page.url
    assert "since=" not in page.url  # blank fields stay out of the permalink
    rows = page.locator("#claims-table tbody tr")
    assert 0 < rows.count() < before
    subjects = page.locator("#claims-table tbody tr td:nth-child(4)").all_inner_texts()
    assert set(subjects) == {"UA"}
    with page.expect_navigation():
        page.fill("input[name=q]", "Moscow")
        page.click("#filters button[type=submit]")
    assert "q=Moscow" in page.url and "subject=UA" in page.url
    assert page.locator("#claims-table tbody tr").count() == 1
    shot(page, "claims-filtered")
    assert page.console.errors == []


def test_click_from_a_claim_to_its_document_highlights_the_number(page: Any, base_url: str) -> None:
    claim_id = _api(page, base_url, "/api/claims?doc=wire-may-31&category=tanks")["items"][0]["id"]
    page.goto(f"{base_url}/claims/{claim_id}")
    assert page.inner_text("#number") == "7,700"
    page.click("#document-link")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/documents/wire-may-31#claim-{claim_id}")
    target = page.locator(f"#claim-{claim_id} mark")
    assert target.inner_text() == "7,700"
    assert page.evaluate(f"document.querySelector('#claim-{claim_id}').matches(':target')")
    color = target.evaluate("el => getComputedStyle(el).backgroundColor")
    other = page.locator("article.text a.claim:not(:target) mark").first.evaluate(
        "el => getComputedStyle(el).backgroundColor")  # fmt: skip
    assert color != other  # the number we came for stands out from the other claims
    shot(page, "document-target")
    assert page.console.errors == []


def test_compare_chart_draws_one_mark_per_figure(page: Any, base_url: str) -> None:
    page.goto(base_url + "/compare?subject=RU&category=personnel")
    page.wait_for_selector("#chart svg")
    rows = page.locator("#figures tbody tr").count()
    data = _api(page, base_url, "/api/compare?subject=RU&category=personnel")
    cumulative = [f for f in data["figures"] if f["kind"] == "cumulative"]
    assert rows == len(cumulative) == 4
    marks = page.locator("#chart circle.mark")
    assert marks.count() == rows
    drawn = sorted(str(m.get_attribute("data-claim-id")) for m in marks.all())
    assert drawn == sorted(f["claim_id"] for f in cumulative)
    assert page.locator("#chart path.reference-line").count() == 1
    page.goto(base_url + "/compare?subject=RU&category=personnel&mode=daily")
    page.wait_for_selector("#chart svg")
    # Per day: the stated rate (filled) and each total's increment since the previous total (hollow).
    stated = [f["claim_id"] for f in data["figures"] if f["kind"] != "cumulative" and f["per_day"] is not None]
    increments = [f["claim_id"] for f in cumulative if f["increment_per_day"] is not None]
    assert (len(stated), len(increments)) == (1, 3)
    assert page.locator("#chart circle.mark").count() == page.locator("#figures tbody tr").count() == 4
    hollow = page.locator("#chart circle.mark.increment")
    assert sorted(str(m.get_attribute("data-claim-id")) for m in hollow.all()) == sorted(increments)
    assert {m.get_attribute("fill") for m in hollow.all()} == {"none"}
    shot(page, "compare-daily-increments")
    assert page.console.errors == []


def test_injected_script_is_shown_as_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "/documents/hostile-page")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned === undefined")
    text = page.inner_text("#text")
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert page.locator("#text script, #text img, h1 b, h1 script").count() == 0
    assert "<b>Bold</b>" in page.inner_text("h1")
    shot(page, "hostile-document")
    claim_id = _api(page, base_url, "/api/claims?doc=hostile-page")["items"][0]["id"]
    page.goto(f"{base_url}/claims/{claim_id}")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.inner_text("#paragraph")
    assert page.console.errors == []
