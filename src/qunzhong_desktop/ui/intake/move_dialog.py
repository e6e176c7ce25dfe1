"""The small dialog a move of an item asks for what it needs.

不予受理 and 撤回 need a reason, 办结 the result, 回访 the way, the satisfaction and remarks;
通知领取 (代办) the day and how the resident was told, 已领取 the day and who collected; the
other moves take an optional note. The dialog does not judge: it hands what was typed to
the item page, which asks the store; a refusal is shown here and everything typed stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.intake.agency import NOTIFY_WAYS
from qunzhong_desktop.core.intake.rules import FOLLOW_UP_WAYS, SATISFACTION
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    date_edit,
    mark_invalid,
    message_area,
    pydate,
)

MoveCallback = Callable[[State, str, dict[str, Any]], str | None]
"""``(target, note, data) -> None`` when done, or the reason the move was refused."""


class MoveDialog(QDialog):
    """Ask for what a move needs, then make it through ``submit``.

    Args:
        target: the state to move to.
        label: the move's name (the button text of the item page).
        submit: makes the move; returns None or the refusal.
        parent: the Qt parent.
        today: the day 通知领取 and 已领取 offer (today by default).
    """

    def __init__(
        self,
        target: State,
        label: str,
        submit: MoveCallback,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
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
        self.day = date_edit(self, today or dt.date.today())
        self.how = QComboBox(self)  # 通知领取: how the resident was told
        self.how.addItems(list(NOTIFY_WAYS))
        self.by = QLineEdit(self)  # 已领取: who collected
        self.by.setPlaceholderText(self.tr("本人，或代领人的姓名"))
        self.by.setText(self.tr("本人"))
        for widget in (self.day, self.how, self.by):
            widget.hide()
        if target is State.FOLLOWED_UP:
            form.addRow(self.tr("回访方式(&W)"), self.way)
            form.addRow(self.tr("满意度(&S)"), self.satisfaction)
            form.addRow(self.tr("回访意见(&R)"), self.note)
        elif target is State.NOTIFIED:
            self.way.hide()
            self.satisfaction.hide()
            form.addRow(self.tr("通知日期(&D)"), self.day)
            form.addRow(self.tr("通知方式(&H)"), self.how)
            form.addRow(self.tr("说明(&N)"), self.note)
            self.day.show()
            self.how.show()
        elif target is State.COLLECTED:
            self.way.hide()
            self.satisfaction.hide()
            form.addRow(self.tr("领取日期(&D)"), self.day)
            form.addRow(self.tr("领取人(&B)"), self.by)
            form.addRow(self.tr("说明(&N)"), self.note)
            self.day.show()
            self.by.show()
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
        focus = {State.FOLLOWED_UP: self.satisfaction, State.NOTIFIED: self.how}
        focus.get(target, self.by if target is State.COLLECTED else self.note).setFocus()

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
        day = pydate(self.day.date()).isoformat()
        if self.target is State.NOTIFIED:
            return note, {"notified_on": day, "how": self.how.currentText()}
        if self.target is State.COLLECTED:
            return note, {"collected_on": day, "by": self.by.text().strip()}
        return note, {}

    def submit(self) -> None:
        """Make the move; on a refusal show why and keep the dialog open."""
        for widget in (self.note, self.satisfaction, self.day, self.by):
            clear_invalid(widget)
        note, data = self.values()
        refusal = self._submit(self.target, note, data)
        if refusal is None:
            self.accept()
            return
        self.messages.setText(refusal)
        self.messages.show()
        field: QWidget = self.note
        if self.target is State.FOLLOWED_UP and not data.get("satisfaction"):
            field = self.satisfaction
        elif self.target is State.COLLECTED and not data.get("by"):
            field = self.by
        elif self.target in (State.NOTIFIED, State.COLLECTED):
            field = self.day
        mark_invalid(field, refusal)
        field.setFocus()
