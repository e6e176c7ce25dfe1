"""initial schema: station, register, cards, change outbox

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cadre",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cadre")),
    )
    op.create_table(
        "grid",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("leader_name", sa.String(length=50), nullable=False),
        sa.Column("leader_phone", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grid")),
    )
    op.create_table(
        "local_node",
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("hlc_millis", sa.Integer(), nullable=False),
        sa.Column("hlc_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_local_node")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "station",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("township_code", sa.String(length=9), nullable=False),
        sa.Column("township_name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("opening_hours", sa.String(length=100), nullable=False),
        sa.Column("supervision_phone", sa.String(length=32), nullable=False),
        sa.Column("township_phone", sa.String(length=32), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
        sa.UniqueConstraint("code", name=op.f("uq_station_code")),
    )
    op.create_table(
        "sync_change",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_change")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_change_change_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.create_index("ix_sync_change_table_row", ["table_name", "row_id"], unique=False)

    op.create_table(
        "household",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("cadre_id", sa.String(length=36), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadre.id"], name=op.f("fk_household_cadre_id_cadre")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_household_grid_id_grid")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(
            "uq_household_number_live",
            ["number"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "card_issue",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("card_number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_card_issue_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_issue")),
    )
    with op.batch_alter_table("card_issue", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_issue_card_number"), ["card_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_card_issue_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_person_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_household_id"), ["household_id"], unique=False)
        batch_op.create_index(
            "ix_person_search", ["search_text", "household_id", "deleted_at"], unique=False
        )
        batch_op.create_index(
            "uq_person_id_number_live",
            ["id_number"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND id_number IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_person_id_number_live",
            sqlite_where=sa.text("deleted_at IS NULL AND id_number IS NOT NULL"),
        )
        batch_op.drop_index("ix_person_search")
        batch_op.drop_index(batch_op.f("ix_person_household_id"))

    op.drop_table("person")
    with op.batch_alter_table("card_issue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_issue_household_id"))
        batch_op.drop_index(batch_op.f("ix_card_issue_card_number"))

    op.drop_table("card_issue")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index("uq_household_number_live", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_household_grid_id"))
        batch_op.drop_index(batch_op.f("ix_household_cadre_id"))

    op.drop_table("household")
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_change_table_row")

    op.drop_table("sync_change")
    op.drop_table("station")
    op.drop_table("setting")
    op.drop_table("local_node")
    op.drop_table("grid")
    op.drop_table("cadre")
