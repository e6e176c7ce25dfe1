"""an item's responsibility (issue 17): 主管部门 and 双联系单位

Two names from the township's units register (``core/units.py``), '' when none is set. The
migration writes no rows: items registered before it have neither (a row a migration wrote
would never travel); the station edits them like any other field.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-20
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("competent_unit", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("paired_unit", sa.String(length=100), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("intake_item", schema=None) as batch_op:
        batch_op.drop_column("paired_unit")
        batch_op.drop_column("competent_unit")
