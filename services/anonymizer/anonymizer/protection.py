"""Protecting one block: its relations, the revision policy's sensitive cells and the
attacker's bounds turned into one call of ``disclosure.protect``.

The work is CPU-bound and every block is independent of the others (``anonymizer.blocks``),
so a run protects its blocks side by side in a pool of processes
(``SOCMAP_ANONYMIZER_PROTECTION_WORKERS``; with 1, in a thread of the run's own process,
which also relays the progress of every round). The pool is started on first use and kept for
the life of the process: a worker costs about a second to start.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import numpy as np

from anonymizer.blocks import Revision
from anonymizer.disclosure import (
    BoolArray,
    Protection,
    RelationSystem,
    primary_suppression,
    protect,
)
from anonymizer.priority import cell_costs
from anonymizer.relations import Taxonomy, audit_regions, fixed_by_rules, relation_arrays
from anonymizer.repository import AggregateRow


@dataclass(frozen=True, slots=True)
class BlockInput:
    """Everything the protection of one block needs (sent to a worker process as it is)."""

    rows: list[AggregateRow]
    parents: dict[str, str | None]
    k: int
    p: float
    revision: Revision
    population: dict[tuple[str, int], int]
    taxonomy: Taxonomy
    max_rounds: int


@dataclass(frozen=True, slots=True)
class BlockPattern:
    """The outcome: which cells are suppressed (``None``: no pattern protects the block, even
    with every changed cell hidden) and what it took."""

    suppressed: BoolArray | None
    primary: BoolArray | None
    rounds: int
    linear_programs: int
    components: int


def protect_block(
    block: BlockInput, on_round: Callable[[dict[str, int]], None] | None = None
) -> BlockPattern:
    """The pattern of a block: with the changed cells of closed periods free to stay shown,
    and if no pattern protects it so, with every changed cell hidden (keeping its last
    published value)."""
    rounds = linear_programs = 0
    for hide_changed in (False, True):
        attempt = protect_rows(block, hide_changed=hide_changed, on_round=on_round)
        rounds = max(rounds, attempt.rounds)
        linear_programs += attempt.audit.linear_programs
        if attempt.reason is None:
            return BlockPattern(
                attempt.suppressed,
                attempt.primary,
                rounds,
                linear_programs,
                attempt.audit.components,
            )
        if not block.revision.changed.any():
            break
    return BlockPattern(None, None, rounds, linear_programs, 0)


def protect_rows(
    block: BlockInput,
    *,
    hide_changed: bool,
    on_round: Callable[[dict[str, int]], None] | None = None,
) -> Protection:
    """Build the relations and protect one block.

    Revisions smaller than ``k`` are sensitive like counts below ``k``, and so is every
    changed cell with ``hide_changed``; a locked cell is out already (frozen), a cell
    suppressed before stays suppressed. The attacker bounds each cell by the residents of its
    unit (published), or by the block's largest figure where the population is unknown.
    Cells public rules fix (structural zeros) are known to everyone: always published, never
    spent on protection."""
    rows, revision, k, p = block.rows, block.revision, block.k, block.p
    values = np.array([row.value for row in rows], dtype=np.int64)
    keys = [row.key for row in rows]
    system = RelationSystem(
        relation_arrays(keys, values, block.parents, block.taxonomy), values.size
    )
    fixed = fixed_by_rules(keys, values, block.taxonomy)
    sensitive = revision.sensitive | (revision.changed if hide_changed else revision.sensitive)
    # A revision is protected as a change: the attacker, who knows the old value, must not
    # narrow the new one to less than k either way (nor rule out that nothing changed).
    levels = np.where(
        sensitive & ~primary_suppression(values, k=k), k, np.maximum(k, np.ceil(p * values - 1e-9))
    ).astype(np.int64)
    return protect(
        values,
        system,
        k=k,
        p=p,
        locked=revision.locked | fixed,
        primary=(primary_suppression(values, k=k) | sensitive) & ~revision.locked & ~fixed,
        forced=revision.forced & ~fixed,
        levels=levels,
        max_rounds=block.max_rounds,
        cap=attacker_caps(rows, values, block.population),
        on_round=on_round,
        cost=cell_costs(keys, values),
        regions=audit_regions([(row.unit_code, row.level) for row in rows], block.parents),
    )


def attacker_caps(
    rows: list[AggregateRow],
    values: np.ndarray[Any, np.dtype[np.int64]],
    population: dict[tuple[str, int], int],
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The attacker's upper bound of each cell: the published residents of its unit in that
    year. A unit without a figure (a powiat or voivodeship the demo does not load) is bounded by
    the largest figure of its block, residents or counts: weaker bounds than the real
    residents, but far above any count they could bind, and the same whichever other blocks
    a run computes."""
    known = [population.get((row.unit_code, int(row.period[:4]))) for row in rows]
    fallback = float(max([int(values.max()), *(value for value in known if value is not None)]))
    return np.array([fallback if value is None else float(value) for value in known])


_POOLS: dict[int, ProcessPoolExecutor] = {}


class Protector:
    """Protects blocks with ``workers`` at a time: in a thread when 1, else in a shared pool
    of processes. A worker that dies (out of memory, killed) fails the run that used it; the
    next run starts a new pool."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    async def __call__(
        self, block: BlockInput, on_round: Callable[[dict[str, int]], None]
    ) -> BlockPattern:
        if self.workers <= 1:
            return await asyncio.to_thread(protect_block, block, on_round)
        pool = _POOLS.get(self.workers)
        if pool is None:
            # Spawned, not forked: the run's process has an event loop and threads.
            context = multiprocessing.get_context("spawn")
            pool = _POOLS[self.workers] = ProcessPoolExecutor(self.workers, mp_context=context)
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, protect_block, block)
        except BrokenProcessPool:
            _POOLS.pop(self.workers, None)
            raise
