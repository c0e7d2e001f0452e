"""Auth: services check keys through one function and can no longer read ``auth.api_key``.

``auth.authenticate(prefix, secret_hash)`` is ``SECURITY DEFINER`` (owned by the owner role):
it returns the key's id, scopes, territory and institution only when the hash matches and the
key is live (not revoked, not expired, institution active). No service role can read a key's
hash, name or prefix list any more; ingest keeps INSERT on nothing here (keys are issued by the
owner role through ``socmap keys``).

Revision ID: 0012_key_check
Revises: 0011_revisions
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_key_check"
down_revision: str | None = "0011_revisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = "socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles"

UPGRADE = f"""
CREATE FUNCTION auth.authenticate(p_prefix text, p_secret_hash bytea)
RETURNS TABLE (
    key_id uuid, institution_id uuid, institution_kind text, institution_name text,
    scopes text[], key_territory text[], institution_territory text[]
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.id, i.id, i.kind::text, i.name, k.scopes, k.territory, i.territory
    FROM auth.api_key k
    JOIN auth.institution i ON i.id = k.institution_id
    WHERE k.prefix = p_prefix
      AND k.secret_hash = p_secret_hash
      AND k.revoked_at IS NULL
      AND (k.expires_at IS NULL OR k.expires_at > now())
      AND i.active
$$;
REVOKE ALL ON FUNCTION auth.authenticate(text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.authenticate(text, bytea) TO {ROLES};
REVOKE ALL ON auth.api_key FROM {ROLES};
REVOKE INSERT, UPDATE ON auth.institution FROM socmap_ingest;
"""

DOWNGRADE = f"""
DROP FUNCTION auth.authenticate(text, bytea);
GRANT SELECT ON auth.api_key TO {ROLES};
GRANT INSERT, UPDATE ON auth.institution, auth.api_key TO socmap_ingest;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
