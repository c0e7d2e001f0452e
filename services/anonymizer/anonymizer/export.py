"""CSV renderings: a suppressed cell is an empty value with ``suppressed`` = ``x``, the same
for primary and secondary suppression (A1)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response

CSV_MEDIA_TYPE = "text/csv"


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_format(column, row.get(column)) for column in columns])
    return buffer.getvalue()


def _format(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("x" if value else "") if column.endswith("suppressed") else str(value).lower()
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def csv_response(body: str, filename: str) -> Response:
    """A CSV download (UTF-8)."""
    return Response(
        body,
        media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
