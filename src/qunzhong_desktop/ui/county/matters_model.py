"""The rows of the 协调 page: matters at the county (:class:`.core.intake.county.Matter`).

One model for both lists: waiting (已上报县: township, station, reason, days waiting) and
assigned (县已交办: department, due date, working days overdue in red); the page hides the
columns a list does not use. The lists are short (matters a township could not settle), so
they are read whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from qunzhong_desktop.core.intake.county import Matter
from qunzhong_desktop.ui.common.palette import OVERDUE_TINT

(
    COL_NUMBER,
    COL_TOWNSHIP,
    COL_STATION,
    COL_REQUESTER,
    COL_CONTENT,
    COL_REASON,
    COL_WAITING,
    COL_DEPARTMENT,
    COL_DUE,
    COL_OVERDUE,
    COL_MEETINGS,
) = range(11)
COLUMN_WIDTHS = (190, 80, 70, 56, 120, 160, 56, 100, 90, 76, 48)
WAITING_COLUMNS = (COL_NUMBER, COL_TOWNSHIP, COL_STATION, COL_REQUESTER, COL_CONTENT,
                   COL_REASON, COL_WAITING, COL_MEETINGS)  # fmt: skip
ASSIGNED_COLUMNS = (COL_NUMBER, COL_TOWNSHIP, COL_STATION, COL_REQUESTER, COL_CONTENT,
                    COL_DEPARTMENT, COL_DUE, COL_OVERDUE, COL_MEETINGS)  # fmt: skip
CENTRED = (COL_WAITING, COL_DUE, COL_OVERDUE, COL_MEETINGS)
OVERDUE_TEXT = QColor("#b71c1c")
Index = QModelIndex | QPersistentModelIndex


class MattersModel(QAbstractTableModel):
    """Matters at the county, with the names of their townships and stations.

    Attributes:
        townships: township code → name.
        stations: station code → name.
        today: the day the waiting days count to.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matters: list[Matter] = []
        self.townships: dict[str, str] = {}
        self.stations: dict[str, str] = {}
        self.today = dt.date.today()
        self._headers = [
            self.tr("编号"), self.tr("乡镇"), self.tr("工作站"), self.tr("诉求人"),
            self.tr("诉求内容"), self.tr("上报理由"), self.tr("已等待"), self.tr("县直部门"),
            self.tr("办结期限"), self.tr("超期"), self.tr("协调会"),
        ]  # fmt: skip

    def set_matters(self, matters: Sequence[Matter], today: dt.date) -> None:
        """Show ``matters`` (the waiting days count to ``today``)."""
        self.beginResetModel()
        self.matters = list(matters)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: Index | None = None) -> int:
        """The number of matters."""
        return 0 if parent is not None and parent.isValid() else len(self.matters)

    def columnCount(self, parent: Index | None = None) -> int:
        """All the columns (the page hides some)."""
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def matter(self, row: int) -> Matter | None:
        """The matter of a row."""
        return self.matters[row] if 0 <= row < len(self.matters) else None

    def row_of(self, number: str) -> int | None:
        """The row of an item number, if listed."""
        return next((i for i, x in enumerate(self.matters) if x.number == number), None)

    def township_name(self, matter: Matter) -> str:
        """The name of the matter's township (its code when unknown)."""
        return self.townships.get(matter.township) or matter.township

    def station_name(self, matter: Matter) -> str:
        """The short name of the station that took the matter in."""
        name = self.stations.get(matter.station) or matter.station
        return name.removesuffix("群众工作站") or name

    def waiting_days(self, matter: Matter) -> int:
        """Calendar days since the township escalated it."""
        if matter.escalated_at is None:
            return 0
        return max((self.today - matter.escalated_at.date()).days, 0)

    def text(self, matter: Matter, column: int) -> str:
        """A cell's text."""
        values = {
            COL_NUMBER: matter.number,
            COL_TOWNSHIP: self.township_name(matter).removesuffix("群众工作办"),
            COL_STATION: self.station_name(matter),
            COL_REQUESTER: matter.requester_name,
            COL_CONTENT: " ".join(matter.content.split()),
            COL_REASON: " ".join(matter.reason.split()),
            COL_WAITING: self.tr("{0} 天").format(self.waiting_days(matter)),
            COL_DEPARTMENT: matter.department,
            COL_DUE: matter.due_on.isoformat() if matter.due_on else "",
            COL_OVERDUE: self.tr("{0} 个工作日").format(matter.overdue_days)
            if matter.overdue_days
            else self.tr("未超期"),
            COL_MEETINGS: str(matter.meetings) if matter.meetings else "",
        }
        return values.get(column, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltips (the whole content and reason), alignment and the overdue red."""
        matter = self.matter(index.row()) if index.isValid() else None
        if matter is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(matter, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_CONTENT, COL_REASON):
            return matter.content if column == COL_CONTENT else matter.reason
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in CENTRED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if matter.overdue_days and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(OVERDUE_TINT))
        foreground = role == Qt.ItemDataRole.ForegroundRole
        if matter.overdue_days and foreground and column in (COL_DUE, COL_OVERDUE):
            return QBrush(OVERDUE_TEXT)
        return None
