"""Export profiles applied to a batch: which column is which field, which columns are never
read, export values → canonical ones, date formats, encoding and delimiter (issue 16, item 2).

Nothing of an ignored column is read into a record: its cells are skipped when a CSV row is
turned into a record, so no value of it can reach the database, a log or an error message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ingest.schemas import ProfileBody
from ingest.validation import normalize_label


def column_key(name: str) -> str:
    """A CSV column name as the header matching compares it (no case, no diacritics, ``_``
    for spaces and dashes)."""
    return normalize_label(name).replace(" ", "_").replace("-", "_")


def value_key(value: str) -> str:
    """An export value as the value mapping compares it."""
    return normalize_label(value)


@dataclass(frozen=True, slots=True)
class ReadingProfile:
    """A profile version ready to read a batch with."""

    name: str
    version: int
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    categories: dict[str, str] = field(default_factory=dict)
    sexes: dict[str, str] = field(default_factory=dict)
    id_types: dict[str, str] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None

    @classmethod
    def of(cls, name: str, version: int, body: ProfileBody) -> ReadingProfile:
        return cls(
            name=name,
            version=version,
            columns={
                column_key(column): tuple(target.split("."))
                for column, target in body.columns.items()
            },
            ignored=frozenset(column_key(column) for column in body.ignore),
            categories={value_key(k): v for k, v in body.values.categories.items()},
            sexes={value_key(k): v for k, v in body.values.sex.items()},
            id_types={value_key(k): v for k, v in body.values.subject_id_type.items()},
            date_formats=tuple(body.date_formats),
            encoding=body.encoding,
            delimiter=body.delimiter,
        )

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def category(self, cell: str) -> str | None:
        """The code a whole categories cell (or one category of it) maps to, if any."""
        return self.categories.get(value_key(cell)) if self.categories else None

    def apply(self, record: Any) -> None:
        """Map values and dates of a raw record in place (anything not mapped goes on as is
        and is validated as without a profile)."""
        if not isinstance(record, dict):
            return
        categories = record.get("categories")
        if self.categories and isinstance(categories, list):
            record["categories"] = [
                (self.category(item) or item) if isinstance(item, str) else item
                for item in categories
            ]
        attributes = record.get("attributes")
        if self.sexes and isinstance(attributes, dict) and isinstance(attributes.get("sex"), str):
            sex = attributes["sex"]
            attributes["sex"] = self.sexes.get(value_key(sex), sex)
        id_type = record.get("subject_id_type")
        if self.id_types and isinstance(id_type, str):
            record["subject_id_type"] = self.id_types.get(value_key(id_type), id_type)
        if self.date_formats:
            for name in ("reference_date", "end_date"):
                value = record.get(name)
                if isinstance(value, str):
                    record[name] = self._date(value)

    def _date(self, value: str) -> str:
        text = value.strip()
        for date_format in self.date_formats:
            try:
                return datetime.strptime(text, date_format).date().isoformat()
            except ValueError:
                continue
        return value
