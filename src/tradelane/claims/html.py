"""An annotated HTML view of a checked article: claim spans highlighted by verdict, everything escaped."""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["render_html"]

_CSS = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
    "mark{padding:0 .15em;border-radius:3px}mark.supported{background:#c8f0c8}"
    "mark.contradicted{background:#f7c0c0}mark.unverifiable{background:#eee}"
    "pre{white-space:pre-wrap}table{border-collapse:collapse;font-size:13px}"
    "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}"
)


def _evidence_text(c: dict[str, Any]) -> str:
    return "; ".join(f"{e.get('source', '')} ({e.get('vintage', '')})" for e in c.get("evidence") or [])


def render_html(result: Any) -> str:
    """A self-contained HTML page; article text and every field are escaped, so hostile markup stays inert.

    >>> class R:  # a minimal stand-in for CheckResult
    ...     article = type("A", (), {"text": "<script>x()</script> 5 t"})()
    ...     def as_dict(self):
    ...         return {"article": {"title": "<b>t</b>", "date": None, "dropped": []}, "summary": {},
    ...                 "claims": [{"start": 21, "end": 24, "verdict": "supported", "text": "5 t"}],
    ...                 "inconsistencies": []}
    >>> page = render_html(R())
    >>> "<script>" in page, "&lt;script&gt;" in page
    (False, True)
    """
    d = result.as_dict()
    text: str = result.article.text
    spans = sorted(((c["start"], c["end"], i, c) for i, c in enumerate(d["claims"])), key=lambda x: x[0])
    parts: list[str] = []
    pos = 0
    for a, b, i, c in spans:
        if a < pos:
            continue
        parts.append(escape(text[pos:a]))
        tip = f"#{i} {c.get('series', '')} {c.get('period', '')} {c.get('measure', '')}: {c['verdict']}"
        if c.get("data_value") is not None:
            tip += f" (data {c['data_value']})"
        parts.append(
            f'<mark class="{escape(c["verdict"])}" title="{escape(tip)}">{escape(text[a:b])}<sup>{i}</sup></mark>'
        )
        pos = b
    parts.append(escape(text[pos:]))
    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(str(c.get('text')))}</td><td>{escape(str(c.get('series')))}</td>"
        f"<td>{escape(str(c.get('period')))}</td><td>{escape(str(c.get('measure')))}</td>"
        f"<td>{escape(c['verdict'])}</td><td>{escape(str(c.get('data_value')))}</td>"
        f"<td>{escape(_evidence_text(c))}</td></tr>"
        for i, c in enumerate(d["claims"])
    )
    inc = "".join(f"<li>{escape(str(x['claims']))}: {escape(x['message'])}</li>" for x in d["inconsistencies"])
    title = escape(str(d["article"].get("title") or "article"))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<style>{_CSS}</style></head><body><h1>{title}</h1>"
        f"<p>{escape(str(d['summary']))}</p><pre>{''.join(parts)}</pre>"
        f"<h2>Claims</h2><table><tr><th>#</th><th>text</th><th>series</th><th>period</th><th>measure</th>"
        f"<th>verdict</th><th>data</th><th>evidence</th></tr>{rows}</table>"
        f"<h2>Inconsistencies</h2><ul>{inc}</ul></body></html>"
    )
