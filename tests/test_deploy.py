"""deploy/: compose, Kubernetes manifests and Dockerfiles parse and agree with the code:
images, ports, module paths and every environment variable a settings class understands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic_settings import BaseSettings

from anonymizer.settings import AnonymizerSettings
from catalog.settings import CatalogSettings
from ingest.settings import IngestSettings
from map_tiles.settings import MapTilesSettings
from shared.settings import DatabaseSettings

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
SERVICES: dict[str, tuple[str, type[BaseSettings]]] = {
    "ingest": ("ingest", IngestSettings),
    "anonymizer": ("anonymizer", AnonymizerSettings),
    "catalog": ("catalog", CatalogSettings),
    "map-tiles": ("map_tiles", MapTilesSettings),
}


def _known_variable(name: str) -> bool:
    if name == "SOCMAP_ENV":
        return True
    if name.startswith("SOCMAP_DB_"):
        return name.removeprefix("SOCMAP_DB_").lower() in DatabaseSettings.model_fields
    for _package, settings in SERVICES.values():
        prefix = str(settings.model_config.get("env_prefix", ""))
        if name.startswith(prefix):
            return name.removeprefix(prefix).lower() in settings.model_fields
    return False


def _k8s_documents() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((DEPLOY / "k8s/base/kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        documents += [
            d for d in yaml.safe_load_all((DEPLOY / "k8s/base" / resource).read_text()) if d
        ]
    return documents


@pytest.mark.parametrize("service", SERVICES)
def test_dockerfile_runs_the_service_factory_on_its_port(service: str) -> None:
    package, settings = SERVICES[service]
    dockerfile = (DEPLOY / f"{service}.Dockerfile").read_text()
    port = settings.model_fields["port"].default
    assert f"EXPOSE {port}" in dockerfile
    assert f'"{package}.app:create_app", "--factory"' in dockerfile
    assert f'"--port", "{port}"' in dockerfile
    assert "USER socmap" in dockerfile
    assert f"--package socmap-{service}" in dockerfile


def test_compose_services_images_and_environment() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    services = compose["services"]
    assert {"postgis", "migrate", "gateway", *SERVICES} <= set(services)
    for name, service in services.items():
        if "build" in service:
            assert (DEPLOY.parent / service["build"]["dockerfile"]).exists(), name
        for variable in service.get("environment", {}):
            if variable.startswith("SOCMAP_"):
                assert _known_variable(variable), (name, variable)
    for name, (_package, settings) in SERVICES.items():
        assert services[name]["image"] == f"socmap/{name}"
        assert services[name]["expose"] == [str(settings.model_fields["port"].default)]
    gateway = (DEPLOY / "gateway/nginx.conf").read_text()
    for name, (_package, settings) in SERVICES.items():
        assert (
            f"location /{name}/ {{ proxy_pass http://{name}:{settings.model_fields['port'].default}/; }}"
            in re.sub(r" +", " ", gateway)
        )


def test_kubernetes_manifests_agree() -> None:
    documents = _k8s_documents()
    kinds: dict[str, dict[str, dict[str, Any]]] = {}
    for document in documents:
        kinds.setdefault(document["kind"], {})[document["metadata"]["name"]] = document
    images = {
        entry["name"]
        for entry in yaml.safe_load((DEPLOY / "k8s/base/kustomization.yaml").read_text())["images"]
    }
    config = kinds["ConfigMap"]["socmap-config"]["data"]
    assert all(_known_variable(variable) for variable in config)
    for name, (_package, settings) in SERVICES.items():
        port = settings.model_fields["port"].default
        container = kinds["Deployment"][name]["spec"]["template"]["spec"]["containers"][0]
        assert container["image"] in images
        assert container["ports"][0]["containerPort"] == port
        assert kinds["Service"][name]["spec"]["ports"][0]["port"] == port
        assert kinds["HorizontalPodAutoscaler"][name]["spec"]["scaleTargetRef"]["name"] == name
        for variable in container.get("env", []):
            assert _known_variable(variable["name"]), (name, variable["name"])
    map_tiles_env = kinds["Deployment"]["map-tiles"]["spec"]["template"]["spec"]["containers"][0][
        "env"
    ]
    assert {"name": "SOCMAP_DB_HOST", "value": "socmap-db-ro"} in map_tiles_env
    assert kinds["Cluster"]["socmap-db"]["spec"]["instances"] >= 2
    job = kinds["Job"]["socmap-migrate"]["spec"]["template"]["spec"]["containers"][0]
    assert job["command"] == ["socmap", "migrate"]
    assert job["image"] in images
    for path in kinds["Ingress"]["socmap"]["spec"]["rules"][0]["http"]["paths"]:
        backend = path["backend"]["service"]
        assert backend["name"] in kinds["Service"]
        assert (
            backend["port"]["number"]
            == kinds["Service"][backend["name"]]["spec"]["ports"][0]["port"]
        )
