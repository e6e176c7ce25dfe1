"""the work lists' orders as index walks (issue 19: a county's 450,000 items)

The item lists read one page at a time (``LIMIT``/``OFFSET``, storage/item_list.py); these
indexes let the first page be a walk of an index instead of a sort of every match: newest
first (``received_at``, then ``number``), newest first within one state, and the states with
their deadlines (the overdue and due-soon lists and their counts). Plain ``CREATE INDEX`` on
both engines: no table copy, so 0013's triggers on intake_item stay.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_intake_item_received_number": ["received_at", "number"],
    "ix_intake_item_state_received": ["state", "received_at", "number"],
    "ix_intake_item_state_due": ["state", "due_on"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "intake_item", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="intake_item")
