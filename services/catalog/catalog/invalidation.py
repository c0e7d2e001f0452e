"""What map-tiles must drop from its cache after public data changed: built by the write side,
handed to ``shared.handoff.TilesInvalidator`` by the routes after the response is sent."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

COLLECTIONS = {"practice": "practices", "provider": "providers"}


@dataclass(frozen=True, slots=True)
class Invalidation:
    """The cache entries of one change (or one import) to public data."""

    collection: str
    ids: tuple[uuid.UUID, ...]
    territories: tuple[str, ...]
    reason: str

    def body(self) -> dict[str, Any]:
        return {
            "collections": [self.collection],
            "ids": [str(item) for item in self.ids],
            "territories": list(self.territories),
            "reason": self.reason,
        }


def invalidation_of(
    kind: str,
    record_id: uuid.UUID,
    *,
    area_tercs: Sequence[str] | None,
    voivodeship: str | None,
    reason: str,
) -> Invalidation:
    """The invalidation of one record: its id, area and voivodeship."""
    territories = sorted({*(area_tercs or []), *([voivodeship] if voivodeship else [])})
    return Invalidation(
        collection=COLLECTIONS[kind],
        ids=(record_id,),
        territories=tuple(territories),
        reason=reason,
    )


def merge_invalidations(items: Sequence[Invalidation]) -> Invalidation | None:
    """One hand-off for a whole import."""
    if not items:
        return None
    return Invalidation(
        collection=items[0].collection,
        ids=tuple(dict.fromkeys(i for item in items for i in item.ids)),
        territories=tuple(sorted({t for item in items for t in item.territories})),
        reason=f"{items[0].collection}.imported",
    )
