"""The township's stations board: a model with one :class:`PeerStatus` per row, its view.

A township has a few dozen stations at most, so the model simply holds the list
:meth:`.SyncService.peers` returned. What needs the clerk's attention is red: bundles known
to be missing, overdue items; a station whose fingerprint is not confirmed yet says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from qunzhong_desktop.sync.views import PeerStatus
from qunzhong_desktop.ui.common.palette import AMBER, RED
from qunzhong_desktop.ui.common.session import local_time, seq_range

AnyIndex = QModelIndex | QPersistentModelIndex

(
    COL_NAME,
    COL_CODE,
    COL_ENROLLED,
    COL_LAST_BUNDLE,
    COL_RECEIVED,
    COL_MISSING,
    COL_FINGERPRINT,
    COL_OPEN,
    COL_OVERDUE,
    COL_PENDING,
) = range(10)

_NUMBERS = (COL_RECEIVED, COL_OPEN, COL_OVERDUE, COL_PENDING)


class StationsTableModel(QAbstractTableModel):
    """The stations a township exchanges bundles with, one per row.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._peers: list[PeerStatus] = []
        self._headers = [
            self.tr("工作站"),
            self.tr("代码"),
            self.tr("已登记"),
            self.tr("最近数据包"),
            self.tr("已收至序号"),
            self.tr("缺失序号"),
            self.tr("密钥指纹"),
            self.tr("未办结"),
            self.tr("超期"),
            self.tr("待回执"),
        ]

    # the rows ----------------------------------------------------------------------------
    def set_peers(self, peers: Sequence[PeerStatus]) -> None:
        """Show these stations (the township's own row, if any, is left out)."""
        self.beginResetModel()
        self._peers = [p for p in peers if p.role == "station"]
        self.endResetModel()

    def peer(self, row: int) -> PeerStatus | None:
        """The station in a row, or None outside the table."""
        return self._peers[row] if 0 <= row < len(self._peers) else None

    def peers(self) -> list[PeerStatus]:
        """The stations shown, in order."""
        return list(self._peers)

    # QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of stations (0 under a valid parent: a table has no children)."""
        return 0 if parent.isValid() else len(self._peers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell, red for what needs attention, tooltips for the long ones."""
        peer = self.peer(index.row()) if index.isValid() else None
        if peer is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(peer, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(peer, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMBERS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (COL_ENROLLED, COL_MISSING):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(peer, column)
        if role == Qt.ItemDataRole.FontRole and column == COL_FINGERPRINT:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None

    def _cell(self, peer: PeerStatus, column: int) -> str:
        values: dict[int, str] = {
            COL_NAME: peer.name,
            COL_CODE: peer.code,
            COL_ENROLLED: self.tr("是") if peer.enrolled else self.tr("待确认指纹"),
            COL_LAST_BUNDLE: local_time(peer.last_received_at) or self.tr("尚未收到"),
            COL_RECEIVED: str(peer.received_through),
            COL_MISSING: seq_range(*peer.missing) if peer.missing else "",
            COL_FINGERPRINT: peer.fingerprint,
            COL_OPEN: str(peer.open_items),
            COL_OVERDUE: str(peer.overdue_items),
            COL_PENDING: str(peer.pending_out),
        }
        return values.get(column, "")

    def _colour(self, peer: PeerStatus, column: int) -> QColor | None:
        if column == COL_MISSING and peer.missing:
            return QColor(RED)
        if column == COL_OVERDUE and peer.overdue_items > 0:
            return QColor(RED)
        if column == COL_ENROLLED and not peer.enrolled:
            return QColor(AMBER)
        return None

    def _tooltip(self, peer: PeerStatus, column: int) -> str | None:
        if column == COL_MISSING and peer.missing:
            return self.tr(
                "缺少 {name} 序号 {range} 的变更：请该站重新导出数据包后再导入。"
            ).format(name=peer.name, range=seq_range(*peer.missing))
        if column == COL_ENROLLED and not peer.enrolled:
            return self.tr("请用“登记站点…”核对该站登记表上的密钥指纹后，才能导入它的数据包。")
        if column == COL_PENDING:
            return self.tr("本机发给该站、该站尚未回执确认的变更条数。")
        if column == COL_FINGERPRINT:
            return peer.fingerprint
        return None


class StationsBoard(QTableView):
    """The stations board: one row per station, one selected at a time.

    Args:
        parent: the Qt parent.

    Attributes:
        stations: its model.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationsBoard")
        self.stations = StationsTableModel(self)
        self.setModel(self.stations)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.stations.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Each column as wide as its contents plus some air (CJK headers otherwise touch).

        The fingerprint shows its first groups only (the whole is the tooltip, and the
        column can be widened): it is typed from the sheet, never read from here.
        """
        self.resizeColumnsToContents()
        for column in range(self.stations.columnCount()):
            self.setColumnWidth(column, self.columnWidth(column) + 12)
        metrics = QFontMetrics(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        part = metrics.horizontalAdvance("0000 0000 0000 …") + 16
        self.setColumnWidth(COL_FINGERPRINT, min(self.columnWidth(COL_FINGERPRINT), part))

    def selected_code(self) -> str | None:
        """The code of the selected station, if any."""
        rows = self.selectionModel().selectedRows()
        peer = self.stations.peer(rows[0].row()) if rows else None
        return peer.code if peer is not None else None

    def select_code(self, code: str) -> None:
        """Select the row of the station with ``code`` (if shown)."""
        for row, peer in enumerate(self.stations.peers()):
            if peer.code == code:
                self.selectRow(row)
                return
