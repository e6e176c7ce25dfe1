"""The orders of the item lists and the ledger, in the database (moved out of items_repo)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func

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

#: The orders of the work lists (and the township's): 编号, 受理日期, 诉求人, 类别, 等级,
#: 件类型, 状态, 承诺日期, 超期 (the most overdue first: the earliest due date), 经办人.
ITEM_SORTS = (
    "number", "received", "requester", "domain", "grade", "type", "state", "due",
    "overdue", "handler",
)  # fmt: skip


def item_order(sort: Sort) -> list[Any]:
    """ORDER BY terms for one of :data:`ITEM_SORTS` (the ledger uses them too)."""
    item = m.IntakeItem
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
