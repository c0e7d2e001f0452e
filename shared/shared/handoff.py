"""Hand-off to map-tiles: after public data changed (a release, a catalogue edit), ask it to
drop cached tiles. Retries with exponential back-off and never fails the caller: the change is
committed before this runs, and a map that stays stale until the cache expires beats a lost
change."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx

from shared.settings import PublishingSettings

logger = logging.getLogger("socmap.handoff")


class TilesInvalidator:
    """Calls ``POST {map_tiles_url}/v1/cache:invalidate``; ``transport`` is for tests."""

    def __init__(
        self, settings: PublishingSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self.transport = transport
        self.attempts_made = 0

    @property
    def enabled(self) -> bool:
        return bool(self.settings.map_tiles_url)

    async def invalidate(self, body: dict[str, Any]) -> bool:
        """True when map-tiles acknowledged; False when disabled or after the last attempt."""
        if not self.settings.map_tiles_url:
            return False
        url = self.settings.map_tiles_url.rstrip("/") + "/v1/cache:invalidate"
        headers: dict[str, str] = {}
        if self.settings.map_tiles_key is not None:
            headers["Authorization"] = f"Bearer {self.settings.map_tiles_key.get_secret_value()}"
        delay = self.settings.invalidate_backoff_s
        async with httpx.AsyncClient(
            transport=self.transport, timeout=self.settings.invalidate_timeout_s
        ) as client:
            for attempt in range(1, self.settings.invalidate_attempts + 1):
                self.attempts_made += 1
                try:
                    response = await client.post(url, json=body, headers=headers)
                    if response.is_success:
                        return True
                    if response.status_code < 500 and response.status_code != 429:
                        # A 4xx will not get better by retrying (bad key, bad body).
                        logger.error(
                            "tile invalidation rejected",
                            extra={"status": response.status_code, "body": body},
                        )
                        return False
                    reason = f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    reason = type(exc).__name__
                logger.warning(
                    "tile invalidation failed",
                    extra={"attempt": attempt, "reason": reason, "url": url},
                )
                if attempt < self.settings.invalidate_attempts and delay:
                    await asyncio.sleep(delay)
                    delay *= 2
        logger.error("tile invalidation gave up", extra={"body": body})
        return False
