"""The 月报 tab's other periods: a 统计期间 picker and the panel of a period's figures.

:class:`PeriodPicker` chooses the kind of period (月, 季度, 半年, 年, 年初至今, 自定义起止) and,
but for a month (the page's own month picker), the year, quarter or half, or the first and
last day. :class:`PeriodPanel` shows a :class:`.period_report.PeriodReport` compactly: every
figure beside the period before and the same period a year before, the cumulative line,
and the units ranked by score with the last place marked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.monthly import period as periods
from qunzhong_desktop.core.monthly.cadre_period import SHORT
from qunzhong_desktop.core.monthly.period import Kind, Period
from qunzhong_desktop.core.monthly.period_report import BOTTOM, PeriodReport
from qunzhong_desktop.reports.period_common import (
    comparison_rows,
    cumulative_text,
    rank_text,
    voice_rows,
)
from qunzhong_desktop.ui.common.form_feedback import pydate

_BOTTOM_BG = QColor("#FCE4D6")


class PeriodPicker(QWidget):
    """统计期间: the kind, and the year with its quarter or half, or a first and last day.

    Args:
        today: the day the pickers start at (this year, this quarter …).
        parent: the Qt parent.
    """

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox(self)
        for kind, label in (
            (Kind.MONTH, self.tr("月")),
            (Kind.QUARTER, self.tr("季度")),
            (Kind.HALF, self.tr("半年")),
            (Kind.YEAR, self.tr("年")),
            (Kind.YEAR_TO_DATE, self.tr("年初至今")),
            (Kind.RANGE, self.tr("自定义起止")),
        ):
            self.kind_combo.addItem(label, kind)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(periods.FIRST_YEAR, periods.LAST_YEAR)
        self.year_spin.setValue(today.year)
        self.part_combo = QComboBox(self)  # the quarter or the half
        self.first_edit = QDateEdit(self)
        self.last_edit = QDateEdit(self)
        for edit, day in (
            (self.first_edit, today.replace(month=1, day=1)),
            (self.last_edit, today),
        ):
            edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
            edit.setCalendarPopup(True)
            edit.setDateRange(QDate(periods.FIRST_YEAR, 1, 1), QDate(periods.LAST_YEAR, 12, 31))
            edit.setDate(QDate(day.year, day.month, day.day))
        self.to_label = QLabel(self.tr("至"), self)
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.kind_combo,
            self.year_spin,
            self.part_combo,
            self.first_edit,
            self.to_label,
            self.last_edit,
        ):
            layout.addWidget(widget)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.part_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.first_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.last_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._show_fields()

    def kind(self) -> Kind:
        """The kind chosen."""
        return Kind(self.kind_combo.currentData())

    def set_kind(self, kind: Kind) -> None:
        """Choose a kind (as the user would)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _kind_changed(self, _index: int) -> None:
        self._fill_parts()
        self._show_fields()
        self.changed.emit()

    def _fill_parts(self) -> None:
        combo, kind, month = self.part_combo, self.kind(), self._today.month
        combo.blockSignals(True)
        combo.clear()
        if kind is Kind.QUARTER:
            for n, label in enumerate(
                (
                    self.tr("第一季度"),
                    self.tr("第二季度"),
                    self.tr("第三季度"),
                    self.tr("第四季度"),
                ),
                start=1,
            ):
                combo.addItem(label, n)
            combo.setCurrentIndex((month - 1) // 3)
        elif kind is Kind.HALF:
            combo.addItem(self.tr("上半年"), 1)
            combo.addItem(self.tr("下半年"), 2)
            combo.setCurrentIndex(0 if month <= 6 else 1)
        combo.blockSignals(False)

    def _show_fields(self) -> None:
        kind = self.kind()
        self.year_spin.setVisible(kind in (Kind.QUARTER, Kind.HALF, Kind.YEAR, Kind.YEAR_TO_DATE))
        self.part_combo.setVisible(kind in (Kind.QUARTER, Kind.HALF))
        for widget in (self.first_edit, self.to_label, self.last_edit):
            widget.setVisible(kind is Kind.RANGE)

    def period(self) -> Period | None:
        """The period chosen (None for a month: the page's month picker says which).

        Raises:
            ValidationError: a year not begun (年初至今), an end before the start.
        """
        kind, year = self.kind(), self.year_spin.value()
        part = int(self.part_combo.currentData() or 1)
        if kind is Kind.QUARTER:
            return periods.quarter(year, part)
        if kind is Kind.HALF:
            return periods.half(year, part)
        if kind is Kind.YEAR:
            return periods.year(year)
        if kind is Kind.YEAR_TO_DATE:
            return periods.year_to_date(year, self._today)
        if kind is Kind.RANGE:
            return periods.between(pydate(self.first_edit.date()), pydate(self.last_edit.date()))
        return None


class PeriodPanel(QWidget):
    """A period's figures beside the period before and a year before, and the units ranked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: PeriodReport | None = None
        self.comparison_table = self._table(
            [
                self.tr("指标"),
                self.tr("本期"),
                self.tr("上期"),
                self.tr("比上期"),
                self.tr("去年同期"),
                self.tr("比去年同期"),
            ]
        )
        self.cumulative_label = QLabel(self)
        self.cumulative_label.setWordWrap(True)
        self.cadres_label = QLabel(self)  # 干部 N 名，未达标 M 名 (the table is in the files)
        self.cadres_label.setWordWrap(True)
        self.cadres_label.hide()
        self.units_caption = QLabel(self.tr("化解情况成效表（按得分排名）"), self)
        font = self.units_caption.font()
        font.setBold(True)
        self.units_caption.setFont(font)
        self.units_table = self._table(
            [
                self.tr("排名"),
                self.tr("单位"),
                self.tr("负责事项"),
                self.tr("办结"),
                self.tr("未办结"),
                self.tr("得分"),
                self.tr("满意率"),
            ]
        )
        # 民情与信访 beside 上期 and 去年同期 (the same columns), a tab beside the ranking
        self.voice_table = self._table(
            [
                self.tr("指标"),
                self.tr("本期"),
                self.tr("上期"),
                self.tr("比上期"),
                self.tr("去年同期"),
                self.tr("比去年同期"),
            ]
        )
        for table in (self.comparison_table, self.voice_table):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header = self.units_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.comparison_table)
        layout.addWidget(self.cumulative_label)
        layout.addWidget(self.cadres_label)
        self.sections = QTabWidget(self)
        self.sections.addTab(self.units_table, self.tr("化解情况成效表（按得分排名）"))
        self.sections.addTab(self.voice_table, self.tr("民情与信访"))
        self.units_caption.hide()  # the tab says it
        layout.addWidget(self.units_caption)
        layout.addWidget(self.sections, 1)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def show_report(self, report: PeriodReport) -> None:
        """Fill both tables and the cumulative line."""
        self.report = report
        self.comparison_table.setHorizontalHeaderLabels(
            [
                self.tr("指标"),
                self.tr("本期") + "\n" + report.period.title,
                self.tr("上期") + "\n" + report.previous.period.title,
                self.tr("比上期"),
                self.tr("去年同期") + "\n" + report.year_before.period.title,
                self.tr("比去年同期"),
            ]
        )
        self._fill(self.comparison_table, comparison_rows(report))
        self._fit_height(self.comparison_table)
        self.cumulative_label.setText(cumulative_text(report))
        self._show_cadres(report)
        rows = [
            [
                rank_text(u),
                u.unit,
                str(u.answered),
                str(u.resolved),
                str(u.unresolved),
                u.score_text,
                u.satisfied.text,
            ]
            for u in report.units
        ]
        self._fill(self.units_table, rows)
        self._fill(self.voice_table, voice_rows(report))
        for row, u in enumerate(report.units):
            if u.bottom:
                for column in range(self.units_table.columnCount()):
                    cell = self.units_table.item(row, column)
                    if cell is None:
                        continue
                    cell.setBackground(QBrush(_BOTTOM_BG))
                    cell.setToolTip(self.tr("得分最低（{0}）").format(BOTTOM))

    def _show_cadres(self, report: PeriodReport) -> None:
        """The cadres' count line; who fell short in its tooltip (the table: PDF, Excel)."""
        short = [c for c in report.cadres if c.verdict == SHORT]
        self.cadres_label.setVisible(bool(report.cadres))
        self.cadres_label.setText(
            self.tr("干部民情日记：干部 {0} 名，未达标 {1} 名（名单见生成的 PDF 或 Excel）").format(
                len(report.cadres), len(short)
            )
        )
        self.cadres_label.setToolTip(
            self.tr("未达标：{0}").format("、".join(c.name for c in short)) if short else ""
        )

    @staticmethod
    def _fit_height(table: QTableWidget) -> None:
        """As tall as its rows: the figures never scroll, the ranking takes the rest."""
        header = table.horizontalHeader()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(header.sizeHint().height() + rows + 2 * table.frameWidth() + 2)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column and value[:1] in "+−-0123456789—":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
