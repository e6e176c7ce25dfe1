"""a new key epoch says how far it continues the old one; a replaced key how far it signs

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
    # valid_through: once a newer key replaced it, the last sequence an old key may have
    # signed (NULL while the key is current)
    with op.batch_alter_table("sync_peer_key", schema=None) as batch_op:
        batch_op.add_column(sa.Column("continues_through", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("valid_through", sa.Integer(), nullable=True))
    # 0.1.0 kept a peer's old keys valid after it took new ones: revoke each key that has a
    # newer epoch beside it, valid for what was received in its own epoch
    op.execute(
        "UPDATE sync_peer_key SET revoked_at = CURRENT_TIMESTAMP, valid_through = ("
        " SELECT COALESCE(MAX(b.seq_to), 0) FROM sync_bundle b"
        " WHERE b.peer_node_id = sync_peer_key.node_id AND b.direction = 'in'"
        " AND b.epoch = sync_peer_key.epoch)"
        " WHERE revoked_at IS NULL AND EXISTS (SELECT 1 FROM sync_peer_key newer"
        " WHERE newer.node_id = sync_peer_key.node_id AND newer.epoch > sync_peer_key.epoch)"
    )


def downgrade() -> None:
    with op.batch_alter_table("sync_peer_key", schema=None) as batch_op:
        batch_op.drop_column("valid_through")
        batch_op.drop_column("continues_through")
