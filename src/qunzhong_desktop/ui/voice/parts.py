"""What the tabs of the 民意 page share: the dialog seam, a form's refusal, tables, 转为事项.

:func:`run_dialog` shows a form modally (tests replace it in the module that imports it).
:class:`VoiceForm` is a dialog that says a refusal of the store in its message area, marks
the field it names and keeps what was typed. :class:`ToItemForm` registers a problem or a
piece of information as an item (诉求类别, 等级, 件类型, 诉求人, content).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.rules import GRADES, ITEM_TYPES
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    enter_moves_on,
    mark_invalid,
    message_area,
    show_messages,
)
from qunzhong_desktop.ui.common.list_parts import fit_to_screen

translate = QCoreApplication.translate
ROW_HEIGHT = 30


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally (a seam for the tests)."""
    return dialog.exec()


def half_year(day: dt.date) -> str:
    """The half-year of ``day`` as a period: ``2026-H2``."""
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def period_choices(day: dt.date) -> list[str]:
    """The periods a round usually judges: this half-year, the one before, the year."""
    this = half_year(day)
    before = f"{day.year}-H1" if this.endswith("H2") else f"{day.year - 1}-H2"
    return [this, before, str(day.year), str(day.year - 1)]


def read_only_table(parent: QWidget, headers: Sequence[str], widths: Sequence[int]) -> QTableWidget:
    """A table of whole-row selections, no editing, the last column stretched."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    return table


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[object]],
    *,
    tints: Mapping[int, str] | None = None,
    keys: Sequence[str] | None = None,
) -> None:
    """Replace a table's rows (``tints``: row → background; ``keys``: each row's id)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(str(value))
            cell.setToolTip(str(value))
            if tints and r in tints:
                cell.setBackground(QColor(tints[r]))
            if c == 0 and keys is not None:
                cell.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, cell)


def selected_rows(table: QTableWidget) -> list[int]:
    """The rows selected, in order."""
    return sorted({index.row() for index in table.selectionModel().selectedRows()})


def row_key(table: QTableWidget, row: int) -> str:
    """The id kept on a row's first cell (see :func:`fill_table`)."""
    cell = table.item(row, 0)
    return str(cell.data(Qt.ItemDataRole.UserRole) or "") if cell is not None else ""


def selected_key(table: QTableWidget) -> str:
    """The id of the first row selected, or ""."""
    rows = selected_rows(table)
    return row_key(table, rows[0]) if rows else ""


def select_key(table: QTableWidget, key: str) -> bool:
    """Select the row whose id is ``key``; whether there is one."""
    for row in range(table.rowCount()):
        if key and row_key(table, row) == key:
            table.selectRow(row)
            return True
    return False


class VoiceForm(QDialog):
    """A form that shows the store's refusal in its message area and keeps what was typed.

    Subclasses lay out ``self.body`` (a form layout), set ``self.fields`` (the ``field``
    names of :class:`ValidationError` → the widget to mark) and implement :meth:`save`.
    Enter moves to the next field (a focused button is pressed); Ctrl+Enter saves; Esc
    cancels.
    """

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.result_value: object = None
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        self.body = QFormLayout()
        layout.addLayout(self.body)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra, 1)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(False)
        self.ok.setAutoDefault(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("FormFeedback", "取消"))
        cancel.setAutoDefault(False)
        self.ok.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

    def row(self, label: str, widget: QWidget, field: str = "") -> QWidget:
        """Add a labelled field (its label's mnemonic focuses it)."""
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.body.addRow(caption, widget)
        if field:
            self.fields[field] = widget
        return widget

    def save(self) -> object:
        """Write what the form holds; raises DomainError (said in the form)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Save; on a refusal say why next to the field and stay open."""
        for widget in self.fields.values():
            clear_invalid(widget)
        try:
            self.result_value = self.save()
        except DomainError as exc:
            self.refuse(exc)
            return
        self.accept()

    def refuse(self, exc: DomainError) -> None:
        """Show ``exc`` in the message area; mark and focus the field it names."""
        show_messages(self.messages, translate("VoiceForm", "未能保存："), [exc.message])
        field = str(exc.data.get("field", "")) if isinstance(exc, ValidationError) else ""
        widget = self.fields.get(field)
        if widget is not None:
            mark_invalid(widget, exc.message)
            widget.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves on (never closes the form); Esc cancels."""
        if enter_moves_on(self, event):
            return
        super().keyPressEvent(event)


class ToItemForm(VoiceForm):
    """转为事项: the item a problem or a piece of information becomes.

    Args:
        store: the station's store (its domains and their days).
        content: the text the item starts with (the problem's, the information's).
        requester: who raised it (the clerk may change it).
        register: ``register(domain, grade, item_type, requester, content)`` writes the item
            and returns it; raises DomainError.
        parent: the Qt parent.
    """

    def __init__(
        self,
        store: Store,
        content: str,
        requester: str,
        register: Callable[[str, str, str, str, str], ItemDetail],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.setWindowTitle(self.tr("转为事项"))
        self.ok.setText(self.tr("登记为事项(&S)"))
        self._register = register
        self.domain = QComboBox(self)
        self.domain.addItems(list(store.items.deadlines().domain_days))
        self.grade = QComboBox(self)
        for code, name in GRADES.items():
            self.grade.addItem(name, code)
        self.grade.setCurrentIndex(max(self.grade.findData("B"), 0))
        self.item_type = QComboBox(self)
        self.item_type.addItems(list(ITEM_TYPES))
        self.item_type.setCurrentText("承诺件")
        self.requester = QLineEdit(requester, self)
        self.requester.setPlaceholderText(self.tr("群众姓名或群体，例如“第三村民小组”"))
        self.content = QPlainTextEdit(content, self)
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(90)
        self.row(self.tr("诉求类别(&L)"), self.domain, "domain")
        self.row(self.tr("等级(&J)"), self.grade, "grade")
        self.row(self.tr("件类型(&T)"), self.item_type, "item_type")
        self.row(self.tr("诉求人(&R)"), self.requester, "requester")
        self.row(self.tr("诉求内容(&C)"), self.content, "content")
        self.fields["requester_name"] = self.requester
        fit_to_screen(self, 520, 380)

    def save(self) -> ItemDetail:
        """Register the item (the store checks it)."""
        return self._register(
            self.domain.currentText(),
            str(self.grade.currentData()),
            self.item_type.currentText(),
            self.requester.text(),
            self.content.toPlainText(),
        )


def item_button(parent: QWidget, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button that never acts as the dialog's default."""
    button = QPushButton(text, parent)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell that was filled (an empty one is filled first)."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, column, item)
    return item
