"""OGC API Features style endpoints: landing page, conformance, collections and items."""

from __future__ import annotations

import httpx
import pytest
import shapely
from shapely.geometry import shape

BIELSKO = "2461011"
SUPPRESSED_EVERY = 4  # as in conftest.publish_release


async def test_landing_conformance_and_collections(client: httpx.AsyncClient) -> None:
    landing = (await client.get("/v1/")).json()
    assert {link["rel"] for link in landing["links"]} >= {"conformance", "data", "service-desc"}
    conformance = (await client.get("/v1/conformance")).json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in conformance
    ids = [c["id"] for c in (await client.get("/v1/collections")).json()["collections"]]
    assert ids == [
        "districts",
        "municipalities",
        "powiats",
        "voivodeships",
        "providers",
        "practices",
    ]
    districts = (await client.get("/v1/collections/districts")).json()
    minx, miny, maxx, maxy = districts["extent"]["spatial"]["bbox"][0]
    assert 16 < minx < maxx < 20
    assert 49 < miny < maxy < 52


async def test_unknown_collection_and_feature_are_404(client: httpx.AsyncClient) -> None:
    for url in (
        "/v1/collections/nothing",
        "/v1/collections/nothing/items",
        "/v1/collections/districts/items/2461011-99",
        "/v1/collections/districts/items/not-a-code",
        "/v1/collections/providers/items/not-a-uuid",
        "/v1/collections/providers/items/00000000-0000-0000-0000-000000000000",
        "/v1/collections/nothing/tiles/WebMercatorQuad/1/0/0",
    ):
        response = await client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "query",
    [
        "bbox=1,2,3",
        "bbox=a,b,c,d",
        "bbox=20,50,19,49",
        "territory=24x",
        "category=DROP TABLE",
        "period=2025-13",
        "measure=cats",
        "source=nobody",
        "release=abc",
        "release=0",
        "properties=code,secret",
    ],
)
async def test_bad_filters_are_400(client: httpx.AsyncClient, query: str) -> None:
    response = await client.get(f"/v1/collections/districts/items?{query}")
    assert response.status_code == 400, (query, response.text)
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=abc", "offset=-1", "offset=2000000001", "zoom=99", "zoom=1.5"],
)
async def test_integer_parameters_out_of_bounds_are_422(
    client: httpx.AsyncClient, query: str
) -> None:
    """The integers the document declares with bounds are checked against them."""
    response = await client.get(f"/v1/collections/districts/items?{query}")
    assert response.status_code == 422, (query, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert (error["field"], error["location"]) == (query.split("=")[0], "query")


async def test_a_limit_over_the_maximum_is_served_as_the_maximum(
    client: httpx.AsyncClient,
) -> None:
    """OGC API - Features: a larger limit is clamped, not refused."""
    response = await client.get("/v1/collections/districts/items?limit=99999999999")
    assert response.status_code == 200
    body = response.json()
    assert body["numberReturned"] == body["numberMatched"] > 0


async def test_unpublished_release_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/collections/districts/items?release=999999")
    assert response.status_code == 404


async def test_districts_geojson_is_rfc7946(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/v1/collections/districts/items?territory={BIELSKO}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == body["numberReturned"] == 30
    assert body["selection"]["category"] == "any"
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert feature["id"] == feature["properties"]["code"]
        geometry = shape(feature["geometry"])
        assert geometry.is_valid
        minx, miny, maxx, maxy = geometry.bounds
        # WGS84 longitude, latitude
        assert 18.8 < minx < maxx < 19.3
        assert 49.6 < miny < maxy < 50.0
        for polygon in geometry.geoms:
            # Right-hand rule: exterior rings counterclockwise, holes clockwise.
            assert polygon.exterior.is_ccw
            assert all(not ring.is_ccw for ring in polygon.interiors)


async def test_simplified_zoom_geometry_is_smaller(client: httpx.AsyncClient) -> None:
    full = await client.get("/v1/collections/districts/items?territory=0264011")
    coarse = await client.get("/v1/collections/districts/items?territory=0264011&zoom=8")
    assert full.json()["numberReturned"] == coarse.json()["numberReturned"] == 48
    assert len(coarse.content) < len(full.content)
    for feature in coarse.json()["features"]:
        assert shape(feature["geometry"]).is_valid


async def test_paging_next_links_bbox_and_property_selection(client: httpx.AsyncClient) -> None:
    first = (
        await client.get(
            f"/v1/collections/districts/items?territory={BIELSKO}&limit=7"
            "&properties=code,value,suppressed"
        )
    ).json()
    assert first["numberMatched"] == 30
    assert first["numberReturned"] == 7
    assert set(first["features"][0]["properties"]) == {"code", "value", "suppressed"}
    codes = [f["id"] for f in first["features"]]
    next_link = next(link["href"] for link in first["links"] if link["rel"] == "next")
    second = (await client.get(next_link)).json()
    assert second["numberReturned"] == 7
    assert not set(codes) & {f["id"] for f in second["features"]}
    last = (
        await client.get(f"/v1/collections/districts/items?territory={BIELSKO}&offset=28")
    ).json()
    assert last["numberReturned"] == 2
    assert "next" not in {link["rel"] for link in last["links"]}
    # A bbox around Bielsko-Biała's centre finds some of its districts and none of Wrocław's.
    boxed = (await client.get("/v1/collections/districts/items?bbox=19.0,49.8,19.06,49.84")).json()
    assert 0 < boxed["numberMatched"] < 30
    assert all(f["id"].startswith(BIELSKO) for f in boxed["features"])


async def test_suppressed_cells_have_no_value(client: httpx.AsyncClient) -> None:
    for category in ("any", "poverty"):
        body = (
            await client.get(
                f"/v1/collections/districts/items?territory={BIELSKO}&category={category}"
            )
        ).json()
        suppressed = [f["properties"] for f in body["features"] if f["properties"]["suppressed"]]
        assert len(suppressed) == 30 // SUPPRESSED_EVERY
        for properties in suppressed:
            for name in ("value", "rate", "rate_lower", "rate_upper", "class"):
                assert properties[name] is None
        shown = [
            f["properties"] for f in body["features"] if f["properties"]["suppressed"] is False
        ]
        assert len(shown) == 30 - len(suppressed)
        assert all(p["value"] is not None and p["class"] is not None for p in shown)
        assert {p["class"] for p in shown} == {0, 1, 2, 3, 4}


async def test_district_without_a_cell_is_no_data(client: httpx.AsyncClient) -> None:
    feature = (await client.get("/v1/collections/districts/items/0264011-01")).json()
    assert feature["type"] == "Feature"
    assert feature["properties"]["value"] is None
    assert feature["properties"]["suppressed"] is None


async def test_one_feature_and_points(client: httpx.AsyncClient) -> None:
    one = (await client.get(f"/v1/collections/municipalities/items/{BIELSKO}")).json()
    assert one["properties"]["value"] == 900
    providers = (await client.get("/v1/collections/providers/items")).json()
    assert providers["numberMatched"] == 2  # the draft one is not published
    point = providers["features"][0]
    assert point["geometry"]["type"] == "Point"
    again = (await client.get(f"/v1/collections/providers/items/{point['id']}")).json()
    assert again["properties"]["slug"] == point["properties"]["slug"]
    assert shapely.get_coordinates(shape(again["geometry"])).shape == (1, 2)
    filtered = (await client.get("/v1/collections/providers/items?territory=02")).json()
    assert filtered["numberMatched"] == 0


async def test_items_etag_and_304(client: httpx.AsyncClient) -> None:
    url = f"/v1/collections/districts/items?territory={BIELSKO}&limit=5"
    first = await client.get(url)
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    again = await client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag
    assert again.content == b""
    other = await client.get(url, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert other.content == first.content


async def test_items_are_gzipped_when_asked(client: httpx.AsyncClient) -> None:
    url = "/v1/collections/districts/items?territory=0264011"
    packed = await client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = await client.get(url, headers={"Accept-Encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.json() == plain.json()
    assert packed.headers["etag"] != plain.headers["etag"]


async def test_root_redirects_to_the_landing_page(client: httpx.AsyncClient) -> None:
    """A temporary redirect (307): the root names the current version's landing page."""
    response = await client.get("/")
    assert response.status_code == 307
    assert response.headers["location"] == "http://test/v1/"
    landing = await client.get(response.headers["location"].removeprefix("http://test"))
    assert landing.json()["title"] == "socmap map-tiles"


TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"
TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/"


async def test_collections_link_their_vector_tilesets(client: httpx.AsyncClient) -> None:
    """OGC API - Tiles, geodata tilesets: each collection (in /collections and on its own)
    links its tilesets list, which GDAL's OGCAPI driver needs typed JSON or untyped."""
    conformance = (await client.get("/v1/conformance")).json()["conformsTo"]
    for name in ("core", "tileset", "tilesets-list", "geodata-tilesets", "mvt"):
        assert TILES + name in conformance
    listed = (await client.get("/v1/collections")).json()["collections"]
    for collection in listed:
        single = (await client.get(f"/v1/collections/{collection['id']}")).json()
        for description in (collection, single):
            [link] = [link for link in description["links"] if link["rel"] == TILESETS_VECTOR]
            assert link["type"] == "application/json"
            assert link["href"] == f"http://test/v1/collections/{collection['id']}/tiles"
        tilesets = (await client.get(link["href"].removeprefix("http://test"))).json()
        assert [t["dataType"] for t in tilesets["tilesets"]] == ["vector"]


async def test_every_link_is_served_as_the_type_it_announces(client: httpx.AsyncClient) -> None:
    """Following the links of the landing page, the collections and their tilesets: each
    response has the media type its link says (the style too)."""
    pages = ["/v1/", "/v1/collections", "/v1/collections/districts", "/v1/collections/providers"]
    pages += ["/v1/collections/districts/tiles", "/v1/collections/districts/tiles/WebMercatorQuad"]
    checked: dict[str, str] = {}
    for page in pages:
        body = (await client.get(page)).json()
        links = list(body.get("links", []))
        for nested in (*body.get("collections", []), *body.get("tilesets", [])):
            links += nested["links"]
        for link in links:
            # The OpenAPI document is served as application/json, which GDAL and OWSLib read;
            # its link says which OpenAPI version the JSON is.
            if link.get("templated") or link["rel"] == "service-desc":
                continue
            checked[link["href"]] = link["type"]
    assert any(kind == "application/vnd.mapbox.style+json" for kind in checked.values())
    wrong = []
    for href, kind in checked.items():
        response = await client.get(href.removeprefix("http://test"))
        served = response.headers["content-type"].split(";")[0]
        if response.status_code != 200 or served != kind:
            wrong.append((href, kind, response.status_code, served))
    assert wrong == []
