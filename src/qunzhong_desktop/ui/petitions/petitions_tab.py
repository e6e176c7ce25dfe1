"""信访: the petitions of a span, their 阅办率, and this year's counts beside last year's.

:class:`PetitionsTab` lists the items marked 信访 received in the span chosen (this month
first): number, day received, the requester (masked, 王*明: petitioners' names are kept
confidential), domain, level, form, reach, state and the day first acted on, filtered by
level and reach (and, at the township, by station). Above the list: the span's 阅办率 with
its fraction, the late ones and those still within their days (``store.petitions
.read_figures``), red below the 100 % target. Under it: the petitions by level and reach from
1 January to the span's end, beside the same days of last year (``store.petitions
.level_counts``). Enter or a double click opens the item's page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.petitions import LEVELS, REACHES
from qunzhong_desktop.core.text import mask_name
from qunzhong_desktop.storage.ledger_repo import is_township, station_names
from qunzhong_desktop.storage.petitions_repo import PetitionRow
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import (
    FlowLayout,
    count_label,
    filter_combo,
    refill,
    show_filter,
)
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.petitions.spans import SpanChooser

COUNT_KEYS = ("合计", *LEVELS, *REACHES)
ROW_HEIGHT = 26
GOOD_STYLE = "color: #1b5e20; font-weight: bold;"


def open_item(store: Store, number: str, parent: QWidget) -> None:
    """The item's page (a seam for the tests)."""
    from qunzhong_desktop.ui.intake import ItemDialog

    dialog = ItemDialog(store, number, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def same_days_last_year(day: dt.date) -> dt.date:
    """``day`` a year before (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


class PetitionsTab(QWidget):
    """信访 of a span: the list, 阅办率, and the year's counts by level beside last year's.

    Args:
        store: the station's or the township's store.
        parent: the Qt parent.
        clock: today's date (tests fix it).

    Attributes:
        rows: the petitions listed (after the filters).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.township = is_township(store.db)
        self.rows: list[PetitionRow] = []
        layout = QVBoxLayout(self)
        bar = FlowLayout()
        self.span = SpanChooser(self, bar, self.clock)
        self.station = filter_combo(self, bar, self.tr("工作站(&Z)"), chars=8)
        self.level = filter_combo(self, bar, self.tr("信访类别(&L)"), chars=5)
        refill(self.level, self.tr("全部"), [(v, v) for v in LEVELS])
        self.reach = filter_combo(self, bar, self.tr("信访层级(&R)"), chars=4)
        refill(self.reach, self.tr("全部"), [(v, v) for v in REACHES])
        show_filter(self.station, self.township)
        layout.addLayout(bar)
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("readRate")
        self.rate_label.setWordWrap(True)
        layout.addWidget(self.rate_label)
        self.table = QTableWidget(0, 9, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("编号"), self.tr("受理日期"), self.tr("诉求人"), self.tr("诉求类别"),
            self.tr("信访类别"), self.tr("形式"), self.tr("层级"), self.tr("状态"),
            self.tr("首次办理"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        layout.addWidget(self.table, 1)
        self.count = count_label(self)
        layout.addWidget(self.count)
        self.year_caption = QLabel(self)
        self.year_caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.year_caption)
        self.years = QTableWidget(3, len(COUNT_KEYS), self)
        self.years.setHorizontalHeaderLabels(list(COUNT_KEYS))
        self.years.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.years.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.years.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.years.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.years.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.years.setFixedHeight(
            self.years.horizontalHeader().sizeHint().height() + 3 * ROW_HEIGHT
            + 2 * self.years.frameWidth()
        )  # fmt: skip
        layout.addWidget(self.years)
        self.span.changed.connect(self.refresh)
        for combo in (self.station, self.level, self.reach):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the span's petitions, 阅办率 and the year's counts again."""
        if self.township:
            names = station_names(self.store.db)
            refill(self.station, self.tr("全部工作站"), [(n, c) for c, n in names.items()],
                   tooltips=True)  # fmt: skip
        first, last = self.span.span()
        station = self.station.currentData() if self.township else None
        try:
            rows = self.store.petitions.petitions(first, last, station_code=station)
            figures = self.store.petitions.read_figures(
                first, last, today=self.clock(), station_code=station
            )
            year_first = dt.date(last.year, 1, 1)
            now = self.store.petitions.level_counts(year_first, last, station)
            before = self.store.petitions.level_counts(
                same_days_last_year(year_first), same_days_last_year(last), station
            )
        except DomainError as exc:
            self.rate_label.setText(exc.message)
            self.rate_label.setStyleSheet(ERROR_STYLE)
            self.rows = []
            self.table.setRowCount(0)
            return
        level, reach = self.level.currentData(), self.reach.currentData()
        self.rows = [r for r in rows if (not level or r.mark.level == level)
                     and (not reach or r.mark.reach == reach)]  # fmt: skip
        self._fill_rows()
        rate = figures.rate
        text = self.tr(
            "阅办率 {rate}（目标 100%）；逾期 {late} 件，时限内待办 {waiting} 件"
        ).format(rate=rate.text, late=figures.late, waiting=figures.waiting)
        days = self.store.voice.get().read_days
        self.rate_label.setText(
            text + self.tr("　按受理后 {days} 个工作日内首次办理计").format(days=days)
        )
        short = rate.denominator and rate.numerator < rate.denominator
        self.rate_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;" if short else GOOD_STYLE)
        self.count.setText(
            self.tr("共 {shown} 件（本期信访 {total} 件）").format(
                shown=len(self.rows), total=len(rows)
            )
        )
        self._fill_years(last, now, before)

    def _fill_rows(self) -> None:
        self.table.setRowCount(len(self.rows))
        for row, p in enumerate(self.rows):
            state = STATE_NAMES.get(State(p.state), p.state) if p.state else ""
            values = [
                p.number, f"{p.received_at:%Y-%m-%d}", mask_name(p.requester_name), p.domain,
                p.mark.level, p.mark.form, p.mark.reach, state,
                p.acted_on.isoformat() if p.acted_on else self.tr("未办理"),
            ]  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 2:
                    cell.setToolTip(self.tr("信访人信息保密，列表中部分隐藏"))
                if column == 4 and value == LEVELS[1]:
                    cell.setForeground(QBrush(QColor("#8a6100")))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    def _fill_years(self, last: dt.date, now: dict[str, int], before: dict[str, int]) -> None:
        self.year_caption.setText(
            self.tr("信访件数：{year} 年 1 月 1 日至 {day}，与上年同期比较").format(
                year=last.year, day=f"{last:%m-%d}"
            )
        )
        self.years.setVerticalHeaderLabels(
            [self.tr("{year}年").format(year=last.year),
             self.tr("{year}年同期").format(year=last.year - 1), self.tr("增减")]
        )  # fmt: skip
        for column, key in enumerate(COUNT_KEYS):
            change = now.get(key, 0) - before.get(key, 0)
            values = [str(now.get(key, 0)), str(before.get(key, 0)),
                      f"{change:+d}" if change else "0"]  # fmt: skip
            for row, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == 2 and change > 0:
                    cell.setForeground(QBrush(QColor("#c62828")))
                self.years.setItem(row, column, cell)

    def open_row(self, row: int) -> None:
        """Open the item's page of the petition on ``row``."""
        if 0 <= row < len(self.rows):
            try:
                open_item(self.store, self.rows[row].number, self)
            except DomainError as exc:
                show_error(self, exc, title=self.tr("信访"))
