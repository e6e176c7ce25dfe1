"""考评排名: the township's assessment ranking of its stations or units (issue 17).

:class:`AssessmentDialog` chooses the period (this half-year first; a year, or any period
``parse_period`` reads, typed) and 工作站 or 责任单位, and shows the ranking computed off the
UI thread (``store.assessment.sheet``): 名次, the name, each item's points, 合计 and 备注, a
vetoed row shaded, a unit with nothing to answer for listed last without a rank. For the
selected row, 录入分数… enters a manual item's points (:class:`ManualScoreForm`), 一票否决…
records a veto with its reason (:class:`VetoForm`, after a question) and 取消否决 lifts it
(after a question); 打印/导出 PDF… writes ``documents.assessment`` into the print preview
(另存为 PDF there); 考评方案… shows the scheme (set with ``qunzhong assessment scheme
--file``). A 查阅 role sees the ranking only; printing needs 导出.

At the county (issue 19) a 乡镇 combo chooses 全县 (the townships ranked) or one township
(its stations ranked); 考评对象 is greyed there (the units are each township's own register,
not ranked at the county). Manual points and vetoes are each township's own records, never sent
up, so the county cannot enter them: 录入分数…, 一票否决… and 取消否决 are greyed there, their
tooltips and the hint under the table say why (before anything is typed).

The forms (:mod:`.assessment_forms`) keep what was typed when the store refuses it and say
why inside the form. ``run_dialog``, ``confirm`` and ``show_error`` here are the seams the
tests replace.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assessment import AssessmentSheet, Entry, Record
from qunzhong_desktop.core.assessment_scheme import STATIONS, UNITS
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.monthly.period import Period, half, parse_period, year
from qunzhong_desktop.storage.report_scope import townships
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, limit, permitted
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task
from qunzhong_desktop.ui.ledgers.assessment_forms import ManualScoreForm, SchemeView, VetoForm

VETO_BG = QColor("#FCE4D6")  # as on the printed sheet
IDLE_FG = QColor("#6b6b6b")


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally (a seam for the tests)."""
    return dialog.exec()


def current_half(today: dt.date) -> Period:
    """The half-year ``today`` lies in (the period the dialog opens on)."""
    return half(today.year, 1 if today.month <= 6 else 2)


def period_choices(today: dt.date) -> list[Period]:
    """This half-year, the one before, this year and the year before."""
    now = current_half(today)
    return [now, now.previous(), year(today.year), year(today.year - 1)]


class AssessmentDialog(QDialog):
    """考评排名 of a period, for the stations or the units.

    Args:
        store: the township's store.
        parent: the Qt parent.
        clock: today's date (tests fix it); the period shown first is its half-year.

    Attributes:
        sheet: the ranking shown (None while it is computed, or when it could not be).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._clock = clock or dt.date.today
        self.sheet: AssessmentSheet | None = None
        self.form: QDialog | None = None  # the form or view open last (tests look at it)
        self.setWindowTitle(self.tr("考评排名"))
        today = self._clock()

        self.period_combo = QComboBox(self)
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period_combo.setMinimumContentsLength(16)
        self.period_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for period in period_choices(today):
            self.period_combo.addItem(period.title, period.code)
        self.period_combo.setToolTip(
            self.tr("也可输入 2026-Q3（季度）、2026-11（月）、2026-YTD 或 2026-01-01..2026-06-30")
        )
        period_caption = QLabel(self.tr("统计期间(&P)："), self)
        period_caption.setBuddy(self.period_combo)
        self.county = node_role(store.db) == "county"
        self.township_combo = QComboBox(self)  # the county's: 全县 or one township
        self.township_combo.addItem(self.tr("全县（各乡镇）"), None)
        for code, name in (townships(store.db) if self.county else {}).items():
            self.township_combo.addItem(name, code)
        township_caption = QLabel(self.tr("乡镇(&T)："), self)
        township_caption.setBuddy(self.township_combo)
        self.of_combo = QComboBox(self)
        self.of_combo.addItem(self.tr("乡镇") if self.county else self.tr("工作站"), STATIONS)
        if self.county:  # the units are each township's own register: not ranked at the county
            self.of_combo.setEnabled(False)
            self.of_combo.setToolTip(
                self.tr("县里考评各乡镇或一个乡镇的工作站；责任单位由各乡镇考评")
            )
        else:
            self.of_combo.addItem(self.tr("责任单位"), UNITS)
        of_caption = QLabel(self.tr("考评对象(&O)："), self)
        of_caption.setBuddy(self.of_combo)
        self.scheme_button = QPushButton(self.tr("考评方案(&M)…"), self)
        self.scheme_button.clicked.connect(self.show_scheme)
        bar = QHBoxLayout()
        bar.addWidget(period_caption)
        bar.addWidget(self.period_combo)
        bar.addSpacing(12)
        if self.county:
            bar.addWidget(township_caption)
            bar.addWidget(self.township_combo)
            bar.addSpacing(12)
        else:
            township_caption.hide()
            self.township_combo.hide()
        bar.addWidget(of_caption)
        bar.addWidget(self.of_combo)
        bar.addStretch(1)
        bar.addWidget(self.scheme_button)

        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # a long 备注 wraps rather than ends in …
        self.table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        # rows as tall as their wrapped 备注 at the width it ends up with (a few dozen rows)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.enter_points())

        self.manual_button = QPushButton(self.tr("录入分数(&S)…"), self)
        self.manual_button.clicked.connect(self.enter_points)
        self.veto_button = QPushButton(self.tr("一票否决(&V)…"), self)
        self.veto_button.clicked.connect(self.veto)
        self.unveto_button = QPushButton(self.tr("取消否决(&U)"), self)
        self.unveto_button.clicked.connect(self.unveto)
        self.print_button = QPushButton(self.tr("打印/导出 PDF(&D)…"), self)
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(self.tr("关闭"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.manual_button, self.veto_button, self.unveto_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.print_button.setAutoDefault(False)
        actions.addWidget(self.print_button)
        actions.addWidget(close)
        # the county scores the computed items only: the records are each township's own
        self.writable = permitted(store, Permission.SETTINGS) and not self.county
        limit(
            store,
            (self.manual_button, Permission.SETTINGS),
            (self.veto_button, Permission.SETTINGS),
            (self.unveto_button, Permission.SETTINGS),
            (self.print_button, Permission.EXPORT),
        )
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        hint = self.tr("选中一行后录入手工评分项的分数或一票否决；一票否决的排在最后，底色标出。")
        if self.county:
            hint = self.tr(
                "县里只查看按考评方案计算的得分。手工评分项和一票否决由各乡镇群众工作办在本乡镇"
                "录入，不报送县里，所以这里不能录入（手工评分项显示为未录入）。"
            )
            for button in (self.manual_button, self.veto_button, self.unveto_button):
                button.setToolTip(self.tr("手工评分和一票否决由各乡镇录入，县里不能录入"))
        elif not self.writable:
            hint = self.tr("查阅角色只能查看考评排名，不能录入分数或一票否决。")
        self.hint_label = QLabel(hint, self)
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)

        self.period_combo.activated.connect(lambda _index: self.refresh())
        line = self.period_combo.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.refresh)
        self.of_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.township_combo.currentIndexChanged.connect(lambda _index: self._township_changed())
        fit_to_screen(self, 960, 620)
        self._update_buttons()
        self.refresh()

    # what is chosen ------------------------------------------------------------------------
    def of(self) -> str:
        """``stations`` or ``units``."""
        return str(self.of_combo.currentData())

    def township_code(self) -> str | None:
        """At the county: the township whose stations are ranked (None: the townships)."""
        data = self.township_combo.currentData() if self.county else None
        return str(data) if data else None

    def _township_changed(self) -> None:
        whole = self.township_code() is None
        self.of_combo.setItemText(0, self.tr("乡镇") if whole else self.tr("工作站"))
        self.refresh()

    def period(self) -> Period:
        """The period typed or chosen.

        Raises:
            ValidationError: text ``parse_period`` does not read, in Chinese.
        """
        combo = self.period_combo
        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0:
            return parse_period(str(combo.itemData(index)), today=self._clock())
        return parse_period(text, today=self._clock())

    def selected(self) -> Entry | None:
        """The entry of the selected row."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if self.sheet is None or not rows:
            return None
        row = rows[0].row()
        return self.sheet.entries[row] if 0 <= row < len(self.sheet.entries) else None

    # the ranking ----------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        """Compute the ranking in the background and show it (``keep``: select that key)."""
        try:
            period = self.period()
        except ValidationError as exc:
            self._say(exc.message, error=True)
            return
        of, today, store, township = self.of(), self._clock(), self.store, self.township_code()
        self._say(self.tr("正在计算{0}的考评排名……").format(period.title))

        def done(sheet: AssessmentSheet) -> None:
            try:
                still = (self.period(), self.of(), self.township_code()) == (period, of, township)
            except ValidationError:
                still = False
            if still:
                self.show_sheet(sheet, keep)

        def failed(exc: BaseException) -> None:
            self.sheet = None
            self.table.setRowCount(0)
            self._update_buttons()
            if isinstance(exc, DomainError):
                self._say(exc.message, error=True)
            else:
                show_error(self, exc, title=self.tr("考评排名"))

        run_task(
            self,
            lambda _p, _c: store.assessment.sheet(
                period, of=of, today=today, township_code=township
            ),
            label=self.tr("正在计算考评排名……"),
            on_done=done,
            on_error=failed,
            cancellable=False,
        )

    def show_sheet(self, sheet: AssessmentSheet, keep: str | None = None) -> None:
        """Fill the table: 名次, name, each item, 合计, 备注; vetoed rows shaded."""
        self.sheet = sheet
        what = self.tr("责任单位") if sheet.of == UNITS else self._rows_label(sheet)
        heads = [
            self.tr("名次"),
            what,
            *(self.tr("{0}\n（{1} 分）").format(i.name, f"{i.points:g}") for i in sheet.items),
            self.tr("合计"),
            self.tr("备注"),
        ]
        table = self.table
        table.clear()
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        table.setRowCount(len(sheet.entries))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, entry in enumerate(sheet.entries):
            points = [f"{i.points:.1f}" for i in entry.items] + [f"{entry.total:.1f}"]
            if not entry.ranked:
                points = ["—"] * len(points)
            cells = [entry.rank_text, entry.name, *points, entry.remark]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif 1 < column < len(cells) - 1:
                    cell.setTextAlignment(right)
                if entry.vetoed:
                    cell.setBackground(QBrush(VETO_BG))
                    cell.setToolTip(self.tr("一票否决：{0}").format(entry.veto))
                elif not entry.ranked:
                    cell.setForeground(QBrush(IDLE_FG))
                    cell.setToolTip(self.tr("期间内没有负责的事项，不参加排名"))
                elif column == 1 and sheet.of == STATIONS:
                    cell.setToolTip(entry.key)
                elif column == len(cells) - 1:
                    cell.setToolTip(text)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(56)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(heads) - 1, QHeaderView.ResizeMode.Stretch)
        if not sheet.entries:
            self._say(self.tr("本期没有可考评的{0}。").format(what))
        else:
            vetoed = sum(e.vetoed for e in sheet.entries)
            text = self.tr("共 {0} 个{1}").format(len(sheet.entries), what)
            if vetoed:
                text += self.tr("，其中一票否决 {0} 个").format(vetoed)
            idle = sum(not e.ranked for e in sheet.entries)
            if idle:
                text += self.tr("，无负责事项不排名 {0} 个").format(idle)
            self._say(text + self.tr("。"))
        as_of = self.tr("（期间未结束，统计{0}）").format(sheet.as_of) if sheet.as_of else ""
        self.title_label.setText(sheet.title + as_of)
        keys = [e.key for e in sheet.entries]
        if keep in keys:
            table.selectRow(keys.index(keep))
        self._update_buttons()

    def _rows_label(self, sheet: AssessmentSheet) -> str:
        return self.tr("乡镇") if sheet.rows_label == "乡镇" else self.tr("工作站")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #8e0000;" if error else "")
        self.status_label.setText(text)

    def _update_buttons(self) -> None:
        entry = self.selected()
        manual = self.sheet is not None and any(i.manual for i in self.sheet.items)
        mine = self.writable  # the county keeps no records of its own
        self.manual_button.setEnabled(mine and entry is not None and manual)
        self.veto_button.setEnabled(mine and entry is not None)
        self.unveto_button.setEnabled(mine and entry is not None and entry.vetoed)
        self.print_button.setEnabled(self.sheet is not None)

    # manual points and vetoes --------------------------------------------------------------
    def _shown(self, sheet: AssessmentSheet) -> Period:
        """The period of the ranking shown (what was typed since may not read, or differ)."""
        return parse_period(sheet.period_code, today=self._clock())

    def enter_points(self) -> None:
        """录入分数…: a manual item's points for the selected row."""
        entry, sheet = self.selected(), self.sheet
        if entry is None or sheet is None or not self.writable:
            return
        items = [i for i in sheet.items if i.manual]
        if not items:
            return
        period, of = self._shown(sheet), sheet.of
        given = dict(self.store.assessment.records(period, of).get(entry.key, Record()).manual)

        def save(item: str, points: float) -> object:
            return self.store.assessment.set_manual(
                period, of=of, entry=entry.key, item=item, points=points
            )

        form = ManualScoreForm(entry.name, period.title, items, given, save=save, parent=self)
        self.form = form
        if run_dialog(form) == QDialog.DialogCode.Accepted:
            self.refresh(keep=entry.key)

    def veto(self) -> None:
        """一票否决…: the reason, a question, the veto."""
        entry, sheet = self.selected(), self.sheet
        if entry is None or sheet is None or not self.writable:
            return
        period, of = self._shown(sheet), sheet.of

        def save(reason: str) -> object:
            return self.store.assessment.veto(period, of=of, entry=entry.key, reason=reason)

        form = VetoForm(entry.name, period.title, entry.veto, save=save, ask=self._ask, parent=self)
        self.form = form
        if run_dialog(form) == QDialog.DialogCode.Accepted:
            self.refresh(keep=entry.key)

    def unveto(self) -> None:
        """取消否决, after a question."""
        entry, sheet = self.selected(), self.sheet
        if entry is None or sheet is None or not entry.vetoed or not self.writable:
            return
        period = self._shown(sheet)
        question = self.tr("确定撤销“{0}”在{1}的一票否决吗？\n原理由：{2}").format(
            entry.name, period.title, entry.veto
        )
        if not confirm(self, self.tr("取消否决"), question, self.tr("撤销否决")):
            return
        try:
            self.store.assessment.unveto(period, of=sheet.of, entry=entry.key)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("取消否决"))
            return
        self.refresh(keep=entry.key)

    # the scheme and the PDF -----------------------------------------------------------------
    def _ask(self, parent: QWidget, title: str, question: str, yes: str) -> bool:
        return confirm(parent, title, question, yes)

    def show_scheme(self) -> None:
        """考评方案…, read only."""
        view = SchemeView(self.store.assessment.scheme(), self)
        self.form = view
        run_dialog(view)

    def print_pdf(self) -> None:
        """打印/导出 PDF…: the sheet as the CLI writes it, in the print preview."""
        try:
            period = self.period()
        except ValidationError as exc:
            self._say(exc.message, error=True)
            return
        store, of, today, township = self.store, self.of(), self._clock(), self.township_code()
        what = self.of_combo.currentText()

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Any:
            from qunzhong_desktop.reports import documents  # reportlab: only when printing

            return documents.assessment(
                store, period, path, of=of, today=today, township_code=township
            )

        print_document(
            self,
            store,
            write,
            file_name=f"assessment-{period.code.replace('..', '-')}-{of}.pdf",
            save_name=document_name(store, self.tr("考评排名"), period.title, what),
            label=self.tr("正在生成 PDF……"),
            title=self.tr("考评排名 {0} {1}").format(period.title, what),
        )
