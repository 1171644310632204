"""`python -m tradelane`."""

from .cli.app import run

run()
