"""The 台账 page: 民情台账, 帮扶台账 and, at a station, 帮扶需求 (:mod:`.needs_tab`) as tabs.

Each tab filters its ledger, shows it in a lazy table, exports it to Excel and prints it
through a PDF (the same files the CLI writes). Other features add their own tabs with
:meth:`LedgerPage.add_tab` (the monthly report adds 月报).

At the township the item ledger lists every station's items: a 工作站 combo narrows it to
one station and a 工作站 column names each item's station.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.ledger import (
    ITEM_COLUMNS,
    SUPPORT_COLUMNS,
    TOWNSHIP_ITEM_COLUMNS,
    TOWNSHIP_SUPPORT_COLUMNS,
    LedgerFilter,
    Row,
    SupportFilter,
)
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.storage.ledger_repo import (
    SqlLedger,
    is_township,
    station_names,
)
from qunzhong_desktop.storage.report_scope import stations_of, townships
from qunzhong_desktop.storage.setup import ABOVE_STATIONS, node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm
from qunzhong_desktop.ui.common.list_parts import (
    ITEM_NUMBER_SAMPLE,
    FlowLayout,
    RowAction,
    copy_text,
    count_label,
    filter_combo,
    list_table,
    refill,
    row_menus,
    show_filter,
    sort_by_headers,
)
from qunzhong_desktop.ui.common.printing import ask_save_file, document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack
from qunzhong_desktop.ui.common.tasks import run_task
from qunzhong_desktop.ui.ledgers.ledger_model import LedgerModel
from qunzhong_desktop.ui.ledgers.needs_tab import NeedsTab
from qunzhong_desktop.ui.ledgers.station_summary import StationSummaryTab

PIXELS_PER_WIDTH = 7


def period_range(key: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates of a period preset: ``month``, ``last_month``, ``quarter``, ``year`` …."""
    first = today.replace(day=1)
    if key == "month":
        return first, today
    if key == "last_month":
        end = first - dt.timedelta(days=1)
        return end.replace(day=1), end
    if key == "quarter":
        return first.replace(month=(today.month - 1) // 3 * 3 + 1), today
    if key == "year":
        return today.replace(month=1, day=1), today
    if key == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None, None


#: The 民情台账 columns that sort, by their title, and the repository's key for each.
ITEM_SORT_BY_HEADER = {
    "编号": "number", "工作站": "number", "受理日期": "received", "诉求人": "requester",
    "所属网格": "grid", "诉求类别": "domain", "等级": "grade", "件类型": "type",
    "承诺时限": "due", "责任人/单位": "handler",
}  # fmt: skip


class _LedgerTab(QWidget):
    """What both tabs share: a filter bar, the table, the count and the two buttons."""

    kind_title = ""

    def __init__(self, store: Store, columns: Any, clock: Today, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.filters = FlowLayout()
        self.period = self.combo(self.tr("期间"))
        for text, key in (
            (self.tr("全部"), None),
            (self.tr("本月"), "month"),
            (self.tr("上月"), "last_month"),
            (self.tr("本季度"), "quarter"),
            (self.tr("今年"), "year"),
            (self.tr("去年"), "last_year"),
        ):
            self.period.addItem(text, key)
        # where: at the county a 乡镇 combo before the 工作站 one, at the township 工作站 only
        self.township = is_township(store.db)
        self.county = node_role(store.db) == "county"
        self.township_filter = self.combo(self.tr("乡镇"))
        show_filter(self.township_filter, self.county)
        self.station = self.combo(self.tr("工作站"))
        self.station.setMinimumContentsLength(10)
        show_filter(self.station, self.township)
        self.model = LedgerModel(columns, self)
        widths = [int(column.width * PIXELS_PER_WIDTH) + 8 for column in columns]
        numbered = {i: ITEM_NUMBER_SAMPLE for i, c in enumerate(columns) if c.header == "编号"}
        self.table = list_table(
            self, self.model, widths, row_height=28, stretch_last=False, never_elide=numbered
        )
        self.count_label = count_label(self)
        self.status_label = QLabel(self)
        self.excel_button = QPushButton(self.tr("导出 Excel"), self)
        self.pdf_button = QPushButton(self.tr("打印 PDF"), self)
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.count_label)
        self.buttons.addWidget(self.status_label, 1)
        self.full_check = QCheckBox(self.tr("输出完整电话"), self)
        self.full_check.setToolTip(
            self.tr("导出和打印的台账中电话默认部分隐藏；勾选后输出完整号码，并记入访问记录")
        )
        self.buttons.addWidget(self.full_check)
        self.buttons.addWidget(self.excel_button)
        self.buttons.addWidget(self.pdf_button)
        limit(
            store,
            (self.full_check, Permission.SHOW_FULL),
            (self.excel_button, Permission.EXPORT),
            (self.pdf_button, Permission.EXPORT),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

    def combo(self, caption: str) -> QComboBox:
        """A filter combo with its caption, added to the filter bar."""
        return filter_combo(self, self.filters, caption, chars=6)

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The period chosen."""
        return period_range(self.period.currentData() or "", self.clock())

    def places(self) -> dict[str, str | None]:
        """The station and township chosen, as the filters' ``station_code``, ``township_code``."""
        return {
            "station_code": self.station.currentData() if self.township else None,
            "township_code": self.township_filter.currentData() if self.county else None,
        }

    def reload_places(self) -> None:
        """Refill the 乡镇 and 工作站 combos (a station imported since knows its name now)."""
        if self.county:
            found = townships(self.store.db).items()
            refill(self.township_filter, self.tr("全县"), [(n, c) for c, n in found])
        refill(self.station, self.tr("全部工作站"), self.station_choices())

    def station_choices(self) -> list[tuple[str, object]]:
        """(name, code) of the stations to choose from: the township's, none at a station."""
        if not self.township:
            return []
        if self.county:  # the stations of the township chosen (all under 全县)
            chosen = self.township_filter.currentData()
            return [(name, code) for code, name in stations_of(self.store.db, chosen).items()]
        return [(name, code) for code, name in station_names(self.store.db).items()]

    def follow(self, *combos: QComboBox) -> None:
        """Search again when a filter changes (connected once every combo is filled)."""
        for combo in (self.period, self.station, *combos):
            combo.currentIndexChanged.connect(self.search)
        self.township_filter.currentIndexChanged.connect(self._township_chosen)

    def _township_chosen(self) -> None:
        """At the county: the 工作站 combo lists the township's stations; the list follows."""
        refill(self.station, self.tr("全部工作站"), self.station_choices())
        self.search()

    def search(self) -> None:
        """List what the filter bar asks for (each tab)."""
        raise NotImplementedError

    def current_filter(self) -> LedgerFilter | SupportFilter:
        """The filter of the bar (each tab)."""
        raise NotImplementedError

    # export and print --------------------------------------------------------------------
    def export_excel(self) -> None:
        """Ask where, then write the ledger as .xlsx in the background."""
        path = self.ask_save_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path, on_done: Callable[[Path], None] | None = None) -> None:
        """Write the ledger of the current filter to ``path`` (.xlsx or .pdf)."""
        from qunzhong_desktop.reports.ledger_export import export_ledger

        store, filters, today = self.store, self.current_filter(), self.clock()
        full = self.full_check.isChecked()

        def work(progress: Progress, cancel: CancelToken) -> Any:
            return export_ledger(
                store, filters, path, today=today, full_numbers=full,
                progress=progress, cancel=cancel,
            )  # fmt: skip

        def done(result: Any) -> None:
            self.status_label.setText(
                self.tr("已保存 {0} 行：{1}").format(result.rows, result.path)
            )
            if on_done is not None:
                on_done(result.path)

        run_task(self, work, label=self.tr("正在生成台账……"), on_done=done)

    def print_pdf(self) -> None:
        """Write the ledger as a PDF and open the print preview."""
        from qunzhong_desktop.reports.ledger_export import export_ledger

        store, filters, today = self.store, self.current_filter(), self.clock()
        full = self.full_check.isChecked()

        def write(path: Path, progress: Progress, cancel: CancelToken) -> Any:
            return export_ledger(
                store, filters, path, today=today, full_numbers=full,
                progress=progress, cancel=cancel,
            )  # fmt: skip

        print_document(
            self,
            store,
            write,
            file_name="ledger.pdf",
            save_name=document_name(store, self.kind_title, f"{self.clock():%Y年%m月%d日}"),
            label=self.tr("正在生成 PDF……"),
            title=self.kind_title,
        )

    # seams the tests replace ----------------------------------------------------------------
    def ask_save_path(self) -> Path | None:
        """Ask for the .xlsx file to write."""
        return ask_save_file(
            self,
            self.store.settings,
            kind="ledger",
            title=self.tr("导出 Excel"),
            file_name=document_name(
                self.store, self.kind_title, f"{self.clock():%Y年%m月%d日}", suffix=".xlsx"
            ),
            file_filter=self.tr("Excel 工作簿 (*.xlsx)"),
        )


class ItemLedgerTab(_LedgerTab):
    """民情台账: one row per intake item, filtered by period, state, grid and domain.

    At the township also by station (the 工作站 combo, shown only there).
    """

    def __init__(self, store: Store, clock: Today, parent: QWidget) -> None:
        self.township = is_township(store.db)
        super().__init__(
            store, TOWNSHIP_ITEM_COLUMNS if self.township else ITEM_COLUMNS, clock, parent
        )
        self.kind_title = self.tr("民情台账")
        self.ledger = SqlLedger(store.db, township=self.township)
        self.state = self.combo(self.tr("状态"))
        self.grid = self.combo(self.tr("网格"))
        self.domain = self.combo(self.tr("类别"))
        self.reload_filters()
        self.follow(self.state, self.grid, self.domain)
        self._ids: list[str] = []
        self.sort: Sort | None = None
        headers = [c.header for c in (TOWNSHIP_ITEM_COLUMNS if self.township else ITEM_COLUMNS)]
        keys = {
            i: ITEM_SORT_BY_HEADER[h] for i, h in enumerate(headers) if h in ITEM_SORT_BY_HEADER
        }
        sort_by_headers(self.table, keys, self._sort)
        self.table.activated.connect(lambda index: self.open_item(index.row()))
        row_menus(self.table, self.row_actions)
        self.dialog: QWidget | None = None

    def _sort(self, sort: Sort | None) -> None:
        self.sort = sort
        self.search()

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of a ledger row."""
        if not 0 <= row < len(self._ids):
            return []
        number = self.store.items.number_of(self._ids[row]) or ""
        return [
            (self.tr("打开事项…"), lambda: self.open_item(row)),
            (self.tr("复制编号"), lambda: copy_text(number)),
        ]

    def open_item(self, row: int) -> None:
        """Open an item's page from its ledger row, as the work lists do (double-click, Enter)."""
        if not 0 <= row < len(self._ids):
            return
        number = self.store.items.number_of(self._ids[row])
        if number is None:
            return
        from qunzhong_desktop.ui.intake import ItemDialog
        from qunzhong_desktop.ui.triage import TownshipItemDialog

        kind = TownshipItemDialog if self.township else ItemDialog
        try:
            dialog = kind(self.store, number, self)
        except DomainError as exc:
            show_error(self, exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.search())
        self.dialog = dialog
        dialog.open()

    def reload_filters(self) -> None:
        """Refill the combos (stations, grids and domains may have changed), keeping the choice."""
        if self.township:  # a station imported since knows its name now
            self.ledger = SqlLedger(self.store.db, township=True)
        self.reload_places()
        choices: list[tuple[QComboBox, str, list[tuple[str, object]]]] = [
            (self.state, self.tr("全部状态"), [(STATE_NAMES[s], s.value) for s in State]),
            (self.grid, self.tr("全部网格"), [(g.name, g.id) for g in self.store.register.grids()]),
            (self.domain, self.tr("全部类别"), [(d, d) for d in self.store.items.domain_days()]),
        ]
        for combo, everything, items in choices:
            refill(combo, everything, items)

    def current_filter(self) -> LedgerFilter:
        """The item-ledger filter of the bar."""
        date_from, date_to = self.dates()
        state = self.state.currentData()
        return LedgerFilter(
            date_from=date_from,
            date_to=date_to,
            states=(State(state),) if state else (),
            grid_id=self.grid.currentData(),
            domain=self.domain.currentData(),
            **self.places(),
        )

    def search(self) -> None:
        """List the items of the filter (ids now, rows as they are shown)."""
        ids = self.ledger.ids(self.current_filter(), self.sort)
        self._ids = ids
        today = self.clock()

        def fetch(start: int, end: int) -> list[Row]:
            return self.ledger.rows_for(ids[start:end], first_seq=start + 1, today=today)

        self.model.set_source(len(ids), fetch)
        self.count_label.setText(self.tr("共 {0} 件").format(len(ids)))


class SupportLedgerTab(_LedgerTab):
    """帮扶台账: households in difficulty with their assistance records.

    At the township and the county also by station (and township), as the item ledger.
    """

    def __init__(self, store: Store, clock: Today, parent: QWidget) -> None:
        township = is_township(store.db)
        super().__init__(
            store, TOWNSHIP_SUPPORT_COLUMNS if township else SUPPORT_COLUMNS, clock, parent
        )
        self.kind_title = self.tr("困难群众帮扶台账")
        self.grid = self.combo(self.tr("网格"))
        self.tag = self.combo(self.tr("帮扶类别"))
        self.add_button = QPushButton(self.tr("新增帮扶记录…"), self)
        self.add_button.clicked.connect(lambda _checked=False: self.add_record())  # not a record
        self.buttons.insertWidget(2, self.add_button)
        limit(store, (self.add_button, Permission.WRITE))
        # the stations record help; a township's or the county's copy is only read
        self.read_only = node_role(store.db) in ABOVE_STATIONS
        if self.read_only:  # (not setVisible: a reader's button, hidden by limit, stays so)
            self.add_button.hide()
        self.reload_filters()
        self.follow(self.grid, self.tag)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.row_households: list[str] = []
        self.row_records: list[str | None] = []
        self.dialog: QWidget | None = None
        row_menus(self.table, self.row_actions)

    def reload_filters(self) -> None:
        """Refill the place, grid and tag combos, keeping the choice."""
        self.reload_places()
        for combo, everything, items in (
            (self.grid, self.tr("全部网格"), [(g.name, g.id) for g in self.store.register.grids()]),
            (self.tag, self.tr("全部类别"), [(t, t) for t in self.store.settings.support_tags()]),
        ):
            refill(combo, everything, items)

    def current_filter(self) -> SupportFilter:
        """The support-ledger filter of the bar."""
        date_from, date_to = self.dates()
        return SupportFilter(
            date_from=date_from,
            date_to=date_to,
            grid_id=self.grid.currentData(),
            tag=self.tag.currentData(),
            **self.places(),
        )

    def search(self) -> None:
        """List the households in difficulty and their records (a few thousand rows at most)."""
        f = self.current_filter()
        ids = self.store.assistance.household_ids(f)
        entries = list(self.store.assistance.ledger_entries(f, township=self.township))
        rows = [row for row, _household, _record in entries]
        self.row_households = [household for _row, household, _record in entries]
        self.row_records = [record for _row, _household, record in entries]
        self.model.set_source(len(rows), lambda start, end: rows[start:end])
        self.count_label.setText(self.tr("共 {0} 户，{1} 行").format(len(ids), len(rows)))

    def selected_household(self) -> str | None:
        """The household of the selected row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.row_households):
            return None
        return self.row_households[index.row()]

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of a support-ledger row (none where it is only read)."""
        if self.read_only or not 0 <= row < len(self.row_records):
            return []
        actions: list[RowAction] = [(self.tr("新增帮扶记录…"), self.add_record)]
        if self.row_records[row] is not None:
            actions = [
                (self.tr("编辑帮扶记录…"), lambda: self.open_row(row)),
                *actions,
                ("", lambda: None),
                (self.tr("删除帮扶记录…"), lambda: self.delete_row(row)),
            ]
        return actions

    def open_row(self, row: int) -> None:
        """Open a row's record to edit it (its outcome can be filled in later), or 新增."""
        if self.read_only:
            return
        record_id = self.row_records[row] if 0 <= row < len(self.row_records) else None
        if record_id is None:
            self.add_record()
            return
        try:
            record = self.store.assistance.get(record_id)
        except DomainError as exc:
            show_error(self, exc)
            self.search()
            return
        self.add_record(record)

    def delete_row(self, row: int) -> None:
        """Delete a row's record after the clerk confirms (the removal syncs)."""
        record_id = self.row_records[row] if 0 <= row < len(self.row_records) else None
        if record_id is None:
            return
        values = self.model.row_values(row) or ()
        first = 2 if self.township else 1  # 户号 and 户主, after 序号 (and 工作站)
        what = " ".join(str(v) for v in values[first : first + 2])
        if not confirm(
            self,
            self.tr("删除帮扶记录"),
            self.tr("确定删除 {0} 的这条帮扶记录吗？删除后可马上按 Ctrl+Z 撤销。").format(what),
            self.tr("删除"),
        ):
            return
        try:
            self.store.assistance.delete(record_id)
        except DomainError as exc:
            show_error(self, exc)
        else:
            undo_stack(self).push(
                UndoStep(
                    self.tr("删除帮扶记录 {0}").format(what).strip(),
                    lambda: self.store.assistance.restore(record_id),
                    self.search,
                )
            )
        self.search()

    def add_record(self, record: AssistanceRecord | None = None) -> None:
        """Open 新增帮扶记录 for the selected household (or a choice), or edit ``record``."""
        from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog

        households = self.store.assistance.households(
            self.store.assistance.household_ids(SupportFilter())
        )
        chosen = record.household_id if record is not None else self.selected_household()
        dialog = AssistanceDialog(
            self.store, households, chosen, self, today=self.clock(), record=record
        )
        dialog.saved.connect(lambda _id: self.search())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()


class LedgerPage(QTabWidget):
    """台账: 民情台账, 帮扶台账, 帮扶需求 (stations only), and the tabs other features add.

    The township has no 帮扶需求 tab: needs are reported and checked at the stations.

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: today's date (tests fix it).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        clock = clock or dt.date.today
        self.items_tab = ItemLedgerTab(store, clock, self)
        self.support_tab = SupportLedgerTab(store, clock, self)
        self.addTab(self.items_tab, self.tr("民情台账"))
        self.addTab(self.support_tab, self.tr("帮扶台账"))
        self.needs_tab: NeedsTab | None = None
        if not self.items_tab.township:
            self.needs_tab = NeedsTab(store, clock, self)
            self.needs_tab.changed.connect(self.support_tab.search)
            self.addTab(self.needs_tab, self.tr("帮扶需求"))
        self.summary_tab: StationSummaryTab | None = None
        if self.items_tab.township:  # the township sees each station at a glance
            self.summary_tab = StationSummaryTab(store, clock, self)
            self.addTab(self.summary_tab, self.tr("各站汇总"))
        self.items_tab.search()
        self.support_tab.search()
        if self.needs_tab is not None:
            self.needs_tab.search()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (e.g. the monthly report's 月报); returns its index."""
        return self.addTab(widget, title)

    def refresh(self) -> None:
        """Re-read the ledgers and the cases (after changes on other pages), and the tab shown."""
        tabs: list[Any] = [self.items_tab, self.support_tab]
        if self.needs_tab is not None:
            tabs.append(self.needs_tab)
        for tab in tabs:
            tab.reload_filters()
            tab.search()
        current = self.currentWidget()
        if current not in tabs:
            refresh = getattr(current, "refresh", None)
            if callable(refresh):
                refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what changed meanwhile (a new item, an import)."""
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)
