"""各站汇总 (township): each station's items at a glance, and its contact cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.storage.ledger_repo import station_summaries
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.list_parts import count_label
from qunzhong_desktop.ui.common.palette import RED
from qunzhong_desktop.ui.common.session import Today


class StationSummaryTab(QWidget):
    """各站汇总 (township): each station's items received, open, overdue and done."""

    def __init__(self, store: Store, clock: Today, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("工作站"),
                self.tr("受理"),
                self.tr("未办结"),
                self.tr("超期"),
                self.tr("已办结"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the station's name
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.total_label = count_label(self)
        self.cards_button = QPushButton(self.tr("打印联系卡…"), self)
        self.cards_button.setToolTip(
            self.tr("打印所选工作站（未选择时为全部工作站）的便民服务联系卡")
        )
        self.cards_button.clicked.connect(self.print_cards)
        self.table.doubleClicked.connect(lambda *_: self.print_cards())
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.cards_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.codes: list[str] = []
        self.cards_dialog: QWidget | None = None
        self.refresh()

    def selected_station(self) -> str | None:
        """The code of the station in the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.codes[rows[0].row()] if rows else None

    def print_cards(self) -> None:
        """The contact cards of the selected station (or all), as the station prints them."""
        from qunzhong_desktop.ui.register import CardsDialog

        dialog = CardsDialog(self.store, None, self, station=self.selected_station())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.cards_dialog = dialog
        dialog.open()

    def refresh(self) -> None:
        """Count again."""
        rows = station_summaries(self.store.db, self.clock())
        self.codes = [row.code for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [f"{row.name}（{row.code}）", row.received, row.open, row.overdue, row.done]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                if c:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 3 and row.overdue:
                    cell.setForeground(QColor(RED))
                self.table.setItem(r, c, cell)
        self.total_label.setText(
            self.tr("共 {0} 个工作站，受理 {1} 件，超期 {2} 件").format(
                len(rows), sum(r.received for r in rows), sum(r.overdue for r in rows)
            )
        )
