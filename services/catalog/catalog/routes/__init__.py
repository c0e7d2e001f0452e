"""Routers of the catalog service, one module per resource, every path written out."""

from __future__ import annotations

from catalog.routes import feeds, hsds, practices, providers

routers = [practices.router, providers.router, feeds.router, hsds.router]
