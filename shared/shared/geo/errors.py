"""The error of a rejected geography import: one problem with a list of per-feature errors."""

from __future__ import annotations

from shared.errors import ValidationFailed


class GeoImportError(ValidationFailed):
    """A boundary or population file was rejected; nothing was written.

    ``errors`` holds one entry per problem: ``code`` (``not-geojson``, ``unknown-crs``,
    ``invalid-geometry``, ``duplicate-code``, ``overlap``, ``gap``, ``outside-parent``, …),
    ``message``, and where known ``feature`` (index in the file), ``unit``, ``name``,
    ``area_m2`` and ``location`` ([lon, lat]).
    """

    slug = "geo-import-error"
    title = "Geography import failed"
    title_pl = "Import geografii nie powiódł się"

    def describe(self) -> str:
        """The detail followed by one line per error, for terminals and logs."""
        lines = [self.detail]
        for error in self.errors or []:
            where = " ".join(
                str(part)
                for part in (
                    f"feature {error['feature']}" if error.get("feature") is not None else None,
                    error.get("unit"),
                    f"({error['name']})" if error.get("name") else None,
                )
                if part
            )
            prefix = f"  - [{error.get('code', 'error')}] "
            lines.append(prefix + (f"{where}: " if where else "") + str(error.get("message", "")))
        return "\n".join(lines)
