"""The clerk chooses, field by field, when a form is saved over a record changed meanwhile.

:class:`core.stale.StaleEdit` lists the fields both the form and someone else changed. This
dialog shows both values side by side; the stored (newer) value is preselected, so pressing
Enter never overwrites what someone else saved. :func:`save_merging` runs a form's save,
asks on a clash and saves again with the choices; cancelling keeps the form as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.stale import MINE, THEIRS, StaleEdit

T = TypeVar("T")


class StaleDialog(QDialog):
    """Both values of each clashing field, and a choice per field."""

    def __init__(self, error: StaleEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("内容已被他人修改"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(error.message, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(error.clashes), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("项目"), self.tr("您填写的"), self.tr("已保存的（较新）"), self.tr("保留")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.choices: dict[str, QComboBox] = {}
        for row, clash in enumerate(error.clashes):
            for column, text in enumerate((clash.label, clash.mine, clash.theirs)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            choice = QComboBox(self.table)
            choice.addItem(self.tr("已保存的"), THEIRS)
            choice.addItem(self.tr("您填写的"), MINE)
            self.table.setCellWidget(row, 3, choice)
            self.choices[clash.key] = choice
        layout.addWidget(self.table)
        hint = QLabel(
            self.tr("每一项选择保留哪个值，然后点“按所选保存”。点“返回表单”则什么也不保存。"),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("按所选保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        back = buttons.addButton(self.tr("返回表单"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.accept)
        back.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def keep(self) -> dict[str, str]:
        """The choice per clash key (``MINE`` or ``THEIRS``)."""
        return {key: str(box.currentData()) for key, box in self.choices.items()}


def ask(parent: QWidget | None, error: StaleEdit) -> dict[str, str] | None:
    """Show the clash; the choices, or None to go back to the form (tests replace it)."""
    dialog = StaleDialog(error, parent)
    return dialog.keep() if dialog.exec() == QDialog.DialogCode.Accepted else None


def save_merging(parent: QWidget | None, save: Callable[[dict[str, str] | None], T]) -> T | None:
    """Run ``save(keep)``; on a clash ask the clerk and save again. None: not saved."""
    keep: dict[str, str] | None = None
    while True:
        try:
            return save(keep)
        except StaleEdit as exc:
            chosen = ask(parent, exc)
            if chosen is None:
                return None
            keep = {**(keep or {}), **chosen}
