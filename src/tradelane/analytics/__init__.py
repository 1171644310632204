"""Lane analytics: pure expressions over the store's tables."""

from .lanes import LANE_FIELDS, LaneRow, lanes, lanes_expr

__all__ = ["LANE_FIELDS", "LaneRow", "lanes", "lanes_expr"]
