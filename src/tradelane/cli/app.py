"""The typer application: registers each command group and translates errors in one place."""

from __future__ import annotations

import sys

import typer

from ..errors import TradelaneError
from . import alerts, chart, check, events, ingest, lanes, rates, report, revisions, serve, story, update

__all__ = ["app", "main"]

app = typer.Typer(
    name="tradelane",
    help="Monitor China's critical-mineral trade lanes, benchmark rates and the news about them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each command group registers itself; one line per module.
lanes.register(app)
story.register(app)
events.register(app)
report.register(app)
chart.register(app)
ingest.register(app)
update.register(app)
revisions.register(app)
alerts.register(app)
rates.register(app)
serve.register(app)
check.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a TradelaneError becomes one line on stderr and its exit code."""
    try:
        app(args=argv, standalone_mode=False)
    except TradelaneError as e:
        sys.stderr.write(f"error: {e}\n")
        return e.exit_code
    except typer.Exit as e:
        return int(e.exit_code or 0)
    except typer.Abort:
        sys.stderr.write("aborted\n")
        return 130
    except Exception as e:  # click usage errors
        import click

        if isinstance(e, click.ClickException):
            e.show()
            return e.exit_code
        raise
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
