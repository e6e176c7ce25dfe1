"""The township's dialogs of 分流交办: assign to a unit, record the result, reject, edit units.

:class:`AssignDialog` asks for the unit (责任单位), the working days and the deadline they
give on the calendar (editable), and a note; :class:`ResultDialog` for the unit's result;
:class:`RejectDialog` for the reason of 不予受理, and asks again before it is done. Like the
item page's move dialog they do not judge: what was typed goes to the page, which asks the
store; a refusal is shown next to its field and nothing typed is lost.
:class:`.units_dialog.UnitRegisterDialog` edits the units register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import (
    FieldError,
    clear_invalid,
    ok_cancel,
    summary_label,
    text_box,
)

DAYS_MIN, DAYS_MAX = 1, 60
FIELD_HEIGHT = 34

AssignCallback = Callable[[str, dt.date, str], str | None]
"""``(unit, deadline, note) -> None`` when done, or the reason the move was refused."""
TextCallback = Callable[[str], str | None]
"""``(text) -> None`` when done, or the reason the move was refused."""
DeadlineAfter = Callable[[int, dt.date], dt.date]
"""``(working days, start) -> deadline`` on the store's calendar."""


def to_qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def item_summary(item: ItemDetail, station: str, parent: QWidget) -> QLabel:
    """Number, station, requester and content of the item a dialog acts on."""
    return summary_label(parent, item.number, station, item.requester_name, item.content)


class AssignDialog(QDialog):
    """交办: the unit, the deadline in working days (or a date), and a note.

    Args:
        item: the item to assign.
        submit: makes the move; returns None or the refusal.
        parent: the Qt parent.
        station: the station's name, shown in the summary.
        units: the units to choose from (``store.items.units()``).
        days: the working days proposed (the domain's default).
        today: the first day of the count.
        deadline_after: ``store.items.deadline_after``.
    """

    def __init__(
        self,
        item: ItemDetail,
        submit: AssignCallback,
        parent: QWidget | None = None,
        *,
        station: str,
        units: list[str],
        days: int,
        today: dt.date,
        deadline_after: DeadlineAfter,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self._today = today
        self._deadline_after = deadline_after
        self._submit = submit
        self.setWindowTitle(self.tr("交办 {number}").format(number=item.number))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(item_summary(item, station, self))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        layout.addLayout(form)
        self.unit = QComboBox(self)
        self.unit.addItems(units)
        self.unit.setPlaceholderText(self.tr("请选择责任单位"))
        self.unit.setCurrentIndex(-1)
        self.unit.setMinimumHeight(FIELD_HEIGHT)
        self.unit_error = FieldError(self.unit, self)
        form.addRow(self.tr("责任单位(&U)"), self.unit_error.box)
        self.days = QSpinBox(self)
        self.days.setRange(DAYS_MIN, DAYS_MAX)
        self.days.setValue(min(max(days, DAYS_MIN), DAYS_MAX))
        self.days.setSuffix(self.tr(" 个工作日"))
        self.days.setMinimumHeight(FIELD_HEIGHT)
        self.days.setMinimumWidth(150)
        form.addRow(self.tr("办理时限(&D)"), self._left(self.days))
        self.deadline = QDateEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumHeight(FIELD_HEIGHT)
        self.deadline.setMinimumWidth(150)
        self.deadline_hint = QLabel(self)
        self.deadline_hint.setStyleSheet("color: #616161;")
        self.deadline_hint.setWordWrap(True)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.deadline)
        row_layout.addWidget(self.deadline_hint, 1)
        self.deadline_error = FieldError(row, self)
        form.addRow(self.tr("办结期限(&L)"), self.deadline_error.box)
        self.note = text_box(self, self.tr("可填写交办要求，例如需要会同哪些单位办理"))
        form.addRow(self.tr("交办意见(&N)"), self.note)
        buttons, self.ok_button = ok_cancel(self, self.tr("交办"), self.submit)
        layout.addWidget(buttons)
        self.days.valueChanged.connect(self._days_changed)
        self.deadline.dateChanged.connect(self._date_changed)
        self.unit.currentIndexChanged.connect(lambda _i: self.unit_error.clear())
        self._days_changed(self.days.value())
        self.unit.setFocus()

    @staticmethod
    def _left(widget: QWidget) -> QWidget:
        box = QWidget(widget.parentWidget())
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addStretch(1)
        return box

    def _days_changed(self, days: int) -> None:
        self.deadline.setDate(to_qdate(self._deadline_after(days, self._today)))

    def _date_changed(self, _date: QDate) -> None:
        self.deadline_error.clear()
        clear_invalid(self.deadline)
        computed = self._deadline_after(self.days.value(), self._today)
        if self.deadline_date() == computed:
            self.deadline_hint.setText(self.tr("按工作日推算（已除去周末和法定节假日）"))
        else:
            self.deadline_hint.setText(self.tr("已手动修改期限"))

    def deadline_date(self) -> dt.date:
        """The deadline as chosen."""
        return from_qdate(self.deadline.date())

    def check(self) -> bool:
        """Show what is missing next to its field; True when the form is complete."""
        self.unit_error.clear()
        self.deadline_error.clear()
        if self.unit.currentIndex() < 0 or not self.unit.currentText().strip():
            self.unit_error.show(self.tr("请选择责任单位。"))
            return False
        if self.deadline_date() < self._today:
            self.deadline_error.show(self.tr("办结期限不能早于今天。"))
            self.deadline.setFocus()
            return False
        return True

    def submit(self) -> None:
        """Make the move; on a refusal show why and keep the dialog open."""
        if not self.check():
            return
        refusal = self._submit(
            self.unit.currentText(), self.deadline_date(), self.note.toPlainText().strip()
        )
        if refusal is None:
            self.accept()
            return
        self.unit_error.show(refusal)


class _TextDialog(QDialog):
    """A dialog that asks for one required text and hands it to ``submit``."""

    def __init__(
        self,
        item: ItemDetail,
        station: str,
        submit: TextCallback,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self._submit = submit
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(item_summary(item, station, self))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(10)
        self.layout_.addLayout(self.form)
        self.text = text_box(self, height=130)
        self.text_error = FieldError(self.text, self)
        self.text.textChanged.connect(self.text_error.clear)

    def missing_text(self) -> str:
        """The message when nothing was typed."""
        raise NotImplementedError

    def confirmed(self, _text: str) -> bool:
        """Whether to go on (a destructive move asks first)."""
        return True

    def submit(self) -> None:
        """Make the move; on a refusal show why and keep the dialog open."""
        text = self.text.toPlainText().strip()
        if not text:
            self.text_error.show(self.missing_text())
            return
        if not self.confirmed(text):
            return
        refusal = self._submit(text)
        if refusal is None:
            self.accept()
            return
        self.text_error.show(refusal)


class ResultDialog(_TextDialog):
    """录入办理结果: what the unit did; the item becomes 已办结.

    Args:
        item: the assigned item.
        station: the station's name, shown in the summary.
        unit: the unit it was assigned to.
        submit: makes the move with the result; returns None or the refusal.
        parent: the Qt parent.
    """

    def __init__(
        self,
        item: ItemDetail,
        station: str,
        unit: str,
        submit: TextCallback,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(item, station, submit, parent)
        self.setWindowTitle(self.tr("录入办理结果 {number}").format(number=item.number))
        deadline = item.due_on.isoformat() if item.due_on else "—"
        self.unit_label = QLabel(
            self.tr("{unit}（期限 {deadline}）").format(unit=unit or "—", deadline=deadline), self
        )
        self.form.addRow(self.tr("责任单位："), self.unit_label)
        self.text.setPlaceholderText(self.tr("责任单位的办理情况和结果，将告知群众并用于回访"))
        self.form.addRow(self.tr("办理结果(&R)"), self.text_error.box)
        buttons, self.ok_button = ok_cancel(self, self.tr("办结"), self.submit)
        self.layout_.addWidget(buttons)
        self.text.setFocus()

    def missing_text(self) -> str:
        """The message when no result was typed."""
        return self.tr("请填写办理结果。")


class RejectDialog(_TextDialog):
    """不予受理: the reason, and a second question before it is done.

    Args:
        item: the escalated item.
        station: the station's name, shown in the summary.
        submit: makes the move with the reason; returns None or the refusal.
        parent: the Qt parent.
    """

    def __init__(
        self,
        item: ItemDetail,
        station: str,
        submit: TextCallback,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(item, station, submit, parent)
        self.setWindowTitle(self.tr("不予受理 {number}").format(number=item.number))
        self.text.setPlaceholderText(self.tr("写明不予受理的原因和依据，工作站会据此答复群众"))
        self.form.addRow(self.tr("原因(&Y)"), self.text_error.box)
        buttons, self.ok_button = ok_cancel(self, self.tr("不予受理"), self.submit)
        self.layout_.addWidget(buttons)
        self.text.setFocus()

    def missing_text(self) -> str:
        """The message when no reason was typed."""
        return self.tr("请写明不予受理的原因。")

    def confirmed(self, _text: str) -> bool:
        """Ask before rejecting: the item ends here."""
        return form_feedback.confirm(
            self,
            self.tr("不予受理"),
            self.tr("确定对事项 {number} 不予受理吗？此后不能再交办。").format(
                number=self.item.number
            ),
            self.tr("不予受理"),
        )
