"""End to end in headless Chromium (Debian's package, driven by Playwright) against a live server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium "
                       "(apt-get install -y chromium chromium-driver)"),
]

HOSTILE = ("Exports fell 11% to 582 tons in November 2025.\n"
           "<script>window.__pwned = 1; alert('script')</script>\n"
           "<img src=x onerror=\"window.__pwned = 2; alert('img')\">\n"
           "<svg onload=\"alert('svg')\"></svg>")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):  # type: ignore[no-untyped-def]
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    outside: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url))
    pg.dialogs, pg.outside = dialogs, outside  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def test_overview_lane_and_check_the_seed(page, live_server, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/?period=2025-11")
    usa = page.locator('tr[data-partner="USA"]')
    assert "582" in usa.inner_text() and "656" in usa.inner_text()
    assert page.locator("figure.chart svg").count() >= 1

    usa.locator("a").first.click()
    page.wait_for_url("**/lane/rare_earth_magnets/CHN/USA")
    assert "2025-11" in page.locator("#observations").inner_text()
    assert page.locator("figure.chart svg").count() == 1

    page.goto(live_server.url + "/check")
    page.fill("textarea#text", seed_text)
    page.click("#check-submit")
    page.wait_for_load_state()
    if page.locator(".unavailable").count():
        pytest.skip(page.locator(".unavailable").inner_text())
    verdicts = page.locator("tr[data-verdict]")
    assert verdicts.count() > 0
    supported = [verdicts.nth(i).inner_text() for i in range(verdicts.count())
                 if verdicts.nth(i).get_attribute("data-verdict") == "supported"]
    text = "\n".join(supported)
    for needle in ("11%", "3.0%", "3.5%", "1.4%", "seventh"):
        assert needle in text, needle
    assert page.locator("#article-text mark.v-supported").count() > 0
    assert page.outside == [] and page.dialogs == []  # type: ignore[attr-defined]


def test_hostile_article_is_inert(page, live_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/check")
    page.fill("textarea#text", HOSTILE)
    page.click("#check-submit")
    page.wait_for_load_state()
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("main img, main svg[onload], main script").count() == 0
    assert "<script>" in page.locator("textarea#text").input_value()  # shown as text, not run
    assert page.outside == []  # type: ignore[attr-defined]
