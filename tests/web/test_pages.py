"""The HTML pages: every page renders, references no other host, and shows hostile text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

PAGES = [
    "/", "/?product=rare_earths", "/?period=2025-11", "/series", "/lane/rare_earth_magnets/CHN/USA",
    "/lane/rare_earth_magnets/CHN/WLD", "/lane/lpr/1y", "/events", "/events?event=E14&lane=rare_earth_magnets/CHN/USA",
    "/rates", "/rates?as_of=2025-12-31", "/check", "/no-such-page",
]

HOSTILE = ("US-bound shipments fell 11% to 582 tons in November 2025 from 656 tons."
           "<script>alert('xss')</script><img src=x onerror=\"alert('img')\">"
           "<svg onload=alert(1)></svg><a href=\"javascript:alert(2)\">click</a>")


class Refs(HTMLParser):
    """Every URL a page would load or link: src, href, action, srcset, and url(...) in style."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        for k in ("src", "href", "action", "poster", "data", "xlink:href", "formaction"):
            if a.get(k):
                self.urls.append(a[k] or "")
        if a.get("srcset"):
            self.urls += [p.strip().split(" ")[0] for p in (a["srcset"] or "").split(",")]
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"] or "")


def external(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u.strip()).scheme not in ("", "data") or u.strip().startswith("//")]


@pytest.mark.parametrize("url", PAGES)
def test_pages_reference_no_external_host(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (200, 404)
    assert r.headers["content-type"].startswith("text/html")
    p = Refs()
    p.feed(r.text)
    assert not external(p.urls), external(p.urls)
    assert not re.findall(r"url\(\s*['\"]?(?:https?:)?//", r.text)
    for asset in [u for u in p.urls if u.startswith("/static/")]:
        a = client.get(asset)
        assert a.status_code == 200
        assert not re.findall(r"(?:url\(|import\s+|src=)\s*['\"]?(?:https?:)?//", a.text)


def test_every_page_links_its_json_twin(client) -> None:
    for url, twin in [("/", "/api/overview"), ("/lane/rare_earth_magnets/CHN/USA", "/api/lane/rare_earth_magnets/CHN/USA"),
                      ("/events", "/api/events"), ("/rates", "/api/rates"), ("/series", "/api/series")]:
        html = client.get(url).text
        assert f'href="{twin}' in html
        assert client.get(twin).status_code == 200


def test_overview_shows_the_usa_row_and_links_its_lane(client) -> None:
    html = client.get("/?period=2025-11").text
    assert 'href="/lane/rare_earth_magnets/CHN/USA"' in html
    row = re.search(r'<tr data-partner="USA">(.*?)</tr>', html, re.S)
    assert row and "582" in row.group(1) and "656" in row.group(1) and "-11.3%" in row.group(1)
    assert "<svg" in html  # charts rendered server-side, inline


def test_lane_page_lists_every_source_and_vintage(client) -> None:
    html = client.get("/lane/rare_earth_magnets/CHN/USA").text
    api = client.get("/api/series/rare_earth_magnets/CHN/USA").json()
    assert html.count('<tr class="shown">') + html.count('<tr class="other">') == len(api)
    assert "2025-11" in html and "vintage" in html


def test_hostile_article_is_escaped_on_the_check_page(client) -> None:
    r = client.post("/check", data={"text": HOSTILE, "date": "2025-12-20"})
    assert r.status_code == 200
    p = Refs()
    p.feed(r.text)
    assert not any(t == "script" and a.get("src") is None for t, a in p.tags)  # no inline script at all
    assert not any(any(k.startswith("on") for k in a) for _, a in p.tags)  # no event handler attributes
    assert not any((a.get("href") or "").startswith("javascript:") for _, a in p.tags)
    assert "&lt;script&gt;" in r.text
    assert "<script>alert" not in r.text and "<img src=x" not in r.text


def test_check_page_errors(client) -> None:
    assert client.post("/check", data={"text": "   "}).status_code == 400
    r = client.post("/check", files={"file": ("a.txt", b"\xff\xfe\x00bad", "text/plain")})
    assert r.status_code == 400 and "not UTF-8" in r.text


def test_check_page_upload_same_as_paste(client, seed_text: str) -> None:
    a = client.post("/check", data={"text": seed_text})
    if "Not available" in a.text:
        pytest.skip("claim checking is not part of this build")
    b = client.post("/check", files={"file": ("seed.txt", seed_text.encode(), "text/plain")})
    assert a.status_code == b.status_code == 200
    verdicts = re.findall(r'data-verdict="(\w+)"', a.text)
    assert verdicts and verdicts == re.findall(r'data-verdict="(\w+)"', b.text)
