"""The write side: the editorial workflow (create, update, transitions), imports, exports and
the seed, on SQLAlchemy sessions (the ORM models of ``shared.db.models.catalog``). What it
answers with is read back through the read side."""
