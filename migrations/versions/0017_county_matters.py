"""matters escalated to the county (issue 19): county departments and coordination meetings

The county's own tables (captured in its outbox, never sent down): county_department (县直部门
that matters are assigned to; retired, never deleted) and county_meeting (协调会 on major
matters: the items' numbers, the lead department 牵头单位, the co-operating ones 配合单位,
attendees and decisions). Nothing else changes: the new item states (上报县, 县已交办) are
values of the existing state columns.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "county_department",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_department")),
    )
    with op.batch_alter_table("county_department", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_county_department_name"), ["name"], unique=False)

    op.create_table(
        "county_meeting",
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("lead", sa.String(length=50), nullable=False),
        sa.Column("cooperating", sa.JSON(), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_meeting")),
    )
    with op.batch_alter_table("county_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_county_meeting_held_on"), ["held_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("county_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_county_meeting_held_on"))
    op.drop_table("county_meeting")
    with op.batch_alter_table("county_department", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_county_department_name"))
    op.drop_table("county_department")
