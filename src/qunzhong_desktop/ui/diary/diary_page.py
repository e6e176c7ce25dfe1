"""The 日记 page: the resident diaries of a month, by cadre, and the printed month.

Choose a cadre (or all) and a month; the list shows one line per entry. Enter or a double
click opens the entry, 新建日记 writes one, 打印本月日记 previews the cadre's month as a PDF.
A chosen cadre's days in the village and on duty are shown against the rules (10 and 2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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
from qunzhong_desktop.core.diary import DiaryRow, month_range
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import qdate
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack
from qunzhong_desktop.ui.diary.diary_form import DiaryForm

COLUMN_WIDTHS = (96, 110, 90, 70, 70)


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally (a seam for the tests)."""
    return dialog.exec()


class DiaryPage(QWidget):
    """日记: the list of a month's entries, by cadre.

    Args:
        store: the station's store.
        parent: the Qt parent.
        today: the current date (tests fix it).

    Attributes:
        form: the entry form opened last (tests drive it).
        rows: the entries listed.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, today: Today | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today: Today = today or dt.date.today
        self.form: DiaryForm | None = None
        self.rows: list[DiaryRow] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("民情日记"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(self._bar())
        self.figures = QLabel(self)
        self.figures.setObjectName("diaryFigures")
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("干部"), self.tr("类型"), self.tr("走访户数"),
             self.tr("转受理"), self.tr("所见所闻")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        # Enter and a double click both activate a row
        self.table.activated.connect(lambda _index: self.edit_entry())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #666;")
        layout.addWidget(self.empty)
        self.refresh_cadres()
        self.cadre.currentIndexChanged.connect(self.refresh)
        self.month.dateChanged.connect(self.refresh)
        self.refresh()

    def _bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cadre = QComboBox(self)
        self.cadre.setMinimumWidth(160)
        # a long name and unit is cut in the closed box, not the window widened (1024 px)
        self.cadre.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.cadre.setMinimumContentsLength(10)
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        today = self._today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.setMaximumDate(qdate(today))
        for text, widget in ((self.tr("干部(&C)"), self.cadre), (self.tr("月份(&M)"), self.month)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        self.new_button = QPushButton(self.tr("新建日记(&N)"), self)
        self.edit_button = QPushButton(self.tr("打开(&O)"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.print_button = QPushButton(self.tr("打印本月日记(&P)"), self)
        self.print_button.setToolTip(self.tr("把所选干部这个月的民情日记打印出来（先预览）"))
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.print_button.clicked.connect(self.print_month)
        self.year_button = QPushButton(self.tr("全年(&Y)…"), self)
        self.year_button.setToolTip(self.tr("所选干部一年中每个月的在村天数和考核结论"))
        self.year_button.clicked.connect(self.show_year)
        for button in (
            self.new_button, self.edit_button, self.delete_button, self.print_button,
            self.year_button,
        ):  # fmt: skip
            row.addWidget(button)
        limit(
            self._store,
            (self.new_button, Permission.WRITE),
            (self.delete_button, Permission.DELETE),
            (self.print_button, Permission.EXPORT),
        )
        return row

    # the list -----------------------------------------------------------------------------
    def refresh_cadres(self) -> None:
        """Fill the cadre list again (keeps the choice)."""
        current = self.cadre.currentData()
        self.cadre.blockSignals(True)
        self.cadre.clear()
        self.cadre.addItem(self.tr("全部干部"), None)
        for cadre in self._store.register.cadres():
            unit = f"（{cadre.unit}）" if cadre.unit else ""
            self.cadre.addItem(f"{cadre.name}{unit}", cadre.id)
        self.cadre.setCurrentIndex(max(self.cadre.findData(current), 0) if current else 0)
        self.cadre.blockSignals(False)

    def month_text(self) -> str:
        """The month chosen, ``2026-11``."""
        day = self.month.date()
        return f"{day.year():04d}-{day.month():02d}"

    def cadre_id(self) -> str | None:
        """The cadre chosen (None: all)."""
        value = self.cadre.currentData()
        return str(value) if value else None

    def refresh(self) -> None:
        """List the month's entries of the cadre chosen."""
        selected = self.selected_id()
        self.rows = self._store.diary.entries(self.cadre_id(), month=self.month_text())
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            first_line = row.text.splitlines()[0] if row.text else ""
            values = [
                row.day.isoformat(), row.cadre_name, row.kind,
                str(row.households) if row.households else "",
                str(row.items) if row.items else "", first_line,
            ]  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, row.id)
                if column in (3, 4):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 5:
                    cell.setToolTip(row.text)
                self.table.setItem(r, column, cell)
            if row.id == selected:
                self.table.selectRow(r)
        if self.rows and self.selected_id() is None:
            self.table.selectRow(0)
        self.empty.setVisible(not self.rows)
        self.empty.setText(self.tr("这个月还没有民情日记。按“新建日记”开始记录。"))
        self._show_figures()
        has_cadre = self.cadre_id() is not None
        self.print_button.setEnabled(has_cadre)
        self.year_button.setEnabled(has_cadre)
        self.edit_button.setEnabled(bool(self.rows))
        self.delete_button.setEnabled(bool(self.rows))

    def _show_figures(self) -> None:
        cadre_id = self.cadre_id()
        if cadre_id is None:
            cadres = len({r.cadre_id for r in self.rows})
            self.figures.setText(
                self.tr(
                    "本月共 {entries} 篇日记，{cadres} 名干部；选择一名干部可查看在村、坐班天数。"
                ).format(entries=len(self.rows), cadres=cadres)
            )
            self.figures.setStyleSheet("")
            return
        chosen = self.month.date()
        figures = self._store.reports.cadre_month(
            cadre_id, Month(chosen.year(), chosen.month()), today=self._today()
        )
        if figures is None:
            return
        self.figures.setText(
            self.tr(
                "本月在村 {village} 天，其中坐班 {duty} 天；结对困难户 {paired} 户。"
                "{category}：{rule}。{verdict}{remarks}"
            ).format(
                village=figures.village_days, duty=figures.duty_days,
                paired=figures.difficult_households, category=figures.category,
                rule=figures.rule, verdict=figures.verdict,
                remarks=f"（{figures.remarks}）" if figures.remarks else "",
            )
        )  # fmt: skip
        if figures.verdict == "不达标":
            self.figures.setStyleSheet("color: #b71c1c; font-weight: bold;")
        elif figures.verdict == "达标":
            self.figures.setStyleSheet("color: #1b5e20;")
        else:
            self.figures.setStyleSheet("color: #616161;")

    def selected_id(self) -> str | None:
        """The id of the entry selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), 0)
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell else None

    # actions ------------------------------------------------------------------------------
    def new_entry(self) -> None:
        """Open an empty form: the cadre chosen, else the one signed in; today."""
        _first, last = month_range(self.month.date().year(), self.month.date().month())
        day = min(self._today(), last)
        operator = self._store.db.operator
        cadre_id = self.cadre_id() or (operator.cadre_id if operator is not None else None)
        form = DiaryForm(self._store, None, self, cadre_id=cadre_id, day=day, today=self._today)
        self._open(form)

    def edit_entry(self) -> None:
        """Open the entry selected."""
        entry_id = self.selected_id()
        if entry_id is None:
            return
        try:
            entry = self._store.diary.entry(entry_id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民情日记"))
            self.refresh()
            return
        self._open(DiaryForm(self._store, entry, self, today=self._today))

    def _open(self, form: DiaryForm) -> None:
        self.form = form
        form.saved.connect(lambda _id: self.refresh())
        try:
            run_dialog(form)
        finally:
            self.refresh()

    def delete_entry(self) -> None:
        """Delete the entry selected, after asking."""
        entry_id = self.selected_id()
        if entry_id is None:
            return
        row = next((r for r in self.rows if r.id == entry_id), None)
        label = f"{row.cadre_name} {row.day.isoformat()} {row.kind}" if row else ""
        if not form_feedback.confirm(
            self,
            self.tr("删除民情日记"),
            self.tr(
                "确定删除这篇民情日记吗？\n{entry}\n已转出的受理事项不受影响；删除后可马上按 Ctrl+Z 撤销。"
            ).format(entry=label),
            self.tr("删除"),
        ):
            return
        try:
            self._store.diary.delete_entry(entry_id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民情日记"))
        else:
            undo_stack(self).push(
                UndoStep(
                    self.tr("删除民情日记 {0}").format(label).strip(),
                    lambda: self._store.diary.restore_entry(entry_id),
                    self.refresh,
                )
            )
        self.refresh()

    def show_year(self) -> None:
        """年度情况…: the chosen cadre's year, month by month."""
        from qunzhong_desktop.ui.diary.year_dialog import CadreYearDialog

        cadre_id = self.cadre_id()
        if cadre_id is None:
            return
        self.year_dialog = CadreYearDialog(self._store, cadre_id, self._today(), self)
        self.year_dialog.open()

    def chosen_cadre(self) -> Cadre:
        """The cadre whose month is printed.

        Raises:
            ValidationError: no cadre chosen (全部干部).
        """
        cadre_id = self.cadre_id()
        cadre = next((c for c in self._store.register.cadres() if c.id == cadre_id), None)
        if cadre is None:
            raise ValidationError(
                QCoreApplication.translate("DiaryPage", "请先选择一名干部。"), code="diary.cadre"
            )
        return cadre

    def print_month(self) -> None:
        """Preview (and print from there) the chosen cadre's month."""
        try:
            cadre = self.chosen_cadre()
        except DomainError as exc:
            show_error(self, exc, title=self.tr("打印民情日记"))
            return
        store, month = self._store, self.month_text()

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return documents.diary(store, cadre, month, path).path

        print_document(
            self,
            store,
            write,
            file_name=f"diary-{month}.pdf",
            save_name=document_name(store, self.tr("民情日记"), cadre.name, month),
            label=self.tr("正在生成民情日记……"),
            title=self.tr("民情日记 {cadre} {month}").format(cadre=cadre.name, month=month),
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page reads cadres and entries again."""
        if not event.spontaneous():
            self.refresh_cadres()
            self.refresh()
        super().showEvent(event)
