"""The monthly report: offline HTML (no external script, style, image or font), Markdown, charts, CLI, Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tradelane.cli.app import main
from tradelane.errors import InputError
from tradelane.model import Period
from tradelane.report import build_chart, build_report, latest_month, render, to_html, to_markdown

CHROMIUM = Path("/usr/bin/chromium")
REMOTE = re.compile(r"^\s*(https?:)?//", re.I)


@pytest.fixture(scope="module")
def report(embedded_store):
    return build_report(embedded_store.tables, Period.parse("2025-11"))


@pytest.fixture(scope="module")
def html(report):
    return to_html(report)


class _Refs(HTMLParser):
    """Every resource reference a browser would load: script/img/link/source/iframe/object/embed/use/image."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "style":
            self._in_style = True
        if a.get("style"):
            self.styles.append(a["style"])
        for attr in ("src", "srcset", "data", "poster", "xlink:href"):
            if a.get(attr):
                self.loads.append((tag, a[attr]))
        if tag in ("link", "use", "image", "script", "iframe", "embed", "object") and a.get("href"):
            self.loads.append((tag, a["href"]))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def test_no_external_script_style_image_or_font(html):
    p = _Refs()
    p.feed(html)
    assert "script" not in p.tags and "link" not in p.tags and "iframe" not in p.tags
    assert [x for x in p.loads if REMOTE.match(x[1])] == []
    css = "\n".join(p.styles)
    assert "@import" not in css and "@font-face" not in css
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css, re.I)
    # The only http(s) addresses are the sources' links in the appendix (<a href>), not loaded by a browser.
    for m in re.finditer(r"https?://", html):
        before = html[max(0, m.start() - 200):m.start()]
        assert re.search(r"<a href=\"$", before) or before.endswith('">'), html[m.start() - 80:m.start() + 40]


def test_at_least_three_charts_inline(html, report):
    assert len(report.charts) >= 3 and report.chart_errors == []
    figures = re.findall(r'<figure class="chart" data-kind="(\w+)"><svg', html)
    assert set(figures) >= {"history", "shares", "event", "products"}


def test_story_lanes_studies_rates_and_appendix(html, report):
    assert report.sentences[0].text.startswith("US-bound rare-earth magnet exports fell 11.3%")
    assert "US-bound rare-earth magnet exports fell 11.3% month on month to 582 t" in html
    wld = next(s for s in report.studies if s.series_key.endswith("/WLD"))
    usa = next(s for s in report.studies if s.series_key.endswith("/USA"))
    assert (wld.trough_period, wld.trough_value) == ("2025-05", 1238.0) and usa.baseline is None
    assert "1,238 t in 2025-05" in html and "no baseline" in html
    assert {r.series_key for r in report.rates} >= {"lpr/1y", "lpr/5y"}
    # Every figure the story used is in the appendix with its vintage.
    listed = {(s.series_key, s.period, s.vintage) for s in report.sources}
    for s in report.sentences:
        for f in s.facts:
            assert (f.series_key, f.period, f.vintage) in listed
    for st in report.studies:
        for f in st.facts:
            assert (f["series_key"], f["period"], f["vintage"]) in listed


def test_markdown(report):
    md = to_markdown(report)
    assert md.startswith("# China's critical-mineral trade lanes: November 2025")
    assert "| USA | 2025-11 | 582 | 656 (2025-10) | -11.3% |" in md
    assert md.count("](data:image/svg+xml;base64,") >= 3
    assert "## Appendix: sources and vintages" in md


def test_latest_month(embedded_store):
    assert latest_month(embedded_store.tables).label == "2026-03"


def test_chart_export_svg_and_png(embedded_store, tmp_path):
    c = build_chart(embedded_store.tables, "history")
    svg = render(c, "svg")
    assert svg.startswith(b"<svg") and b"rare-earth magnet" in svg
    assert render(c, "png").startswith(b"\x89PNG")
    assert c.sources and all(s[2] for s in c.sources)  # every point has a vintage
    with pytest.raises(InputError):
        build_chart(embedded_store.tables, "pie")


def test_cli_report_and_chart(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRADELANE_DB", str(tmp_path / "t.duckdb"))
    out = tmp_path / "r.md"
    assert main(["report", "--period", "2025-11", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# China's")
    assert str(out) in capsys.readouterr().out.replace("\n", "")
    png = tmp_path / "shares.png"
    assert main(["chart", "shares", "--period", "2025-11", "-o", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    assert main(["report"]) == 2  # neither --period nor --latest
    assert main(["chart", "shares", "-o", str(tmp_path / "x.gif")]) == 2


@pytest.mark.browser
def test_renders_in_headless_chromium(html, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    page_file = tmp_path / "report.html"
    page_file.write_text(html, encoding="utf-8")
    shot = tmp_path / "report.png"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_load_state("load")
            assert page.locator("figure.chart svg").count() >= 3
            assert page.locator("h1").inner_text().startswith("China's critical-mineral trade lanes")
            box = page.locator("figure.chart svg").first.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 100
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert [u for u in requests if not u.startswith("file:")] == []
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
