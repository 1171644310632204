"""Errors to HTTP in one place: a TradelaneError becomes a JSON error (or an HTML error page).

``/api/...`` requests always get JSON ``{"error", "status", "type"}``; page
requests get the same message as an HTML page. Request-validation failures
(FastAPI's 422) and unknown routes go through the same shape.

>>> status_for(InputError("bad"))
400
>>> status_for(NotFound("no series"))
404
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, EngineError, InputError, NotFound, SourceError, TradelaneError
from .schemas import ErrorOut

__all__ = ["ERROR_RESPONSES", "install_error_handlers", "status_for"]


def status_for(exc: TradelaneError) -> int:
    """The HTTP status of a tradelane error family."""
    if isinstance(exc, (InputError, ConfigError)):
        return 400
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, SourceError):
        return 502
    if isinstance(exc, EngineError):
        return 503
    return 500


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad parameter (malformed period or date)", "model": ErrorOut},
    404: {"description": "Unknown product or series", "model": ErrorOut},
    422: {"description": "Malformed request (missing or mistyped field)", "model": ErrorOut},
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, kind: str) -> Response:
    """The one error shape, as JSON for the API and as a page for a browser."""
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status, "type": kind}, status_code=status)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:
        return JSONResponse({"error": message, "status": status, "type": kind}, status_code=status)
    ctx = {"status": status, "message": message, "kind": kind, "twin": None, "nav": request.url.path}
    page: Response = templates.TemplateResponse(request, "error.html", ctx, status_code=status)
    return page


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers: TradelaneError, request validation, HTTP errors."""

    @app.exception_handler(TradelaneError)
    async def _tradelane(request: Request, exc: TradelaneError) -> Response:
        return error_response(request, status_for(exc), str(exc), type(exc).__name__)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc), "ValidationError")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no page {request.url.path!r}; see / for the dashboard or /openapi.json for the API"
        else:
            message = str(exc.detail)
        resp = error_response(request, exc.status_code, message, "HTTPError")
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

