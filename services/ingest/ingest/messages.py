"""Row-error codes (and those of a refused CSV header) with their English and Polish messages.

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
    "unknown_profile": (
        "The institution has no export profile (or version) of this name; see GET /v1/profiles.",
        "Instytucja nie ma profilu eksportu (ani wersji) o tej nazwie; zob. GET /v1/profiles.",
    ),
    "ignored_and_mapped": (
        "A column cannot be both mapped and ignored.",
        "Kolumna nie może być jednocześnie przypisana do pola i pomijana.",
    ),
    "invalid_json_line": ("This line is not valid JSON.", "Ten wiersz nie jest poprawnym JSON-em."),
    "csv_column_count": (
        "The row has a different number of columns than the header.",
        "Wiersz ma inną liczbę kolumn niż nagłówek.",
    ),
    "invalid_date": (
        "Not a valid date: write YYYY-MM-DD or DD.MM.YYYY (also with “r.”, or with “/” or “-”, "
        "day first).",
        "Nieprawidłowa data: wpisz RRRR-MM-DD lub DD.MM.RRRR (także z „r.” albo z „/” lub „-”, "
        "najpierw dzień).",
    ),
    "ambiguous_date": (
        "The batch writes dates month first (a date such as 10/15/2026 occurs in it), so this "
        "date reads both ways; write it as DD.MM.YYYY or YYYY-MM-DD.",
        "Paczka zapisuje daty od miesiąca (występuje w niej data taka jak 10/15/2026), więc tę "
        "datę można odczytać na dwa sposoby; wpisz ją jako DD.MM.RRRR lub RRRR-MM-DD.",
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
    "short_pesel": (
        "The PESEL has fewer than 11 digits, and restoring the leading zeros a spreadsheet drops "
        "does not give a valid PESEL (checksum and date of birth); export the column as text.",
        "PESEL ma mniej niż 11 cyfr, a uzupełnienie zer wiodących, które usuwa arkusz "
        "kalkulacyjny, nie daje poprawnego numeru PESEL (suma kontrolna i data urodzenia); "
        "eksportuj tę kolumnę jako tekst.",
    ),
    "external_id_is_pesel": (
        "external_id must not be a PESEL; use the case number.",
        "external_id nie może być numerem PESEL; użyj numeru sprawy.",
    ),
    "unknown_category": (
        "Unknown category code or label.",
        "Nieznany kod lub nazwa kategorii.",
    ),
    "ambiguous_category": (
        "This label matches several categories; use the category code.",
        "Ta nazwa pasuje do kilku kategorii; użyj kodu kategorii.",
    ),
    "category_name_not_in_use": (
        "This name of category {code} was in use {period}; on reference_date the category is "
        "called “{label}”.",
        "Ta nazwa kategorii {code} obowiązywała {period_pl}; w dniu reference_date kategoria "
        "nazywa się „{label}”.",
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
    "unknown_district": (
        "Unknown district (osiedle): no district of the institution's municipality has this code "
        "or name.",
        "Nieznane osiedle: żadne osiedle gminy instytucji nie ma takiego kodu ani nazwy.",
    ),
    "ambiguous_district": (
        "Several districts of the institution's territory have this name; give the district "
        "code, or location.gmina.",
        "Kilka osiedli na terenie instytucji ma tę nazwę; podaj kod osiedla lub location.gmina.",
    ),
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
    # Header of a CSV file (the whole body is refused: nothing is stored).
    "unknown_column": (
        "Not a record field. Remove the column from the export, or use an export profile that "
        "ignores it (free text and personal data other than the identifier are never accepted).",
        "To nie jest pole rekordu. Usuń kolumnę z eksportu albo użyj profilu eksportu, który ją "
        "pomija (wolny tekst i dane osobowe poza identyfikatorem nie są przyjmowane).",
    ),
    "unnamed_column": (
        "This column has no name in the header; name it or remove it.",
        "Ta kolumna nie ma nazwy w nagłówku; nazwij ją lub usuń.",
    ),
    "duplicate_column": (
        "Columns {columns} give one field; keep one of them.",
        "Kolumny {columns} podają to samo pole; zostaw jedną z nich.",
    ),
    "header_missing": (
        "The first line holds values, not column names; add a header line (such as "
        "nr_sprawy;pesel;data;kategorie).",
        "Pierwszy wiersz zawiera wartości, a nie nazwy kolumn; dodaj wiersz nagłówka (np. "
        "nr_sprawy;pesel;data;kategorie).",
    ),
    "unsupported_delimiter": (
        "The sep= line names a delimiter other than “;”, “,” or TAB.",
        "Wiersz sep= podaje separator inny niż „;”, „,” lub tabulator.",
    ),
}


def messages(code: str, params: tuple[tuple[str, str], ...] = ()) -> tuple[str, str]:
    """The English and Polish message of ``code``, filled with ``params``."""
    english, polish = MESSAGES.get(code, ("Invalid value.", "Nieprawidłowa wartość."))
    if not params:
        return english, polish
    values = dict(params)
    return english.format(**values), polish.format(**values)


def field_error(
    field: str, code: str, params: tuple[tuple[str, str], ...] = (), **extra: Any
) -> dict[str, Any]:
    """An error of the request as a whole (a CSV header): nothing of the body is stored."""
    english, polish = messages(code, params)
    return {
        "field": field,
        "location": "body",
        "code": code,
        "message": english,
        "message_pl": polish,
        **extra,
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
        english, polish = messages(self.code, self.params)
        body: dict[str, Any] = {
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "message": english,
            "message_pl": polish,
        }
        if self.line is not None:
            body["line"] = self.line
        return body
