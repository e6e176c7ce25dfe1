"""residents by ID number alone (issue 19: the import's duplicate check at a county)

Every import looks up, for the residents it brought in, the live residents of other
origins with the same ID number (sync/apply_sql.shared_id_numbers: 重复登记 for review).
The only index with the number was (origin, id_number), which such a lookup cannot seek:
each chunk of a county bundle scanned every resident of the county (400 stations: over a
million), and the import slowed as the county filled. A partial index on the live numbers
alone, plain ``CREATE INDEX`` on both engines (no table copy: 0016's search triggers stay).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_person_id_number_live"
LIVE = "deleted_at IS NULL AND id_number IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        NAME, "person", ["id_number"], unique=False,
        sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index(NAME, table_name="person")
