"""Confidence intervals of indicators (reference/domain-poland.md §5, Fingertips methods)."""

from __future__ import annotations

import math

Z95 = 1.959964


def wilson_interval(events: int, total: int, *, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``events / total`` (persons counted once, so
    ``events <= total``); returns proportions in [0, 1]."""
    if total <= 0:
        raise ValueError("total must be positive")
    events = min(max(events, 0), total)
    spread = z * math.sqrt(z * z + 4 * events * (1 - events / total))
    denominator = 2 * (total + z * z)
    lower = (2 * events + z * z - spread) / denominator
    upper = (2 * events + z * z + spread) / denominator
    return max(0.0, lower), min(1.0, upper)


def compare_with_benchmark(lower: float, upper: float, benchmark: float) -> str:
    """Fingertips rule without polarity: the area's interval against the benchmark *value*."""
    if upper < benchmark:
        return "lower"
    if lower > benchmark:
        return "higher"
    return "similar"
