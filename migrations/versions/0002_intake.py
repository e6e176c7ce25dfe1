"""intake items, events, counters, calendar

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("workday", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_day")),
        sa.UniqueConstraint("day", name=op.f("uq_calendar_day_day")),
    )
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_year")),
        sa.UniqueConstraint("year", name=op.f("uq_calendar_year_year")),
    )
    op.create_table(
        "item_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_item_counter")),
    )
    op.create_table(
        "intake_item",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("requester_person_id", sa.String(length=36), nullable=True),
        sa.Column("requester_household_id", sa.String(length=36), nullable=True),
        sa.Column("requester_name", sa.String(length=50), nullable=False),
        sa.Column("requester_phone", sa.String(length=32), nullable=False),
        sa.Column("domain", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("item_type", sa.String(length=8), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=50), nullable=False),
        sa.Column("promised_days", sa.Integer(), nullable=False),
        sa.Column("query_code", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requester_household_id"],
            ["household.id"],
            name=op.f("fk_intake_item_requester_household_id_household"),
        ),
        sa.ForeignKeyConstraint(
            ["requester_person_id"],
            ["person.id"],
            name=op.f("fk_intake_item_requester_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_item")),
        sa.UniqueConstraint("number", name=op.f("uq_intake_item_number")),
    )
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_item_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_item_domain"), ["domain"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_item_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_item_grade"), ["grade"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_item_handler"), ["handler"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_intake_item_received_at"), ["received_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_intake_item_requester_person_id"), ["requester_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_intake_item_state"), ["state"], unique=False)

    op.create_table(
        "item_event",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("actor_role", sa.String(length=16), nullable=False),
        sa.Column("from_state", sa.String(length=24), nullable=True),
        sa.Column("to_state", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_item_event_item_id_intake_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_event")),
    )
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_event_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_event_item_id"))

    op.drop_table("item_event")
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_item_state"))
        batch_op.drop_index(batch_op.f("ix_intake_item_requester_person_id"))
        batch_op.drop_index(batch_op.f("ix_intake_item_received_at"))
        batch_op.drop_index(batch_op.f("ix_intake_item_handler"))
        batch_op.drop_index(batch_op.f("ix_intake_item_grade"))
        batch_op.drop_index(batch_op.f("ix_intake_item_due_on"))
        batch_op.drop_index(batch_op.f("ix_intake_item_domain"))
        batch_op.drop_index(batch_op.f("ix_intake_item_channel"))

    op.drop_table("intake_item")
    op.drop_table("item_counter")
    op.drop_table("calendar_year")
    op.drop_table("calendar_day")
