"""Demo content: the good practices of ``data/practices/seed-practices.json`` and the providers
of ``data/practices/seed-providers.json`` (the implementers named in the sources and the demo
cities' social assistance centres, with their public seats and approximate points; no phone
number is invented). Loading is idempotent: records are matched by slug."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.schemas import PracticeIn, ProviderIn
from catalog.write import repository, workflow
from catalog.write.transfer import seed_like
from shared.auth import Principal
from shared.db.models.catalog import Practice, Provider

SEED_PRINCIPAL = Principal(
    key_id=uuid.UUID(int=0),
    institution_id=uuid.UUID(int=0),
    institution_kind="SERVICE",
    institution_name="socmap seed (data/practices/seed-practices.json)",
    scopes=frozenset({"admin"}),
    territory=None,
)
# Voivodeships stated in the seed records' places (Kraków and its metropolis: małopolskie).
PLACE_VOIVODESHIPS = {"Krak": "12"}


def demo_providers(data_dir: Path) -> list[dict[str, Any]]:
    """The providers of ``practices/seed-providers.json`` as ProviderIn fields: each one's
    ``provenance`` (where its address and point come from) stays in the file, but for
    ``approximate``, which marks its point (the seed's points are estimates)."""
    document = json.loads((data_dir / "practices" / "seed-providers.json").read_text("utf-8"))
    providers = []
    for provider in document["providers"]:
        fields = {name: value for name, value in provider.items() if name != "provenance"}
        approximate = provider.get("provenance", {}).get("approximate")
        if fields.get("location") is not None and approximate is not None:
            fields["location"] = {**fields["location"], "approximate": bool(approximate)}
        providers.append(fields)
    return providers


@dataclass(slots=True)
class SeedReport:
    practices_created: int = 0
    practices_updated: int = 0
    providers_created: int = 0
    providers_updated: int = 0


async def _upsert(
    session: AsyncSession, *, kind: str, data: PracticeIn | ProviderIn
) -> tuple[uuid.UUID, bool]:
    model = Practice if kind == "practice" else Provider
    assert data.slug is not None
    existing = await repository.get_record(session, model, ref=data.slug)
    if existing is None:
        out = await workflow.create(
            session, principal=SEED_PRINCIPAL, kind=kind, data=data, commit=False
        )
        created = True
    else:
        if existing.record.status == "archived":
            return existing.record.id, False
        patch = data.model_dump(mode="json", exclude_unset=True, exclude={"slug"})
        out, _ = await workflow.update(
            session,
            principal=SEED_PRINCIPAL,
            kind=kind,
            ref=str(existing.record.id),
            patch=patch,
            commit=False,
        )
        created = False
    if out.status != "published":
        await workflow.transition(
            session, principal=SEED_PRINCIPAL, kind=kind, ref=str(out.id), action="publish"
        )
    return out.id, created


def _voivodeship(record: dict[str, Any]) -> str | None:
    if record.get("teryt"):
        return str(record["teryt"])[:2]
    place = record.get("place") or ""
    for marker, code in PLACE_VOIVODESHIPS.items():
        if marker in place:
            return code
    return None


async def seed_catalog(session: AsyncSession, *, data_dir: Path) -> SeedReport:
    """Load demo providers and the seed practices, published; safe to run again."""
    report = SeedReport()
    provider_ids: dict[str, uuid.UUID] = {}
    for raw in demo_providers(data_dir):
        provider = ProviderIn.model_validate(raw)
        provider_id, created = await _upsert(session, kind="provider", data=provider)
        provider_ids[provider.name] = provider_id
        if created:
            report.providers_created += 1
        else:
            report.providers_updated += 1
    records = json.loads((data_dir / "practices" / "seed-practices.json").read_text("utf-8"))
    for record in records:
        values = seed_like(record)
        values["voivodeship"] = _voivodeship(record)
        values["source"] = "seed-practices.json"
        values["license"] = "CC BY 4.0 (paraphrase of public sources)"
        implementer = values.get("implementer_name")
        for name, provider_id in provider_ids.items():
            if implementer and implementer.startswith(name):
                values["implementer_provider_id"] = str(provider_id)
        data = PracticeIn.model_validate({k: v for k, v in values.items() if v is not None})
        _, created = await _upsert(session, kind="practice", data=data)
        if created:
            report.practices_created += 1
        else:
            report.practices_updated += 1
    await session.commit()
    return report
