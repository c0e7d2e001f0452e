"""Which text queries to read from the table rather than from a GIN index (see ``BroadWords``).
The shares of a query's terms come with the analysed query (``catalog.*_text_query``,
migration 0020); ``search_terms.ALL_TERMS_BROAD`` compares them with ``:broad_least``."""

from __future__ import annotations

import asyncio
import logging
import math
import time

from shared.db.raw import Database

logger = logging.getLogger("socmap.catalog")

# The rows of the searched tables as the planner counts them (kept by ANALYZE; -1 before).
STATISTICS = """SELECT c.relname::text AS name, c.reltuples::float8 AS rows
FROM pg_catalog.pg_class AS c
WHERE c.oid IN ('catalog.practice'::regclass, 'catalog.provider'::regclass)"""


class BroadWords:
    """When a text query is cheaper read from the table in its own order than from a GIN
    index, by the table's rows (``pg_class.reltuples``, refreshed every REFRESH_S seconds).

    A GIN index answers a text query with a bitmap of every match before the first row: it
    costs about GIN_ENTRY_US for each entry of the rarest term's list, through which it skips
    along the others (``pomocy``, in 86 % of 100 000 practices: ~10 ms). Reading the table in
    its own order finds the window's matches after window / share rows, at SCAN_ROW_US a row
    (the lemma vector ``tsv_pl`` in the row). So a query whose terms' shares multiply to P,
    the least being L, is read from the table when P * L >= window * SCAN_ROW_US /
    (rows * GIN_ENTRY_US): ``least``. Before the tables are counted, never."""

    GIN_ENTRY_US = 0.12
    SCAN_ROW_US = 1.2
    REFRESH_S = 600.0

    def __init__(self) -> None:
        self.rows: dict[str, float] = {}
        self.loaded_at = -math.inf
        self._lock = asyncio.Lock()

    def least(self, kind: str, window: int) -> float:
        """The least product of a query's term shares times their least share worth reading
        the table of ``kind`` for a window of ``window`` matches (infinite: never)."""
        index_us = self.rows.get(kind, 0.0) * self.GIN_ENTRY_US
        return window * self.SCAN_ROW_US / index_us if index_us > 0 else math.inf

    async def refresh(self, reader: Database) -> None:
        if time.monotonic() - self.loaded_at < self.REFRESH_S or self._lock.locked():
            return
        async with self._lock:
            self.loaded_at = time.monotonic()
            try:
                statistics = await reader.fetch(STATISTICS)
            except Exception as exc:  # searches go on through the indexes, as before
                logger.warning("table statistics unavailable", extra={"error": type(exc).__name__})
                return
            self.rows = {row["name"]: max(float(row["rows"]), 0.0) for row in statistics}


BROAD_WORDS = BroadWords()
