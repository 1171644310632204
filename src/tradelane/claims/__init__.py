"""Check the news: clean an article, extract its numeric claims, link them to series, verify against the store.

The public surface: :func:`check` (the pipeline), :class:`CheckResult`,
:class:`DataIndex` (build once, check many articles), :func:`read_article`
(PATH | URL | ``-``) and :func:`render_html` (the annotated, escaped view).
"""

from __future__ import annotations

from .check import CheckedClaim, CheckResult, check
from .data import DataIndex
from .fetch import read_article
from .html import render_html

__all__ = ["CheckResult", "CheckedClaim", "DataIndex", "check", "read_article", "render_html"]
