"""A case (帮扶个案) at a glance: the need, its checking steps, the help given, the outcomes.

The steps read as a timeline (when, what, who, the reason or result). Each help record shows
its kind, amount, helpers, day, content, time limit and current outcome; 填写成效… writes
the outcome later (every earlier one stays in the history shown there) and 编辑… opens the
help form. 核查… and 登记帮扶… act on the case from here as from the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assistance import Case
from qunzhong_desktop.core.assistance_case import STEP_NAMES, fen_text, may_receive_help
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.session import limit
from qunzhong_desktop.ui.ledgers.need_dialog import save_buttons


class OutcomeDialog(QDialog):
    """填写成效: the outcome of a help record, written later; the earlier ones listed above.

    Emits ``saved(record id)``.
    """

    saved = Signal(str)

    def __init__(
        self, store: Store, record_id: str, parent: QWidget | None = None, *, today: dt.date
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.record_id = record_id
        self.today = today
        self.setWindowTitle(self.tr("填写帮扶成效"))
        record = store.assistance.get(record_id)
        self.history = QListWidget(self)
        for outcome in store.assistance.outcomes(record_id):
            who = f"　{outcome.actor}" if outcome.actor else ""
            self.history.addItem(f"{outcome.day:%Y-%m-%d}{who}：{outcome.text}")
        if self.history.count() == 0:
            self.history.addItem(self.tr("（还没有填写过成效）"))
        self.history.setFixedHeight(110)
        self.text = QPlainTextEdit(record.result, self)
        self.text.setPlaceholderText(self.tr("帮扶取得的成效，例如：已入住修缮后的房屋"))
        self.text.setFixedHeight(90)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{record.given_on:%Y-%m-%d}　{record.content[:40]}", self))
        layout.addWidget(QLabel(self.tr("以前填写的成效（都会保留）"), self))
        layout.addWidget(self.history)
        layout.addWidget(QLabel(self.tr("现在的成效"), self))
        layout.addWidget(self.text)
        layout.addWidget(self.error_label)
        layout.addWidget(save_buttons(self, self.tr("保存"), self.tr("取消")))
        self.resize(520, self.sizeHint().height())

    def save(self) -> bool:
        """Write the outcome; on a refusal say why and keep the input."""
        try:
            self.store.assistance.set_outcome(
                self.record_id, self.text.toPlainText(), today=self.today
            )
        except DomainError as exc:
            self.error_label.setText(exc.message)
            return False
        self.saved.emit(self.record_id)
        self.accept()
        return True


class CaseDialog(QDialog):
    """A case: the need, the timeline of its steps, the help given with its outcomes.

    Args:
        store: the station's store.
        need_id: the case's need.
        parent: the Qt parent.
        today: the date of today (tests fix it).
        take_step: makes 核查 for the case (need id, parent); the tab's.
        give_help: makes the help form for the case (need id, record id to edit or None,
            parent); the tab's.

    Signals:
        changed: something was written from here (the list refreshes).
    """

    changed = Signal()

    def __init__(
        self,
        store: Store,
        need_id: str,
        parent: QWidget | None = None,
        *,
        today: dt.date,
        take_step: Callable[[str, QWidget], QDialog | None],
        give_help: Callable[[str, str | None, QWidget], QDialog | None],
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.need_id = need_id
        self.today = today
        self._take_step = take_step
        self._give_help = give_help
        self.dialog: QDialog | None = None
        self.record_ids: list[str] = []
        self.setWindowTitle(self.tr("帮扶个案"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QListWidget(self)
        self.steps.setFixedHeight(120)
        headers = [
            self.tr("帮扶日期"), self.tr("帮扶方式"), self.tr("金额（元）"), self.tr("帮扶人"),
            self.tr("帮扶内容"), self.tr("帮扶时限"), self.tr("帮扶成效"),
        ]  # fmt: skip
        self.help = QTableWidget(0, len(headers), self)
        self.help.setHorizontalHeaderLabels(headers)
        self.help.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.help.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.help.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.help.verticalHeader().hide()
        self.help.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((86, 72, 80, 136, 180, 86)):
            self.help.setColumnWidth(column, width)
        self.help.doubleClicked.connect(lambda _index: self.edit_help())
        self.step_button = QPushButton(self.tr("核查…"), self)
        self.help_button = QPushButton(self.tr("登记帮扶…"), self)
        self.outcome_button = QPushButton(self.tr("填写成效…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.step_button.clicked.connect(lambda: self._open(self._take_step(self.need_id, self)))
        self.help_button.clicked.connect(
            lambda: self._open(self._give_help(self.need_id, None, self))
        )
        self.outcome_button.clicked.connect(lambda _checked=False: self.write_outcome())
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_help())
        limit(
            store,
            (self.step_button, Permission.WRITE),
            (self.help_button, Permission.WRITE),
            (self.outcome_button, Permission.WRITE),
            (self.edit_button, Permission.WRITE),
        )
        row = QHBoxLayout()
        row.addWidget(self.step_button)
        row.addWidget(self.help_button)
        row.addStretch(1)
        row.addWidget(self.outcome_button)
        row.addWidget(self.edit_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("核查经过"), self))
        layout.addWidget(self.steps)
        layout.addWidget(QLabel(self.tr("帮扶记录（双击编辑）"), self))
        layout.addWidget(self.help, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        fit_to_screen(self, 900, 620)
        self.refresh()

    def refresh(self) -> None:
        """Read the case again and show it."""
        try:
            case = self.store.needs.get(self.need_id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.case = case
        self.summary.setText(self._summary(case))
        self.steps.clear()
        for step in case.steps:
            note = f"：{step.note}" if step.note else ""
            self.steps.addItem(f"{step.day:%Y-%m-%d}　{STEP_NAMES[step.step]}　{step.actor}{note}")
        self.help.setRowCount(len(case.help))
        self.record_ids = [record.id or "" for record in case.help]
        for row, record in enumerate(case.help):
            values = (
                f"{record.given_on:%Y-%m-%d}", record.kind, fen_text(record.amount_fen),
                record.helper, record.content,
                f"{record.time_limit:%Y-%m-%d}" if record.time_limit else "", record.result,
            )  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.help.setItem(row, column, item)
        if case.help and self.help.currentRow() < 0:
            self.help.selectRow(0)
        self.help_button.setEnabled(may_receive_help(case.state))
        self.outcome_button.setEnabled(bool(case.help))
        self.edit_button.setEnabled(bool(case.help))

    def _summary(self, case: Case) -> str:
        need = case.need
        lines = [
            self.tr("{number}　帮扶对象：{who}　类别：{category}{urgent}　状态：{state}").format(
                number=case.household_number, who=case.beneficiary, category=need.category,
                urgent=self.tr("　（急事急办）") if need.urgent else "", state=case.state_name,
            ),
            self.tr("需求：{0}").format(need.what),
            self.tr("报告：{by} {day}　帮扶时限：{limit}　已帮扶 {count} 次，{amount} 元").format(
                by=need.reported_by, day=f"{need.reported_on:%Y-%m-%d}",
                limit=f"{need.time_limit:%Y-%m-%d}" if need.time_limit else self.tr("未定"),
                count=len(case.help), amount=fen_text(case.amount_fen) or "0",
            ),
        ]  # fmt: skip
        if case.result:
            lines.append(self.tr("销号结果：{0}").format(case.result))
        if case.overdue(self.today):
            lines.append(self.tr("已超过帮扶时限"))
        return "\n".join(lines)

    def selected_record(self) -> str | None:
        """The help record selected, if any."""
        row = self.help.currentRow()
        return self.record_ids[row] if 0 <= row < len(self.record_ids) else None

    def write_outcome(self) -> OutcomeDialog | None:
        """填写成效… for the selected help record."""
        record_id = self.selected_record()
        if record_id is None:
            return None
        try:
            dialog = OutcomeDialog(self.store, record_id, self, today=self.today)
        except DomainError as exc:
            show_error(self, exc)
            return None
        self._open(dialog)
        return dialog

    def edit_help(self) -> None:
        """编辑… the selected help record in the help form."""
        record_id = self.selected_record()
        if record_id is not None:
            self._open(self._give_help(self.need_id, record_id, self))

    def _open(self, dialog: QDialog | None) -> None:
        if dialog is None:
            return
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._written)
        dialog.open()

    def _written(self) -> None:
        self.refresh()
        self.changed.emit()
