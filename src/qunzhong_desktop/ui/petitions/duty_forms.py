"""The small forms of 信访值班: a day's member, 轮流排班, a reception (接访登记).

Like the other forms of the window they do not judge: what was typed goes to the callback the
tab gives (which asks ``store.duty``), and a refusal comes back as the ValidationError, said
next to its field; the form stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.duty import MAX_VISITORS, Reception
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import FieldError, date_edit, message_area, pydate
from qunzhong_desktop.ui.petitions.parts import (
    FIELD_HEIGHT,
    HINT_STYLE,
    ok_cancel,
)

WEEKDAY_NAMES = "一二三四五六日"
SEPARATORS = re.compile(r"[、，,；;\s]+")

Submit = Callable[..., object]
"""Stores what the form says; raises ``DomainError`` (said in the form)."""


def day_text(day: dt.date) -> str:
    """2026-11-23（周一）."""
    return f"{day:%Y-%m-%d}（周{WEEKDAY_NAMES[day.weekday()]}）"


class _Form(QDialog):
    """A form whose refusals are said next to their fields (``errors`` by field name)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.errors: dict[str, FieldError] = {}
        self.messages = message_area(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them), never closes."""
        if form_feedback.enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    def attempt(self, act: Callable[[], object]) -> bool:
        """Run ``act``; on a refusal say it next to its field (or on top) and return False."""
        for error in self.errors.values():
            error.clear()
        self.messages.hide()
        try:
            act()
        except ValidationError as exc:
            shown = self.errors.get(str(exc.data.get("field", "")))
            if shown is None:
                form_feedback.show_messages(self.messages, self.tr("未能保存："), [exc.message])
            else:
                shown.show(exc.message)
            return False
        except DomainError as exc:
            form_feedback.show_messages(self.messages, self.tr("未能保存："), [exc.message])
            return False
        return True


class DutyDayDialog(_Form):
    """Who is on duty on a day: a name (chosen or typed), or 清除 (no one).

    Args:
        day: the day.
        member: who is on duty now ('' no one).
        members: the names offered (used before, deputies).
        set_duty: ``set_duty(day, member)``; raises on a refusal.
        clear: ``clear(day)``.
        parent: the Qt parent.
    """

    def __init__(
        self,
        day: dt.date,
        member: str,
        members: Sequence[str],
        set_duty: Submit,
        clear: Submit,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day = day
        self._set, self._clear = set_duty, clear
        self.setWindowTitle(self.tr("信访值班 — {day}").format(day=day_text(day)))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        self.member = QComboBox(self)
        self.member.setEditable(True)
        self.member.addItems(list(members))
        self.member.setCurrentText(member)
        self.member.setMinimumHeight(FIELD_HEIGHT)
        line = self.member.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("班子成员姓名"))
        self.errors = {"member": FieldError(self.member, self)}
        self.errors["day"] = self.errors["member"]
        form.addRow(self.tr("值班人员(&M)"), self.errors["member"].box)
        layout.addLayout(form)
        buttons, self.ok_button = ok_cancel(self, self.tr("保存(&S)"), self.submit)
        self.clear_button = QPushButton(self.tr("清除值班(&C)"), self)
        self.clear_button.setMinimumHeight(FIELD_HEIGHT)
        self.clear_button.setEnabled(bool(member))
        self.clear_button.clicked.connect(self.clear_day)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.member.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the name saves (a one-field form)."""
        if event.key() in form_feedback.ENTER_KEYS and self.member.hasFocus():
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        """Put the member on duty, or say why not."""
        if self.attempt(lambda: self._set(self.day, self.member.currentText())):
            self.accept()

    def clear_day(self) -> None:
        """No one on duty that day."""
        if self.attempt(lambda: self._clear(self.day)):
            self.accept()


class RotateDialog(_Form):
    """轮流排班: the members in turn over a span, one a week (值周) or one a day.

    Args:
        members: the names offered first (one per line).
        first, last: the span offered.
        rotate: ``rotate(members, first, last, by)``; raises on a refusal.
        parent: the Qt parent.
    """

    def __init__(
        self,
        members: Sequence[str],
        first: dt.date,
        last: dt.date,
        rotate: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rotate = rotate
        self.setWindowTitle(self.tr("轮流排班"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        self.members = QPlainTextEdit("\n".join(members), self)
        self.members.setTabChangesFocus(True)
        self.members.setPlaceholderText(self.tr("每行一名班子成员，按顺序轮流值班"))
        self.members.setMinimumHeight(120)
        self.errors["members"] = FieldError(self.members, self)
        form.addRow(self.tr("班子成员(&M)"), self.errors["members"].box)
        self.first = date_edit(self, first)
        self.last = date_edit(self, last)
        span = QWidget(self)
        row = QHBoxLayout(span)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("至"), span))
        row.addWidget(self.last)
        row.addStretch(1)
        self.errors["span"] = FieldError(span, self)
        form.addRow(self.tr("日期(&D)"), self.errors["span"].box)
        self.by_week = QRadioButton(self.tr("按周轮换（值周）(&W)"), self)
        self.by_day = QRadioButton(self.tr("按日轮换(&Y)"), self)
        self.by_week.setChecked(True)
        by = QWidget(self)
        by_row = QHBoxLayout(by)
        by_row.setContentsMargins(0, 0, 0, 0)
        by_row.addWidget(self.by_week)
        by_row.addWidget(self.by_day)
        by_row.addStretch(1)
        form.addRow(self.tr("轮换方式"), by)
        layout.addLayout(form)
        hint = QLabel(self.tr("只排工作日；这段日期里已排的值班会被替换，休息日不排班。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        buttons, self.ok_button = ok_cancel(self, self.tr("排班(&S)"), self.submit)
        layout.addWidget(buttons)
        self.days = 0
        self.members.setFocus()

    def names(self) -> list[str]:
        """The members typed, in order."""
        return [n for n in SEPARATORS.split(self.members.toPlainText()) if n]

    def submit(self) -> None:
        """Rotate, or say why not."""
        by = "week" if self.by_week.isChecked() else "day"
        first, last = pydate(self.first.date()), pydate(self.last.date())

        def act() -> None:
            self.days = int(str(self._rotate(self.names(), first, last, by)))

        self.errors.setdefault("", self.errors["members"])
        if self.attempt(act):
            self.accept()


class ReceptionForm(_Form):
    """接访登记: day, matter, visitors, receiver, units present (联合接访), handling.

    Args:
        reception: the reception to edit, or one with only its day for a new one.
        on_duty: who is on duty that day (the receiver by default).
        save: ``save(reception)``; raises on a refusal.
        today: the latest day allowed.
        parent: the Qt parent.
    """

    def __init__(
        self,
        reception: Reception,
        on_duty: str,
        save: Submit,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._id = reception.id
        self._item_id = reception.item_id
        self.setWindowTitle(self.tr("修改接访登记") if reception.id else self.tr("登记接访"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.day = date_edit(self, reception.day, latest=max(today, reception.day))
        self.errors["day"] = FieldError(self.day, self)
        form.addRow(self.tr("接访日期(&D)"), self.errors["day"].box)
        self.matter = QPlainTextEdit(reception.matter, self)
        self.matter.setTabChangesFocus(True)
        self.matter.setPlaceholderText(self.tr("群众反映的事项（不写身份证号等个人信息）"))
        self.matter.setMinimumHeight(90)
        self.errors["matter"] = FieldError(self.matter, self)
        form.addRow(self.tr("反映事项(&N)"), self.errors["matter"].box)
        self.visitors = QSpinBox(self)
        self.visitors.setRange(1, MAX_VISITORS)
        self.visitors.setValue(max(1, reception.visitors))
        self.visitors.setSuffix(self.tr(" 人"))
        self.visitors.setMinimumHeight(FIELD_HEIGHT)
        self.errors["visitors"] = FieldError(self.visitors, self)
        form.addRow(self.tr("来访人数(&V)"), self.errors["visitors"].box)
        self.member = QLineEdit(reception.member or on_duty, self)
        self.member.setMinimumHeight(FIELD_HEIGHT)
        self.member.setPlaceholderText(
            self.tr("默认为当天值班的 {name}").format(name=on_duty)
            if on_duty
            else self.tr("当天无人值班，请填写接访人")
        )
        self.errors["member"] = FieldError(self.member, self)
        form.addRow(self.tr("接访人(&R)"), self.errors["member"].box)
        self.units = QLineEdit("、".join(reception.units), self)
        self.units.setMinimumHeight(FIELD_HEIGHT)
        self.units.setPlaceholderText(self.tr("联合接访时填写到场单位，用顿号分隔"))
        form.addRow(self.tr("到场单位(&U)"), self.units)
        self.handling = QLineEdit(reception.handling, self)
        self.handling.setMinimumHeight(FIELD_HEIGHT)
        self.handling.setPlaceholderText(self.tr("当场答复、转交办理等"))
        form.addRow(self.tr("办理情况(&H)"), self.handling)
        layout.addLayout(form)
        buttons, self.ok_button = ok_cancel(self, self.tr("保存(&S)"), self.submit)
        layout.addWidget(buttons)
        self.saved: object = None
        self.matter.setFocus()

    def reception(self) -> Reception:
        """The reception as filled in."""
        units = tuple(u for u in SEPARATORS.split(self.units.text()) if u)
        return Reception(pydate(self.day.date()), self.member.text().strip(),
                         self.matter.toPlainText().strip(), self.visitors.value(), units,
                         self.handling.text().strip(), self._item_id, self._id)  # fmt: skip

    def submit(self) -> None:
        """Save, or say why not next to the field."""

        def act() -> None:
            self.saved = self._save(self.reception())

        if self.attempt(act):
            self.accept()
