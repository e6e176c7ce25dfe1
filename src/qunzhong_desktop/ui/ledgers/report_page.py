"""The 月报 tab of 台账: pick a month, see its key figures, make the PDF or the workbook.

A 统计期间 choice makes it a report over a quarter, half-year, year, year to date or any
from–to (:mod:`.period_view`): every figure beside the period before and a year before,
and the units ranked; its files are :func:`.documents.period`'s.

The figures are :meth:`.SqlReports.monthly_report` computed in the background; the PDF is
written to a temporary folder and shown in the print preview, the workbook is saved where
the user says. The same files as ``qunzhong report``.

At the township the report covers every station, with a table of each station's figures; a
工作站 combo (shown only there) makes one station's report instead, and 考评排名(K)… opens the
assessment ranking (:class:`.assessment_dialog.AssessmentDialog`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.period import Kind, Period
from qunzhong_desktop.core.monthly.period_report import PeriodReport
from qunzhong_desktop.core.monthly.report import Month, MonthlyReport
from qunzhong_desktop.core.monthly.stations import (
    STATION_HEADERS,
    StationFigures,
    TownshipReport,
    parts,
)
from qunzhong_desktop.storage.ledger_repo import is_township, station_names
from qunzhong_desktop.storage.report_scope import stations_of, townships
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.printing import ask_save_file, document_name, print_document
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task
from qunzhong_desktop.ui.ledgers.assessment_dialog import AssessmentDialog
from qunzhong_desktop.ui.ledgers.period_view import PeriodPanel, PeriodPicker


class ReportPage(QWidget):
    """民情月报: a month, its key figures, and buttons for the PDF and the Excel workbook.

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: today's date (tests fix it); the month shown first is today's.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.report: MonthlyReport | None = None
        self.township_report: TownshipReport | None = None  # at the township, all stations
        self.township = is_township(store.db)
        self.county = node_role(store.db) == "county"  # a 乡镇 combo beside the 工作站 one
        self._clock = clock or dt.date.today
        today = self._clock()
        self.month_edit = QDateEdit(self)
        self.month_edit.setDisplayFormat(self.tr("yyyy年M月"))
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.setMinimumDate(QDate(2000, 1, 1))
        self.month_edit.setMaximumDate(QDate(2199, 12, 1))
        self.month_edit.dateChanged.connect(lambda _date: self.refresh())
        self.township_combo = QComboBox(self)
        self.township_combo.addItem(self.tr("全县"), None)
        for code, name in (townships(store.db) if self.county else {}).items():
            self.township_combo.addItem(name, code)
        self.township_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.station_combo = QComboBox(self)
        self.station_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.station_combo.setMinimumContentsLength(10)
        self.reload_stations()
        self.station_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.pdf_button = QPushButton(self.tr("生成 PDF…"), self)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.excel_button = QPushButton(self.tr("导出 Excel…"), self)
        self.excel_button.clicked.connect(self.export_excel)
        self.assessment_button = QPushButton(self.tr("考评排名(&K)…"), self)
        self.assessment_button.clicked.connect(self.open_assessment)
        self.assessment_button.setVisible(self.township)
        self.assessment_dialog: AssessmentDialog | None = None
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        self.period_picker = PeriodPicker(today, self)
        self.period_picker.changed.connect(self.refresh)
        self.period_panel = PeriodPanel(self)
        self.period_panel.setVisible(False)
        self.period_report: PeriodReport | None = None

        bar = QHBoxLayout()
        period_caption = QLabel(self.tr("统计期间："), self)
        period_caption.setBuddy(self.period_picker.kind_combo)
        bar.addWidget(period_caption)
        bar.addWidget(self.period_picker)
        bar.addWidget(self.month_edit)
        township_caption = QLabel(self.tr("乡镇："), self)
        township_caption.setBuddy(self.township_combo)
        bar.addSpacing(12)
        bar.addWidget(township_caption)
        bar.addWidget(self.township_combo)
        township_caption.setVisible(self.county)
        self.township_combo.setVisible(self.county)
        station_caption = QLabel(self.tr("工作站："), self)
        station_caption.setBuddy(self.station_combo)
        bar.addSpacing(12)
        bar.addWidget(station_caption)
        bar.addWidget(self.station_combo)
        station_caption.setVisible(self.township)
        self.station_combo.setVisible(self.township)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.excel_button)

        self.values: dict[str, QLabel] = {}
        captions = [
            ("received", self.tr("本月受理")),
            ("resolved", self.tr("本月办结")),
            ("in_progress", self.tr("月末在办")),
            ("overdue", self.tr("月末超期")),
            ("escalations", self.tr("上报")),
            ("first_time", self.tr("一次办结率")),
            ("on_time", self.tr("按期办结率")),
            ("satisfaction", self.tr("满意率")),
            ("units", self.tr("责任单位")),
            ("shortfalls", self.tr("未达标干部")),
            ("voice_meetings", self.tr("民情会议")),
            ("voice_info", self.tr("民情信息")),
            ("voice_petitions", self.tr("信访件")),
            ("voice_read", self.tr("阅办率")),
        ]
        figures = self.figures_frame = QFrame(self)
        figures.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(figures)
        grid.setHorizontalSpacing(24)
        for index, (key, caption) in enumerate(captions):
            row, column = divmod(index, 2)
            value = QLabel("—", figures)
            value.setObjectName(f"figure_{key}")
            value.setWordWrap(True)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.values[key] = value
            grid.addWidget(QLabel(caption + self.tr("："), figures), row, 2 * column)
            grid.addWidget(value, row, 2 * column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        hint = QLabel(
            self.tr(
                "各项指标的口径写在 PDF 和 Excel 的脚注中。比率括号内为分子/分母，"
                "分母为 0 时显示“—”。"
            ),
            self,
        )
        hint.setWordWrap(True)
        self.stations_caption = QLabel(self.tr("各工作站情况"), self)
        caption_font = self.stations_caption.font()
        caption_font.setBold(True)
        self.stations_caption.setFont(caption_font)
        self.stations_table = QTableWidget(0, len(STATION_HEADERS), self)
        self.stations_table.setHorizontalHeaderLabels(
            [
                self.tr("工作站"),
                self.tr("受理"),
                self.tr("办结"),
                self.tr("办理中"),
                self.tr("超期"),
                self.tr("一次办结率"),
                self.tr("按时办结率"),
                self.tr("满意率"),
            ]
        )
        self.stations_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stations_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.stations_table.verticalHeader().hide()
        self.stations_table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
        header = self.stations_table.horizontalHeader()
        header.setMinimumSectionSize(64)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for widget in (self.stations_caption, self.stations_table):
            widget.setVisible(False)

        layout = self.page_layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(figures)
        layout.addWidget(self.period_panel, 1)
        layout.addWidget(self.stations_caption)
        layout.addWidget(self.stations_table, 1)
        layout.addWidget(hint)
        footer = QHBoxLayout()  # the top bar is full at 1024 px with a from–to period
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.assessment_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(footer)
        layout.addStretch(1)  # while the per-station table is hidden (it stretches otherwise)
        self.refresh()

    # the figures -------------------------------------------------------------------------
    def month(self) -> Month:
        """The month chosen."""
        date = self.month_edit.date()
        return Month(date.year(), date.month())

    def station_code(self) -> str | None:
        """The station chosen at the township (None: the whole township, or a station)."""
        return self.station_combo.currentData() if self.township else None

    def township_code(self) -> str | None:
        """The township chosen at the county (None: the whole county, or not a county)."""
        return self.township_combo.currentData() if self.county else None

    def reload_stations(self) -> None:
        """Refill the 工作站 combo (stations may have been imported), keeping the choice.

        At the county: the stations of the township chosen (all of them under 全县).
        """
        combo = self.station_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        township = self.township_code()
        combo.addItem(self.tr("全县") if self.county and not township else self.tr("全乡镇"), None)
        if self.county:
            for code, name in stations_of(self.store.db, township).items():
                combo.addItem(name, code)
        elif self.township:
            for code, name in station_names(self.store.db).items():
                combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def make_report(self, month: Month, station_code: str | None) -> MonthlyReport | TownshipReport:
        """A month's report: the station's, the township's or one station's at the township."""
        return self.store.reports.report_for(
            month,
            today=self._clock(),
            station_code=station_code,
            township_code=self.township_code(),
        )

    def chosen_period(self) -> Period | None:
        """The period chosen other than a month (None: a month, the page's own report).

        Raises:
            ValidationError: a period that cannot be (a year not begun, an end before the start).
        """
        return self.period_picker.period()

    def refresh(self) -> None:
        """Compute the chosen month's (or period's) figures in the background and show them."""
        self.reload_stations()
        is_month = self.period_picker.kind() is Kind.MONTH
        self.month_edit.setVisible(is_month)
        self.figures_frame.setVisible(is_month)
        self.period_panel.setVisible(not is_month)
        if not is_month:
            self.show_stations(None)
            self.page_layout.setStretch(self.page_layout.count() - 1, 0)
            self.refresh_period()
            return
        month, station, township = self.month(), self.station_code(), self.township_code()
        self.status_label.setText(self.tr("正在统计……"))

        def done(report: Any) -> None:
            # the user may have moved on meanwhile (to another month, station or period)
            chosen = (report.month, station, township) == (
                self.month(),
                self.station_code(),
                self.township_code(),
            )
            if chosen and self.period_picker.kind() is Kind.MONTH:
                self.show_report(report)

        run_task(
            self,
            lambda _progress, _cancel: self.make_report(month, station),
            label=self.tr("正在统计民情月报……"),
            on_done=done,
            cancellable=False,
        )

    def refresh_period(self) -> None:
        """Compute the chosen period's report in the background and show it."""
        try:
            period = self.chosen_period()
        except ValidationError as exc:
            self.status_label.setText(str(exc))
            return
        assert period is not None
        station, today, township = self.station_code(), self._clock(), self.township_code()
        self.status_label.setText(self.tr("正在统计……"))

        def done(report: PeriodReport) -> None:
            try:
                still = self.chosen_period() == period and (station, township) == (
                    self.station_code(),
                    self.township_code(),
                )
            except ValidationError:
                still = False
            if still:
                self.period_report = report
                self.period_panel.show_report(report)
                self.status_label.setText(self.tr("{0}的统计已完成。").format(report.title))

        run_task(
            self,
            lambda _progress, _cancel: self.store.period_reports.period_report(
                period, today=today, station_code=station, township_code=township
            ),
            label=self.tr("正在统计民情报表……"),
            on_done=done,
            cancellable=False,
        )

    def show_report(self, chosen: MonthlyReport | TownshipReport) -> None:
        """Fill the grid with the report's key figures (and the stations' at the township)."""
        report, township = parts(chosen)
        self.report, self.township_report = report, township
        self.show_stations(township)
        pieces = self.tr("{0} 件")
        v = self.values
        v["received"].setText(pieces.format(report.received))
        v["resolved"].setText(pieces.format(report.resolved))
        v["in_progress"].setText(pieces.format(report.in_progress))
        v["overdue"].setText(pieces.format(report.overdue))
        v["escalations"].setText(self.tr("{0} 次").format(report.escalations))
        v["first_time"].setText(report.first_time.text)
        v["on_time"].setText(report.on_time.text)
        v["satisfaction"].setText(report.satisfaction.text)
        v["units"].setText(
            "，".join(f"{u.unit} {u.score_text}" for u in report.units[:3])
            + ("……" if len(report.units) > 3 else "")
            or "—"
        )
        short = report.shortfalls
        text = (
            self.tr("{0} 人：{1}").format(len(short), "、".join(c.name for c in short))
            if short
            else self.tr("无")
        )
        if report.as_of is not None and any(c.pending for c in report.cadres):
            text += self.tr("（本月尚未结束，在村和坐班天数到月末再评定）")
        v["shortfalls"].setText(text)
        self.show_voice(report)
        self.status_label.setText(self.tr("{0}的统计已完成。").format(report.month.title))

    def show_voice(self, report: MonthlyReport) -> None:
        """The 民情与信访 figures of the month (— when the report has none)."""
        v, f = self.values, report.voice
        if f is None:
            for key in ("voice_meetings", "voice_info", "voice_petitions", "voice_read"):
                v[key].setText("—")
            return
        m, i, p = f.meetings, f.info, f.petitions
        v["voice_meetings"].setText(
            self.tr("恳谈会 {0} 次（问题 {1} 个，转事项 {2} 个），分析会 {3} 次").format(
                m.talks, m.problems, m.to_items, m.analyses
            )
        )
        v["voice_info"].setText(
            self.tr("{0} 条：意见建议 {1}，苗头倾向 {2}，普遍性问题 {3}").format(
                i.total, i.suggestions, i.signals, i.common
            )
        )
        v["voice_petitions"].setText(
            self.tr("{0} 件：初信初访 {1}，重复信访 {2}").format(
                p.total, p.counts.get("初信初访", 0), p.counts.get("重复信访", 0)
            )
        )
        read = p.read.rate.text
        if p.read.waiting:
            read += self.tr("，待阅办 {0} 件").format(p.read.waiting)
        v["voice_read"].setText(read)

    def show_stations(self, township: TownshipReport | None) -> None:
        """Fill the per-station table (hidden unless the report is the township's)."""
        for widget in (self.stations_caption, self.stations_table):
            widget.setVisible(township is not None)
        layout = self.page_layout
        layout.setStretch(layout.count() - 1, 0 if township is not None else 1)
        rows: list[StationFigures] = []
        if township is not None:
            rows = [*township.stations, township.total]
            label = self.tr("乡镇") if township.rows_label == "乡镇" else self.tr("工作站")
            self.stations_caption.setText(self.tr("各{0}情况").format(label))
            self.stations_table.setHorizontalHeaderItem(0, QTableWidgetItem(label))
        table = self.stations_table
        table.setRowCount(len(rows))
        for row, f in enumerate(rows):
            name = self.tr("合计") if township is not None and f is rows[-1] else f.name
            values = [name, *map(str, f.counts), *(x.text for x in f.rates)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if f is rows[-1]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)

    def open_assessment(self) -> None:
        """考评排名 (the township's): the ranking of its stations or units, window-modal."""
        dialog = AssessmentDialog(self.store, self, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "assessment_dialog", None))
        self.assessment_dialog = dialog
        dialog.open()

    # files --------------------------------------------------------------------------------
    def _period_or_say(self) -> tuple[bool, Period | None]:
        """(whether the choice stands, the period other than a month); a bad one is said."""
        try:
            return True, self.chosen_period()
        except ValidationError as exc:
            self.status_label.setText(str(exc))
            return False, None

    def print_pdf(self) -> None:
        """Write the chosen month's (or period's) PDF and open the print preview."""
        valid, period = self._period_or_say()
        if not valid:
            return
        if period is not None:
            self.print_period_pdf(period)
            return
        store, month, station = self.store, self.month(), self.station_code()
        today, township = self._clock(), self.township_code()

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Any:
            from qunzhong_desktop.reports import documents  # reportlab: only when printing

            return documents.monthly(
                store, month, path, station_code=station, township_code=township, today=today
            )

        print_document(
            self,
            store,
            write,
            file_name=f"report-{month}.pdf",
            save_name=document_name(store, self.tr("民情月报"), month.title),
            label=self.tr("正在生成 PDF……"),
            title=self.tr("民情月报 {0}").format(month.title),
        )

    def print_period_pdf(self, period: Period) -> None:
        """Write a period's PDF (民情报表) and open the print preview."""
        store, station, today = self.store, self.station_code(), self._clock()
        township = self.township_code()

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Any:
            from qunzhong_desktop.reports import documents  # reportlab: only when printing

            return documents.period(
                store, period, path, station_code=station, township_code=township, today=today
            )

        print_document(
            self,
            store,
            write,
            file_name=f"report-{period.code}.pdf",
            save_name=document_name(store, self.tr("民情报表"), period.title),
            label=self.tr("正在生成 PDF……"),
            title=self.tr("民情报表 {0}").format(period.title),
        )

    def export_excel(self) -> None:
        """Ask where, then write the workbook in the background."""
        valid, _period = self._period_or_say()
        if not valid:
            return
        path = self.ask_save_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the chosen month's (or period's) workbook to ``path``."""
        valid, period = self._period_or_say()
        if not valid:
            return
        store, month, station = self.store, self.month(), self.station_code()
        today, township = self._clock(), self.township_code()

        def work(_progress: Progress, _cancel: CancelToken) -> Any:
            from qunzhong_desktop.reports import documents

            where = {"station_code": station, "township_code": township, "today": today}
            if period is not None:
                return documents.period(store, period, path, **where)  # type: ignore[arg-type]
            return documents.monthly(store, month, path, **where)  # type: ignore[arg-type]

        def done(_report: Any) -> None:
            self.status_label.setText(self.tr("已保存：{0}").format(path))

        run_task(self, work, label=self.tr("正在导出 Excel……"), on_done=done)

    # seams the tests replace ----------------------------------------------------------------
    def ask_save_path(self) -> Path | None:
        """Ask for the .xlsx file to write."""
        period = (
            self.period_picker.period() if self.period_picker.kind() is not Kind.MONTH else None
        )
        what, when = (
            (self.tr("民情月报"), self.month().title)
            if period is None
            else (self.tr("民情报表"), period.title)
        )
        return ask_save_file(
            self,
            self.store.settings,
            kind="report",
            title=self.tr("导出 Excel"),
            file_name=document_name(self.store, what, when, suffix=".xlsx"),
            file_filter=self.tr("Excel 工作簿 (*.xlsx)"),
        )
