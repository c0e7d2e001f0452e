"""The read side: every public read (search, lists, record pages, HSDS/HSDA, feeds, facets,
related practices) on one raw asyncpg path (``app.state.reader``, ``shared.db.raw``), its SQL
in ``sql.py``, ``search.py`` and ``broad_words.py``. It imports nothing of the write side."""
