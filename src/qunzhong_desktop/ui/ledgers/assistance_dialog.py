"""新增帮扶记录: help given to a household in difficulty, with the five publics (五公开).

The household (帮扶户), the person helped (帮扶对象: a member, at first the first member in
difficulty, or the whole household), the helping unit (prefilled with the paired cadre's
unit), the helper (the paired cadre), the content, the time limit — the five publics — and
the goal (帮扶目标), the day given and the result. A refused save keeps everything typed and
says what to correct.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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

from qunzhong_desktop.core.assistance import HELPING_UNITS, AssistanceRecord
from qunzhong_desktop.core.assistance_case import NeedState
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.ledger import SupportHousehold
from qunzhong_desktop.storage.assistance_cases import NeedFilter
from qunzhong_desktop.storage.store import Store


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class AssistanceDialog(QDialog):
    """Record help given to a household; emits ``saved(record id)``.

    Args:
        store: the station's store.
        households: the households in difficulty to choose from.
        household_id: the one chosen at first (e.g. the selected row).
        parent: the Qt parent.
        today: the date of today (tests fix it).
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
        record: AssistanceRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = record
        self.setWindowTitle(self.tr("编辑帮扶记录") if record else self.tr("新增帮扶记录"))
        self.store = store
        self.today = today or dt.date.today()
        self.households = {h.id: h for h in households}
        self.household = QComboBox(self)
        for h in households:
            text = f"{h.number}　{h.head_name}　{'、'.join(h.tags)}"
            self.household.addItem(text, h.id)
        if household_id is not None:
            self.household.setCurrentIndex(max(self.household.findData(household_id), 0))
        # the checked need the help answers (core.assistance_case: only 实施中 takes help)
        self.need = QComboBox(self)
        self.need.setToolTip(self.tr("经村党组织初核、镇（县）复核的帮扶需求"))
        self.person = QComboBox(self)
        self.person.setToolTip(self.tr("受帮扶的家庭成员；帮扶全户时选“全户”"))
        self.helping_unit = QComboBox(self)
        self.helping_unit.setEditable(True)
        self.helping_unit.addItems(HELPING_UNITS)
        self.helper = QLineEdit(self)
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("例如：保障基本生活、稳定就业增收"))
        self.content = QPlainTextEdit(self)
        self.content.setPlaceholderText(self.tr("帮扶的具体措施和内容"))
        self.content.setFixedHeight(80)
        self.given_on = QDateEdit(_qdate(self.today), self)
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMaximumDate(_qdate(self.today))
        self.has_limit = QCheckBox(self.tr("帮扶时限"), self)
        self.time_limit = QDateEdit(_qdate(self.today + dt.timedelta(days=90)), self)
        self.time_limit.setCalendarPopup(True)
        self.time_limit.setDisplayFormat("yyyy-MM-dd")
        self.time_limit.setEnabled(False)
        self.has_limit.toggled.connect(self.time_limit.setEnabled)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.has_limit)
        limit_row.addWidget(self.time_limit, 1)
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setPlaceholderText(self.tr("帮扶成效（可以以后再填）"))
        self.result_edit.setFixedHeight(60)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("帮扶户"), self.household)
        form.addRow(self.tr("帮扶需求"), self.need)
        form.addRow(self.tr("帮扶对象"), self.person)
        form.addRow(self.tr("帮扶单位"), self.helping_unit)
        form.addRow(self.tr("帮扶责任人"), self.helper)
        form.addRow(self.tr("帮扶目标"), self.target)
        form.addRow(self.tr("帮扶内容"), self.content)
        form.addRow(self.tr("帮扶日期"), self.given_on)
        form.addRow(limit_row)
        form.addRow(self.tr("帮扶成效"), self.result_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if record is not None:
            self._show(record)
            self._fill_needs(record.need_id)
        else:
            self.household.currentIndexChanged.connect(self._prefill)
            self._prefill()
        self.resize(520, self.sizeHint().height())

    def _show(self, record: AssistanceRecord) -> None:
        """Fill the form with a stored record; its household cannot change."""
        self.household.setCurrentIndex(max(self.household.findData(record.household_id), 0))
        self.household.setEnabled(False)
        self._fill_persons(record.person_id, keep=True)
        self.helping_unit.setCurrentText(record.helping_unit)
        self.helper.setText(record.helper)
        self.target.setText(record.target)
        self.content.setPlainText(record.content)
        self.given_on.setDate(_qdate(record.given_on))
        self.has_limit.setChecked(record.time_limit is not None)
        if record.time_limit is not None:
            self.time_limit.setDate(_qdate(record.time_limit))
        self.result_edit.setPlainText(record.result)

    def _fill_needs(self, kept: str | None) -> None:
        """The household's needs in 实施中; a stored record keeps its own (shown, fixed)."""
        self.need.clear()
        household_id = str(self.household.currentData() or "")
        for case in self.store.needs.cases(NeedFilter(household_id=household_id)):
            if case.state is NeedState.VERIFIED or case.need.id == kept:
                text = f"{case.need.category}：{case.need.what}（{case.state_name}）"
                self.need.addItem(text, case.need.id)
        if kept is not None or self.editing is not None:
            self.need.setCurrentIndex(max(0, self.need.findData(kept)))
            self.need.setEnabled(False)
        elif self.need.count() == 0:
            self.error_label.setText(
                self.tr(
                    "这一户还没有经过复核的帮扶需求：请先登记需求，经村党组织初核、"
                    "镇（县）复核后再登记帮扶。"
                )
            )
        else:
            self.error_label.clear()

    def _fill_persons(self, chosen: str | None, *, keep: bool = False) -> None:
        """帮扶对象: the household's members and 全户; ``chosen`` selected (None: the likely one).

        ``keep``: a stored record's choice, kept even if that member has left the register.
        """
        household = self.households.get(self.household.currentData() or "")
        self.person.clear()
        if household is None:
            return
        for member in household.members:
            if member.left and not (keep and member.id == chosen):
                continue
            about = "·".join(v for v in (member.relation, "、".join(member.tags)) if v)
            text = f"{member.name}（{about}）" if about else member.name
            if member.left:
                text += self.tr("（已不在户籍）")
            self.person.addItem(text, member.id)
        self.person.addItem(
            self.tr("全户（{household}）").format(household=household.beneficiary(None)), None
        )
        wanted = chosen if keep else household.likely_beneficiary()
        index = self.person.findData(wanted) if wanted is not None else -1
        self.person.setCurrentIndex(index if index >= 0 else self.person.count() - 1)

    def _prefill(self) -> None:
        """The likely person is helped, by the paired cadre (the clerk may change both)."""
        self._fill_persons(None)
        self._fill_needs(None)
        household = self.households.get(self.household.currentData() or "")
        if household is None or not household.cadre_name:
            return
        self.helper.setText(household.cadre_name)
        if household.cadre_unit:
            self.helping_unit.setCurrentText(household.cadre_unit)

    def record(self) -> AssistanceRecord:
        """The record as typed."""
        base = self.editing or AssistanceRecord(
            household_id="", given_on=self.today, helping_unit="", helper="", content=""
        )
        return dataclasses.replace(
            base,  # what this form does not show (kind, amount, helpers) stays as stored
            need_id=base.need_id if self.editing is not None else self.need.currentData(),
            person_id=self.person.currentData() or None,
            household_id=str(self.household.currentData() or ""),
            given_on=_date(self.given_on.date()),
            helping_unit=self.helping_unit.currentText(),
            helper=self.helper.text(),
            target=self.target.text(),
            content=self.content.toPlainText(),
            time_limit=_date(self.time_limit.date()) if self.has_limit.isChecked() else None,
            result=self.result_edit.toPlainText(),
        )

    def save(self) -> bool:
        """Check and store the record; on a refusal say why and keep the input."""
        try:
            saved = self.store.assistance.save(self.record(), today=self.today)
        except DomainError as exc:
            self.error_label.setText(exc.message)
            return False
        self.saved.emit(saved.id or "")
        self.accept()
        return True
