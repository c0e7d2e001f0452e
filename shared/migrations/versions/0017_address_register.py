"""Geography: the address register (``geo.locality``, ``geo.street``, ``geo.street_key``) and
where each street rule comes from (``geo.street_district.source``).

``socmap geo teryt import`` loads the GUS TERYT SIMC and ULIC registers into the first three;
``socmap geo addresses import`` derives street rules from GUGiK PRG address points (point in
district polygon) and replaces its own rules of the imported localities. A rule may now cover a
whole locality (``source = 'locality'``, no street). No address point is ever stored.

Revision ID: 0017_address_register
Revises: 0016_category_aliases
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_address_register"
down_revision: str | None = "0016_category_aliases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = "socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles"
SOURCES = "('manual', 'street', 'range', 'number', 'locality')"


def upgrade() -> None:
    op.create_table(
        "locality",
        sa.Column("simc", sa.String(length=7), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("gmina_code", sa.String(length=7), nullable=False),
        sa.Column("teryt_unit", sa.String(length=7), nullable=False),
        sa.Column("kind", sa.String(length=2), nullable=False),
        sa.Column("parent_simc", sa.String(length=7), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.CheckConstraint("simc ~ '^[0-9]{7}$'", name=op.f("ck_locality_simc_format")),
        sa.CheckConstraint("gmina_code ~ '^[0-9]{7}$'", name=op.f("ck_locality_gmina_format")),
        sa.PrimaryKeyConstraint("simc", name=op.f("pk_locality")),
        schema="geo",
    )
    op.create_index(
        "ix_locality_gmina_code_name_key",
        "locality",
        ["gmina_code", "name_key"],
        unique=False,
        schema="geo",
    )
    op.create_table(
        "street",
        sa.Column("simc", sa.String(length=7), nullable=False),
        sa.Column("ulic", sa.String(length=5), nullable=False),
        sa.Column("feature", sa.Text(), nullable=True),
        sa.Column("name_1", sa.Text(), nullable=False),
        sa.Column("name_2", sa.Text(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.CheckConstraint("ulic ~ '^[0-9]{5}$'", name=op.f("ck_street_ulic_format")),
        sa.PrimaryKeyConstraint("simc", "ulic", name=op.f("pk_street")),
        schema="geo",
    )
    op.create_table(
        "street_key",
        sa.Column("simc", sa.String(length=7), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("ulic", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["simc", "ulic"],
            ["geo.street.simc", "geo.street.ulic"],
            name=op.f("fk_street_key_simc_street"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("simc", "key", "ulic", name=op.f("pk_street_key")),
        schema="geo",
    )
    op.create_index("ix_street_key_key", "street_key", ["key"], unique=False, schema="geo")
    op.add_column(
        "street_district",
        sa.Column("source", sa.String(length=8), server_default="manual", nullable=False),
        schema="geo",
    )
    op.create_check_constraint(
        op.f("ck_street_district_source"), "street_district", f"source IN {SOURCES}", schema="geo"
    )
    op.drop_constraint(op.f("ck_street_district_street"), "street_district", schema="geo")
    op.create_check_constraint(
        op.f("ck_street_district_street"),
        "street_district",
        "ulic IS NOT NULL OR street_name IS NOT NULL OR source = 'locality'",
        schema="geo",
    )
    # Default privileges cover only ingest, stats and catalog: geo tables are granted here.
    op.execute(f"GRANT SELECT ON geo.locality, geo.street, geo.street_key TO {ROLES}")


def downgrade() -> None:
    op.execute("DELETE FROM geo.street_district WHERE source = 'locality'")
    op.drop_constraint(op.f("ck_street_district_street"), "street_district", schema="geo")
    op.create_check_constraint(
        op.f("ck_street_district_street"),
        "street_district",
        "ulic IS NOT NULL OR street_name IS NOT NULL",
        schema="geo",
    )
    op.drop_constraint(op.f("ck_street_district_source"), "street_district", schema="geo")
    op.drop_column("street_district", "source", schema="geo")
    op.drop_index("ix_street_key_key", table_name="street_key", schema="geo")
    op.drop_table("street_key", schema="geo")
    op.drop_table("street", schema="geo")
    op.drop_index("ix_locality_gmina_code_name_key", table_name="locality", schema="geo")
    op.drop_table("locality", schema="geo")
