"""an item's report facts (issue 17): a cache the period report reads instead of replaying

``item_fact`` holds, per item, what its whole history says (core/monthly/facts.py); it is
this PC's, never synced, and so is ``item_flow``. Triggers keep it honest: writing an item or one of its events drops
that item's row, and any change to the working-day calendar drops every row; the report
fills missing rows again (storage/item_facts.py). The migration writes no rows: the first
report fills them. ``item_flow`` keeps beside them each item's escalations and follow-ups
(with the answer), read by a period's moments without the events' JSON.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (trigger, table, event, the tables to clear, the rows to drop): an item's flows go with its
# facts; a change of the calendar drops every fact (due dates), not the flows
_ITEM = ("item_fact", "item_flow")
_TRIGGERS: tuple[tuple[str, str, str, tuple[str, ...], str], ...] = (
    ("item_fact_item_update", "intake_item", "UPDATE", _ITEM, "item_id = OLD.id"),
    ("item_fact_event_insert", "item_event", "INSERT", _ITEM, "item_id = NEW.item_id"),
    (
        "item_fact_event_update",
        "item_event",
        "UPDATE",
        _ITEM,
        "item_id IN (OLD.item_id, NEW.item_id)",
    ),
    ("item_fact_event_delete", "item_event", "DELETE", _ITEM, "item_id = OLD.item_id"),
    ("item_fact_day_insert", "calendar_day", "INSERT", ("item_fact",), "1 = 1"),
    ("item_fact_day_update", "calendar_day", "UPDATE", ("item_fact",), "1 = 1"),
    ("item_fact_day_delete", "calendar_day", "DELETE", ("item_fact",), "1 = 1"),
    ("item_fact_year_insert", "calendar_year", "INSERT", ("item_fact",), "1 = 1"),
    ("item_fact_year_update", "calendar_year", "UPDATE", ("item_fact",), "1 = 1"),
    ("item_fact_year_delete", "calendar_year", "DELETE", ("item_fact",), "1 = 1"),
)


def upgrade() -> None:
    op.create_table(
        "item_fact",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("domain", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("first_time", sa.Boolean(), nullable=False),
        sa.Column("on_time", sa.Boolean(), nullable=False),
        sa.Column("resolved_unit", sa.String(length=100), nullable=False),
        sa.Column("assigned_unit", sa.String(length=100), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("competent_now", sa.String(length=100), nullable=False),
        sa.Column("paired", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["intake_item.id"],
            name=op.f("fk_item_fact_item_id_intake_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_item_fact")),
    )
    # no index on item_fact: a report reads most of it, and a scan of its narrow rows is faster
    # than an index's lookups
    op.create_table(
        "item_flow",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["intake_item.id"],
            name=op.f("fk_item_flow_item_id_intake_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "position", name=op.f("pk_item_flow")),
    )
    op.create_index(op.f("ix_item_flow_at"), "item_flow", ["at"], unique=False)
    dialect = op.get_bind().dialect.name
    for name, table, event, cleared, rows in _TRIGGERS:
        body = " ".join(f"DELETE FROM {target} WHERE {rows};" for target in cleared)
        if dialect == "sqlite":
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {body} END"
            )
        else:  # PostgreSQL (the county tier): a trigger function per trigger
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {body} RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION {name}()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, table, _event, _cleared, _rows in _TRIGGERS:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_index(op.f("ix_item_flow_at"), table_name="item_flow")
    op.drop_table("item_flow")
    op.drop_table("item_fact")
