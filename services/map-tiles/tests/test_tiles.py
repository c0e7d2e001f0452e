"""Vector tiles, TileJSON, style and legend."""

from __future__ import annotations

import gzip
import math
from typing import Any

import httpx
import mapbox_vector_tile
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from .conftest import publish_release

BIELSKO = "2461011"
BIELSKO_CENTRE = (19.04, 49.82)
WROCLAW_CENTRE = (17.03, 51.11)


def tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int, int]:
    """The WebMercatorQuad tile (z, x, y) that holds the point."""
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return zoom, x, y


def tile_url(collections: str, point: tuple[float, float], zoom: int, query: str = "") -> str:
    z, x, y = tile_of(*point, zoom)
    suffix = f"?{query}" if query else ""
    return f"/v1/collections/{collections}/tiles/WebMercatorQuad/{z}/{x}/{y}{suffix}"


def decode(content: bytes) -> dict[str, Any]:
    decoded: dict[str, Any] = mapbox_vector_tile.decode(content)
    return decoded


async def test_district_tile_features_and_properties(client: httpx.AsyncClient) -> None:
    response = await client.get(tile_url("districts", BIELSKO_CENTRE, 12))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.mapbox-vector-tile"
    layers = decode(response.content)
    assert set(layers) == {"districts"}
    features = layers["districts"]["features"]
    assert features
    for feature in features:
        properties = feature["properties"]
        assert properties["code"].startswith(BIELSKO)
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        if properties.get("suppressed"):
            assert not {"value", "rate", "rate_lower", "rate_upper", "class"} & set(properties)
        else:
            assert isinstance(properties["value"], int)
            assert 0 <= properties["class"] <= 4
    assert any(f["properties"].get("suppressed") for f in features)


@pytest.mark.parametrize("zoom", [6, 8, 10, 12, 14, 16])
async def test_no_suppressed_value_in_any_zoom(client: httpx.AsyncClient, zoom: int) -> None:
    for category in ("any", "poverty"):
        response = await client.get(
            tile_url("districts,providers", BIELSKO_CENTRE, zoom, f"category={category}")
        )
        assert response.status_code == 200
        for feature in decode(response.content)["districts"]["features"]:
            properties = feature["properties"]
            if properties.get("suppressed"):
                assert not {"value", "rate", "rate_lower", "rate_upper"} & set(properties)


async def test_low_zoom_tiles_are_small(client: httpx.AsyncClient) -> None:
    for zoom in range(0, 11):
        for centre in (BIELSKO_CENTRE, WROCLAW_CENTRE):
            response = await client.get(tile_url("districts", centre, zoom))
            assert response.status_code == 200
            assert len(gzip.compress(response.content)) < 50_000, zoom


async def test_multi_layer_tile(client: httpx.AsyncClient) -> None:
    response = await client.get(tile_url("districts,providers", BIELSKO_CENTRE, 13))
    layers = decode(response.content)
    assert set(layers) == {"districts", "providers"}
    names = {f["properties"]["name"] for f in layers["providers"]["features"]}
    assert names == {"MOPS Bielsko-Biała", "PUP Bielsko-Biała"}
    assert all(f["geometry"]["type"] == "Point" for f in layers["providers"]["features"])


async def test_empty_tile_is_204(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/collections/districts/tiles/WebMercatorQuad/10/0/0")
    assert response.status_code == 204
    assert response.content == b""
    assert response.headers["etag"]


async def test_feature_cap(app: Any, client: httpx.AsyncClient) -> None:
    app.state.settings.tile_feature_cap = 3
    response = await client.get(tile_url("districts", WROCLAW_CENTRE, 10))
    assert len(decode(response.content)["districts"]["features"]) == 3


@pytest.mark.parametrize(
    "path",
    [
        "23/0/0",
        "-1/0/0",
        "a/0/0",
        "2/4/0",
        "2/0/4",
        "2/-1/0",
        "2/0/x",
        "3/1.5/2",
    ],
)
async def test_bad_tile_coordinates_are_400(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(f"/v1/collections/districts/tiles/WebMercatorQuad/{path}")
    assert response.status_code == 400, path
    assert response.headers["content-type"] == "application/problem+json"


async def test_bad_tile_filters_are_400_and_unknown_tms_404(client: httpx.AsyncClient) -> None:
    for query in ("measure=x", "properties=nope", "territory=abc", "release=-3"):
        response = await client.get(tile_url("districts", BIELSKO_CENTRE, 12, query))
        assert response.status_code == 400, query
    response = await client.get("/v1/collections/districts/tiles/WGS1984Quad/1/0/0")
    assert response.status_code == 404


async def test_tile_etag_and_304(client: httpx.AsyncClient) -> None:
    url = tile_url("districts", BIELSKO_CENTRE, 12)
    first = await client.get(url)
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=300"
    assert (await client.get(url, headers={"If-None-Match": etag})).status_code == 304
    assert (await client.get(url, headers={"If-None-Match": f"W/{etag}"})).status_code == 304
    assert (await client.get(url, headers={"If-None-Match": '"x"'})).status_code == 200


async def test_tile_property_selection(client: httpx.AsyncClient) -> None:
    response = await client.get(tile_url("districts", BIELSKO_CENTRE, 12, "properties=code"))
    for feature in decode(response.content)["districts"]["features"]:
        assert set(feature["properties"]) <= {"code"}


async def test_tilejson_style_legend_and_matrix_sets(client: httpx.AsyncClient) -> None:
    matrix_sets = (await client.get("/v1/tileMatrixSets")).json()["tileMatrixSets"]
    assert [m["id"] for m in matrix_sets] == ["WebMercatorQuad"]
    matrices = (await client.get("/v1/tileMatrixSets/WebMercatorQuad")).json()["tileMatrices"]
    assert matrices[3]["matrixWidth"] == 8
    tilejson = (
        await client.get("/v1/collections/districts,providers/tiles/WebMercatorQuad/tilejson.json")
    ).json()
    assert tilejson["tilejson"] == "3.0.0"
    assert [layer["id"] for layer in tilejson["vector_layers"]] == ["districts", "providers"]
    # The tile URL pins the release, so a map never mixes tiles of two releases.
    assert f"release={tilejson['release']}" in tilejson["tiles"][0]
    style = (await client.get("/v1/collections/districts,providers/style.json")).json()
    assert style["version"] == 8
    assert {layer["id"] for layer in style["layers"]} >= {"districts-fill", "providers-points"}
    assert "release=" in style["sources"]["socmap"]["url"]
    legend = (await client.get("/v1/collections/districts/legend")).json()
    assert len(legend["classes"]) == 5
    bounds = [c["min"] for c in legend["classes"]] + [legend["classes"][-1]["max"]]
    assert bounds == sorted(bounds)
    assert legend["suppressed"]["label"].startswith("suppressed")
    assert legend["options"]["categories"] == ["any", "poverty"]
    assert (await client.get("/v1/collections/providers/legend")).status_code == 404


async def test_tiles_are_served_gzipped_when_asked(client: httpx.AsyncClient) -> None:
    url = tile_url("districts", WROCLAW_CENTRE, 10)
    packed = await client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = await client.get(url, headers={"Accept-Encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert packed.content == plain.content  # httpx decodes
    assert packed.headers["etag"] != plain.headers["etag"]
    assert "Accept-Encoding" in packed.headers["vary"]


TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"
TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"


async def test_tileset_metadata(client: httpx.AsyncClient) -> None:
    """OGC API - Tiles: the tilesets list of a collection points to the tileset's document,
    which links its tiling scheme and the tile template (what GDAL's OGCAPI driver follows)."""
    [listed] = (await client.get("/v1/collections/districts/tiles")).json()["tilesets"]
    assert (listed["dataType"], listed["tileMatrixSetURI"]) == ("vector", TMS_URI)
    links = {link["rel"]: link for link in listed["links"]}
    assert links["self"]["type"] == "application/json"
    assert links[TILING_SCHEME]["href"] == "http://test/v1/tileMatrixSets/WebMercatorQuad"
    one = (await client.get(links["self"]["href"].removeprefix("http://test"))).json()
    assert (one["dataType"], one["tileMatrixSetURI"]) == ("vector", TMS_URI)
    assert [layer["id"] for layer in one["layers"]] == ["districts"]
    item = next(link for link in one["links"] if link["rel"] == "item")
    assert item["type"] == "application/vnd.mapbox-vector-tile"
    assert item["templated"] is True
    # One URL per tile, z/x/y as in TileJSON: the template names which is the column.
    assert item["href"].endswith(
        "/collections/districts/tiles/WebMercatorQuad/{tileMatrix}/{tileCol}/{tileRow}"
    )
    z, x, y = tile_of(*BIELSKO_CENTRE, 12)
    filled = item["href"].format(tileMatrix=z, tileRow=y, tileCol=x)
    tile = await client.get(filled.removeprefix("http://test"))
    assert tile.status_code == 200
    assert decode(tile.content)["districts"]["features"]
    scheme = (await client.get("/v1/tileMatrixSets/WebMercatorQuad")).json()
    assert (scheme["id"], scheme["uri"]) == ("WebMercatorQuad", TMS_URI)
    both = (await client.get("/v1/collections/districts,providers/tiles/WebMercatorQuad")).json()
    assert [(layer["id"], layer["geometryDimension"]) for layer in both["layers"]] == [
        ("districts", 2),
        ("providers", 0),
    ]
    assert (await client.get("/v1/collections/districts/tiles/Other")).status_code == 404


async def test_tiles_carry_what_tilejson_advertises(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    """Every field a layer's TileJSON lists is on the tile's features, and nothing else is
    (a null is absent in MVT: each field must appear on some feature, and `code`, `name`
    and `approximate` on all of them)."""
    await db_session.execute(
        text(
            "UPDATE catalog.provider SET website = 'https://mops.example.pl',"
            " address_1 = 'ul. Karola Miarki 11', postal_code = '43-300',"
            " point_source = 'explicit', point_approximate = true WHERE slug = :s"
        ),
        {"s": "mops-bb"},
    )
    ids = "districts,providers"
    tilejson = (
        await client.get(f"/v1/collections/{ids}/tiles/WebMercatorQuad/tilejson.json")
    ).json()
    advertised = {layer["id"]: set(layer["fields"]) for layer in tilejson["vector_layers"]}
    assert "approximate" in advertised["districts"]
    assert not {"level", "release", "category", "period", "measure"} & advertised["districts"]
    assert "release, category, period and measure" in tilejson["description"]
    template = tilejson["tiles"][0]
    z, x, y = tile_of(*BIELSKO_CENTRE, 12)
    url = template.format(z=z, x=x, y=y).removeprefix("http://test")
    layers = decode((await client.get(url)).content)
    for layer, fields in advertised.items():
        features = layers[layer]["features"]
        assert features, layer
        carried: set[str] = set()
        for feature in features:
            assert set(feature["properties"]) <= fields, (layer, feature["properties"])
            carried |= set(feature["properties"])
        assert carried == fields, layer
    assert any(f["properties"]["approximate"] is True for f in layers["providers"]["features"])
    for feature in layers["districts"]["features"]:
        properties = feature["properties"]
        assert {"code", "name", "approximate"} <= set(properties)
        # Bielsko-Biała's osiedla are approximated (the demo geography says so).
        assert properties["approximate"] is True


async def test_every_feature_has_a_stable_integer_id(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    """MVT feature ids: the digits of a unit's code, the same in every tile, period and
    release; a provider's from its UUID, below 2^53 (exact in JavaScript)."""

    async def ids(query: str = "", zoom: int = 12) -> dict[str, dict[str, int]]:
        layers = decode(
            (await client.get(tile_url("districts,providers", BIELSKO_CENTRE, zoom, query))).content
        )
        found: dict[str, dict[str, int]] = {}
        for layer, key in (("districts", "code"), ("providers", "slug")):
            found[layer] = {}
            for feature in layers[layer]["features"]:
                assert isinstance(feature["id"], int), feature
                found[layer][feature["properties"][key]] = feature["id"]
        return found

    first = await ids()
    assert first["districts"]
    for code, feature_id in first["districts"].items():
        assert feature_id == int(code.replace("-", ""))
    assert all(0 < feature_id < 2**53 for feature_id in first["providers"].values())
    assert len(set(first["providers"].values())) == len(first["providers"]) == 2
    # Another zoom (other tiles), another category, another release: the same ids.
    newer = await publish_release(db_session, scale=2)
    for query, zoom in (("", 13), ("category=poverty", 12), (f"release={newer}", 12)):
        again = await ids(query, zoom)
        for layer in ("districts", "providers"):
            shared = set(first[layer]) & set(again[layer])
            assert shared, (query, zoom)
            assert {k: again[layer][k] for k in shared} == {k: first[layer][k] for k in shared}
