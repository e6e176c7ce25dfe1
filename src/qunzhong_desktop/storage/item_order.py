"""The orders of the item lists and the ledger, in the database (moved out of items_repo)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal_column, text
from sqlalchemy.orm import Session

from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage import models as m

STATION_CODE_DIGITS = 12  # an item number begins with its station's code

#: Indexes of the orders made on a server only, outside the models (migration 0021: the
#: 编号 order's ``natural_key(number) COLLATE "C"``); alembic's comparison leaves them out
#: (search_index.include_name).
SERVER_INDEXES = ("ix_intake_item_natural_number",)
#: The deadline orders' indexes on both engines (migration 0023): items without a deadline
#: last either way, so ``(due_on IS NULL), due_on, number`` and, going down (mixed
#: directions), ``(due_on IS NULL), due_on DESC, number DESC`` — expressions, outside the
#: models like :data:`SERVER_INDEXES`. The other orders' ``(column, number)`` are in the models.
ORDER_INDEXES = ("ix_intake_item_due_order", "ix_intake_item_due_order_desc")
#: SQLite's 编号 order (migration 0024): for numbers of ``item_number()``'s shape the
#: natural order is ``(substr(number, 1, 18), length(number), number)``, indexed; the partial
#: index of the numbers of any other shape tells whether a store may use it.
SQLITE_INDEXES = ("ix_intake_item_number_order", "ix_intake_item_odd_number")
#: The numbers NOT of ``{12 digits}-{4 digits}-{5+ digits}`` (no leading 0 past five digits,
#: at most 12): word for word 0024's partial index condition, so the probe uses that index.
ODD_NUMBER = (
    "(number NOT GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-"
    "[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9]*'"
    " OR substr(number, 19) GLOB '*[^0-9]*'"
    " OR length(number) > 30"
    " OR (length(number) > 23 AND substr(number, 19, 1) = '0'))"
)

#: The orders of the work lists (and the township's): 编号, 受理日期, 诉求人, 类别, 等级,
#: 件类型, 状态, 承诺日期, 超期 (the most overdue first: the earliest due date), 经办人.
ITEM_SORTS = (
    "number", "received", "requester", "domain", "grade", "type", "state", "due",
    "overdue", "handler",
)  # fmt: skip


def plain_numbers(s: Session, sort: Sort | None) -> bool:
    """Whether ``sort`` is 编号 on a SQLite store whose every number has the program's shape.

    Then :func:`item_order` may use 0024's index (the first page is an index walk); otherwise
    it sorts by ``natural_key`` (a Python function per row on SQLite; a server has 0021's
    index). One probe of 0024's partial index, which is empty in a store the program made.
    """
    if sort is None or sort.key != "number" or s.get_bind().dialect.name != "sqlite":
        return False
    probe = text(f"SELECT 1 FROM intake_item WHERE {ODD_NUMBER} LIMIT 1")
    return s.execute(probe).first() is None


def item_order(sort: Sort, *, plain: bool = False) -> list[Any]:
    """ORDER BY terms for one of :data:`ITEM_SORTS` (the ledger uses them too).

    ``plain``: :func:`plain_numbers` said the 编号 order may use 0024's index (the same order
    as ``natural_key`` for such numbers: the station and year, then the sequence's length).
    """
    item = m.IntakeItem
    if sort.key == "number" and plain:
        # literal terms, not bound parameters: SQLite matches them to the index's expressions
        terms = [
            func.substr(item.number, literal_column("1"), literal_column("18")),
            func.length(item.number),
            item.number,
        ]
        return [term.desc() for term in terms] if sort.descending else terms
    columns: dict[str, Any] = {
        "number": func.natural_key(item.number),
        "received": item.received_at,
        "requester": item.requester_name,
        "domain": item.domain,
        "grade": item.grade,
        "type": item.item_type,
        "state": item.state,
        "due": item.due_on,
        "overdue": item.due_on,
        "handler": item.handler,
    }
    key = columns[sort.key]
    # items without a deadline (closed, rejected) go last either way
    missing = [item.due_on.is_(None)] if sort.key in ("due", "overdue") else []
    # more days overdue is an earlier deadline: ascending by days is descending by date
    if sort.descending != (sort.key == "overdue"):
        return [*missing, key.desc(), item.number.desc()]
    return [*missing, key, item.number]
