"""cadre categories (乡驻村干部 …) and 包村 village; the place of a diary entry

Existing cadres take the category their role implies (干部 → 乡驻村干部, 党员 → 党员,
工作队员 → 工作队员); the township can correct them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cadre", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("category", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("village_code", sa.String(length=12), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE cadre SET category = CASE role"
        " WHEN '党员' THEN '党员' WHEN '工作队员' THEN '工作队员' ELSE '乡驻村干部' END"
    )
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place", sa.String(length=100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.drop_column("place")
    with op.batch_alter_table("cadre", schema=None) as batch_op:
        batch_op.drop_column("village_code")
        batch_op.drop_column("category")
