"""In-process cache of rendered tiles and item pages: LRU with a byte and an entry cap.

Entries are keyed by everything that shapes the body, the release id included, so one body
never mixes two releases. Each entry names the collections it was rendered from; invalidating
a collection drops them and bumps the collection's generation, so a render that started before
the invalidation is not stored after it."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rendered:
    """A response body with its media type and strong ETag, and for tiles its gzip form
    (compressed once when rendered, not on every response)."""

    body: bytes
    media_type: str
    etag: str
    gzipped: bytes | None = None


def make_etag(body: bytes) -> str:
    """Strong ETag: 128 bits of BLAKE2b of the body."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def rendered(body: bytes, media_type: str) -> Rendered:
    return Rendered(body=body, media_type=media_type, etag=make_etag(body))


# Below this size gzip saves less than the header costs.
GZIP_MIN_BYTES = 1024


def rendered_compressed(body: bytes, media_type: str) -> Rendered:
    """Like ``rendered``, plus the gzip form of bodies worth compressing (CPU work: call it
    from a thread for large bodies)."""
    packed = gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= GZIP_MIN_BYTES else None
    return Rendered(body=body, media_type=media_type, etag=make_etag(body), gzipped=packed)


class RenderCache:
    """LRU of ``Rendered`` bodies; not thread-safe (one event loop per process)."""

    def __init__(self, *, max_bytes: int, max_entries: int) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[Rendered, frozenset[str]]] = OrderedDict()
        self._generations: dict[str, int] = {}
        self.size_bytes = 0
        self.hits = 0
        self.misses = 0
        self._release: tuple[int | None, float] | None = None
        # Request URL (path, query) → (cache key, release, pinned): lets the fast path answer
        # a repeated tile request without parsing it again.
        self._urls: OrderedDict[Hashable, tuple[Hashable, int | None, bool]] = OrderedDict()
        # Resolved choropleth selections (defaults and class breaks) of immutable releases.
        self.selections: dict[Hashable, object] = {}
        # Renders under way, by cache key, and how many requests joined one instead.
        self._in_flight: dict[Hashable, asyncio.Task[Rendered]] = {}
        self.joined = 0

    def __len__(self) -> int:
        return len(self._entries)

    def generation(self, collections: Iterable[str]) -> tuple[int, ...]:
        """A token to pass back to ``put``: it changes when any of ``collections`` is
        invalidated."""
        everything = self._generations.get("*", 0)
        return (everything, *(self._generations.get(name, 0) for name in sorted(collections)))

    def get(self, key: Hashable) -> Rendered | None:
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    def put(
        self,
        key: Hashable,
        value: Rendered,
        *,
        collections: Iterable[str],
        generation: tuple[int, ...],
    ) -> None:
        names = frozenset(collections)
        if self.generation(names) != generation:
            return  # invalidated while rendering
        size = len(value.body) + len(value.gzipped or b"")
        if size > self.max_bytes or self.max_entries == 0:
            return
        previous = self._entries.pop(key, None)
        if previous is not None:
            self.size_bytes -= len(previous[0].body) + len(previous[0].gzipped or b"")
        self._entries[key] = (value, names)
        self.size_bytes += size
        while self.size_bytes > self.max_bytes or len(self._entries) > self.max_entries:
            _, (evicted, _) = self._entries.popitem(last=False)
            self.size_bytes -= len(evicted.body) + len(evicted.gzipped or b"")

    async def single_flight(
        self, key: Hashable, render: Callable[[], Awaitable[Rendered]]
    ) -> Rendered:
        """``render()``, or the result of the same render already under way: a map opening
        after an invalidation asks for the same tiles many times at once. With the cache off
        (``max_entries`` 0, the benchmark's "cold") every request renders by itself."""
        if self.max_entries == 0:
            return await render()
        task = self._in_flight.get(key)
        if task is None:
            task = asyncio.ensure_future(render())
            self._in_flight[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        else:
            self.joined += 1
        # Shielded: a client that goes away does not cancel the render the others wait for.
        return await asyncio.shield(task)

    def _finished(self, key: Hashable, task: asyncio.Task[Rendered]) -> None:
        if self._in_flight.get(key) is task:
            del self._in_flight[key]
        if not task.cancelled():
            task.exception()  # retrieved here too: every waiter may have gone

    def invalidate(self, collections: Iterable[str] | None = None) -> int:
        """Drop the entries of ``collections`` (None: everything); the number dropped."""
        self._release = None
        self.selections.clear()
        self._urls.clear()
        if collections is None:
            dropped = len(self._entries)
            self._generations["*"] = self._generations.get("*", 0) + 1
            self._entries.clear()
            self.size_bytes = 0
            return dropped
        names = set(collections)
        for name in names:
            self._generations[name] = self._generations.get(name, 0) + 1
        stale = [key for key, (_, owners) in self._entries.items() if owners & names]
        for key in stale:
            value, _ = self._entries.pop(key)
            self.size_bytes -= len(value.body) + len(value.gzipped or b"")
        return len(stale)

    def remember_url(
        self, url: Hashable, key: Hashable, *, release: int | None, pinned: bool
    ) -> None:
        """Map a request URL to the cache key it rendered; ``pinned`` when the URL names its
        release (otherwise the entry holds only while ``release`` is the current one)."""
        if self.max_entries == 0:
            return
        self._urls[url] = (key, release, pinned)
        self._urls.move_to_end(url)
        while len(self._urls) > self.max_entries:
            self._urls.popitem(last=False)

    def lookup_url(self, url: Hashable, ttl: float) -> Rendered | None:
        """The cached body of a URL seen before, if it is still valid."""
        found = self._urls.get(url)
        if found is None:
            return None
        key, release, pinned = found
        if not pinned:
            known, current = self.current_release(ttl)
            if not known or current != release:
                return None
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    # The current release id, trusted for ``ttl`` seconds (invalidation resets it).
    def current_release(self, ttl: float) -> tuple[bool, int | None]:
        if self._release is None or time.monotonic() - self._release[1] > ttl:
            return False, None
        return True, self._release[0]

    def remember_release(self, release: int | None) -> None:
        self._release = (release, time.monotonic())
