"""The one exception tree of tradelane.

Every error a user can cause is a :class:`TradelaneError`. The CLI turns it into
one line on stderr and a non-zero exit code; anything else is a bug and keeps its
traceback. Each family also inherits the builtin it refines, so callers that
know nothing of tradelane can still catch ``ValueError`` or ``LookupError``::

    TradelaneError
    ├── InputError (ValueError)            bad user input: a file, a row, an option
    │   ├── DataFileError                  a malformed file, with file, line and reason
    │   ├── ConflictError                  a release that contradicts a stored one
    │   └── ArticleError                   an article that cannot be read
    ├── NotFound (LookupError)
    │   ├── SeriesNotFound                 no series with that key
    │   └── EventNotFound                  no policy event with that id
    ├── ConfigError                        a bad setting or rules file
    ├── EngineError (RuntimeError)         the engine (DuckDB, Spark) failed or is missing
    └── SourceError (OSError)              a remote source could not be fetched
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "ConfigError",
    "ConflictError",
    "DataFileError",
    "EngineError",
    "EventNotFound",
    "InputError",
    "NotFound",
    "SeriesNotFound",
    "SourceError",
    "TradelaneError",
]


class TradelaneError(Exception):
    """Root of every error tradelane raises on purpose."""

    exit_code = 1


class InputError(TradelaneError, ValueError):
    """The user gave input tradelane cannot use."""

    exit_code = 2


class DataFileError(InputError):
    """A data file is malformed; the message names file, line and reason.

    >>> str(DataFileError("flows.csv", 14, "quantity_t 'abc' is not a number"))
    "flows.csv line 14: quantity_t 'abc' is not a number"
    """

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file} line {line}" if line is not None else file
        super().__init__(f"{where}: {reason}")


class ConflictError(DataFileError):
    """A release contradicts a figure already stored under the same vintage and source."""


class ArticleError(InputError):
    """An article could not be read (empty, binary, too large, bad URL)."""


class NotFound(TradelaneError, LookupError):
    """Something asked for by name does not exist."""

    exit_code = 3


class SeriesNotFound(NotFound):
    """No series has that key."""


class EventNotFound(NotFound):
    """No policy event has that id."""


class ConfigError(TradelaneError):
    """A setting, option value or rules file is invalid."""

    exit_code = 2


class EngineError(TradelaneError, RuntimeError):
    """The query engine is missing or failed."""


class SourceError(TradelaneError, OSError):
    """A remote source could not be fetched or answered with an error."""
