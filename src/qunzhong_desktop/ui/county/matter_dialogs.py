"""The 协调 page's dialogs on one matter: 交办 to a county department, 退回乡镇, 办结.

:class:`CountyAssignDialog` asks for the department (县直部门), the working days (1–60; the
due date on the county's calendar is shown as the days change) and a note;
:class:`CountyTextDialog` for one required text (the reason of 退回乡镇, the result of
办结). They do not judge: the page's ``submit`` asks the store and raises its
:class:`DomainError`, which is shown under the field it names; nothing typed is lost, and
closing with something typed asks first (:class:`GuardedDialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.county import Matter
from qunzhong_desktop.ui.common.form_feedback import (
    FieldError,
    confirm,
    ok_cancel,
    summary_label,
    text_box,
)

DAYS_MAX = 60
DEFAULT_DAYS = 10
FIELD_HEIGHT = 34
WEEKDAYS = "一二三四五六日"

AssignSubmit = Callable[[str, int, str], object]
"""``(department, days, note)``: makes the move; raises :class:`DomainError` if refused."""
TextSubmit = Callable[[str], object]
"""``(text)``: makes the move; raises :class:`DomainError` if refused."""


def matter_summary(matter: Matter, township: str, parent: QWidget) -> QLabel:
    """Number, township, requester, content and the township's reason of a matter."""
    reason = parent.tr("上报理由：{0}").format(matter.reason) if matter.reason else ""
    return summary_label(
        parent, matter.number, township, matter.requester_name, matter.content, note=reason
    )


class GuardedDialog(QDialog):
    """A dialog that asks before closing (Esc, 取消, the title bar) when something was typed.

    Subclasses say what was typed in :meth:`typed`; :meth:`finish` closes after a success.
    """

    def typed(self) -> str:
        """What closing would lose ("" when nothing)."""
        return ""

    def reject(self) -> None:
        """Ask first when something was typed; "取消" in the question keeps the dialog."""
        if self.typed().strip() and not confirm(
            self,
            self.tr("放弃填写"),
            self.tr("刚才填写的内容还没有保存。确定关闭并放弃吗？"),
            self.tr("放弃"),
        ):
            return
        super().reject()

    def finish(self) -> None:
        """Close after the move was made."""
        super().accept()

    def accept(self) -> None:
        """Enter in a field submits (through the checks) rather than closing."""
        self.submit()

    def submit(self) -> None:
        """Make the move."""
        raise NotImplementedError

    def buttons(self, label: str) -> QDialogButtonBox:
        """OK (named ``label``, default, also Ctrl+Enter) and 取消."""
        box, self.ok_button = ok_cancel(self, label, self.submit)
        return box


class CountyAssignDialog(GuardedDialog):
    """县交办: a county department and N working days (the due date shown as they change).

    Args:
        matter: the matter waiting at the county.
        township: its township's name, shown in the summary.
        departments: the departments in service (``store.county.departments()``).
        deadline: ``store.county.deadline`` (days → due date from today).
        submit: makes the move; raises :class:`DomainError` when refused.
        parent: the Qt parent.
    """

    def __init__(
        self,
        matter: Matter,
        township: str,
        departments: list[str],
        *,
        deadline: Callable[[int], dt.date],
        submit: AssignSubmit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.matter = matter
        self._deadline = deadline
        self._submit = submit
        self.setWindowTitle(self.tr("交办 {number}").format(number=matter.number))
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        layout.addWidget(matter_summary(matter, township, self))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        layout.addLayout(form)
        self.department = QComboBox(self)
        self.department.addItems(departments)
        self.department.setPlaceholderText(self.tr("请选择县直部门"))
        self.department.setCurrentIndex(-1)
        self.department.setMinimumHeight(FIELD_HEIGHT)
        self.department_error = FieldError(self.department, self)
        form.addRow(self.tr("县直部门(&U)"), self.department_error.box)
        if not departments:
            self.department_error.show(self.tr("还没有县直部门，请先在“县直部门…”中添加。"))
        self.days = QSpinBox(self)
        self.days.setRange(0, DAYS_MAX)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" 个工作日"))
        self.days.setMinimumHeight(FIELD_HEIGHT)
        self.days.setMinimumWidth(150)
        self.days_error = FieldError(self.days, self)
        form.addRow(self.tr("办理时限(&D)"), self.days_error.box)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueLabel")
        form.addRow(self.tr("办结期限："), self.due_label)
        self.note = text_box(self, self.tr("可填写交办要求，例如需要会同哪些部门办理"))
        form.addRow(self.tr("交办意见(&N)"), self.note)
        layout.addWidget(self.buttons(self.tr("交办")))
        self.days.valueChanged.connect(self._days_changed)
        self.department.currentIndexChanged.connect(lambda _i: self.department_error.clear())
        self._days_changed(self.days.value())
        self.department.setFocus()

    def _days_changed(self, days: int) -> None:
        self.days_error.clear()
        try:
            due = self._deadline(days)
        except DomainError as exc:
            self.due_label.setText("—")
            self.due_label.setToolTip(exc.message)
            return
        self.due_label.setToolTip("")
        self.due_label.setText(
            self.tr("{date}（星期{weekday}），按工作日推算，已除去周末和法定节假日").format(
                date=due.isoformat(), weekday=WEEKDAYS[due.weekday()]
            )
        )

    def typed(self) -> str:
        """The note and the department chosen."""
        return self.note.toPlainText() + (self.department.currentText() or "")

    def check(self) -> bool:
        """Show what is missing next to its field; True when the form is complete."""
        self.department_error.clear()
        self.days_error.clear()
        if self.department.currentIndex() < 0 or not self.department.currentText().strip():
            self.department_error.show(self.tr("请选择县直部门。"))
            return False
        if self.days.value() < 1:
            self.days_error.show(self.tr("办理时限至少 1 个工作日（最多 60 个）。"))
            return False
        return True

    def submit(self) -> None:
        """Make the move; a refusal is shown under its field and the dialog stays open."""
        if not self.check():
            return
        try:
            self._submit(
                self.department.currentText(), self.days.value(), self.note.toPlainText().strip()
            )
        except DomainError as exc:
            field = exc.data.get("field")
            (self.days_error if field == "days" else self.department_error).show(exc.message)
            return
        self.finish()


class CountyTextDialog(GuardedDialog):
    """One required text about a matter: 退回乡镇's reason or 办结's result.

    Args:
        matter: the matter.
        township: its township's name, shown in the summary.
        title: the window title (the number is added).
        caption: the field's label (with its ``&`` key).
        placeholder: the hint in the empty box.
        missing: the message when nothing was typed.
        ok_text: the button that makes the move.
        submit: makes the move; raises :class:`DomainError` when refused.
        parent: the Qt parent.
    """

    def __init__(
        self,
        matter: Matter,
        township: str,
        *,
        title: str,
        caption: str,
        placeholder: str,
        missing: str,
        ok_text: str,
        submit: TextSubmit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.matter = matter
        self._missing = missing
        self._submit = submit
        self.setWindowTitle(f"{title} {matter.number}")
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        layout.addWidget(matter_summary(matter, township, self))
        if matter.department:
            due = matter.due_on.isoformat() if matter.due_on else "—"
            layout.addWidget(
                QLabel(
                    self.tr("县直部门：{department}（期限 {due}）").format(
                        department=matter.department, due=due
                    ),
                    self,
                )
            )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(form)
        self.text = text_box(self, placeholder, height=130)
        self.text_error = FieldError(self.text, self)
        self.text.textChanged.connect(self.text_error.clear)
        form.addRow(caption, self.text_error.box)
        layout.addWidget(self.buttons(ok_text))
        self.text.setFocus()

    def typed(self) -> str:
        """The text typed."""
        return self.text.toPlainText()

    def submit(self) -> None:
        """Make the move; on a refusal show why and keep the dialog open."""
        text = self.text.toPlainText().strip()
        if not text:
            self.text_error.show(self._missing)
            return
        try:
            self._submit(text)
        except DomainError as exc:
            self.text_error.show(exc.message)
            return
        self.finish()
