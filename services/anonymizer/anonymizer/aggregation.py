"""TEMPORARY stub until the aggregation branch is merged."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from anonymizer.repository import AggregateRow


async def aggregate(
    *,
    session: AsyncSession,
    as_of: date,
    voivodeships: Collection[str] | None = None,
    years: Collection[int] | None = None,
) -> list[AggregateRow]:
    rows = await repository.aggregate(session=session, as_of=as_of)
    return [
        row
        for row in rows
        if (voivodeships is None or row.unit_code[:2] in voivodeships)
        and (years is None or int(row.period[:4]) in years)
    ]
