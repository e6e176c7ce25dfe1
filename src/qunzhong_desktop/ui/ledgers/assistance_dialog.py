"""新增帮扶记录: help given against a checked need, with the five publics (五公开).

The household (帮扶户), the need it answers (one in 实施中; fixed when opened from a case),
the person helped (帮扶对象: a member, at first the first member in difficulty, or the whole
household), the helping unit (prefilled with the paired cadre's unit), the helpers — several
cadres of the register (多对一、多对多), the household's paired cadre first and checked — and
the names printed for them, the kind (帮扶方式) with an amount in 元 for money and goods, the
content, the time limit, the goal (帮扶目标), the day given and the outcome. A refused save
keeps everything typed and says what to correct.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.assistance import HELPING_UNITS, AssistanceRecord
from qunzhong_desktop.core.assistance_case import (
    HELP_KINDS,
    WITH_AMOUNT,
    NeedState,
    fen_text,
    yuan_to_fen,
)
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.ledger import SupportHousehold
from qunzhong_desktop.storage.assistance_cases import NeedFilter
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, pydate, qdate


class AssistanceDialog(QDialog):
    """Record help given to a household; emits ``saved(record id)``.

    Args:
        store: the station's store.
        households: the households in difficulty to choose from.
        household_id: the one chosen at first (e.g. the selected row).
        parent: the Qt parent.
        today: the date of today (tests fix it).
        record: a stored record to edit (its household and need stay).
        need_id: the need the help answers, fixed (opened from a case).
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
        need_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = record
        self.fixed_need = need_id
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
        self.helpers = QListWidget(self)
        self.helpers.setToolTip(self.tr("勾选参与帮扶的干部，可以多选（多对一、多对多）"))
        self.helpers.setFixedHeight(96)
        self.helper = QLineEdit(self)
        self.helper.setPlaceholderText(self.tr("打印的帮扶人姓名；不填则用勾选的干部姓名"))
        self._auto_helper = ""  # the names the checks wrote; typed text is not overwritten
        self.helpers.itemChanged.connect(lambda _item: self._helpers_changed())
        self.kind = QComboBox(self)
        self.kind.addItems(HELP_KINDS)
        self.kind.setCurrentText("其他")
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("资金、物品填写，如 1200 或 350.50"))
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("例如：保障基本生活、稳定就业增收"))
        self.content = QPlainTextEdit(self)
        self.content.setPlaceholderText(self.tr("帮扶的具体措施和内容"))
        self.content.setFixedHeight(80)
        self.given_on = QDateEdit(qdate(self.today), self)
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMaximumDate(qdate(self.today))
        self.has_limit = QCheckBox(self.tr("帮扶时限"), self)
        self.time_limit = QDateEdit(qdate(self.today + dt.timedelta(days=90)), self)
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
        form.addRow(self.tr("帮扶人"), self.helpers)
        form.addRow(self.tr("帮扶责任人"), self.helper)
        form.addRow(self.tr("帮扶方式"), self.kind)
        form.addRow(self.tr("金额（元）"), self.amount)
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
            if need_id is not None:
                self.household.setEnabled(False)
        self._kind_changed(self.kind.currentText())
        self.resize(560, self.sizeHint().height())

    def _show(self, record: AssistanceRecord) -> None:
        """Fill the form with a stored record; its household cannot change."""
        self.household.setCurrentIndex(max(self.household.findData(record.household_id), 0))
        self.household.setEnabled(False)
        self._fill_persons(record.person_id, keep=True)
        self.helping_unit.setCurrentText(record.helping_unit)
        self._fill_helpers(None, record.helper_ids)
        self.helper.setText(record.helper)
        self._auto_helper = record.helper if record.helper == self._checked_names() else ""
        self.kind.setCurrentText(record.kind)
        self.amount.setText(fen_text(record.amount_fen).replace(",", ""))
        self.target.setText(record.target)
        self.content.setPlainText(record.content)
        self.given_on.setDate(qdate(record.given_on))
        self.has_limit.setChecked(record.time_limit is not None)
        if record.time_limit is not None:
            self.time_limit.setDate(qdate(record.time_limit))
        self.result_edit.setPlainText(record.result)

    def _fill_needs(self, kept: str | None) -> None:
        """The household's needs in 实施中; a stored record keeps its own (shown, fixed).

        Opened from a case, only that case's need is listed, whatever its state: saving
        then says why help cannot be recorded on it yet.
        """
        self.need.clear()
        household_id = str(self.household.currentData() or "")
        fixed_open = True
        for case in self.store.needs.cases(NeedFilter(household_id=household_id)):
            if self.fixed_need is not None:
                if case.need.id != self.fixed_need:
                    continue
                fixed_open = case.state is NeedState.VERIFIED
            elif case.state is not NeedState.VERIFIED and case.need.id != kept:
                continue
            text = f"{case.need.category}：{case.need.what}（{case.state_name}）"
            self.need.addItem(text, case.need.id)
        kept = kept or self.fixed_need
        if kept is not None or self.editing is not None:
            self.need.setCurrentIndex(max(0, self.need.findData(kept)))
            self.need.setEnabled(False)
        if self.fixed_need is not None and self.editing is None and not fixed_open:
            self.error_label.setText(
                self.tr("这项需求现在不在“实施中”：只有经过复核、尚未销号的需求才能登记帮扶。")
            )
        elif kept is None and self.need.count() == 0:
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

    def _fill_helpers(self, paired: str | None, chosen: Sequence[str]) -> None:
        """The register's live cadres, the paired one first; ``chosen`` (and ``paired``) checked.

        A cadre retired since is listed only when the record already names them.
        """
        self.helpers.blockSignals(True)
        self.helpers.clear()
        cadres = [c for c in self.store.register.cadres() if not c.retired or c.id in chosen]
        cadres.sort(key=lambda c: (c.id != paired, c.id not in chosen))
        for cadre in cadres:
            text = f"{cadre.name}（{cadre.unit}）" if cadre.unit else cadre.name
            if cadre.id == paired:
                text += self.tr("　结对干部")
            item = QListWidgetItem(text, self.helpers)
            item.setData(Qt.ItemDataRole.UserRole, cadre.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, cadre.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = cadre.id in chosen or cadre.id == paired
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.helpers.blockSignals(False)

    def helper_ids(self) -> tuple[str, ...]:
        """The cadres checked, in the order listed."""
        items = (self.helpers.item(i) for i in range(self.helpers.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )

    def check_helpers(self, names: Sequence[str]) -> None:
        """Check exactly the cadres named (tests and keyboard users)."""
        for i in range(self.helpers.count()):
            item = self.helpers.item(i)
            on = item.data(Qt.ItemDataRole.UserRole + 1) in names
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _checked_names(self) -> str:
        items = (self.helpers.item(i) for i in range(self.helpers.count()))
        return "、".join(
            str(item.data(Qt.ItemDataRole.UserRole + 1))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )

    def _helpers_changed(self) -> None:
        """The printed names follow the checks unless the clerk typed names of their own."""
        if self.helper.text() in ("", self._auto_helper):
            self._auto_helper = self._checked_names()
            self.helper.setText(self._auto_helper)

    def _kind_changed(self, kind: str) -> None:
        """金额 only for money and goods (kept, not cleared, when another kind is chosen)."""
        self.amount.setEnabled(kind in WITH_AMOUNT)

    def _prefill(self) -> None:
        """The likely person is helped, by the paired cadre (the clerk may change both)."""
        self._fill_persons(None)
        self._fill_needs(None)
        household_id = str(self.household.currentData() or "")
        paired = None
        if household_id:
            try:
                paired = self.store.register.household(household_id).cadre_id
            except DomainError:
                paired = None
        self._fill_helpers(paired, ())
        self._auto_helper = self._checked_names()
        self.helper.setText(self._auto_helper)
        household = self.households.get(household_id)
        if household is not None and household.cadre_unit:
            self.helping_unit.setCurrentText(household.cadre_unit)

    def amount_fen(self) -> int | None:
        """The amount typed, in 分 (None for a kind without amounts, or blank).

        Raises:
            ValidationError: not a sensible amount in 元.
        """
        if self.kind.currentText() not in WITH_AMOUNT:
            return None
        return yuan_to_fen(self.amount.text())

    def record(self) -> AssistanceRecord:
        """The record as typed.

        Raises:
            ValidationError: the amount is not a sensible number of 元.
        """
        base = self.editing or AssistanceRecord(
            household_id="", given_on=self.today, helping_unit="", helper="", content=""
        )
        return dataclasses.replace(
            base,
            need_id=base.need_id if self.editing is not None else self.need.currentData(),
            kind=self.kind.currentText(),
            amount_fen=self.amount_fen(),
            helper_ids=self.helper_ids(),
            person_id=self.person.currentData() or None,
            household_id=str(self.household.currentData() or ""),
            given_on=pydate(self.given_on.date()),
            helping_unit=self.helping_unit.currentText(),
            helper=self.helper.text(),
            target=self.target.text(),
            content=self.content.toPlainText(),
            time_limit=pydate(self.time_limit.date()) if self.has_limit.isChecked() else None,
            result=self.result_edit.toPlainText(),
        )

    def save(self) -> bool:
        """Check and store the record; on a refusal say why and keep the input."""
        for widget in (self.amount, self.helpers, self.need, self.content, self.helper):
            clear_invalid(widget)
        try:
            saved = self.store.assistance.save(self.record(), today=self.today)
        except DomainError as exc:
            self.error_label.setText(exc.message)
            field = {
                "amount": self.amount, "helpers": self.helpers, "need": self.need,
                "content": self.content, "helper": self.helper, "kind": self.kind,
            }.get(str(exc.data.get("field", "")))  # fmt: skip
            if field is not None:
                mark_invalid(field, exc.message)
            return False
        self.saved.emit(saved.id or "")
        self.accept()
        return True
