"""The `tradelane` command line: a thin shell over the library."""

from .app import app, main

__all__ = ["app", "main"]
