"""The HTML pages. Each renders a view's data (the same object its ``/api`` twin returns) with a template.

Templates autoescape everything; the only markup inserted unescaped is the SVG
the server rendered itself from store data (:mod:`tradelane.web.charts`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from ..errors import ArticleError
from . import views
from .api import AsOfQ, PeriodQ, ProductQ, ReaderDep
from .optional import Unavailable
from .params import as_of_param, date_param, month_param, product_param, series_param
from .schemas import MAX_TEXT

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, template: str, context: dict[str, Any], *, twin: str | None,
            status_code: int = 200) -> Response:
    ctx = {"twin": twin, "nav": request.url.path, **context}
    resp: Response = request.app.state.templates.TemplateResponse(request, template, ctx, status_code=status_code)
    return resp


def _charts(figs: dict[str, str]) -> dict[str, Markup]:
    return {k: Markup(v) for k, v in figs.items()}  # SVG rendered by the server from store data


def _query(request: Request) -> str:
    q = request.url.query
    return f"?{q}" if q else ""


@router.get("/")
def overview_page(request: Request, reader: ReaderDep, product: ProductQ = "rare_earth_magnets",
                  period: PeriodQ = None, as_of: AsOfQ = None) -> Response:
    prod = product_param(product)
    month = month_param(period) if period else None
    view = views.overview_view(reader, prod, month, as_of_param(as_of, allow_empty=True))
    return _render(request, "overview.html", {"d": view.data, "charts": _charts(view.charts)},
                   twin="/api/overview" + _query(request))


@router.get("/lane/{key:path}")
def lane_page(request: Request, reader: ReaderDep, key: str, as_of: AsOfQ = None) -> Response:
    view = views.lane_view(reader, series_param(key, reader.series_keys()), as_of_param(as_of, allow_empty=True))
    return _render(request, "lane.html", {"d": view.data, "charts": _charts(view.charts)},
                   twin=f"/api/lane/{view.data['series_key']}" + _query(request))


@router.get("/series")
def series_page(request: Request, reader: ReaderDep, as_of: AsOfQ = None) -> Response:
    rows = views.catalog_view(reader, as_of_param(as_of, allow_empty=True))
    return _render(request, "series.html", {"rows": rows}, twin="/api/series" + _query(request))


@router.get("/events")
def events_page(request: Request, reader: ReaderDep, lane: str = views.DEFAULT_STUDY_LANE,
                event: str | None = None, as_of: AsOfQ = None) -> Response:
    day = as_of_param(as_of, allow_empty=True)
    view = views.events_view(reader, series_param(lane, reader.series_keys()), event, day)
    lanes = sorted(k for k in reader.series_keys() if k.count("/") == 2 and not k.startswith(("lpr", "policy")))
    return _render(request, "events.html", {"d": view.data, "charts": _charts(view.charts), "lanes": lanes},
                   twin="/api/events" + _query(request))


@router.get("/rates")
def rates_page(request: Request, reader: ReaderDep, as_of: AsOfQ = None) -> Response:
    view = views.rates_view(reader, as_of_param(as_of, allow_empty=True))
    return _render(request, "rates.html", {"d": view.data, "charts": _charts(view.charts)},
                   twin="/api/rates" + _query(request))


@router.get("/check")
def check_form(request: Request) -> Response:
    return _render(request, "check.html", {"result": None, "text": "", "date": "", "max_bytes": MAX_TEXT},
                   twin=None)


@router.post("/check")
def check_page(request: Request, reader: ReaderDep,
               text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
               date: Annotated[str, Form(max_length=40)] = "",
               file: Annotated[UploadFile | None, File()] = None) -> Response:
    article = text
    if file is not None and file.filename:
        limit = request.app.state.web.max_body
        raw = file.file.read(limit + 1)
        if len(raw) > limit:
            raise ArticleError(f"file {file.filename[:80]!r} is over {limit:,} bytes")
        try:
            article = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ArticleError(f"file {file.filename[:80]!r} is not UTF-8 text; save it as UTF-8 "
                               "(plain text or HTML) and upload it again") from None
    if not article.strip():
        raise ArticleError("no article: paste its text or choose a file")
    day = date_param(date, "date")
    result = views.check_view(reader, article, day, request.app.state.web.today)
    ctx: dict[str, Any] = {"text": article, "date": date, "max_bytes": MAX_TEXT}
    if isinstance(result, Unavailable):
        ctx.update(result=None, missing=result.as_dict())
    else:
        claims = result.get("claims") or []
        ctx.update(result=result, claims=claims, segments=views.segments(article, claims))
    return _render(request, "check.html", ctx, twin=None)
