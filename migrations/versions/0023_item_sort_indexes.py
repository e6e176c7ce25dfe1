"""every order of the item lists walks an index (issue 19: a county's 450,000 items)

The work lists read one page at a time (storage/item_list.py); 0018 gave the orders of
receipt and the deadlines within a state an index, 0021 the 编号 order on a server. The
other orders of ``item_order.ITEM_SORTS`` sorted every item for the first page (200–640 ms
at 450,000 items on PostgreSQL). Here each gets an index that matches its ``ORDER BY``
exactly, the number (unique) as the tie-break, so the first page of the whole county's list
is a walk of 100 entries either way (a backward walk going down):

- 诉求人, 件类型: ``(requester_name, number)``, ``(item_type, number)``, new;
- 类别, 等级, 经办人, 状态: ``(domain, number)`` … in place of 0002's one-column indexes on
  them, which every query using those serves just as well (the same number of indexes to
  keep up as items are written, each entry a number wider);
- 承诺日期 and 超期: items without a deadline last either way, so the order is
  ``(due_on IS NULL), due_on, number`` and, going down, ``(due_on IS NULL), due_on DESC,
  number DESC`` (mixed directions: no backward walk serves it): two expression indexes,
  outside the models (``item_order.ORDER_INDEXES``; alembic's comparison leaves them out as
  it does 0021's).

Plain ``CREATE INDEX`` / ``DROP INDEX`` on both engines (no table copy on SQLite, so 0013's
and 0016's triggers stay). Items have no tombstones: the indexes are not partial.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = {
    "ix_intake_item_requester_number": ["requester_name", "number"],
    "ix_intake_item_type_number": ["item_type", "number"],
}
#: 0002's one-column index → the two-column one that replaces it
REPLACED = {
    "ix_intake_item_domain": ("ix_intake_item_domain_number", "domain"),
    "ix_intake_item_grade": ("ix_intake_item_grade_number", "grade"),
    "ix_intake_item_handler": ("ix_intake_item_handler_number", "handler"),
    "ix_intake_item_state": ("ix_intake_item_state_number", "state"),
}
#: the deadline orders (item_order.ORDER_INDEXES), both engines
EXPRESSIONS = {
    "ix_intake_item_due_order": "(due_on IS NULL), due_on, number",
    "ix_intake_item_due_order_desc": "(due_on IS NULL), due_on DESC, number DESC",
}


def upgrade() -> None:
    for name, columns in NEW.items():
        op.create_index(name, "intake_item", columns, unique=False)
    for old, (name, column) in REPLACED.items():
        op.create_index(name, "intake_item", [column, "number"], unique=False)
        op.drop_index(old, table_name="intake_item")
    conn = op.get_bind()
    for name, terms in EXPRESSIONS.items():
        conn.exec_driver_sql(f"CREATE INDEX {name} ON intake_item ({terms})")


def downgrade() -> None:
    conn = op.get_bind()
    for name in EXPRESSIONS:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for old, (name, column) in REPLACED.items():
        op.create_index(old, "intake_item", [column], unique=False)
        op.drop_index(name, table_name="intake_item")
    for name in NEW:
        op.drop_index(name, table_name="intake_item")
