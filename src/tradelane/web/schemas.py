"""Pydantic models of the JSON API: request bodies, responses and errors (the OpenAPI schema).

Field names are the CLI's JSON field names (``tradelane lanes --format json``,
``tradelane show KEY --format json``). Results of modules that may be missing
from a build are typed loosely (``dict``) or as :class:`UnavailableOut`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..analytics.lanes import LaneRow

__all__ = [
    "CatalogEntry",
    "CheckIn",
    "ErrorOut",
    "EventOut",
    "EventsOut",
    "LaneOut",
    "LaneRowOut",
    "ObservationOut",
    "OverviewOut",
    "RatesOut",
    "StoryOut",
    "UnavailableOut",
]

MAX_TEXT = 500_000
"""Longest article accepted, in characters (the request body limit, 1 MB, applies too)."""


class ErrorOut(BaseModel):
    """Every error the API returns."""

    error: str = Field(description="One line: what failed, the bad value, and what to do.")
    status: int
    type: str = Field(default="error", description="The error family, e.g. InputError, SeriesNotFound.")


class UnavailableOut(BaseModel):
    """A feature whose module is not part of this build."""

    available: bool = False
    feature: str
    module: str
    reason: str
    message: str


LaneRowOut = LaneRow
"""One partner's figure for a month (``tradelane lanes --format json``): the library's own row type,
so the API schema cannot drift from the CLI's JSON."""


class ObservationOut(BaseModel):
    """One figure of a series from one source at one vintage (``tradelane show KEY --format json``)."""

    period: str
    value: float | None
    shown: bool
    vintage: str
    vintage_estimated: bool
    reported_mom_pct: float | None
    reported_yoy_pct: float | None
    reported_change_bp: float | None
    obs_date: str | None
    source_rank: int | None
    flags: str | None
    note: str | None
    source_title: str | None
    source_url: str | None
    source_file: str | None
    source_line: int | None


class CatalogEntry(BaseModel):
    """A series and its coverage (``tradelane series --format json``)."""

    model_config = ConfigDict(extra="allow")
    series_key: str
    kind: str
    unit: str
    frequency: str
    title: str


class EventOut(BaseModel):
    """A policy event (latest known version)."""

    event_id: str
    announced: str | None
    effective: str | None
    ends: str | None
    effective_note: str | None
    authority: str | None
    kind: str | None
    items: str | None
    destinations: str | None
    summary: str | None
    source_title: str | None
    source_url: str | None
    vintage: str | None


class StoryOut(BaseModel):
    """The generated story: data-true sentences, each with the facts it used."""

    product: str | None
    period: str | None
    as_of: str | None
    sentences: list[dict[str, Any]] | UnavailableOut


class EventsOut(BaseModel):
    """The policy timeline and the event studies on one lane."""

    lane: str
    event_id: str | None
    as_of: str | None
    events: list[EventOut]
    event_studies: list[dict[str, Any]] | UnavailableOut
    study: dict[str, Any] | UnavailableOut | None


class RatesOut(BaseModel):
    """The rates summary (``tradelane rates --format json`` fields), history per series, and polls."""

    model_config = ConfigDict(extra="allow")
    as_of: str | None
    summary: dict[str, Any] | UnavailableOut
    history: list[dict[str, Any]]
    polls: list[dict[str, Any]] | UnavailableOut
    reported_polls: list[dict[str, Any]]


class OverviewOut(BaseModel):
    """The overview page's data."""

    product: str
    product_title: str
    period: str | None
    period_name: str | None
    as_of: str | None
    story: list[dict[str, Any]] | UnavailableOut
    lanes: list[LaneRowOut]
    events: list[EventOut]
    rates: dict[str, Any] | UnavailableOut


class LaneOut(BaseModel):
    """One lane's page: every figure with source and vintage, events in range, breaks, event studies."""

    series_key: str
    title: str | None
    unit: str | None
    kind: str | None
    product: str | None
    partner: str | None
    as_of: str | None
    observations: list[ObservationOut]
    events: list[EventOut]
    breaks: list[dict[str, Any]] | UnavailableOut
    event_studies: list[dict[str, Any]] | UnavailableOut
    notes: list[str]


class CheckIn(BaseModel):
    """An article to check."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(max_length=MAX_TEXT, pattern=r"\S", description="The article: plain text or HTML (not blank).")
    date: dt.date | None = Field(default=None, description="The article's date (YYYY-MM-DD), if known.")
