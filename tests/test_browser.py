"""The pages in a real browser: Debian's headless Chromium driven by Playwright
for Python (never Playwright's own browser download), against the real server
on a free port over the store of ``tests/data/pages``.

Screenshots are saved as artifacts in ``$DIPLOGRAPH_ARTIFACTS``, or
``tests/artifacts/`` (git-ignored) when it is not set. The test is skipped,
saying why, only when Chromium or Playwright is not installed; CI installs
both (``.ci/run``: Debian's chromium; the ``test`` extra: playwright).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_pages
from served import Server

server = test_pages.server  # the fixture: a server over tests/data/pages

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# measured on this machine kind: without the background-networking flags
# Chromium's calls home are refused by the closed network, many at a time,
# and it looks up Google's hosts at every start
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip

playwright = pytest.importorskip(
    "playwright.sync_api",
    reason="Playwright for Python is not installed: pip install '.[test]'",
)
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed: apt-get install chromium chromium-driver "
    "(.ci/run does)",
)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(
        os.environ.get("DIPLOGRAPH_ARTIFACTS")
        or Path(__file__).resolve().parent / "artifacts"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    # a script error, or a file of the page refused or not found (its
    # pictures included), is a failure
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on(
        "response",
        lambda answer: (
            problems.append(f"{answer.status} {answer.url}")
            if answer.status >= 400
            else None
        ),
    )
    yield opened
    context.close()
    assert not problems, problems


def test_a_saved_query_leads_to_an_agreement_page(
    server: Server, tab: Any, artifacts: Path
) -> None:
    tab.goto(server.base + "/")
    tab.get_by_role("link", name="agreements-of", exact=True).click()
    tab.wait_for_url("**/?query=agreements-of")
    tab.fill('input[name="country"]', "Iceland")
    tab.get_by_role("button", name="Run", exact=True).first.click()
    tab.wait_for_url("**run=1**")
    table = tab.locator("table")
    assert "Arctic Fisheries Accord" in table.inner_text()
    assert "Rows 1–1 of 1" in tab.locator("p.count").inner_text()
    tab.screenshot(path=str(artifacts / "query.png"), full_page=True)

    table.get_by_role("link", name="Arctic Fisheries Accord").click()
    tab.wait_for_url("**/agreement/*")
    assert tab.locator("h1").inner_text() == "Arctic Fisheries Accord"
    parties = tab.locator("dd.parties").inner_text()
    assert all(name in parties for name in ("Denmark", "Iceland", "Norway"))
    status = tab.locator("table.status").inner_text()
    assert "ratified" in status and "2019-09-12" in status
    quotes = tab.locator("blockquote").all_inner_texts()
    assert any(
        q.startswith("REYKJAVIK, Sept. 13 (Example News) -- Iceland ratified")
        for q in quotes
    )
    assert tab.locator("section.conflicts").is_visible()
    tab.screenshot(path=str(artifacts / "agreement.png"), full_page=True)

    tab.locator("dd.parties").get_by_role("link", name="Iceland").click()
    tab.wait_for_url("**/country/ISL")
    assert "Arctic Fisheries Accord" in tab.locator("table.years").inner_text()
    tab.screenshot(path=str(artifacts / "country.png"), full_page=True)


def test_the_sparql_editor_and_the_search(
    server: Server, tab: Any, artifacts: Path
) -> None:
    tab.goto(server.base + "/")
    editor = tab.locator('textarea[name="sparql"]')
    editor.fill("SELECT ?party WHERE { ?a dg:party ?party } ORDER BY ?party")
    editor.press("Control+Enter")  # editor.js submits the form
    tab.wait_for_url("**sparql=**")
    results = tab.locator("#sparql table").inner_text()
    assert "country/DNK" in results and "country/KOR" in results
    tab.screenshot(path=str(artifacts / "sparql.png"), full_page=True)

    tab.fill('header input[name="q"]', "GSOMIA")
    tab.press('header input[name="q"]', "Enter")
    tab.wait_for_url("**/search?q=GSOMIA")
    tab.screenshot(path=str(artifacts / "search.png"), full_page=True)
    tab.locator("ol.hits").get_by_role("link").first.click()
    tab.wait_for_url("**/agreement/*")
    assert (
        "General Security of Military Information Agreement"
        in tab.locator("h1").inner_text()
    )
