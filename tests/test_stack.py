"""The four services as separate processes over one database."""

from __future__ import annotations

from tests.conftest import Stack


def test_all_four_services_are_ready(stack: Stack) -> None:
    for service in stack.urls:
        with stack.client(service) as client:
            assert client.get("/readyz").status_code == 200, service


def test_records_pushed_as_mops_get_a_batch_report(stack: Stack) -> None:
    record = {
        "external_id": "E2E-1",
        "subject_id": "85010112345",
        "reference_date": "2024-03-15",
        "categories": ["homelessness"],
        "location": {"district": "2461011-18"},
    }
    with stack.client("ingest", key="MOPS Bielsko-Biała") as client:
        response = client.post("/v1/records:batch", json={"records": [record]})
    assert response.status_code == 201, response.text
    assert response.json()["accepted"] == 1


def test_catalog_searches_in_its_own_process(stack: Stack) -> None:
    # The public list runs on the catalog's raw asyncpg pool and before FastAPI's routing;
    # parameters that do not validate still get problem+json from the route.
    with stack.client("catalog") as client:
        found = client.get("/v1/practices", params={"q": "ośrodkach pomocy", "facets": "true"})
        assert found.status_code == 200, found.text
        assert found.json()["numberMatchedRelation"] in ("eq", "gte")
        assert set(found.json()["facets"]) >= {"service_areas", "voivodeship"}
        bad = client.get("/v1/providers", params={"bbox": "1,2,3"})
        assert bad.status_code == 422
        assert bad.headers["content-type"] == "application/problem+json"
