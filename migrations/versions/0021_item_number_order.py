"""the item lists' 编号 order on PostgreSQL walks an index (issue 19)

On a server ``func.natural_key(number)`` is a PL/pgSQL function compared ``COLLATE "C"``
(0015), called once per row: sorting the county's 450,000 items by 编号 took about 4.9 s
for the first 100 rows. An expression index on exactly that key and the number (the ties of
every order) lets the first page be an index walk both ways (about 5 ms). The function is
IMMUTABLE, so PostgreSQL keeps the index as items are written (one call per written number).
Nothing on SQLite: its natural_key is a Python function registered per connection, and an
index over it could not be written by a connection without it (the sqlite3 shell, a repair).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_intake_item_natural_number"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(
        f'CREATE INDEX {INDEX} ON intake_item ((natural_key(number) COLLATE "C"), number)'
    )
    conn.exec_driver_sql("ANALYZE intake_item")  # the planner learns the expression's values


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
