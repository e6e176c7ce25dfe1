"""责任单位: the township's units register, edited in 分流交办 (issue 17).

:class:`UnitRegisterDialog` lists the units in a table (名称, 级别, 类别, 联系村 by the
stations' names, 联系干部, 主管类别), adds, edits (Enter or double click), removes (after a
question) and orders them, and saves the whole register at once (``store.units.save``): a
refusal selects the unit it is about and is said under the table. :class:`UnitForm` edits one
unit: its name, level and kind, the township's stations it is paired with and the domains it
is the competent department of, ticked in lists, and its contact cadres; what is wrong is
said next to its field and the form stays open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.units import KINDS, LEVELS, Unit, checked_register
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import FieldError, ok_cancel
from qunzhong_desktop.ui.triage.assign_dialog import FIELD_HEIGHT

SaveRegister = Callable[[list[Unit]], object]
"""Stores the whole register (``store.units.save``); raises ``DomainError``."""
COLUMNS = 6
_SEPARATORS = re.compile(r"[、，,；;\s]+")


def _checkable(
    parent: QWidget, rows: Sequence[tuple[str, str]], ticked: Sequence[str]
) -> QListWidget:
    """A list of (label, value) rows with a tick box each; ``ticked`` values ticked."""
    box = QListWidget(parent)
    box.setStyleSheet("QListWidget::item { padding: 2px; }")
    for label, value in rows:
        item = QListWidgetItem(label, box)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
    return box


def _ticked(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(box.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(box.count())
        if box.item(row).checkState() == Qt.CheckState.Checked
    )


class UnitForm(QDialog):
    """One unit: name, level, kind, 联系村, 联系干部, 主管类别.

    Args:
        unit: the unit to edit, or None for a new one.
        stations: (code, name) of the township's stations.
        domains: the domains (诉求类别) configured here.
        check: raises ``ValidationError`` for a unit that does not fit the register.
        parent: the Qt parent.
    """

    def __init__(
        self,
        unit: Unit | None,
        stations: Sequence[tuple[str, str]],
        domains: Sequence[str],
        check: Callable[[Unit], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.result_unit: Unit | None = None
        now = unit or Unit("")
        self.setWindowTitle(self.tr("修改责任单位") if unit else self.tr("添加责任单位"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(now.name, self)
        self.name.setPlaceholderText(self.tr("例如 县水利局、民政办"))
        self.name.setMinimumHeight(FIELD_HEIGHT)
        self.name_error = FieldError(self.name, self)
        form.addRow(self.tr("名称(&N)"), self.name_error.box)
        self.level = QComboBox(self)
        self.level.addItems(list(LEVELS))
        self.level.setCurrentText(now.level)
        self.level_error = FieldError(self.level, self)
        form.addRow(self.tr("级别(&L)"), self.level_error.box)
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText(now.kind)
        self.kind_error = FieldError(self.kind, self)
        form.addRow(self.tr("类别(&K)"), self.kind_error.box)
        names = dict(stations)
        rows = [(f"{name}（{code}）", code) for code, name in stations]
        rows += [(self.tr("未知工作站（{code}）").format(code=c), c) for c in now.villages
                 if c not in names]  # fmt: skip
        self.villages = _checkable(self, rows, now.villages)
        self.villages.setMinimumHeight(110)
        self.villages_error = FieldError(self.villages, self)
        form.addRow(self.tr("联系村(&V)"), self.villages_error.box)
        self.contacts = QLineEdit("、".join(now.contacts), self)
        self.contacts.setPlaceholderText(self.tr("联系干部姓名，用顿号或逗号分隔"))
        self.contacts.setMinimumHeight(FIELD_HEIGHT)
        self.contacts_error = FieldError(self.contacts, self)
        form.addRow(self.tr("联系干部(&C)"), self.contacts_error.box)
        offered = [*domains, *(d for d in now.domains if d not in domains)]
        self.domains = _checkable(self, [(d, d) for d in offered], now.domains)
        self.domains.setMinimumHeight(110)
        self.domains_error = FieldError(self.domains, self)
        form.addRow(self.tr("主管类别(&O)"), self.domains_error.box)
        layout.addLayout(form, 1)
        hint = QLabel(
            self.tr("空格勾选联系村和主管类别，回车到下一项；一个类别只能由一个单位主管。"), self
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons, self.ok_button = ok_cancel(self, self.tr("确定"), self.submit)
        layout.addWidget(buttons)
        self.name.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them), never closes."""
        if form_feedback.enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    def unit(self) -> Unit:
        """The unit as filled in."""
        contacts = tuple(c for c in _SEPARATORS.split(self.contacts.text()) if c)
        return Unit(
            name=self.name.text().strip(),
            level=self.level.currentText(),
            kind=self.kind.currentText(),
            villages=_ticked(self.villages),
            contacts=contacts,
            domains=_ticked(self.domains),
        )

    def _errors(self) -> dict[str, FieldError]:
        return {
            "name": self.name_error,
            "level": self.level_error,
            "kind": self.kind_error,
            "villages": self.villages_error,
            "联系村": self.villages_error,
            "联系干部": self.contacts_error,
            "domains": self.domains_error,
            "主管类别": self.domains_error,
        }

    def submit(self) -> None:
        """Check the unit against the register; accept it, or say what is wrong by its field."""
        for error in self._errors().values():
            error.clear()
        unit = self.unit()
        try:
            self._check(unit)
        except ValidationError as exc:
            field = exc.data.get("field")
            self._errors().get(str(field), self.name_error).show(exc.message)
            return
        self.result_unit = unit
        self.accept()


class UnitRegisterDialog(QDialog):
    """责任单位: the register in a table; add, edit, remove, order, then save it whole.

    Args:
        units: the register now.
        stations: (code, name) of the township's stations.
        domains: the domains configured here.
        save: stores the register; raises ``DomainError``.
        parent: the Qt parent.
    """

    def __init__(
        self,
        units: Sequence[Unit],
        stations: Sequence[tuple[str, str]],
        domains: Sequence[str],
        save: SaveRegister,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._units = list(units)
        self._stations = list(stations)
        self._names = dict(stations)
        self._domains = list(domains)
        self._save = save
        self.form: UnitForm | None = None
        self.setWindowTitle(self.tr("责任单位"))
        self.setMinimumSize(720, 480)
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "交办时可选的责任单位，按这里的顺序列出；联系村是它双联系的村，主管类别是它"
                "作为主管部门负责的诉求类别。保存后随下发的数据包传到工作站。"
                "已交办事项中的单位名称不随改名而变。"
            ),
            self,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("名称"), self.tr("级别"), self.tr("类别"), self.tr("联系村"),
             self.tr("联系干部"), self.tr("主管类别")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 50, 90, 170, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table_error = FieldError(self.table, self)
        middle = QHBoxLayout()
        middle.addWidget(self.table_error.box, 1)
        side = QVBoxLayout()
        self.add_button = self._side_button(self.tr("添加(&A)…"), side, self.add)
        self.edit_button = self._side_button(self.tr("修改(&E)…"), side, self.edit)
        self.remove_button = self._side_button(self.tr("删除(&D)"), side, self.remove)
        self.up_button = self._side_button(self.tr("上移(&P)"), side, lambda: self.move_row(-1))
        self.down_button = self._side_button(self.tr("下移(&W)"), side, lambda: self.move_row(1))
        side.addStretch(1)
        middle.addLayout(side)
        layout.addLayout(middle, 1)
        buttons, self.ok_button = ok_cancel(self, self.tr("保存"), self.submit)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):  # Enter edits; Ctrl+Enter saves
            button.setAutoDefault(False)
            button.setDefault(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._fill(0)
        self.table.setFocus()

    def _side_button(self, text: str, column: QVBoxLayout, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(FIELD_HEIGHT)
        button.clicked.connect(slot)
        column.addWidget(button)
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter edits the selected unit, Delete removes it, Insert adds one."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.edit()
        elif key == Qt.Key.Key_Delete:
            self.remove()
        elif key == Qt.Key.Key_Insert:
            self.add()
        else:
            super().keyPressEvent(event)

    def units(self) -> list[Unit]:
        """The register as listed now."""
        return list(self._units)

    def row_texts(self, row: int) -> list[str]:
        """The cells of a row as shown."""
        cells = (self.table.item(row, column) for column in range(COLUMNS))
        return [cell.text() if cell is not None else "" for cell in cells]

    def _fill(self, current: int) -> None:
        self.table.setRowCount(len(self._units))
        for row, unit in enumerate(self._units):
            villages = "、".join(
                self._names.get(c) or self.tr("未知工作站（{code}）").format(code=c)
                for c in unit.villages
            )
            cells = (unit.name, unit.level, unit.kind, villages, "、".join(unit.contacts),
                     "、".join(unit.domains))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self._units:
            self.table.selectRow(max(0, min(current, len(self._units) - 1)))
        self._update_buttons()

    def current_row(self) -> int:
        """The selected row, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        row = self.current_row()
        selected = row >= 0
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and len(self._units) > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(selected and row < len(self._units) - 1)

    # one unit ----------------------------------------------------------------------------------
    def _checker(self, row: int | None) -> Callable[[Unit], None]:
        """Checks a unit in the place of ``row`` (None: added at the end) against the others."""

        def check(unit: Unit) -> None:
            units = list(self._units)
            if row is None:
                units.append(unit)
            else:
                units[row] = unit
            checked_register(units)

        return check

    def add(self) -> None:
        """Open the form for a new unit (added at the end)."""
        self._open_form(None)

    def edit(self) -> None:
        """Open the form for the selected unit."""
        row = self.current_row()
        if row >= 0:
            self._open_form(row)

    def _open_form(self, row: int | None) -> None:
        unit = None if row is None else self._units[row]
        form = UnitForm(unit, self._stations, self._domains, self._checker(row), self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._took(row, form.result_unit))
        self.form = form
        form.open()

    def _took(self, row: int | None, unit: Unit | None) -> None:
        self.form = None
        if unit is None:
            return
        self.table_error.clear()
        if row is None:
            self._units.append(unit)
            row = len(self._units) - 1
        else:
            self._units[row] = unit
        self._fill(row)
        self.table.setFocus()

    def remove(self) -> None:
        """Remove the selected unit, after a question (the last one stays)."""
        row = self.current_row()
        if row < 0 or len(self._units) <= 1:
            return
        name = self._units[row].name
        if not form_feedback.confirm(
            self,
            self.tr("删除责任单位"),
            self.tr("确定删除责任单位“{name}”吗？保存后生效；已交办事项上的单位名称不变。").format(
                name=name
            ),
            self.tr("删除"),
        ):
            return
        del self._units[row]
        self._fill(row)

    def move_row(self, step: int) -> None:
        """Move the selected unit up (-1) or down (+1)."""
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self._units):
            return
        self._units[row], self._units[target] = self._units[target], self._units[row]
        self._fill(target)

    def submit(self) -> None:
        """Save the register; a refusal selects its unit and is said under the table."""
        try:
            self._save(self.units())
        except DomainError as exc:
            index = exc.data.get("index")
            if isinstance(index, int) and 0 <= index < len(self._units):
                self.table.selectRow(index)
            self.table_error.show(exc.message)
            return
        self.accept()
