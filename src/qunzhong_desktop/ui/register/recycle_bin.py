"""回收站: deleted households, restored with the members deleted with them.

Deleting a household only marks it deleted (it still syncs as a deletion); here the clerk
sees what was deleted and when, and brings a household back - a change that syncs too. A
household whose number, or a member's ID number, was taken again meanwhile is not restored:
the message says which.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.session import local_time


class RecycleBinDialog(QDialog):
    """The recycle bin of the register.

    Attributes:
        restored: ids of the households restored while it was open.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.restored: list[str] = []
        self.setWindowTitle(self.tr("回收站"))
        self.setMinimumSize(520, 360)
        intro = QLabel(
            self.tr("删除的户在这里保留。选中一户后点“恢复”，它和一同删除的家庭成员会回到户籍中。"),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("户号"), self.tr("户主"), self.tr("人数"), self.tr("删除时间")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.empty = QLabel(self.tr("回收站是空的。"), self)
        self.restore_button = QPushButton(self.tr("恢复(&R)"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the recycle bin again."""
        rows = self.store.register.deleted_households()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row.number, row.head_name, str(row.members), local_time(row.deleted_at)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(r, c, item)
        self.empty.setVisible(not rows)
        self.restore_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)

    def restore_selected(self) -> None:
        """Restore the household selected; a refusal says why and changes nothing."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        household_id = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            self.store.register.restore_household(household_id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("不能恢复"))
            return
        self.restored.append(household_id)
        self.refresh()
