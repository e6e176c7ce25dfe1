"""corrections of saved items (更正), with who, when, why and the old and new values

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "item_correction",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["intake_item.id"], name=op.f("fk_item_correction_item_id_intake_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_correction")),
    )
    with op.batch_alter_table("item_correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_correction_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("item_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_correction_item_id"))
    op.drop_table("item_correction")
