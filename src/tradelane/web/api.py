"""The JSON API under ``/api``: the twins of the pages and the CLI's JSON, described at ``/openapi.json``.

Handlers are plain ``def`` (run in the thread pool, a store cursor each) and thin:
parse parameters into value types, call one view, return its data.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from ..model import PRODUCTS
from . import views
from .access import Reader
from .errors import ERROR_RESPONSES
from .optional import Unavailable
from .params import as_of_param, month_param, product_param, series_param
from .schemas import (
    CatalogEntry,
    CheckIn,
    ErrorOut,
    EventsOut,
    LaneOut,
    LaneRowOut,
    ObservationOut,
    OverviewOut,
    RatesOut,
    StoryOut,
)

__all__ = ["get_reader", "router"]

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)


def get_reader(request: Request) -> Reader:
    """The app's store reader."""
    reader: Reader = request.app.state.reader
    return reader


ReaderDep = Annotated[Reader, Depends(get_reader)]
ProductQ = Annotated[str, Query(description=f"Product: {', '.join(sorted(PRODUCTS))}.", max_length=100)]
MONTH_PATTERN = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"
PeriodQ = Annotated[str | None, Query(description="Month, YYYY-MM (default: the latest release).",
                                      pattern=MONTH_PATTERN)]
AsOfQ = Annotated[str | None, Query(description="Show what was known on this date, YYYY-MM-DD.", max_length=10,
                                     json_schema_extra={"format": "date"})]
KeyP = Annotated[str, Path(description="Series key, e.g. rare_earth_magnets/CHN/USA or lpr/1y.")]


@router.get("/lanes", response_model=list[LaneRowOut], summary="One row per partner for a product and month")
def api_lanes(reader: ReaderDep, product: ProductQ = "rare_earth_magnets", period: PeriodQ = None,
              as_of: AsOfQ = None) -> Any:
    """Level, MoM, YoY, share of the world and rank per partner, with source and vintage
    (the fields of ``tradelane lanes --format json``). An empty list means the month is missing from the data."""
    prod = product_param(product)
    day = as_of_param(as_of)
    month = month_param(period) if period is not None else views.latest_month(reader, prod, day)
    return [] if month is None else views.lanes_view(reader, prod, month, day)


@router.get("/series", response_model=list[CatalogEntry], summary="The series catalog with coverage")
def api_catalog(reader: ReaderDep, as_of: AsOfQ = None) -> Any:
    """Every series with its first and last period and counts (``tradelane series --format json``)."""
    return views.catalog_view(reader, as_of_param(as_of))


@router.get("/series/{key:path}", response_model=list[ObservationOut], summary="Every figure of one series")
def api_series(reader: ReaderDep, key: KeyP, as_of: AsOfQ = None) -> Any:
    """Every period, source and vintage of one series; ``shown`` marks the preferred figure
    (``tradelane show KEY --format json``)."""
    return views.series_view(reader, series_param(key, reader.series_keys()), as_of_param(as_of))


@router.get("/story", response_model=StoryOut, summary="The generated story of a month")
def api_story(reader: ReaderDep, product: Annotated[str | None, Query(max_length=100, description="Product; "
                                                                     "default: the whole story.")] = None,
              period: PeriodQ = None, as_of: AsOfQ = None) -> Any:
    """Data-true sentences, each with the facts (series, period, value, vintage, source) it used
    (``tradelane story --format json``). Without ``product``: magnets, rare earths, then rates."""
    prod = product_param(product) if product is not None else None
    month = month_param(period) if period is not None else None
    return views.story_view(reader, prod, month, as_of_param(as_of))


@router.get("/events", response_model=EventsOut, summary="Policy timeline and event studies")
def api_events(reader: ReaderDep, lane: Annotated[str, Query(max_length=200, description="Lane of the event "
                                                             "studies.")] = views.DEFAULT_STUDY_LANE,
               event: Annotated[str | None, Query(max_length=40, description="Event whose full study to give "
                                                  f"(default {views.DEFAULT_EVENT}).")] = None,
               as_of: AsOfQ = None) -> Any:
    """Every policy event (latest version), newest first; each event's study on ``lane``; one event's full
    study (months used, reasons, facts)."""
    return views.events_view(reader, series_param(lane, reader.series_keys()), event, as_of_param(as_of)).data


@router.get("/rates", response_model=RatesOut, summary="Benchmark rates, history and polls")
def api_rates(reader: ReaderDep, as_of: AsOfQ = None) -> Any:
    """The rates summary (its fields also at the top level, as in ``tradelane rates --format json``),
    each rate's history with sources, and the polls."""
    data = views.rates_view(reader, as_of_param(as_of)).data
    summary = data["summary"]
    top = summary if isinstance(summary, dict) and summary.get("available", True) is not False else {}
    return {**top, **data}


@router.get("/overview", response_model=OverviewOut, summary="The overview page's data")
def api_overview(reader: ReaderDep, product: ProductQ = "rare_earth_magnets", period: PeriodQ = None,
                 as_of: AsOfQ = None) -> Any:
    """The latest release's story, lanes, latest events and the rates box."""
    prod = product_param(product)
    month = month_param(period) if period is not None else None
    return views.overview_view(reader, prod, month, as_of_param(as_of)).data


@router.get("/lane/{key:path}", response_model=LaneOut, summary="One lane's page data")
def api_lane(reader: ReaderDep, key: KeyP, as_of: AsOfQ = None) -> Any:
    """Every figure with source and vintage, the policy events in range, breaks and event studies."""
    return views.lane_view(reader, series_param(key, reader.series_keys()), as_of_param(as_of)).data


@router.post("/check", summary="Check an article's numeric claims against the data",
             responses={413: {"model": ErrorOut, "description": "Body over 1 MB"},
                        503: {"model": ErrorOut, "description": "Claim checking is not part of this build"}})
def api_check(request: Request, reader: ReaderDep, body: CheckIn) -> Any:
    """The ``tradelane check --format json`` object: the article (title, date, what was dropped), each claim
    with its verdict and evidence, a summary and internal inconsistencies."""
    result = views.check_view(reader, body.text, body.date, request.app.state.web.today)
    if isinstance(result, Unavailable):
        return JSONResponse({"error": result.message, "status": 503, "type": "Unavailable"}, status_code=503)
    return result
