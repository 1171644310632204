"""Lane analytics: pure expressions over the store's tables."""

from .breaks import Break, break_penalty, detect_breaks, series_breaks
from .events import EventRow, EventStudy, event_study, event_study_expr, list_events
from .lanes import LANE_FIELDS, LaneRow, lanes, lanes_expr, latest_month
from .panel import PANEL_FIELDS, PanelRow, lane_levels, panel, panel_expr

__all__ = [
    "LANE_FIELDS",
    "PANEL_FIELDS",
    "Break",
    "EventRow",
    "EventStudy",
    "LaneRow",
    "PanelRow",
    "break_penalty",
    "detect_breaks",
    "event_study",
    "event_study_expr",
    "lane_levels",
    "lanes",
    "lanes_expr",
    "latest_month",
    "list_events",
    "panel",
    "panel_expr",
    "series_breaks",
]
