"""Where the one Alembic history lives and which revision is its head."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

SHARED_ROOT = Path(__file__).resolve().parent.parent
ALEMBIC_INI = SHARED_ROOT / "alembic.ini"


def alembic_config(url: str | None = None) -> Config:
    """Alembic config of the one history; ``url`` overrides the settings' owner URL."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(SHARED_ROOT / "migrations"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def head_revision() -> str:
    """The head revision id of the history."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migration history is empty"
    return head
