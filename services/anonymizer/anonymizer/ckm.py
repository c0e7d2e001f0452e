"""Cell-key perturbation (CKM) of counts (reference/disclosure-control.md §3, A7).

Each person gets a fixed record key in ``0 .. KEY_RANGE - 1``; the cell key is the sum of the
record keys of the distinct persons in a cell, modulo ``KEY_RANGE``; the published value is
``v + noise``, the noise read from a p-table row of ``v`` at the cell key. The same persons
always give the same cell key, so the same cell gets the same noise in every table and every
release (averaging and differencing of identical cells gain nothing), and one more person
redraws the noise (a +1 between two months is masked).

Record keys: ``HMAC-SHA256(ckm_key, subject_hash)``, first byte. ``subject_hash`` is already a
keyed pseudonym, but its key is ingest's, and the hashes themselves sit in ``ingest.record``
(ingest operators, database readers, backups). Were the record key a plain function of the
hash, anyone holding hashes could recompute the cell keys of cells whose members they know
and subtract the noise; the anonymizer's own key keeps record keys with the anonymizer. The key
must never change once monthly cells are out (a new key redraws every noise: the attacker
averages the versions), and the p-table parameters are not published (Handbook ch.5).

The p-table is generated here from parameters: for every original value a maximum-entropy
distribution over the allowed deviations (``|noise| <= max_deviation``, the output ``0`` or
at least ``threshold``, so no 1s and 2s), with mean exactly zero and variance as close to
``variance`` as the allowed outputs permit, quantized to whole cell keys (each row sums to
``KEY_RANGE``) with the mean kept exactly zero. Zeros stay zeros. Values from
``threshold + max_deviation`` on share the same (symmetric) row.

Pure functions: the database computes the record and cell keys (``repository.MONTHLY_SQL``;
:func:`hmac_pads` gives it the key), this module the noise.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anonymizer.disclosure import DisclosureError

KEY_RANGE = 256  # one byte of the HMAC per record key
_BLOCK = 64  # SHA-256 block size, for the HMAC pads
_ITERATIONS = 60  # bisection steps (each halves an interval of width 40 or 120)
_WINDOW = 6  # how far a count of cell keys may move from its exact share


@dataclass(frozen=True, slots=True)
class PTableParameters:
    """``max_deviation`` D (kept confidential), the target ``variance`` of the noise, and
    ``threshold``: the smallest positive value that may be published (3: no 1s and 2s)."""

    max_deviation: int = 3
    variance: float = 1.5
    threshold: int = 3

    def check(self) -> None:
        if self.threshold < 1:
            raise DisclosureError("the CKM threshold must be at least 1")
        # A value of 1 must be able to reach 0 and the threshold.
        if self.max_deviation < self.threshold - 1 or self.max_deviation < 1:
            raise DisclosureError(
                f"the CKM maximum deviation must be at least {max(1, self.threshold - 1)}"
            )
        if not self.variance > 0:
            raise DisclosureError("the CKM variance must be positive")


@dataclass(frozen=True, slots=True)
class PTableRow:
    """The noise of one original value: ``counts[i]`` cell keys give ``noises[i]``."""

    value: int
    noises: tuple[int, ...]
    counts: tuple[int, ...]

    def noise(self, cell_key: int) -> int:
        boundary = 0
        for noise, count in zip(self.noises, self.counts, strict=True):
            boundary += count
            if cell_key < boundary:
                return noise
        raise ValueError(f"cell key {cell_key} outside 0..{KEY_RANGE - 1}")

    def mean(self) -> float:
        return sum(n * c for n, c in zip(self.noises, self.counts, strict=True)) / KEY_RANGE

    def variance(self) -> float:
        return sum(n * n * c for n, c in zip(self.noises, self.counts, strict=True)) / KEY_RANGE


@dataclass(frozen=True, slots=True)
class PTable:
    """Rows for the values ``1 .. top``; larger values use the row of ``top``; 0 stays 0."""

    parameters: PTableParameters
    rows: tuple[PTableRow, ...]

    @property
    def top(self) -> int:
        return len(self.rows)

    def noise(self, value: int, cell_key: int) -> int:
        if value < 0:
            raise ValueError("counts are never negative")
        if not 0 <= cell_key < KEY_RANGE:
            raise ValueError(f"cell key {cell_key} outside 0..{KEY_RANGE - 1}")
        if value == 0:
            return 0
        return self.rows[min(value, self.top) - 1].noise(cell_key)

    def perturb(self, value: int, cell_key: int) -> int:
        """The published value of a cell with ``value`` persons and ``cell_key``."""
        return value + self.noise(value, cell_key)


@lru_cache(maxsize=8)
def build_ptable(parameters: PTableParameters | None = None) -> PTable:
    """The p-table of ``parameters`` (the defaults when ``None``); cached."""
    parameters = parameters or PTableParameters()
    parameters.check()
    top = parameters.threshold + parameters.max_deviation
    rows = []
    for value in range(1, top + 1):
        support = [
            noise
            for noise in range(-parameters.max_deviation, parameters.max_deviation + 1)
            if value + noise == 0 or value + noise >= parameters.threshold
        ]
        probabilities = _maximum_entropy(support, parameters.variance)
        counts = _whole_keys(support, probabilities, value)
        kept = [(noise, count) for noise, count in zip(support, counts, strict=True) if count]
        rows.append(
            PTableRow(value, tuple(noise for noise, _ in kept), tuple(count for _, count in kept))
        )
    return PTable(parameters, tuple(rows))


def _moments(support: list[int], tilt: float, spread: float) -> tuple[list[float], float, float]:
    """``p(d) ~ exp(tilt * d + spread * d^2)``: the probabilities, their mean and variance."""
    exponents = [tilt * d + spread * d * d for d in support]
    top = max(exponents)
    weights = [math.exp(exponent - top) for exponent in exponents]
    total = sum(weights)
    probabilities = [weight / total for weight in weights]
    mean = sum(p * d for p, d in zip(probabilities, support, strict=True))
    second = sum(p * d * d for p, d in zip(probabilities, support, strict=True))
    return probabilities, mean, second - mean * mean


def _centred(support: list[int], spread: float) -> tuple[list[float], float]:
    """The tilt that makes the mean zero (the mean grows with the tilt), by bisection."""
    low, high = -60.0, 60.0
    for _ in range(_ITERATIONS):
        middle = (low + high) / 2
        _, mean, _ = _moments(support, middle, spread)
        if mean < 0:
            low = middle
        else:
            high = middle
    probabilities, _, variance = _moments(support, (low + high) / 2, spread)
    return probabilities, variance


def _maximum_entropy(support: list[int], variance: float) -> list[float]:
    """The maximum-entropy distribution on ``support`` with mean 0 and the variance nearest to
    ``variance``: ``exp(a*d + b*d^2)``, ``a`` for the mean, ``b`` for the variance (with the
    mean held at zero the variance grows with ``b``)."""
    if min(support) >= 0 or max(support) <= 0:
        if 0 not in support:
            raise DisclosureError(f"no zero-mean noise on {support}")
        return [1.0 if d == 0 else 0.0 for d in support]
    low, high = -20.0, 20.0
    for _ in range(_ITERATIONS):
        middle = (low + high) / 2
        _, reached = _centred(support, middle)
        if reached < variance:
            low = middle
        else:
            high = middle
    probabilities, _ = _centred(support, (low + high) / 2)
    return probabilities


def _whole_keys(support: list[int], probabilities: list[float], value: int) -> list[int]:
    """Cell keys per deviation: whole numbers summing to ``KEY_RANGE`` with a mean of exactly
    zero, nearest (least total absolute difference) to ``probabilities * KEY_RANGE``; ties go to
    the lexicographically smallest counts. A dynamic programme over the deviations, each count
    within ``_WINDOW`` of its target, with states (keys used, sum of deviations)."""
    targets = [p * KEY_RANGE for p in probabilities]
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for noise, target in zip(support, targets, strict=True):
        low = max(0, math.floor(target) - _WINDOW)
        high = min(KEY_RANGE, math.ceil(target) + _WINDOW)
        following: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {}
        for (used, moment), (cost, counts) in best.items():
            for count in range(low, min(high, KEY_RANGE - used) + 1):
                state = (used + count, moment + count * noise)
                option = (cost + abs(count - target), (*counts, count))
                if state not in following or option < following[state]:
                    following[state] = option
        best = following
    found = best.get((KEY_RANGE, 0))
    if found is None:
        raise DisclosureError(
            f"no p-table row for {value} with mean exactly zero on {KEY_RANGE} cell keys"
            f" (deviations {support}); choose another maximum deviation"
        )
    return list(found[1])


# --- keys -----------------------------------------------------------------------------------


def record_key(secret: bytes, subject_hash: bytes) -> int:
    """The record key of a person: the first byte of ``HMAC-SHA256(secret, subject_hash)``."""
    return hmac.new(secret, subject_hash, hashlib.sha256).digest()[0]


def cell_key(record_keys: Iterable[int]) -> int:
    """The sum of the record keys of the distinct persons in a cell, modulo ``KEY_RANGE``."""
    return sum(record_keys) % KEY_RANGE


def hmac_pads(secret: bytes) -> tuple[bytes, bytes]:
    """The inner and outer HMAC-SHA256 pads of ``secret``, so SQL can compute
    ``sha256(outer || sha256(inner || message))`` with the built-in ``sha256`` (no pgcrypto)."""
    key = hashlib.sha256(secret).digest() if len(secret) > _BLOCK else secret
    key = key.ljust(_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)
