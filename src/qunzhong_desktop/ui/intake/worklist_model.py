"""A work list as a table model: it holds item ids and fetches rows in blocks.

Like the register's :mod:`.household_model`, the model keeps only the ids a search returned
and asks the store for :class:`ItemRow` objects one block at a time, when the view first
paints a row of that block. The urgency of an item colours its whole row: light green on
time, amber due soon, red overdue, grey while the clock is paused. A 代办 item told to collect
(已通知领取) and not collected after some working days is amber too (:meth:`set_waiting`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from qunzhong_desktop.core.intake.clock import URGENCY_NAMES, Urgency
from qunzhong_desktop.core.intake.records import ItemRow
from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.intake.states import STATE_NAMES
from qunzhong_desktop.ui.common.lazy_table import AnyIndex, LazyIdTableModel
from qunzhong_desktop.ui.common.palette import (
    DUE_SOON_TINT,
    ON_TIME_TINT,
    OVERDUE_TINT,
    PAUSED_TINT,
)

FetchRows = Callable[[Sequence[str]], list[ItemRow]]

(
    COL_NUMBER,
    COL_RECEIVED,
    COL_REQUESTER,
    COL_CONTENT,
    COL_DOMAIN,
    COL_GRADE,
    COL_TYPE,
    COL_STATE,
    COL_DUE,
    COL_URGENCY,
    COL_HANDLER,
) = range(11)
#: The columns that sort, in the database (``SqlItems.page_ids``); 内容 does not.
SORT_KEYS = {
    COL_NUMBER: "number", COL_RECEIVED: "received", COL_REQUESTER: "requester",
    COL_DOMAIN: "domain", COL_GRADE: "grade", COL_TYPE: "type", COL_STATE: "state",
    COL_DUE: "due", COL_URGENCY: "overdue", COL_HANDLER: "handler",
}  # fmt: skip


class Column(IntEnum):
    """The columns by name, for lists built on this model (the township's triage list)."""

    NUMBER = COL_NUMBER
    RECEIVED = COL_RECEIVED
    REQUESTER = COL_REQUESTER
    CONTENT = COL_CONTENT
    DOMAIN = COL_DOMAIN
    GRADE = COL_GRADE
    TYPE = COL_TYPE
    STATE = COL_STATE
    DUE = COL_DUE
    URGENCY = COL_URGENCY
    HANDLER = COL_HANDLER


URGENCY_COLOURS: dict[Urgency, str] = {
    Urgency.ON_TIME: ON_TIME_TINT,
    Urgency.DUE_SOON: DUE_SOON_TINT,
    Urgency.OVERDUE: OVERDUE_TINT,
    Urgency.PAUSED: PAUSED_TINT,
}
TEXT_COLOUR = "#212121"  # the tints are light: keep the text dark on a dark theme too
CONTENT_CHARS = 40


def elide(text: str, limit: int = CONTENT_CHARS) -> str:
    """The first line of ``text``, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class WorkListModel(LazyIdTableModel):
    """Items found by a work list's filter, one per row, fetched lazily in blocks.

    Args:
        fetch_rows: returns the rows for some ids (``store.items.rows``).
        parent: the Qt parent.
    """

    def __init__(self, fetch_rows: FetchRows, parent: QObject | None = None) -> None:
        super().__init__(fetch_rows, parent)
        self._waiting: dict[str, int] = {}
        self._headers = [
            self.tr("编号"),
            self.tr("受理日期"),
            self.tr("诉求人"),
            self.tr("诉求内容"),
            self.tr("类别"),
            self.tr("等级"),
            self.tr("件类型"),
            self.tr("状态"),
            self.tr("承诺日期"),
            self.tr("期限"),
            self.tr("经办人"),
        ]

    def set_waiting(self, waited: dict[str, int]) -> None:
        """Items waiting too long for collection: {item id: working days since told}."""
        self._waiting = dict(waited)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def waiting(self, item_id: str) -> int | None:
        """Working days an item has waited for collection, when too long (else None)."""
        return self._waiting.get(item_id)

    # contents ----------------------------------------------------------------------------
    def item_row(self, row: int) -> ItemRow | None:
        """The fetched record of a row (fetching its block if needed), or None if gone."""
        found: ItemRow | None = self.record(row)
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell, the urgency as the row's background, the full content as tooltip."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_GRADE, COL_TYPE, COL_STATE, COL_URGENCY):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        record = self.item_row(index.row())
        if record is None:
            if role == Qt.ItemDataRole.DisplayRole and column == COL_REQUESTER:
                return self.tr("（已删除）")
            return None
        colour = URGENCY_COLOURS.get(record.urgency)
        waited = self._waiting.get(record.id)
        if waited is not None:
            colour = DUE_SOON_TINT  # 待领取 too long: amber, as a deadline that comes
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(TEXT_COLOUR) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if column == COL_URGENCY and waited is not None:
            return self.tr("待领取 {0} 个工作日").format(waited)
        return self._cell(record, column)

    def _tooltip(self, record: ItemRow) -> str:
        due = record.due_on.isoformat() if record.due_on else "—"
        return self.tr(
            "{number}　{received} 受理　{grade}　{urgency}（承诺日期 {due}）\n{content}"
        ).format(
            number=record.number,
            grade=GRADES.get(record.grade, record.grade),
            received=record.received_at.strftime("%Y-%m-%d %H:%M"),
            urgency=URGENCY_NAMES[record.urgency],
            due=due,
            content=record.content,
        )

    def _cell(self, record: ItemRow, column: int) -> str:
        values: dict[int, str] = {
            COL_NUMBER: record.number,
            COL_RECEIVED: record.received_at.strftime("%Y-%m-%d"),
            COL_REQUESTER: record.requester_name,
            COL_DOMAIN: record.domain,
            COL_GRADE: record.grade,  # A/B/C: the list is wide; the tooltip has the name
            COL_TYPE: record.item_type,
            COL_STATE: STATE_NAMES[record.state],
            COL_DUE: record.due_on.isoformat() if record.due_on else "",
            COL_URGENCY: overdue_text(record),
            COL_HANDLER: record.handler,
            COL_CONTENT: elide(record.content),
        }
        return values.get(column, "")


def overdue_text(record: ItemRow) -> str:
    """The days overdue ("超期 3 天", working days), else the urgency's name."""
    if record.urgency is Urgency.OVERDUE and record.overdue_days:
        return QCoreApplication.translate("WorkListModel", "超期 {0} 天").format(
            record.overdue_days
        )
    return URGENCY_NAMES[record.urgency]
