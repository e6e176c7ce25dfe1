"""县直部门…: the county departments matters are assigned to — add, retire, bring back.

Each step is stored at once (``store.county.add_department`` / ``retire_department``): a
retired department is kept (matters and meetings still name it), shown grey, and adding
its name again brings it back. A refusal (an empty name, one already in service) is said
under the name box, which keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.county_repo import SqlCounty
from qunzhong_desktop.ui.common.form_feedback import FieldError, confirm
from qunzhong_desktop.ui.county.matter_dialogs import FIELD_HEIGHT

RETIRED = QColor("#9e9e9e")


class DepartmentsDialog(QDialog):
    """The county's departments (县直部门).

    Args:
        county: ``store.county``.
        parent: the Qt parent.
    """

    def __init__(self, county: SqlCounty, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.county = county
        self.setWindowTitle(self.tr("县直部门"))
        self.setMinimumSize(480, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("交办和协调会从这里选择县直部门。停用的部门保留在已办事项中。"), self)
        )
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("部门名称，如 县人社局"))
        self.name.setMinimumHeight(FIELD_HEIGHT)
        self.name_error = FieldError(self.name, self)
        self.name.textChanged.connect(lambda _t: self.name_error.clear())
        self.name.returnPressed.connect(self.add)
        label = QLabel(self.tr("名称(&N)"), self)
        label.setBuddy(self.name)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.name_error.box, 1)
        self.add_button = QPushButton(self.tr("添加(&A)"), self)
        self.add_button.setMinimumHeight(FIELD_HEIGHT)
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retire_button = QPushButton(self.tr("停用(&R)"), self)
        self.retire_button.setMinimumHeight(FIELD_HEIGHT)
        self.retire_button.clicked.connect(self.retire)
        row.addWidget(self.retire_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.changed = False
        self.reload()
        self.name.setFocus()

    def reload(self, select: str | None = None) -> None:
        """Re-read the departments (those in service first, then the retired ones)."""
        self.list.clear()
        departments = self.county.departments(retired=True)
        for department in sorted(departments, key=lambda d: (d.retired, d.name)):
            text = department.name + (self.tr("（已停用）") if department.retired else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, department.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, department.retired)
            if department.retired:
                item.setForeground(QBrush(RETIRED))
            if department.name == select:
                self.list.setCurrentItem(item)
        self._update()

    def names(self, *, retired: bool = False) -> list[str]:
        """The names listed (those in service; ``retired``: the retired ones)."""
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if bool(self.list.item(i).data(Qt.ItemDataRole.UserRole + 1)) is retired
        ]

    def _selected(self) -> tuple[str, bool] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole)), bool(
            item.data(Qt.ItemDataRole.UserRole + 1)
        )

    def _update(self) -> None:
        selected = self._selected()
        self.retire_button.setEnabled(selected is not None and not selected[1])

    def add(self) -> None:
        """Add the department typed (or bring a retired one back)."""
        try:
            added = self.county.add_department(self.name.text())
        except DomainError as exc:
            self.name_error.show(exc.message)
            return
        self.changed = True
        self.name.clear()
        self.reload(select=added.name)
        self.name.setFocus()

    def retire(self) -> None:
        """Retire the selected department, after a question."""
        selected = self._selected()
        if selected is None or selected[1]:
            return
        if not confirm(
            self,
            self.tr("停用县直部门"),
            self.tr("停用“{0}”后不能再向它交办；已交办的事项不受影响。确定停用吗？").format(
                selected[0]
            ),
            self.tr("停用"),
        ):
            return
        try:
            self.county.retire_department(selected[0])
        except DomainError as exc:
            self.name_error.show(exc.message)
            return
        self.changed = True
        self.reload(select=selected[0])

    def done(self, result: int) -> None:
        """Closing after a change counts as accepted (the page refreshes)."""
        super().done(QDialog.DialogCode.Accepted if self.changed else result)
