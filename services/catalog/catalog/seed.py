"""Demo content: the good practices of ``data/practices/seed-practices.json`` and providers of
the demo cities whose facts are stated in the sources (names, types, TERC; no addresses or
phone numbers are invented). Loading is idempotent: records are matched by slug."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import repository, service
from catalog.schemas import PracticeIn, ProviderIn
from catalog.transfer import _seed_like
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

# Providers named as implementers in the seed practices, with facts from the same sources.
DEMO_PROVIDERS: list[dict[str, Any]] = [
    {
        "slug": "mops-bielsko-biala",
        "name": "Miejski Ośrodek Pomocy Społecznej w Bielsku-Białej",
        "alternate_name": "MOPS Bielsko-Biała",
        "description": (
            "Ośrodek pomocy społecznej miasta Bielsko-Biała; realizator projektu "
            "Kooperacja Plus i mapy problemów społecznych miasta."
        ),
        "provider_type": "MOPS",
        "terc": "2461011",
        "voivodeship": "24",
        "area_tercs": ["2461011"],
        "city": "Bielsko-Biała",
        "service_areas": ["social_assistance"],
        "services": [
            {
                "name": "Pomoc społeczna",
                "description": "Zadania gminy i powiatu z zakresu pomocy społecznej.",
                "service_areas": ["social_assistance"],
                "area_tercs": ["2461011"],
            }
        ],
        "source": "004_16f9b2be24f4d2a6.txt",
    },
    {
        "slug": "mopr-konin",
        "name": "Miejski Ośrodek Pomocy Rodzinie w Koninie",
        "alternate_name": "MOPR Konin",
        "description": "Ośrodek pomocy społecznej miasta Konin; prowadzi Klub Integracji Społecznej.",
        "provider_type": "MOPR",
        "terc": "3062011",
        "voivodeship": "30",
        "area_tercs": ["3062011"],
        "city": "Konin",
        "service_areas": ["social_assistance", "social_vocational_reintegration"],
        "services": [
            {
                "name": "Klub Integracji Społecznej",
                "description": "Reintegracja społeczna i zawodowa osób zagrożonych wykluczeniem.",
                "service_areas": ["social_vocational_reintegration"],
                "target_groups": ["homeless", "unemployed"],
                "area_tercs": ["3062011"],
            }
        ],
        "source": "002_e627c58bdb73c141.txt",
    },
    {
        "slug": "gops-zielonki",
        "name": "Gminny Ośrodek Pomocy Społecznej w Zielonkach",
        "alternate_name": "GOPS Zielonki",
        "description": "Ośrodek pomocy społecznej gminy Zielonki (Metropolia Krakowska).",
        "provider_type": "GOPS",
        "voivodeship": "12",
        "city": "Zielonki",
        "service_areas": ["social_assistance", "family_support"],
        "source": "003_4a3c517deba5423c.txt",
    },
    {
        "slug": "rops-krakow",
        "name": "Regionalny Ośrodek Polityki Społecznej w Krakowie",
        "alternate_name": "ROPS Kraków",
        "description": "Regionalny ośrodek polityki społecznej województwa małopolskiego.",
        "provider_type": "ROPS",
        "voivodeship": "12",
        "area_tercs": ["12"],
        "city": "Kraków",
        "service_areas": ["social_assistance"],
        "source": "003_4a3c517deba5423c.txt",
    },
    {
        "slug": "stowarzyszenie-youth-human-impact",
        "name": "Stowarzyszenie Youth Human Impact",
        "description": "Stowarzyszenie prowadzące placówkę wsparcia dziennego w gminie Wielka Wieś.",
        "provider_type": "NGO_ASSOCIATION",
        "voivodeship": "12",
        "service_areas": ["family_support"],
        "target_groups": ["children_youth"],
        "source": "003_4a3c517deba5423c.txt",
    },
]


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
        out = await service.create(
            session, principal=SEED_PRINCIPAL, kind=kind, data=data, commit=False
        )
        created = True
    else:
        if existing.record.status == "archived":
            return existing.record.id, False
        patch = data.model_dump(mode="json", exclude_unset=True, exclude={"slug"})
        out, _ = await service.update(
            session,
            principal=SEED_PRINCIPAL,
            kind=kind,
            ref=str(existing.record.id),
            patch=patch,
            commit=False,
        )
        created = False
    if out.status != "published":
        await service.transition(
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
    for raw in DEMO_PROVIDERS:
        provider = ProviderIn.model_validate(raw)
        provider_id, created = await _upsert(session, kind="provider", data=provider)
        provider_ids[provider.name] = provider_id
        if created:
            report.providers_created += 1
        else:
            report.providers_updated += 1
    records = json.loads((data_dir / "practices" / "seed-practices.json").read_text("utf-8"))
    for record in records:
        values = _seed_like(record)
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
