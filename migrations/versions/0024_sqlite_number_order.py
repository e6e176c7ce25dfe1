"""the 编号 order on SQLite walks an index when every number has the app's shape (issue 19)

On SQLite the item lists' 编号 order was ``natural_key(number)``, a Python function called
for every match: 2.7–4 s for the first page of 450,000 items. An index on that function
cannot be had: every connection writing items (the sqlite3 shell, a repair, SQLCipher's
``sqlcipher_export`` in ``encrypt_copy``) would then need the function.

Every number the program gives is ``item_number()``'s ``{12-digit station code}-{year}-{5-digit
sequence}`` (six digits and more past 99,999). For such numbers the natural order is the
order of ``(substr(number, 1, 18), length(number), number)``: the station and year as text,
then the longer sequence last. Both are built-in functions, so two plain indexes serve it:

- ``ix_intake_item_number_order`` on exactly those three terms, which the first page walks;
- ``ix_intake_item_odd_number``, a partial index of the items whose number does NOT have
  that shape (none in a store the program made) — one probe of it tells the list whether it
  may use the first index, or must sort by ``natural_key`` as before (exact either way).

``storage/item_order.ODD_NUMBER`` is the same condition, word for word (a query uses a
partial index only when its WHERE holds the index's); a test compares them. Nothing on a
server (0021 indexes ``natural_key`` there).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_INDEX = "ix_intake_item_number_order"
ODD_INDEX = "ix_intake_item_odd_number"
ORDER_TERMS = "substr(number, 1, 18), length(number), number"
# not 12 digits, '-', 4 digits, '-', 5 or more digits with no leading 0 past five, at most 12
ODD_NUMBER = (
    "(number NOT GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-"
    "[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9]*'"
    " OR substr(number, 19) GLOB '*[^0-9]*'"
    " OR length(number) > 30"
    " OR (length(number) > 23 AND substr(number, 19, 1) = '0'))"
)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"CREATE INDEX {ORDER_INDEX} ON intake_item ({ORDER_TERMS})")
    conn.exec_driver_sql(f"CREATE INDEX {ODD_INDEX} ON intake_item (number) WHERE {ODD_NUMBER}")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {ODD_INDEX}")
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {ORDER_INDEX}")
