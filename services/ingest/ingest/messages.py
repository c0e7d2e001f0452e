"""Row-error codes with their English and Polish messages.

Messages never repeat the submitted value: a report must not carry a PESEL or an address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("This field is required.", "To pole jest wymagane."),
    "unknown_field": (
        "Unknown field (free text is not accepted).",
        "Nieznane pole (wolny tekst nie jest przyjmowany).",
    ),
    "invalid_type": ("Wrong type of value.", "Nieprawidłowy typ wartości."),
    "invalid_format": ("Invalid format.", "Nieprawidłowy format."),
    "too_long": ("Value is too long.", "Wartość jest za długa."),
    "invalid_characters": (
        "The value contains a character that cannot be stored (NUL).",
        "Wartość zawiera znak, którego nie można zapisać (NUL).",
    ),
    "too_short": ("Value is empty or too short.", "Wartość jest pusta lub za krótka."),
    "invalid_value": ("Value is not allowed here.", "Niedozwolona wartość."),
    "invalid_record": ("A record must be a JSON object.", "Rekord musi być obiektem JSON."),
    "invalid_json_line": ("This line is not valid JSON.", "Ten wiersz nie jest poprawnym JSON-em."),
    "csv_column_count": (
        "The row has a different number of columns than the header.",
        "Wiersz ma inną liczbę kolumn niż nagłówek.",
    ),
    "invalid_date": (
        "Not a valid date (YYYY-MM-DD or DD.MM.YYYY).",
        "Nieprawidłowa data (RRRR-MM-DD lub DD.MM.RRRR).",
    ),
    "date_in_future": ("The date is in the future.", "Data jest z przyszłości."),
    "date_too_early": ("The date is before 1990-01-01.", "Data jest wcześniejsza niż 1990-01-01."),
    "end_before_start": (
        "end_date is before reference_date.",
        "Data zakończenia jest wcześniejsza niż data rozpoczęcia.",
    ),
    "invalid_pesel": (
        "Invalid PESEL: 11 digits with a valid checksum and date of birth are required.",
        "Nieprawidłowy PESEL: wymagane 11 cyfr z poprawną sumą kontrolną i datą urodzenia.",
    ),
    "external_id_is_pesel": (
        "external_id must not be a PESEL; use the case number.",
        "external_id nie może być numerem PESEL; użyj numeru sprawy.",
    ),
    "unknown_category": (
        "Unknown category code or label.",
        "Nieznany kod lub nazwa kategorii.",
    ),
    "category_not_for_institution": (
        "This category belongs to the other kind of institution (OPS or PUP).",
        "Ta kategoria dotyczy innego rodzaju instytucji (OPS lub PUP).",
    ),
    "category_not_valid_on_date": (
        "This category is not in force on reference_date.",
        "Ta kategoria nie obowiązuje w dniu reference_date.",
    ),
    "too_many_locations": (
        "Give only one of district, point or address.",
        "Podaj tylko jedno z: osiedle, punkt lub adres.",
    ),
    "unsupported_crs": (
        "Unsupported coordinate system; use EPSG:4326, 2180 or 2176-2179.",
        "Nieobsługiwany układ współrzędnych; użyj EPSG:4326, 2180 lub 2176-2179.",
    ),
    "point_outside_poland": (
        "The point lies outside Poland (check the coordinate system and the axis order: "
        "x = easting/longitude, y = northing/latitude).",
        "Punkt leży poza Polską (sprawdź układ współrzędnych i kolejność osi: "
        "x = długość/wschód, y = szerokość/północ).",
    ),
    "invalid_house_number": (
        "The house number must start with digits.",
        "Numer domu musi zaczynać się od cyfr.",
    ),
    "unknown_district": ("Unknown district (osiedle) code.", "Nieznany kod osiedla."),
    "unknown_gmina": ("Unknown municipality (TERC) code.", "Nieznany kod gminy (TERC)."),
    "outside_territory": (
        "The location lies outside the institution's territory.",
        "Lokalizacja leży poza terenem działania instytucji.",
    ),
    "location_unresolved": (
        "The municipality of this record cannot be determined; add location.gmina (TERC).",
        "Nie można ustalić gminy tego rekordu; podaj location.gmina (TERC).",
    ),
    "duplicate_external_id": (
        "This external_id occurs more than once in the batch (rows {rows}).",
        "Ten external_id występuje w paczce więcej niż raz (wiersze {rows}).",
    ),
}


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one row: ``row`` is the 0-based record index, ``line`` the 1-based line
    of the NDJSON/CSV file when there is one."""

    row: int
    field: str
    code: str
    line: int | None = None
    params: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        english, polish = MESSAGES.get(self.code, ("Invalid value.", "Nieprawidłowa wartość."))
        values = dict(self.params)
        body: dict[str, Any] = {
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "message": english.format(**values) if values else english,
            "message_pl": polish.format(**values) if values else polish,
        }
        if self.line is not None:
            body["line"] = self.line
        return body
