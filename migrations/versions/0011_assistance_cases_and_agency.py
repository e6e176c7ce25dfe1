"""assistance as cases (needs, checking steps, outcomes; kind, amount, helpers) and 代办

Existing assistance records keep their fields; they become help given against a need not
here but at the station's next start (``storage/assistance_upgrade.py``), through the
captured write path, so the needs travel to the township like any other row.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assistance_need",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=8), nullable=False),
        sa.Column("urgent", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reported_by", sa.String(length=50), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("time_limit", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_assistance_need_household_id_household"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_assistance_need_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_need")),
    )
    with op.batch_alter_table("assistance_need", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assistance_need_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assistance_need_reported_on"), ["reported_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assistance_need_state"), ["state"], unique=False)

    op.create_table(
        "agency_entry",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_agency_entry_item_id_intake_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_entry")),
    )
    with op.batch_alter_table("agency_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_entry_item_id"), ["item_id"], unique=False)

    op.create_table(
        "assistance_step",
        sa.Column("need_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["assistance_need.id"],
            name=op.f("fk_assistance_step_need_id_assistance_need"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_step")),
    )
    with op.batch_alter_table("assistance_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assistance_step_need_id"), ["need_id"], unique=False)

    op.create_table(
        "assistance_outcome",
        sa.Column("assistance_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assistance_id"],
            ["assistance.id"],
            name=op.f("fk_assistance_outcome_assistance_id_assistance"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_outcome")),
    )
    with op.batch_alter_table("assistance_outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assistance_outcome_assistance_id"), ["assistance_id"], unique=False
        )

    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("need_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("kind", sa.String(length=8), server_default="其他", nullable=False)
        )
        batch_op.add_column(sa.Column("amount_fen", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("helper_ids", sa.JSON(), server_default="[]", nullable=False))
        batch_op.create_index(batch_op.f("ix_assistance_need_id"), ["need_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_assistance_need_id_assistance_need"),
            "assistance_need",
            ["need_id"],
            ["id"],
        )

    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("agency_mode", sa.String(length=8), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("agency_auth_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("agency_auth_kind", sa.String(length=4), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("agency_agent", sa.String(length=50), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("agency_office", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("at_home", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.drop_column("at_home")
        batch_op.drop_column("agency_office")
        batch_op.drop_column("agency_agent")
        batch_op.drop_column("agency_auth_kind")
        batch_op.drop_column("agency_auth_on")
        batch_op.drop_column("agency_mode")

    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_assistance_need_id_assistance_need"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_assistance_need_id"))
        batch_op.drop_column("helper_ids")
        batch_op.drop_column("amount_fen")
        batch_op.drop_column("kind")
        batch_op.drop_column("need_id")

    with op.batch_alter_table("assistance_outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_outcome_assistance_id"))

    op.drop_table("assistance_outcome")
    with op.batch_alter_table("assistance_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_step_need_id"))

    op.drop_table("assistance_step")
    with op.batch_alter_table("agency_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_entry_item_id"))

    op.drop_table("agency_entry")
    with op.batch_alter_table("assistance_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_need_state"))
        batch_op.drop_index(batch_op.f("ix_assistance_need_reported_on"))
        batch_op.drop_index(batch_op.f("ix_assistance_need_household_id"))

    op.drop_table("assistance_need")
