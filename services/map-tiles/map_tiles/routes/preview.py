"""``/map``: a MapLibre GL JS preview served by the service itself (no CDN at run time)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Depends, Response
from fastapi.responses import FileResponse, HTMLResponse

from map_tiles.deps import SettingsDep, declared_parameters_only
from shared.auth import AuthFirstRoute
from shared.errors import NotFound

router = APIRouter(route_class=AuthFirstRoute, tags=["preview"])

# The files of maplibre-gl's dist folder the page loads (an ES module, its worker, the CSS) ...
MAPLIBRE = {
    "maplibre-gl.mjs": "text/javascript",
    "maplibre-gl-worker.mjs": "text/javascript",
    "maplibre-gl-shared.mjs": "text/javascript",
    "maplibre-gl.css": "text/css",
}
# ... and the page's own script and style, shipped in the package.
PAGE = {"map.js": "text/javascript", "map.css": "text/css"}
# Exactly what the page needs: its own scripts and styles, MapLibre's module worker (a blob:
# one when MapLibre is served from elsewhere), fetches of tiles and metadata from here, and
# data:/blob: images (the controls' icons, decoded sprites). No inline script or style.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
HTML = {"text/html": {"schema": {"type": "string"}}}

MISSING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>socmap map preview</title></head><body>
<h1>Map preview unavailable</h1>
<p>MapLibre GL JS is not installed next to the service. Install it once with</p>
<pre>npm ci --prefix services/map-tiles --ignore-scripts</pre>
<p>and reload this page. The data endpoints (<a href="/v1/collections">/v1/collections</a>)
work without it.</p></body></html>"""


@router.get(
    "/map",
    summary="Preview map",
    response_class=HTMLResponse,
    # The page takes no query (map.js keeps its view in the URL's fragment): refused as by
    # every API route.
    dependencies=[Depends(declared_parameters_only)],
    responses={
        200: {"content": HTML},
        503: {
            "description": "MapLibre GL JS is not installed (how to install it)",
            "content": HTML,
        },
    },
)
async def get_preview_map(settings: SettingsDep) -> Response:
    headers = {"Cache-Control": "no-cache", "Content-Security-Policy": PAGE_POLICY}
    if not (settings.node_modules / "maplibre-gl" / "dist" / "maplibre-gl.mjs").is_file():
        return HTMLResponse(MISSING, status_code=503, headers=headers)
    page = resources.files("map_tiles").joinpath("static/map.html").read_text(encoding="utf-8")
    return HTMLResponse(page, headers=headers)


@router.get("/map/static/{name}", summary="Preview assets", include_in_schema=False)
async def get_preview_asset(name: str, settings: SettingsDep) -> Response:
    if name in PAGE:
        body = resources.files("map_tiles").joinpath(f"static/{name}").read_bytes()
        return Response(body, media_type=PAGE[name], headers={"Cache-Control": "no-cache"})
    media_type = MAPLIBRE.get(name)
    path = settings.node_modules / "maplibre-gl" / "dist" / name
    if media_type is None or not path.is_file():
        raise NotFound(f"No asset '{name[:64]}'.")
    return FileResponse(
        path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"}
    )
