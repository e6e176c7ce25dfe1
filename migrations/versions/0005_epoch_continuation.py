"""a new key epoch says how far it continues the old one

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # the last outbox sequence the peer had made when it took this key (its enrollment
    # says so); NULL for keys enrolled before 0.2 or for a peer's first epoch
    with op.batch_alter_table("sync_peer_key", schema=None) as batch_op:
        batch_op.add_column(sa.Column("continues_through", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peer_key", schema=None) as batch_op:
        batch_op.drop_column("continues_through")
