"""Reference taxonomies shipped in ``data/reference/`` and their upsert into ``ref.*``."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Table, inspect
from sqlalchemy.dialects.postgresql import insert

from shared.db.models import Category, ProviderType, ServiceArea
from shared.db.models.ref import CategoryAlias
from shared.migrations_info import SHARED_ROOT


def data_dir() -> Path:
    """The project's ``data/`` folder (``SOCMAP_DATA_DIR`` overrides, e.g. in images)."""
    return Path(os.environ.get("SOCMAP_DATA_DIR", SHARED_ROOT.parent / "data"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _optional_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _upsert(connection: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    statement = insert(table).values(rows)
    keys = [column.name for column in table.primary_key.columns]
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: statement.excluded[name] for name in rows[0] if name not in keys},
    )
    connection.execute(statement)


def load_category_aliases(connection: Connection, directory: Path | None = None) -> int:
    """Upsert the earlier names of categories (``category-aliases.csv``); return their count."""
    base = (directory or data_dir()) / "reference"
    aliases = [
        {
            "label_pl": row["label_pl"],
            "category_code": row["category_code"],
            "valid_from": _optional_date(row["valid_from"]),
            "valid_to": _optional_date(row["valid_to"]),
            "legal_basis": row["legal_basis"] or None,
        }
        for row in _rows(base / "category-aliases.csv")
    ]
    _upsert(connection, CategoryAlias.__table__, aliases)  # type: ignore[arg-type]
    return len(aliases)


def load_reference_data(connection: Connection, directory: Path | None = None) -> dict[str, int]:
    """Upsert categories, their earlier names, provider types and service areas; return the
    count of each. Earlier names wait for their table (migration 0016, which loads them)."""
    base = (directory or data_dir()) / "reference"
    categories = [
        {
            "code": row["code"],
            "parent_code": row["parent_code"] or None,
            "source": row["source"],
            "label_pl": row["label_pl"],
            "label_en": row["label_en"],
            "legal_basis": row["legal_basis"] or None,
            "valid_from": _optional_date(row["valid_from"]),
            "valid_to": _optional_date(row["valid_to"]),
        }
        for row in _rows(base / "categories.csv")
    ]
    provider_types = [
        {
            "code": row["code"],
            "label_pl": row["label_pl"],
            "label_en": row["label_en"],
            "description_pl": row["description_pl"] or None,
        }
        for row in _rows(base / "provider-types.csv")
    ]
    service_areas = [
        {
            "code": row["code"],
            "position": position,
            "label_pl": row["label_pl"],
            "label_en": row["label_en"],
        }
        for position, row in enumerate(_rows(base / "service-areas.csv"), start=1)
    ]
    _upsert(connection, Category.__table__, categories)  # type: ignore[arg-type]
    _upsert(connection, ProviderType.__table__, provider_types)  # type: ignore[arg-type]
    _upsert(connection, ServiceArea.__table__, service_areas)  # type: ignore[arg-type]
    aliases = (
        load_category_aliases(connection, directory)
        if inspect(connection).has_table(CategoryAlias.__tablename__, schema="ref")
        else 0
    )
    return {
        "categories": len(categories),
        "category_aliases": aliases,
        "provider_types": len(provider_types),
        "service_areas": len(service_areas),
    }
