"""The Atom feed of newly published practices, for ROPS websites."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from catalog.read import sql
from catalog.read.records import bound
from shared.db.raw import Database


async def practices_feed(
    reader: Database, *, voivodeship: str | None, limit: int, base_url: str, self_url: str
) -> bytes:
    """The newest published practices (of one voivodeship, or all) as Atom 1.0."""
    practices = await reader.fetch(*bound(sql.FEED_PRACTICES, voivodeship=voivodeship, limit=limit))
    return atom_feed(practices, base_url=base_url, voivodeship=voivodeship, self_url=self_url)


ATOM = "http://www.w3.org/2005/Atom"


def _iso(value: datetime | None) -> str:
    return (
        (value or datetime.now(UTC))
        .astimezone(UTC)
        .isoformat(timespec="seconds")
        .replace("+00:00", "Z")
    )


def atom_feed(
    practices: Sequence[Mapping[str, Any]], *, base_url: str, voivodeship: str | None, self_url: str
) -> bytes:
    """An Atom 1.0 feed; every text goes through the XML serializer, so markup in a record is
    escaped, never interpreted."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    scope = f"województwo {voivodeship}" if voivodeship else "cała Polska"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"Dobre praktyki: {scope}"
    ET.SubElement(
        feed, f"{{{ATOM}}}id"
    ).text = f"urn:socmap:catalog:practices:{voivodeship or 'all'}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _iso(
        max((p["published_at"] for p in practices if p["published_at"]), default=None)
    )
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "socmap catalog"
    for practice in practices:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{practice['id']}"
        ET.SubElement(entry, f"{{{ATOM}}}title", type="text").text = practice["title"]
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _iso(practice["published_at"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _iso(practice["updated_at"])
        ET.SubElement(
            entry,
            f"{{{ATOM}}}link",
            rel="alternate",
            type="application/json",
            href=f"{base_url.rstrip('/')}/v1/practices/{practice['slug']}",
        )
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = practice["summary"]
        for code in practice["service_areas"]:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=code, scheme="urn:socmap:service-area")
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body
