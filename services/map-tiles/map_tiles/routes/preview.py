"""``/map``: a MapLibre GL JS preview served by the service itself (no CDN at run time)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Response
from fastapi.responses import FileResponse, HTMLResponse

from map_tiles.deps import SettingsDep
from shared.auth import AuthFirstRoute
from shared.errors import NotFound

router = APIRouter(route_class=AuthFirstRoute, tags=["preview"])

# The files of maplibre-gl's dist folder the page loads (an ES module, its worker, the CSS).
ASSETS = {
    "maplibre-gl.mjs": "text/javascript",
    "maplibre-gl-worker.mjs": "text/javascript",
    "maplibre-gl-shared.mjs": "text/javascript",
    "maplibre-gl.css": "text/css",
}

MISSING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>socmap map preview</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Map preview unavailable</h1>
<p>MapLibre GL JS is not installed next to the service. Install it once with</p>
<pre>npm ci --prefix services/map-tiles --ignore-scripts</pre>
<p>and reload this page. The data endpoints (<a href="/v1/collections">/v1/collections</a>)
work without it.</p></body></html>"""


@router.get("/map", summary="Preview map", response_class=HTMLResponse)
async def preview(settings: SettingsDep) -> Response:
    if not (settings.node_modules / "maplibre-gl" / "dist" / "maplibre-gl.mjs").is_file():
        return HTMLResponse(MISSING, status_code=503)
    page = resources.files("map_tiles").joinpath("static/map.html").read_text(encoding="utf-8")
    return HTMLResponse(page, headers={"Cache-Control": "no-cache"})


@router.get("/map/static/{name}", summary="Preview assets", include_in_schema=False)
async def asset(name: str, settings: SettingsDep) -> Response:
    media_type = ASSETS.get(name)
    path = settings.node_modules / "maplibre-gl" / "dist" / name
    if media_type is None or not path.is_file():
        raise NotFound(f"No asset '{name[:64]}'.")
    return FileResponse(
        path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"}
    )
