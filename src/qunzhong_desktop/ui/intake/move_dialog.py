"""The small dialog a move of an item asks for what it needs.

不予受理 and 撤回 need a reason, 办结 the result, 回访 the way, the satisfaction and remarks;
the other moves take an optional note. The dialog does not judge: it hands what was typed to
the item page, which asks the store; a refusal is shown here and everything typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.intake.rules import FOLLOW_UP_WAYS, SATISFACTION
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, message_area

MoveCallback = Callable[[State, str, dict[str, Any]], str | None]
"""``(target, note, data) -> None`` when done, or the reason the move was refused."""


class MoveDialog(QDialog):
    """Ask for what a move needs, then make it through ``submit``.

    Args:
        target: the state to move to.
        label: the move's name (the button text of the item page).
        submit: makes the move; returns None or the refusal.
        parent: the Qt parent.
    """

    def __init__(
        self, target: State, label: str, submit: MoveCallback, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target = target
        self._submit = submit
        self.setWindowTitle(label)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        layout.addLayout(form)
        self.way = QComboBox(self)
        self.way.addItems(list(FOLLOW_UP_WAYS))
        self.way.setCurrentText("电话")
        self.satisfaction = QComboBox(self)
        self.satisfaction.addItems(list(SATISFACTION))
        self.satisfaction.setPlaceholderText(self.tr("请选择"))
        self.satisfaction.setCurrentIndex(-1)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(90)
        if target is State.FOLLOWED_UP:
            form.addRow(self.tr("回访方式(&W)"), self.way)
            form.addRow(self.tr("满意度(&S)"), self.satisfaction)
            form.addRow(self.tr("回访意见(&R)"), self.note)
        else:
            self.way.hide()
            self.satisfaction.hide()
            form.addRow(self._note_caption(), self.note)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        layout.addWidget(self.buttons)
        (self.satisfaction if target is State.FOLLOWED_UP else self.note).setFocus()

    def _note_caption(self) -> str:
        if self.target in (State.REJECTED, State.WITHDRAWN):
            return self.tr("原因(&Y)")
        if self.target is State.RESOLVED:
            return self.tr("办理结果(&R)")
        return self.tr("说明(&N)")

    def values(self) -> tuple[str, dict[str, Any]]:
        """The note and the data of the move as typed."""
        note = self.note.toPlainText().strip()
        if self.target is State.RESOLVED:
            return note, {"result": note}
        if self.target is State.FOLLOWED_UP:
            return note, {
                "way": self.way.currentText(),
                "satisfaction": self.satisfaction.currentText(),
                "remarks": note,
            }
        return note, {}

    def submit(self) -> None:
        """Make the move; on a refusal show why and keep the dialog open."""
        clear_invalid(self.note)
        clear_invalid(self.satisfaction)
        note, data = self.values()
        refusal = self._submit(self.target, note, data)
        if refusal is None:
            self.accept()
            return
        self.messages.setText(refusal)
        self.messages.show()
        field = (
            self.satisfaction
            if self.target is State.FOLLOWED_UP and not data.get("satisfaction")
            else self.note
        )
        mark_invalid(field, refusal)
        field.setFocus()
