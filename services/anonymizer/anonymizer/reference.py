"""The reference implementation of the counts, kept for the equality test and the benchmarks:
the plain SQL of the true counts, which ``anonymizer.aggregation`` must match row for row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.repository import AggregateRow, records_in

# Distinct persons and households per unit (every level), category (plus 'any' and '2plus'),
# period (quarters and years) and source (OPS, PUP, both, all). A case is counted in every
# period it is open in; an open-ended case runs until ``as_of``.
AGGREGATE_SQL = (
    """
WITH first AS (
    SELECT date_trunc('quarter', min(reference_date))::date AS first_quarter FROM ingest.record
),
periods AS (
    SELECT to_char(q, 'YYYY') || '-Q' || extract(quarter FROM q)::int AS period,
           'quarter' AS period_kind, q::date AS starts, (q + interval '3 months')::date AS ends
    FROM first, generate_series(first.first_quarter, date_trunc('quarter', CAST(:as_of AS date)),
                                interval '3 months') AS q
    UNION ALL
    SELECT to_char(y, 'YYYY'), 'year', y::date, (y + interval '1 year')::date
    FROM first, generate_series(date_trunc('year', first.first_quarter),
                                date_trunc('year', CAST(:as_of AS date)), interval '1 year') AS y
),
facts AS (
    SELECT r.subject_hash, r.household_hash, r.source_kind, r.categories, p.period,
           p.period_kind, r.district_code, r.gmina_code, g.parent_code AS powiat_code,
           pw.parent_code AS voivodeship_code
"""
    + records_in("periods")
    + """
),
unit_facts AS (
    SELECT u.unit_code, u.level, f.*
    FROM facts f
    CROSS JOIN LATERAL (VALUES (f.district_code, 'district'), (f.gmina_code, 'gmina'),
                               (f.powiat_code, 'powiat'), (f.voivodeship_code, 'voivodeship'))
        AS u(unit_code, level)
    WHERE u.unit_code IS NOT NULL
),
person_category AS (
    SELECT uf.unit_code, uf.level, uf.period, uf.period_kind, c.category, uf.subject_hash,
           bool_or(uf.source_kind = 'ops') AS ops, bool_or(uf.source_kind = 'pup') AS pup,
           (array_agg(uf.household_hash ORDER BY uf.household_hash)
               FILTER (WHERE uf.household_hash IS NOT NULL))[1] AS household_hash
    FROM unit_facts uf
    CROSS JOIN LATERAL (SELECT unnest(uf.categories) UNION SELECT 'any') AS c(category)
    GROUP BY 1, 2, 3, 4, 5, 6
),
persons AS (
    SELECT * FROM person_category
    UNION ALL
    SELECT unit_code, level, period, period_kind, '2plus', subject_hash, bool_or(ops),
           bool_or(pup), (array_agg(household_hash ORDER BY household_hash)
                          FILTER (WHERE household_hash IS NOT NULL))[1]
    FROM person_category
    WHERE category <> 'any'
    GROUP BY unit_code, level, period, period_kind, subject_hash
    HAVING count(*) >= 2
),
households AS (
    SELECT unit_code, level, period, period_kind, category, household_hash,
           bool_or(ops) AS ops, bool_or(pup) AS pup
    FROM persons
    WHERE household_hash IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
),
counts AS (
    SELECT unit_code, level, period, period_kind, category, 'persons' AS measure,
           count(*) FILTER (WHERE ops) AS ops, count(*) FILTER (WHERE pup) AS pup,
           count(*) FILTER (WHERE ops AND pup) AS both_, count(*) AS all_
    FROM persons GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT unit_code, level, period, period_kind, category, 'households',
           count(*) FILTER (WHERE ops), count(*) FILTER (WHERE pup),
           count(*) FILTER (WHERE ops AND pup), count(*)
    FROM households GROUP BY 1, 2, 3, 4, 5
)
SELECT c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure, s.source, s.value
FROM counts c
CROSS JOIN LATERAL (VALUES ('ops', c.ops), ('pup', c.pup), ('both', c.both_), ('all', c.all_))
    AS s(source, value)
"""
)


async def reference_aggregate(*, session: AsyncSession, as_of: date) -> list[AggregateRow]:
    """The rows of :data:`AGGREGATE_SQL` (slow: minutes where the aggregation takes seconds)."""
    # The distinct counts sort tens of millions of rows at scale; the default 4 MB spills.
    await session.execute(text("SET LOCAL work_mem = '256MB'"))
    result = await session.execute(text(AGGREGATE_SQL), {"as_of": as_of})
    return [AggregateRow(*row) for row in result.all()]
