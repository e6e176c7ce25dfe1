"""登记需求 and 核查: the form of a need (帮扶需求) and the dialog of its checking steps.

A need names a household of the register (a household in difficulty, as the support ledger
chooses them), the member concerned or 全户, what is needed, its category, whether it is
urgent (急事急办), who reported it (at first the household's 网长) and when, and the time
limit. The step dialog offers only the steps the need's state allows (初核, 复核, 退回,
重新报告, 销号, 重新打开), with who and when; a send-back or a reopening needs a reason and a
closing its result. A refused save says what to correct and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.assistance import Case
from qunzhong_desktop.core.assistance_case import (
    NEED_CATEGORIES,
    NEEDS_NOTE,
    STEP_NAMES,
    Need,
    NeedStep,
    Step,
    allowed_steps,
)
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.ledger import SupportHousehold
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    date_edit,
    mark_invalid,
    pydate,
    qdate,
)
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.session import operator_name


def save_buttons(dialog: QDialog, save_text: str, cancel_text: str) -> QDialogButtonBox:
    """保存/取消 (or other words), wired to the dialog's ``save`` and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons


class NeedDialog(QDialog):
    """登记需求 / 修改需求; emits ``saved(need id)``.

    Args:
        store: the station's store.
        households: the households to choose from (the support ledger's).
        household_id: the one chosen at first.
        parent: the Qt parent.
        today: the date of today (tests fix it).
        case: a case whose need is corrected (修改).
    """

    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        households: Sequence[SupportHousehold],
        household_id: str | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        case: Case | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today or dt.date.today()
        self.case = case
        self.setWindowTitle(self.tr("修改帮扶需求") if case else self.tr("登记帮扶需求"))
        self.households = {h.id: h for h in households}
        self.household = QComboBox(self)
        for h in households:
            self.household.addItem(f"{h.number}　{h.head_name}　{'、'.join(h.tags)}", h.id)
        self.person = QComboBox(self)
        self.person.setToolTip(self.tr("需求涉及的家庭成员；整户的需求选“全户”"))
        self.what = QPlainTextEdit(self)
        self.what.setPlaceholderText(self.tr("需要什么帮扶，例如：房屋漏雨需修缮"))
        self.what.setFixedHeight(80)
        self.category = QComboBox(self)
        self.category.addItems(NEED_CATEGORIES)
        self.urgent = QCheckBox(self.tr("急事急办"), self)
        self.reported_by = QLineEdit(self)
        self.reported_by.setPlaceholderText(self.tr("通常是网长"))
        self.reported_on = date_edit(self, self.today, latest=self.today)
        self.has_limit = QCheckBox(self.tr("帮扶时限"), self)
        self.time_limit = date_edit(self, self.today + dt.timedelta(days=30))
        self.time_limit.setEnabled(False)
        self.has_limit.toggled.connect(self.time_limit.setEnabled)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.has_limit)
        limit_row.addWidget(self.time_limit, 1)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("帮扶户"), self.household)
        form.addRow(self.tr("帮扶对象"), self.person)
        form.addRow(self.tr("需求内容"), self.what)
        form.addRow(self.tr("需求类别"), self.category)
        form.addRow("", self.urgent)
        form.addRow(self.tr("报告人"), self.reported_by)
        form.addRow(self.tr("报告日期"), self.reported_on)
        form.addRow(limit_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(save_buttons(self, self.tr("保存"), self.tr("取消")))
        self.fields: dict[str, QWidget] = {
            "household": self.household, "person": self.person, "what": self.what,
            "category": self.category, "reported_by": self.reported_by,
            "reported_on": self.reported_on, "time_limit": self.time_limit,
            "actor": self.reported_by,
        }  # fmt: skip
        if case is not None:
            self._show(case)
        else:
            if household_id is not None:
                self.household.setCurrentIndex(max(self.household.findData(household_id), 0))
            self.household.currentIndexChanged.connect(self._prefill)
            self._prefill()
        self.resize(520, self.sizeHint().height())

    def _show(self, case: Case) -> None:
        need = case.need
        index = self.household.findData(need.household_id)
        if index < 0:  # no longer in difficulty: still its own household
            self.household.addItem(
                f"{case.household_number}　{case.household_head}", need.household_id
            )
            index = self.household.count() - 1
        self.household.setCurrentIndex(index)
        self.household.setEnabled(False)
        self._fill_persons(need.person_id)
        self.what.setPlainText(need.what)
        self.category.setCurrentText(need.category)
        self.urgent.setChecked(need.urgent)
        self.reported_by.setText(need.reported_by)
        self.reported_on.setDate(qdate(need.reported_on))
        self.has_limit.setChecked(need.time_limit is not None)
        if need.time_limit is not None:
            self.time_limit.setDate(qdate(need.time_limit))

    def _fill_persons(self, chosen: str | None) -> None:
        self.person.clear()
        household = self.households.get(str(self.household.currentData() or ""))
        if household is not None:
            for member in household.members:
                if member.left and member.id != chosen:
                    continue
                about = "·".join(v for v in (member.relation, "、".join(member.tags)) if v)
                self.person.addItem(
                    f"{member.name}（{about}）" if about else member.name, member.id
                )
        self.person.addItem(self.tr("全户"), None)
        index = self.person.findData(chosen) if chosen is not None else -1
        self.person.setCurrentIndex(index if index >= 0 else self.person.count() - 1)

    def _prefill(self) -> None:
        """The member in difficulty (or 全户) and the household's 网长 as the one reporting."""
        household_id = str(self.household.currentData() or "")
        household = self.households.get(household_id)
        self._fill_persons(household.likely_beneficiary() if household else None)
        leader = ""
        if household_id:
            try:
                grid_id = self.store.register.household(household_id).grid_id
            except DomainError:
                grid_id = None
            grids = {g.id: g for g in self.store.register.grids()}
            grid = grids.get(grid_id) if grid_id else None
            leader = grid.leader_name if grid is not None else ""
        if not self.reported_by.isModified():
            self.reported_by.setText(leader)

    def need(self) -> Need:
        """The need as typed."""
        return Need(
            id=self.case.need.id if self.case is not None else None,
            household_id=str(self.household.currentData() or ""),
            person_id=self.person.currentData() or None,
            what=self.what.toPlainText(),
            category=self.category.currentText(),
            urgent=self.urgent.isChecked(),
            reported_by=self.reported_by.text(),
            reported_on=pydate(self.reported_on.date()),
            time_limit=pydate(self.time_limit.date()) if self.has_limit.isChecked() else None,
        )

    def save(self) -> bool:
        """Report (or correct) the need; on a refusal say why and keep the input."""
        for widget in self.fields.values():
            clear_invalid(widget)
        need = self.need()
        try:
            if self.case is None:
                actor = need.reported_by.strip() or operator_name(self.store)
                case = self.store.needs.report(need, actor=actor, today=self.today)
            else:
                case = self.store.needs.edit(need, today=self.today)
        except DomainError as exc:
            self.error_label.setText(exc.message)
            field = self.fields.get(str(exc.data.get("field", "")))
            if field is not None:
                mark_invalid(field, exc.message)
            return False
        self.saved.emit(case.need.id or "")
        self.accept()
        return True


class StepDialog(QDialog):
    """核查: one checking step of a case, chosen among those its state allows.

    Emits ``saved(need id)``. ``step``: the one chosen at first (e.g. 销号 from a button).
    """

    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        case: Case,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        step: Step | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.case = case
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("核查帮扶需求"))
        about = QLabel(
            self.tr("{number} {who}：{what}（{state}）").format(
                number=case.household_number, who=case.beneficiary,
                what=case.need.what[:40], state=case.state_name,
            ),
            self,
        )  # fmt: skip
        about.setWordWrap(True)
        self.step = QComboBox(self)
        for allowed in allowed_steps(case.state):
            self.step.addItem(STEP_NAMES[allowed], allowed.value)
        if step is not None:
            self.step.setCurrentIndex(max(self.step.findData(step.value), 0))
        self.actor = QLineEdit(operator_name(store), self)
        self.day = date_edit(self, self.today, latest=self.today)
        self.day.setMinimumDate(qdate(case.need.reported_on))
        self.note_label = QLabel(self)
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(80)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("步骤"), self.step)
        form.addRow(self.tr("经办人"), self.actor)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.buttons = save_buttons(self, self.tr("确定"), self.tr("取消"))
        layout.addWidget(self.buttons)
        self.step.currentIndexChanged.connect(self._step_changed)
        self._step_changed()
        if self.step.count() == 0:
            self.error_label.setText(self.tr("这项需求现在没有可以进行的核查步骤。"))
        self.resize(480, self.sizeHint().height())

    def chosen(self) -> Step | None:
        """The step chosen."""
        data = self.step.currentData()
        return Step(data) if data else None

    def _step_changed(self) -> None:
        step = self.chosen()
        labels = {
            Step.SEND_BACK: self.tr("退回原因"),
            Step.REOPEN: self.tr("重新打开原因"),
            Step.CLOSE: self.tr("帮扶结果"),
        }
        self.note_label.setText(labels.get(step, self.tr("备注")) if step else self.tr("备注"))
        needed = step in NEEDS_NOTE if step is not None else False
        self.note.setPlaceholderText(self.tr("必填") if needed else self.tr("可不填"))

    def save(self) -> bool:
        """Record the step; on a refusal say why and keep the input."""
        step = self.chosen()
        if step is None:
            return False
        for widget in (self.actor, self.day, self.note):
            clear_invalid(widget)
        try:
            self.store.needs.take_step(
                self.case.need.id or "",
                NeedStep(step, pydate(self.day.date()), self.actor.text(), self.note.toPlainText()),
                today=self.today,
            )
        except DomainError as exc:
            self.error_label.setText(exc.message)
            field = {"actor": self.actor, "day": self.day, "note": self.note}.get(
                str(exc.data.get("field", ""))
            )
            if field is not None:
                mark_invalid(field, exc.message)
            return False
        self.saved.emit(self.case.need.id or "")
        self.accept()
        return True
