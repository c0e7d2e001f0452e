"""``socmap geo ...`` commands."""

from __future__ import annotations

import typer

geo_app = typer.Typer(no_args_is_help=True, help="Import and check territorial units")
