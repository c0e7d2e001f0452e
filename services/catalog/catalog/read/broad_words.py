"""Which text queries to read from the table rather than from a GIN index (see ``BroadWords``),
and the CTE of the search statement that decides it."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from typing import Any, ClassVar

from shared.db.raw import Database

logger = logging.getLogger("socmap.catalog")

# The planner's statistics of the practices' tsvector columns.
STATISTICS = """SELECT s.attname::text AS name, s.most_common_elems::text::text[] AS words,
  s.most_common_elem_freqs AS shares, c.reltuples::float8 AS rows
FROM pg_catalog.pg_stats AS s
JOIN pg_catalog.pg_class AS c ON c.oid = 'catalog.practice'::regclass
WHERE s.schemaname = 'catalog' AND s.tablename = 'practice'
  AND s.attname IN ('tsv_pl', 'tsv_plain')"""


def broad_words_query(column: str, config: str, text: str) -> str:
    """Whether ``text`` (SQL of the query's text) parsed by ``config`` is cheaper to read from
    the table than from the GIN index of ``column`` (``:broad_*_<column>``: see BroadWords).

    A word of the query is any of its lemmas (Hunspell gives several: ``innych`` is ``inny``
    or ``inna``), which share its position: its share is at least the largest of theirs. A
    word given twice (or two forms of one lemma) narrows nothing: it counts once."""
    return (
        "SELECT coalesce(exp(sum(ln(share))) * min(share), 0) "
        f">= :broad_least_{column}::float8 AS broad FROM ("
        "SELECT DISTINCT lemmas, share FROM ("
        "SELECT array_agg(lexeme ORDER BY lexeme) AS lemmas, "
        f"max(coalesce((string_to_array(:broad_shares_{column}::varchar, ' ')::float8[])"
        f"[array_position(string_to_array(:broad_words_{column}::varchar, ' '), lexeme)], "
        "1e-9)) AS share "
        f"FROM unnest(to_tsvector('{config}'::regconfig, {text})) AS lemma, "
        "unnest(lemma.positions) AS position GROUP BY position"
        ") AS words) AS shares"
    )


def broad_words_cte(kind: str, column: str) -> str:
    """The CTE ``broad_<column>`` of a search of ``kind``: a CTE, so that the two branches
    asking it share one evaluation (the query parsed once through the dictionary)."""
    if column == "tsv_pl":
        query = broad_words_query(
            column, "catalog.pl", f"catalog.{kind}_restored_query(:q::varchar)"
        )
    else:
        query = broad_words_query(column, "catalog.pl_unaccent", ":q::varchar")
    return f"broad_{column} AS ({query})"


class BroadWords:
    """Which text queries to read from the table rather than from a GIN index, by the share
    of practices each word is in: the planner's statistics (``pg_stats.most_common_elems``,
    kept by ANALYZE) of each tsvector column, refreshed every REFRESH_S seconds.

    A GIN index answers a text query with a bitmap of every match before the first row: it
    costs about GIN_ENTRY_US for each entry of the rarest word's list, through which it skips
    along the others (``pomocy``, in 86 % of 100 000 practices: ~10 ms). Reading the table in
    its own order finds the window's matches after window / share rows, at SCAN_ROW_US a row
    (a tsvector in the row; five times that when it lives in TOAST). So a query whose words'
    shares multiply to P, the least being L, is read from the table when
    window / P * SCAN_ROW_US < rows * L * GIN_ENTRY_US. A word without statistics counts as
    rare (shares below MIN_SHARE are not kept)."""

    GIN_ENTRY_US = 0.12
    SCAN_ROW_US: ClassVar[dict[str, float]] = {"tsv_pl": 1.2, "tsv_plain": 6.0}  # (0007)
    MIN_SHARE = 0.02
    REFRESH_S = 600.0

    def __init__(self) -> None:
        self.words: dict[str, tuple[list[str], list[float]]] = {}
        self.rows = 0.0
        self._values: dict[int, dict[str, Any]] = {}
        self.loaded_at = -math.inf
        self._lock = asyncio.Lock()

    def values(self, window: int) -> dict[str, Any]:
        """Parameters of the statements, by column: the least product times least share of a
        query's words worth reading from the table, and the words that can reach it (each
        at least its square root, since the product is at most the least share) with their
        shares, as text: asyncpg checks each element of an array parameter in Python, which
        for the few hundred words of the statistics cost ~1 ms a search. Computed once per
        window size and statistics."""
        values = self._values.get(window)
        if values is None:
            values = {}
            for column, row_us in self.SCAN_ROW_US.items():
                index_us = self.rows * self.GIN_ENTRY_US
                least = window * row_us / index_us if index_us else math.inf
                words, shares = self.words.get(column, ([], []))
                kept = [(w, f) for w, f in zip(words, shares, strict=True) if f * f >= least]
                values[f"broad_least_{column}"] = least
                values[f"broad_words_{column}"] = " ".join(w for w, _ in kept)
                values[f"broad_shares_{column}"] = " ".join(f"{f:.4f}" for _, f in kept)
            self._values[window] = values
        return values

    async def refresh(self, reader: Database) -> None:
        if time.monotonic() - self.loaded_at < self.REFRESH_S or self._lock.locked():
            return
        async with self._lock:
            self.loaded_at = time.monotonic()
            words: dict[str, tuple[list[str], list[float]]] = {}
            rows = 0.0
            try:
                statistics = await reader.fetch(STATISTICS)
            except Exception as exc:  # searches go on through the indexes, as before
                logger.warning("text statistics unavailable", extra={"error": type(exc).__name__})
                return
            for row in statistics:
                pairs = [
                    (word, float(share))
                    for word, share in zip(row["words"] or [], row["shares"] or [], strict=False)
                    if share >= self.MIN_SHARE
                ]
                words[row["name"]] = ([w for w, _ in pairs], [f for _, f in pairs])
                rows = float(row["rows"])
            self.words, self.rows, self._values = words, rows, {}


BROAD_WORDS = BroadWords()
