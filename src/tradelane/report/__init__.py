"""The monthly report (self-contained offline HTML and Markdown) and its charts."""

from .build import Report, build_report, latest_month
from .charts import CHART_KINDS, Chart, build_chart, render, save
from .html import to_html, to_markdown

__all__ = ["CHART_KINDS", "Chart", "Report", "build_chart", "build_report", "latest_month", "render", "save",
           "to_html", "to_markdown"]
