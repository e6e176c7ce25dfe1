"""resident diary, assistance records, item-diary link

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "diary_entry",
        sa.Column("cadre_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cadre_id"], ["cadre.id"], name=op.f("fk_diary_entry_cadre_id_cadre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_entry")),
    )
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_diary_entry_cadre_id"), ["cadre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_diary_entry_day"), ["day"], unique=False)
        batch_op.create_index(
            "uq_diary_entry_cadre_day_live",
            ["cadre_id", "day"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "diary_visit",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["diary_entry.id"], name=op.f("fk_diary_visit_entry_id_diary_entry")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_diary_visit_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_visit")),
    )
    with op.batch_alter_table("diary_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_diary_visit_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_diary_visit_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "assistance",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("helping_unit", sa.String(length=100), nullable=False),
        sa.Column("helper", sa.String(length=50), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("time_limit", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_assistance_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_assistance_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance")),
    )
    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assistance_given_on"), ["given_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_assistance_household_id"), ["household_id"], unique=False
        )

    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("diary_entry_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_intake_item_diary_entry_id"), ["diary_entry_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_intake_item_diary_entry_id_diary_entry"),
            "diary_entry",
            ["diary_entry_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_intake_item_diary_entry_id_diary_entry"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_intake_item_diary_entry_id"))
        batch_op.drop_column("diary_entry_id")

    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_household_id"))
        batch_op.drop_index(batch_op.f("ix_assistance_given_on"))

    op.drop_table("assistance")
    with op.batch_alter_table("diary_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_diary_visit_household_id"))
        batch_op.drop_index(batch_op.f("ix_diary_visit_entry_id"))

    op.drop_table("diary_visit")
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_diary_entry_cadre_day_live", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index(batch_op.f("ix_diary_entry_day"))
        batch_op.drop_index(batch_op.f("ix_diary_entry_cadre_id"))

    op.drop_table("diary_entry")
