"""Bad input never crashes: empty, binary, non-UTF-8, huge, script-laden, bad URLs; fuzzed text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelane.claims import check, read_article, render_html
from tradelane.claims.extract import quantities
from tradelane.errors import ArticleError

from .conftest import FIXTURES


@pytest.mark.parametrize(("data", "msg"), [
    (b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary", "binary"),
])
def test_bad_stdin(data: bytes, msg: str) -> None:
    with pytest.raises(ArticleError, match=msg):
        read_article("-", stdin=data)


def test_huge_file(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 20_000_000)
    with pytest.raises(ArticleError, match="limit"):
        read_article(str(p))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(str(tmp_path / "nope.txt"))


def test_non_utf8_is_safe(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Exportaciones cayeron 5% en mayo, d\xe9j\xe0 vu.".encode("latin-1"))
    assert "5%" in read_article(str(p)).text


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)//x"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(ArticleError):
        read_article(url)


def test_url_fetch_with_mock_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ok":
            return httpx.Response(200, text="<html><body><p>Made-up text.</p></body></html>")
        if request.url.path == "/big":
            return httpx.Response(200, content=b"x" * 6_000_000)
        return httpx.Response(404)

    t = httpx.MockTransport(handler)
    assert "Made-up" in read_article("https://example.test/ok", transport=t).text
    with pytest.raises(ArticleError, match="404"):
        read_article("https://example.test/missing", transport=t)
    with pytest.raises(ArticleError, match="limit"):
        read_article("https://example.test/big", transport=t)


def test_hostile_html_stays_inert(index) -> None:
    html = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    res = check(html, index)
    page = render_html(res)
    assert "<script" not in page.lower() and "onerror=" not in page.lower().replace("onerror=&quot;", "")
    assert any(c["text"] == "582 tons" and c["verdict"] == "supported" for c in res.as_dict()["claims"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_fuzz_quantities_never_crash(text: str) -> None:
    for q in quantities(text):
        assert q.start <= q.end


_WORDS = st.sampled_from(["US-bound", "magnet", "exports", "fell", "rose", "11%", "582 tons", "in", "November",
                          "from", "October", "the", "one-year", "LPR", "3.0%", "seventh", "month", "in a row",
                          "0.1 percentage point", "$5 million", "first two months of 2026", ".", ",", "\n\n",
                          "You May Also Like", "BTC $1.00", "2025/12/08", "Japan's", "a year earlier", "—"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_fuzz_check_never_crashes(index, text: str) -> None:
    res = check(text, index).as_dict()
    for c in res["claims"]:
        assert c["verdict"] in ("supported", "contradicted", "unverifiable")
        assert 0 <= c["start"] <= c["end"] <= len(text)
