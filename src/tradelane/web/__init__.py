"""The web dashboard and JSON API: ``create_app(store)`` and ``tradelane serve``.

Pages (overview, lane, events, rates, check) each have a JSON twin under ``/api``;
the schema is at ``/openapi.json``. The app is read-only on the store, offline
(every asset served by the app), and sends a strict Content-Security-Policy.
"""

from .app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
