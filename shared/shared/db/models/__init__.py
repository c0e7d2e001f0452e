"""All ORM models; importing this module registers every table for Alembic."""

import shared.db.models.catalog  # noqa: F401  (registers the catalog tables)
from shared.db.models.auth import ApiKey, Institution
from shared.db.models.geo import (
    Locality,
    Population,
    Street,
    StreetDistrict,
    StreetKey,
    TerritorialUnit,
    TerritorialUnitBand,
)
from shared.db.models.ingest import (  # noqa: F401
    AuditLog,
    Batch,
    Erasure,
    ExportProfile,
    Outbox,
    Record,
)
from shared.db.models.ref import Category, ProviderType, ServiceArea
from shared.db.models.stats import Cell, Release, Run  # noqa: F401  (registers stats tables)

__all__ = [
    "ApiKey",
    "Category",
    "Institution",
    "Locality",
    "Population",
    "ProviderType",
    "ServiceArea",
    "Street",
    "StreetDistrict",
    "StreetKey",
    "TerritorialUnit",
    "TerritorialUnitBand",
]
