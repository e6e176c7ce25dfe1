"""信访值班: the township's duty roster as a week grid, and the reception log of a day.

:class:`DutyTab` shows the span chosen (this month first) week by week: a row per week,
周一 … 周日 with their dates and who is on duty; days off grey, a working day without anyone
red with 无人值班 (``store.duty.roster``). Enter or a double click on a day sets or clears its
member (:class:`.duty_forms.DutyDayDialog`: the names used before and the deputies, or one
typed); 轮流排班… puts members in turn over a span; 打印值班表… and 打印接访登记… write
``reports/duty_pdf.py`` into the print preview. Under the grid, the receptions of the day
selected: 登记接访…, 修改…, 删除 (after a question; 编辑 › 撤销 brings it back). 民意与信访设置…
opens :class:`.settings_dialog.VoiceSettingsDialog`. Only the township keeps a roster: at a
station the tab says so. ``run_dialog``, ``confirm`` and ``show_error`` are the test seams.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.duty import DayCell, Reception, Roster
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports.duty_pdf import render_log, render_roster
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.setup import node_role, township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm
from qunzhong_desktop.ui.common.list_parts import FlowLayout
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack
from qunzhong_desktop.ui.petitions.duty_forms import (
    DutyDayDialog,
    ReceptionForm,
    RotateDialog,
    day_text,
)
from qunzhong_desktop.ui.petitions.settings_dialog import VoiceSettingsDialog
from qunzhong_desktop.ui.petitions.spans import SpanChooser

UNCOVERED_BG = QColor("#e53935")  # as on the printed roster
UNCOVERED_FG = QColor("#ffffff")
OFF_BG = QColor("#d9d9d9")
OUTSIDE_FG = QColor("#9e9e9e")
DAY = Qt.ItemDataRole.UserRole
MEMBERS_LOOKBACK_DAYS = 366
WEEK_HEIGHT = 58  # three lines: the date, who is on duty, the receptions


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally (a seam for the tests)."""
    return dialog.exec()


class DutyTab(QWidget):
    """信访值班 of the township: the roster grid and the reception log of the day selected.

    Args:
        store: the township's store.
        parent: the Qt parent.
        clock: today's date (tests fix it).

    Attributes:
        roster: the roster shown (None at a station).
        receptions: the receptions of the day selected.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.roster: Roster | None = None
        self.receptions: list[Reception] = []
        self.form: QDialog | None = None  # the form opened last (tests look at it)
        layout = QVBoxLayout(self)
        if node_role(store.db) != "township":
            note = QLabel(self.tr("信访值班和接访登记由乡镇群众工作办管理，工作站不排班。"), self)
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        bar = FlowLayout()
        self.span = SpanChooser(self, bar, self.clock, offer=3)
        self.rotate_button = self._button(bar, self.tr("轮流排班(&T)…"), self.rotate)
        self.print_button = self._button(bar, self.tr("打印值班表(&P)…"), self.print_roster)
        self.settings_button = self._button(bar, self.tr("民意与信访设置(&V)…"), self.open_settings)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("dutySummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.grid = QTableWidget(0, 7, splitter)
        self.grid.setHorizontalHeaderLabels([
            self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"),
            self.tr("周六"), self.tr("周日"),
        ])  # fmt: skip
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(WEEK_HEIGHT)
        self.grid.setToolTip(self.tr("回车或双击一天：安排或清除值班人员"))
        self.grid.activated.connect(lambda index: self.edit_day(index.row(), index.column()))
        self.grid.currentCellChanged.connect(lambda *_: self._show_receptions())
        splitter.addWidget(self.grid)
        splitter.addWidget(self._log_box(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.grid.setMinimumHeight(
            self.grid.horizontalHeader().sizeHint().height() + 3 * WEEK_HEIGHT
        )
        layout.addWidget(splitter, 1)
        limit(store, (self.rotate_button, Permission.WRITE), (self.add_button, Permission.WRITE),
              (self.edit_button, Permission.WRITE), (self.delete_button, Permission.WRITE),
              (self.print_button, Permission.EXPORT), (self.log_print_button, Permission.EXPORT))  # fmt: skip
        self.span.changed.connect(self.refresh)
        self.refresh()
        self._select_day(self.clock())

    def _button(self, bar: FlowLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        bar.addWidget(button)
        return button

    def _log_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        self.log_title = QLabel(box)
        self.log_title.setStyleSheet("font-weight: bold;")
        head.addWidget(self.log_title, 1)
        self.add_button = QPushButton(self.tr("登记接访(&A)…"), box)
        self.edit_button = QPushButton(self.tr("修改(&M)…"), box)
        self.delete_button = QPushButton(self.tr("删除(&D)"), box)
        self.log_print_button = QPushButton(self.tr("打印接访登记(&J)…"), box)
        for button, slot in ((self.add_button, self.add_reception),
                             (self.edit_button, self.edit_reception),
                             (self.delete_button, self.delete_reception),
                             (self.log_print_button, self.print_log)):  # fmt: skip
            button.clicked.connect(lambda _checked=False, s=slot: s())
            head.addWidget(button)
        inner.addLayout(head)
        self.log = QTableWidget(0, 5, box)
        self.log.setHorizontalHeaderLabels([self.tr("接访人"), self.tr("人数"), self.tr("反映事项"),
                                            self.tr("到场单位"), self.tr("办理情况")])  # fmt: skip
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.log.horizontalHeader()
        for column, width in enumerate((90, 50, 320, 200)):
            self.log.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.log.activated.connect(lambda _index: self.edit_reception())
        self.log.itemSelectionChanged.connect(self._update_buttons)
        inner.addWidget(self.log, 1)
        return box

    # reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roster of the span again (the day selected stays selected)."""
        keep = self.selected_day()
        first, last = self.span.span()
        try:
            self.roster = self.store.duty.roster(first, last)
        except DomainError as exc:
            self.roster = None
            self.grid.setRowCount(0)
            self.summary.setText(exc.message)
            self.summary.setStyleSheet(ERROR_STYLE)
            self._show_receptions()
            return
        self._fill_grid(self.roster)
        if keep is not None:
            self._select_day(keep)
        self._show_receptions()

    def _fill_grid(self, roster: Roster) -> None:
        self.grid.setRowCount(len(roster.weeks))
        labels = []
        for row, week in enumerate(roster.weeks):
            sunday = week.monday + dt.timedelta(days=6)
            labels.append(
                self.tr("{monday}\n至 {sunday}").format(
                    monday=f"{week.monday:%m-%d}", sunday=f"{sunday:%m-%d}"
                )
            )
            for column, cell in enumerate(week.days):
                self.grid.setItem(row, column, self._cell(cell, roster))
        self.grid.setVerticalHeaderLabels(labels)
        count = len(roster.uncovered)
        if count:
            days = "、".join(f"{d:%m-%d}" for d in roster.uncovered[:8])
            more = "…" if count > 8 else ""
            self.summary.setText(
                self.tr("本期有 {count} 个工作日无人值班（红色）：{days}{more}").format(
                    count=count, days=days, more=more
                )
            )
            self.summary.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        else:
            self.summary.setText(self.tr("本期每个工作日都已安排值班。灰色为休息日。"))
            self.summary.setStyleSheet("color: #1b5e20;")

    def _cell(self, cell: DayCell, roster: Roster) -> QTableWidgetItem:
        inside = roster.first <= cell.day <= roster.last
        lines = [f"{cell.day:%m-%d}"]
        if inside:
            if cell.uncovered:
                lines.append(self.tr("无人值班"))
            elif cell.member:
                lines.append(cell.member)
            elif not cell.working:
                lines.append(self.tr("休息"))
            if cell.receptions:
                lines.append(self.tr("接访 {n} 批").format(n=cell.receptions))
        item = QTableWidgetItem("\n".join(lines))
        item.setData(DAY, cell.day.isoformat())
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if not inside:
            item.setForeground(QBrush(OUTSIDE_FG))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        elif cell.uncovered:
            item.setBackground(QBrush(UNCOVERED_BG))
            item.setForeground(QBrush(UNCOVERED_FG))
            item.setToolTip(self.tr("工作日无人值班：回车或双击安排值班人员"))
        elif not cell.working:
            item.setBackground(QBrush(OFF_BG))
            item.setToolTip(self.tr("休息日，不排信访值班"))
        return item

    def cell_of(self, day: dt.date) -> QTableWidgetItem | None:
        """The grid's cell of ``day`` (None when the span does not show it)."""
        for row in range(self.grid.rowCount()):
            for column in range(7):
                item = self.grid.item(row, column)
                if item is not None and item.data(DAY) == day.isoformat():
                    return item
        return None

    def selected_day(self) -> dt.date | None:
        """The day selected in the grid (inside the span), if any."""
        if self.roster is None:
            return None
        item = self.grid.currentItem()
        if item is None or not item.data(DAY):
            return None
        day = dt.date.fromisoformat(str(item.data(DAY)))
        return day if self.roster.first <= day <= self.roster.last else None

    def _select_day(self, day: dt.date) -> None:
        item = self.cell_of(day)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.grid.setCurrentItem(item)

    def _show_receptions(self) -> None:
        day = self.selected_day()
        self.receptions = self.store.duty.receptions(day, day) if day else []
        self.log.setRowCount(len(self.receptions))
        for row, r in enumerate(self.receptions):
            units = self.tr("联合接访：{units}").format(units="、".join(r.units)) if r.joint else ""
            values = [r.member, str(r.visitors), r.matter, units, r.handling]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.log.setItem(row, column, cell)
        if day is None:
            self.log_title.setText(self.tr("接访登记：请在上面选择一天"))
        else:
            on_duty = self.store.duty.on_duty(day)
            self.log_title.setText(
                self.tr("{day} 接访登记（值班：{member}）").format(
                    day=day_text(day), member=on_duty or self.tr("无人")
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.log.selectedItems())
        self.add_button.setEnabled(self.selected_day() is not None)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def members(self) -> list[str]:
        """Names offered: those on duty around today, then the deputies of the areas."""
        today = self.clock()
        span = dt.timedelta(days=MEMBERS_LOOKBACK_DAYS)
        names = [d.member for d in self.store.duty.duties(today - span, today + span)]
        names += list(self.store.voice.get().areas.values())
        return list(dict.fromkeys(n for n in names if n))

    # the roster ---------------------------------------------------------------------------
    def edit_day(self, row: int, column: int) -> None:
        """Set or clear who is on duty on the day at ``row``, ``column``."""
        item = self.grid.item(row, column)
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled or self.roster is None:
            return
        day = dt.date.fromisoformat(str(item.data(DAY)))
        cell = self.roster.weeks[row].days[column]
        if not cell.working:
            show_error(self, _refusal(self.tr("{day} 是休息日，不排信访值班。").format(
                day=day_text(day))), title=self.tr("信访值班"))  # fmt: skip
            return
        dialog = DutyDayDialog(day, cell.member, self.members(), self.store.duty.set_duty,
                               self.store.duty.clear, parent=self)  # fmt: skip
        self.form = dialog
        if run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()

    def rotate(self) -> None:
        """轮流排班 over a span (the one shown first), after a question if it holds duties."""
        first, last = self.span.span()
        dialog = RotateDialog(self.members(), max(first, self.clock()) if last >= self.clock()
                              else first, last, self._rotate, self)  # fmt: skip
        self.form = dialog
        if run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()

    def _rotate(self, members: list[str], first: dt.date, last: dt.date, by: str) -> int:
        if self.store.duty.duties(first, last) and not confirm(
            self, self.tr("轮流排班"),
            self.tr("{first} 至 {last} 已经排了值班，重新排班会替换这些安排。继续吗？").format(
                first=first.isoformat(), last=last.isoformat()),
            self.tr("替换并排班"),
        ):  # fmt: skip
            return 0
        return self.store.duty.rotate(members, first, last, by)

    # the reception log --------------------------------------------------------------------
    def add_reception(self) -> None:
        """登记接访 on the day selected."""
        day = self.selected_day()
        if day is None:
            return
        self._reception_form(Reception(day, "", ""), self._add)

    def _add(self, reception: Reception) -> Reception:
        return self.store.duty.add_reception(reception, today=self.clock())

    def _edit(self, reception: Reception) -> Reception:
        return self.store.duty.edit_reception(reception, today=self.clock())

    def edit_reception(self) -> None:
        """Change the reception selected."""
        row = self.log.currentRow()
        if 0 <= row < len(self.receptions):
            self._reception_form(self.receptions[row], self._edit)

    def _reception_form(self, reception: Reception, save: object) -> None:
        on_duty = self.store.duty.on_duty(reception.day)
        dialog = ReceptionForm(reception, on_duty, save, self.clock(), self)  # type: ignore[arg-type]
        self.form = dialog
        if run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_reception(self) -> None:
        """Delete the reception selected, after a question (编辑 › 撤销 brings it back)."""
        row = self.log.currentRow()
        if not 0 <= row < len(self.receptions):
            return
        reception = self.receptions[row]
        if not confirm(self, self.tr("删除接访登记"),
                       self.tr("删除 {day} 的这条接访登记吗？").format(day=day_text(reception.day)),
                       self.tr("删除")):  # fmt: skip
            return
        try:
            self.store.duty.delete_reception(str(reception.id))
        except DomainError as exc:
            show_error(self, exc, title=self.tr("删除接访登记"))
            return
        ident = str(reception.id)
        undo_stack(self).push(UndoStep(
            self.tr("删除接访登记"), lambda: self._restore(ident),
            self.refresh))  # fmt: skip
        self.refresh()

    def _restore(self, ident: str) -> None:
        self.store.duty.restore_reception(ident)

    # printing and settings ----------------------------------------------------------------
    def print_roster(self) -> None:
        """打印值班表: the span's roster in the print preview."""
        if self.roster is None:
            return
        roster, township, today = self.roster, township_profile(self.store.db)[1], self.clock()
        try:
            font = store_font(self.store)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("信访值周表"))
            return

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return render_roster(roster, path, township=township, font=font, today=today)

        span = f"{roster.first:%Y%m%d}-{roster.last:%Y%m%d}"
        print_document(self, self.store, write, file_name="duty-roster.pdf",
                       save_name=document_name(self.store, "信访值周表", span),
                       label=self.tr("正在生成信访值周表……"), title=self.tr("信访值周表"))  # fmt: skip

    def print_log(self) -> None:
        """打印接访登记: the receptions of the span in the print preview."""
        first, last = self.span.span()
        township, today = township_profile(self.store.db)[1], self.clock()
        try:
            rows = self.store.duty.receptions(first, last)
            font = store_font(self.store)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("接访登记"))
            return

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return render_log(rows, path, first=first, last=last, township=township, font=font,
                              today=today)  # fmt: skip

        print_document(self, self.store, write, file_name="reception-log.pdf",
                       save_name=document_name(self.store, "接访登记", f"{first:%Y%m%d}-{last:%Y%m%d}"),
                       label=self.tr("正在生成接访登记……"), title=self.tr("接访登记"))  # fmt: skip

    def open_settings(self) -> None:
        """民意与信访设置 (the 阅办 days and the deputies proposed as handlers)."""
        dialog = VoiceSettingsDialog(self.store, self)
        self.form = dialog
        run_dialog(dialog)


def _refusal(message: str) -> DomainError:
    return ValidationError(message, code="duty.day_off")
