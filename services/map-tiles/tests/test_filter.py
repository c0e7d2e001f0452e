"""CQL2 filters on items and tiles, the queryables, and what a filter must never reveal."""

from __future__ import annotations

import json
import math
from typing import Any
from urllib.parse import quote

import httpx
import mapbox_vector_tile
import pytest

from map_tiles.cql2 import FilterError, Queryable, compile_filter, parse_text

BIELSKO = "2461011"
ITEMS = f"/v1/collections/districts/items?territory={BIELSKO}&limit=100"
# Every 4th district of Bielsko-Biała (by code) is suppressed; the others have the value
# 10 + 7 n (n: the district's place in code order), rate value / 5 (conftest).
SUPPRESSED_EVERY = 4
DISTRICTS = 30
# A point in the centre of Bielsko-Biała and one in the centre of Wrocław.
BIELSKO_CENTRE = (19.04, 49.82)


async def matched(client: httpx.AsyncClient, cql: str, *, lang: str = "cql2-text") -> set[str]:
    """Codes of the Bielsko-Biała districts that match a filter."""
    response = await client.get(f"{ITEMS}&filter-lang={lang}&filter={quote(cql)}")
    assert response.status_code == 200, (cql, response.text)
    body = response.json()
    assert body["numberMatched"] == body["numberReturned"]
    return {feature["id"] for feature in body["features"]}


async def districts(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    body = (await client.get(ITEMS)).json()
    properties: list[dict[str, Any]] = [f["properties"] for f in body["features"]]
    assert len(properties) == DISTRICTS
    return properties


# --- parsing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("value > 3", {"op": ">", "args": [{"property": "value"}, 3]}),
        ('"value"<>-2.5e1', {"op": "<>", "args": [{"property": "value"}, -25.0]}),
        (
            "a = 1 AND b = 'x' OR NOT c IS NULL",
            {
                "op": "or",
                "args": [
                    {
                        "op": "and",
                        "args": [
                            {"op": "=", "args": [{"property": "a"}, 1]},
                            {"op": "=", "args": [{"property": "b"}, "x"]},
                        ],
                    },
                    {"op": "not", "args": [{"op": "isNull", "args": [{"property": "c"}]}]},
                ],
            },
        ),
        (
            "name NOT LIKE 'O''Brien%'",
            {"op": "not", "args": [{"op": "like", "args": [{"property": "name"}, "O'Brien%"]}]},
        ),
        (
            "v not between 1 and 2",
            {"op": "not", "args": [{"op": "between", "args": [{"property": "v"}, 1, 2]}]},
        ),
        ("c IN ('a', 'b')", {"op": "in", "args": [{"property": "c"}, ["a", "b"]]}),
        ("c IS NOT NULL", {"op": "not", "args": [{"op": "isNull", "args": [{"property": "c"}]}]}),
        ("s = TRUE", {"op": "=", "args": [{"property": "s"}, True]}),
        ("TRUE", True),
        (
            "S_INTERSECTS(geometry, BBOX(19, 49.8, 19.1, 49.9))",
            {
                "op": "s_intersects",
                "args": [{"property": "geometry"}, {"bbox": [19, 49.8, 19.1, 49.9]}],
            },
        ),
        (
            "s_intersects(geometry, MULTIPOINT((19 49), 20 50))",
            {
                "op": "s_intersects",
                "args": [
                    {"property": "geometry"},
                    {"type": "MultiPoint", "coordinates": [[19, 49], [20, 50]]},
                ],
            },
        ),
    ],
)
def test_cql2_text_parses_into_cql2_json(text: str, tree: Any) -> None:
    assert parse_text(text) == tree


QUERYABLES = {
    "value": Queryable("v", "integer"),
    "name": Queryable("n", "string"),
    "flag": Queryable("f", "boolean"),
    "geometry": Queryable("g", "geometry"),
}


@pytest.mark.parametrize(
    ("cql", "message"),
    [
        ("", "empty"),
        ("value >", "expected a property or a value, found the end"),
        ("value > 3 3", "expected AND, OR or the end of the filter, found '3' at 11"),
        ("value = 1; DROP TABLE x", "unexpected"),
        ("secret = 1", "unknown property 'secret'; queryables: value, name, flag, geometry"),
        ("value > 'x'", "cannot compare integer with string"),
        ("name = 3", "cannot compare string with number"),
        ("flag > TRUE", "booleans compare with = and <> only"),
        ("value LIKE 'x'", "LIKE compares a text property"),
        ("name BETWEEN 1 AND 2", "BETWEEN needs a numeric property"),
        ("value IN ('a')", "IN on a numeric property needs numbers"),
        ("value IN ()", "expected a property or a value"),
        ("abs(value) > 1", "unsupported function 'abs'"),
        ("value = DATE('2020-01-01')", "temporal values are not supported"),
        ("S_INTERSECTS(value, POINT(1 2))", "S_INTERSECTS needs the geometry property"),
        ("S_INTERSECTS(geometry, POLYGON((1 2, 3 4)))", "a ring needs four positions"),
        ("S_INTERSECTS(geometry, POINT(200 2))", "longitude, latitude in degrees"),
        ("S_INTERSECTS(geometry, BBOX(1, 2, 3))", "BBOX needs four numbers"),
        ("geometry = 1", "cannot compare geometry with number"),
        ("value > 1 AND (" * 40 + "TRUE" + ")" * 40, "nested more than"),
        # Deeper than the interpreter's stack, within the length limit.
        pytest.param("NOT " * 2000 + "TRUE", "nested more than", id="2000 NOTs"),
        pytest.param("(" * 4000 + "TRUE" + ")" * 4000, "nested more than", id="4000 brackets"),
        ("name LIKE '%\\'", "cannot end with the escape character"),
        ("name LIKE '\\\\\\'", "cannot end with the escape character"),
        ("name LIKE name", "LIKE compares a text property with a text pattern"),
        ("name = 'a\x00b'", "cannot contain the NUL character"),
        ("name IN ('a', '\x00')", "cannot contain the NUL character"),
        ("name = 'a'\x00", "unexpected '\\x00'"),
    ],
)
def test_bad_filters_say_what_is_wrong(cql: str, message: str) -> None:
    with pytest.raises(FilterError) as raised:
        compile_filter(cql or " ", "cql2-text", QUERYABLES)
    assert message in raised.value.detail


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        ({"op": "=", "args": [{"property": "name"}, "a\x00"]}, "cannot contain the NUL"),
        ({"op": "like", "args": [{"property": "name"}, "x\\"]}, "cannot end with the escape"),
        # A deep value is described, never printed (its repr alone would exhaust the stack).
        pytest.param(
            {
                "op": "=",
                "args": [{"property": "name"}, json.loads('{"a":' * 900 + "1" + "}" * 900)],
            },
            "found an object",
            id="deep value",
        ),
        pytest.param(
            {"op": json.loads("[" * 900 + "]" * 900), "args": [1]},
            "unsupported operator a list",
            id="deep operator",
        ),
    ],
)
def test_bad_cql2_json_says_what_is_wrong(tree: Any, message: str) -> None:
    with pytest.raises(FilterError) as raised:
        compile_filter(json.dumps(tree), "cql2-json", QUERYABLES)
    assert message in raised.value.detail


def test_like_patterns_keep_cql2_wildcards_and_escapes() -> None:
    where = compile_filter("name LIKE 'a\\%b_c%'", None, QUERYABLES)
    assert where.sql == "(n LIKE CAST(:cql_0 AS text) ESCAPE E'\\\\')"
    assert where.params == (("cql_0", "a\\%b_c%"),)


def test_values_are_bound_never_spliced() -> None:
    where = compile_filter("name = 'x'' OR 1=1 --' AND value IN (1, 2)", None, QUERYABLES)
    assert "x'" not in where.sql
    assert "OR 1=1" not in where.sql
    assert where.sql == "((n = CAST(:cql_0 AS text)) AND (v = ANY(CAST(:cql_1 AS float8[]))))"
    assert where.params == (("cql_0", "x' OR 1=1 --"), ("cql_1", (1.0, 2.0)))


# --- items -----------------------------------------------------------------------------------


async def test_comparisons_logic_and_advanced_operators(client: httpx.AsyncClient) -> None:
    rows = await districts(client)
    value = {p["code"]: p["value"] for p in rows}
    shown = {code: v for code, v in value.items() if v is not None}
    assert len(shown) == DISTRICTS - DISTRICTS // SUPPRESSED_EVERY
    cases = {
        "value > 100": {c for c, v in shown.items() if v > 100},
        "value >= 101 AND value <= 150": {c for c, v in shown.items() if 101 <= v <= 150},
        "value < 40 OR value = 185": {c for c, v in shown.items() if v < 40 or v == 185},
        "value <> 17": {c for c, v in shown.items() if v != 17},
        "NOT (value > 100)": {c for c, v in shown.items() if not v > 100},
        "value BETWEEN 40 AND 80": {c for c, v in shown.items() if 40 <= v <= 80},
        "value NOT BETWEEN 40 AND 80": {c for c, v in shown.items() if not 40 <= v <= 80},
        "value IN (17, 24, 999)": {c for c, v in shown.items() if v in (17, 24)},
        "rate > 20.5": {c for c, v in shown.items() if v / 5 > 20.5},
        "suppressed = TRUE": set(value) - set(shown),
        "value IS NULL": set(value) - set(shown),
        "value IS NOT NULL": set(shown),
        f"code LIKE '{BIELSKO}-0%'": {c for c in value if c.startswith(f"{BIELSKO}-0")},
        f"code IN ('{BIELSKO}-01', 'nothing')": {f"{BIELSKO}-01"} & set(value),
        "name LIKE '%'": set(value),
        # CQL2's escape reaches PostgreSQL as the pattern's escape: `\_` is an underscore.
        f"code LIKE '{BIELSKO}-0_'": {c for c in value if c[:-1] == f"{BIELSKO}-0"},
        f"code LIKE '{BIELSKO}-0\\_'": set(),
        f"code LIKE '{BIELSKO}\\-0\\1'": {f"{BIELSKO}-01"} & set(value),
        "name LIKE '%\\%%'": set(),
        "FALSE": set(),
    }
    for cql, expected in cases.items():
        assert await matched(client, cql) == expected, cql


async def test_json_and_text_agree(client: httpx.AsyncClient) -> None:
    pairs = [
        ("value > 100 AND NOT suppressed = TRUE", {
            "op": "and",
            "args": [
                {"op": ">", "args": [{"property": "value"}, 100]},
                {"op": "not", "args": [{"op": "=", "args": [{"property": "suppressed"}, True]}]},
            ],
        }),
        ("value BETWEEN 40 AND 80 OR value IN (17)", {
            "op": "or",
            "args": [
                {"op": "between", "args": [{"property": "value"}, 40, 80]},
                {"op": "in", "args": [{"property": "value"}, [17]]},
            ],
        }),
        ("value IS NULL", {"op": "isNull", "args": [{"property": "value"}]}),
        (
            f"S_INTERSECTS(geometry, POINT({BIELSKO_CENTRE[0]} {BIELSKO_CENTRE[1]}))",
            {
                "op": "s_intersects",
                "args": [
                    {"property": "geometry"},
                    {"type": "Point", "coordinates": list(BIELSKO_CENTRE)},
                ],
            },
        ),
    ]  # fmt: skip
    for text, tree in pairs:
        by_text = await matched(client, text)
        assert by_text == await matched(client, json.dumps(tree), lang="cql2-json"), text


async def test_spatial_filter(client: httpx.AsyncClient) -> None:
    lon, lat = BIELSKO_CENTRE
    one = await matched(client, f"S_INTERSECTS(geometry, POINT({lon} {lat}))")
    assert len(one) == 1
    box = f"S_INTERSECTS(geometry, BBOX({lon - 0.02}, {lat - 0.02}, {lon + 0.02}, {lat + 0.02}))"
    around = await matched(client, box)
    assert one < around
    assert len(around) < DISTRICTS
    ring = f"{lon - 0.02} {lat - 0.02}, {lon + 0.02} {lat - 0.02}, {lon + 0.02} {lat + 0.02}"
    polygon = f"POLYGON(({ring}, {lon - 0.02} {lat + 0.02}, {lon - 0.02} {lat - 0.02}))"
    assert await matched(client, f"S_INTERSECTS(geometry, {polygon})") == around
    outside = await matched(client, f"NOT S_INTERSECTS(geometry, {polygon})")
    assert not outside & around
    assert len(outside | around) == DISTRICTS


async def test_points_are_filtered_too(client: httpx.AsyncClient) -> None:
    url = "/v1/collections/providers/items?filter="
    body = (await client.get(url + quote("name LIKE 'MOPS%'"))).json()
    assert [f["properties"]["slug"] for f in body["features"]] == ["mops-bb"]
    body = (
        await client.get(url + quote("S_INTERSECTS(geometry, BBOX(19.045,49.825,19.06,49.84))"))
    ).json()
    assert [f["properties"]["slug"] for f in body["features"]] == ["pup-bb"]
    practices = await client.get("/v1/collections/practices/items?filter=start_year%20%3E%202000")
    assert practices.status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("filter=secret%20%3E%201", "unknown property 'secret'"),
        ("filter=value%20%3E", "Bad filter"),
        ("filter=value%20%3E%201&filter-lang=ecql", "'filter-lang' must be"),
        ("filter=%7B&filter-lang=cql2-json", "not valid JSON"),
        ("filter=%7B%22op%22%3A%22nope%22%2C%22args%22%3A%5B%5D%7D&filter-lang=cql2-json", "unsupported operator"),
        ("filter=value%20%3E%201&filter-crs=EPSG%3A2180", "'filter-crs' must be"),
        # Each of these used to reach PostgreSQL and come back as a 500.
        ("filter=name%20LIKE%20%27%25%5C%27", "cannot end with the escape character"),
        ("filter=name%20%3D%20%27a%00b%27", "cannot contain the NUL character"),
        ("filter=%7B%22op%22%3A%22%3D%22%2C%22args%22%3A%5B%7B%22property%22%3A%22name%22%7D%2C%22%5Cu0000%22%5D%7D&filter-lang=cql2-json", "cannot contain the NUL character"),
        pytest.param("filter=" + "NOT%20" * 2000 + "TRUE", "nested more than", id="2000 NOTs"),
    ],
)  # fmt: skip
async def test_bad_filter_is_400_problem(
    client: httpx.AsyncClient, query: str, message: str
) -> None:
    for url in (
        f"/v1/collections/districts/items?{query}",
        f"/v1/collections/districts/tiles/WebMercatorQuad/12/2264/1392?{query}",
    ):
        response = await client.get(url)
        assert response.status_code == 400, url
        assert response.headers["content-type"] == "application/problem+json"
        assert message in response.json()["detail"]


# --- privacy -------------------------------------------------------------------------------------

# Filters that would single out a suppressed district if its hidden value took part: value,
# rate, interval and class comparisons in every form, negated ones included.
PROBES = [
    "value > -1",
    "value < 1000000",
    "value >= 0 OR value < 0",
    "NOT (value > 1000000)",
    "NOT value < 0",
    "value <> -1",
    "NOT value = -1",
    "value BETWEEN -1 AND 1000000",
    "value NOT BETWEEN 1000000 AND 2000000",
    "NOT value IN (-1)",
    "value = value",
    "rate > -1 OR rate <= -1",
    "NOT rate_lower > 1000000",
    "rate_upper <> -1",
    "rate_lower <= rate_upper",
    "class >= 0",
    "NOT class IN (99)",
    "NOT (class BETWEEN 99 AND 100)",
]


@pytest.mark.parametrize("probe", PROBES)
async def test_no_filter_matches_a_suppressed_value(client: httpx.AsyncClient, probe: str) -> None:
    suppressed = await matched(client, "suppressed = TRUE")
    assert len(suppressed) == DISTRICTS // SUPPRESSED_EVERY
    found = await matched(client, probe)
    assert not found & suppressed, probe
    # ... and every shown district does match these always-true comparisons.
    assert len(found) == DISTRICTS - len(suppressed)


async def test_suppressed_tile_features_never_match_value_filters(
    client: httpx.AsyncClient,
) -> None:
    zoom = 12
    n = 2**zoom
    x = int((BIELSKO_CENTRE[0] + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(BIELSKO_CENTRE[1]))) / math.pi) / 2.0 * n)
    url = f"/v1/collections/districts/tiles/WebMercatorQuad/{zoom}/{x}/{y}"
    every = mapbox_vector_tile.decode((await client.get(url)).content)["districts"]["features"]
    assert any(f["properties"].get("suppressed") for f in every)
    for probe in ("NOT value > 1000000", "rate_lower <= rate_upper", "NOT class IN (99)"):
        response = await client.get(f"{url}?filter={quote(probe)}")
        features = mapbox_vector_tile.decode(response.content)["districts"]["features"]
        assert features, probe
        assert not any(f["properties"].get("suppressed") for f in features), probe
        assert len(features) < len(every)


# --- queryables and conformance ---------------------------------------------------------------


async def test_queryables_schema_and_every_queryable_is_usable(client: httpx.AsyncClient) -> None:
    for collection in ("districts", "providers", "practices"):
        response = await client.get(f"/v1/collections/{collection}/queryables")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/schema+json"
        schema = response.json()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(f"/collections/{collection}/queryables")
        assert schema["additionalProperties"] is False
        properties = schema["properties"]
        assert properties["geometry"]["x-ogc-role"] == "primary-geometry"
        for name, definition in properties.items():
            cql = (
                f"S_INTERSECTS({name}, BBOX(-180, -90, 180, 90))"
                if "format" in definition
                else f"{name} IS NULL OR NOT {name} IS NULL"
            )
            items = await client.get(f"/v1/collections/{collection}/items?filter={quote(cql)}")
            assert items.status_code == 200, (collection, name, items.text)
    districts_schema = (await client.get("/v1/collections/districts/queryables")).json()
    assert districts_schema["properties"]["value"]["type"] == "integer"
    assert districts_schema["properties"]["suppressed"]["type"] == "boolean"
    assert (await client.get("/v1/collections/nothing/queryables")).status_code == 404
    links = (await client.get("/v1/collections/districts")).json()["links"]
    assert "http://www.opengis.net/def/rel/ogc/1.0/queryables" in {link["rel"] for link in links}


async def test_conformance_declares_filtering(client: httpx.AsyncClient) -> None:
    conformance = set((await client.get("/v1/conformance")).json()["conformsTo"])
    features = ["queryables", "filter", "features-filter"]
    cql2 = "cql2-text cql2-json basic-cql2 advanced-comparison-operators basic-spatial-functions"
    expected = {f"ogcapi-features-3/1.0/conf/{name}" for name in features} | {
        f"cql2/1.0/conf/{name}" for name in cql2.split()
    }
    assert {f"http://www.opengis.net/spec/{name}" for name in expected} <= conformance


async def test_filtered_tiles_are_cached_apart(client: httpx.AsyncClient) -> None:
    url = "/v1/collections/districts/tiles/WebMercatorQuad/12/2264/1392"
    everything = await client.get(url)
    some = await client.get(f"{url}?filter={quote('value > 100')}")
    none = await client.get(f"{url}?filter=FALSE")
    assert everything.status_code == 200
    assert none.status_code == 204
    assert some.content != everything.content
    assert len({everything.headers["etag"], some.headers["etag"], none.headers["etag"]}) == 3


async def test_tilejson_carries_the_filter(client: httpx.AsyncClient) -> None:
    url = "/v1/collections/districts/tiles/WebMercatorQuad/tilejson.json?filter="
    tilejson = (await client.get(url + quote("value > 100"))).json()
    assert "filter=value+%3E+100" in tilejson["tiles"][0]
    assert (await client.get(url + quote("secret > 1"))).status_code == 400
