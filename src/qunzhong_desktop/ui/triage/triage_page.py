"""分流交办: the township's queue of escalated items, assigned to units and held to deadlines.

Items escalated by the stations (已上报) arrive by sync. The list shows them by state (待交办,
已交办, 已超期, 已办结, 全部), station, unit and text, coloured by urgency like the station's
work list. 交办 routes the selected item to a unit (责任单位) with a deadline in working days,
录入办理结果 records what the unit did (已办结), 不予受理 ends it with a reason. Enter or a
double click shows the item and its history (read-only). 责任单位… edits the units register.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.records import ItemDetail, ItemFilter, ItemRow
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import DONE, STATE_NAMES, Role, State
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage.setup import TOWNSHIP_NAME_SETTING
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import (
    ITEM_NUMBER_SAMPLE,
    QueuePage,
    RowAction,
    action_button,
    copy_text,
    count_and_legend,
    count_label,
    deadline_legend,
    filter_combo,
    list_table,
    page_title,
    refill,
    row_menus,
    sort_by_headers,
)
from qunzhong_desktop.ui.common.session import Clock, limit
from qunzhong_desktop.ui.intake import (
    FetchRows,
    ReadOnlyItemDialog,
    WorkListColumn,
    WorkListModel,
)
from qunzhong_desktop.ui.triage.assign_dialog import AssignDialog, RejectDialog, ResultDialog
from qunzhong_desktop.ui.triage.escalate_dialog import EscalateDialog, county_of
from qunzhong_desktop.ui.triage.units_dialog import UnitRegisterDialog

SEARCH_DELAY_MS = 200
DEFAULT_DAYS = 5
WAITING = (State.ESCALATED, State.AWAITING_ASSIGNMENT)
AT_TOWNSHIP = (*WAITING, State.ASSIGNED)
VIEWS = ("waiting", "assigned", "overdue", "done", "all")
STATION_SUFFIX = "群众工作站"

(
    COL_NUMBER,
    COL_STATION,
    COL_RECEIVED,
    COL_REQUESTER,
    COL_CONTENT,
    COL_DOMAIN,
    COL_GRADE,
    COL_STATE,
    COL_UNIT,
    COL_DUE,
    COL_URGENCY,
) = range(11)
COLUMN_WIDTHS = (200, 80, 88, 62, 160, 84, 40, 60, 64, 88, 60)
#: The columns that sort, in the database (``SqlItems.search_ids``).
SORT_KEYS = {
    COL_NUMBER: "number", COL_STATION: "number", COL_RECEIVED: "received",
    COL_REQUESTER: "requester", COL_DOMAIN: "domain", COL_GRADE: "grade", COL_STATE: "state",
    COL_DUE: "due", COL_URGENCY: "overdue",
}  # fmt: skip
CENTRED = (COL_GRADE, COL_STATE, COL_URGENCY)


def view_filter(view: str) -> ItemFilter:
    """The preset filter of a state choice; the open queues list the oldest first."""
    presets = {
        "waiting": ItemFilter(states=WAITING, newest_first=False),
        "assigned": ItemFilter(states=(State.ASSIGNED,), newest_first=False),
        "overdue": ItemFilter(states=AT_TOWNSHIP, overdue=True, newest_first=False),
        "done": ItemFilter(states=tuple(DONE)),
    }
    return presets.get(view, ItemFilter())


def township_actor(store: Store) -> str:
    """Who acts at the township: its office name, else the user the store was opened as."""
    return store.settings.get(TOWNSHIP_NAME_SETTING) or store.db.user or ""


def station_code(number: str) -> str:
    """The station code an item number starts with."""
    return number.split("-", 1)[0]


class TriageModel(WorkListModel):
    """The township's list: the work list's rows with the station and the unit.

    Args:
        fetch_rows: returns the rows, ``unit`` filled, for some ids.
        parent: the Qt parent.

    Attributes:
        station_names: station code → short name (the 工作站 column).
    """

    def __init__(self, fetch_rows: FetchRows, parent: QWidget | None = None) -> None:
        super().__init__(fetch_rows, parent)
        self.station_names: dict[str, str] = {}
        self._headers = [
            self.tr("编号"),
            self.tr("工作站"),
            self.tr("受理日期"),
            self.tr("诉求人"),
            self.tr("诉求内容"),
            self.tr("类别"),
            self.tr("等级"),
            self.tr("状态"),
            self.tr("责任单位"),
            self.tr("办结期限"),
            self.tr("期限"),
        ]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Like the work list; the township's columns are aligned here."""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            if index.column() in CENTRED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def station_name(self, number: str) -> str:
        """The short name of the station that numbered an item (its code when unknown)."""
        code = station_code(number)
        return self.station_names.get(code, code)

    def _cell(self, record: ItemRow, column: int) -> str:
        township: dict[int, str] = {
            COL_STATION: self.station_name(record.number),
            COL_UNIT: record.unit,
        }
        if column in township:
            return township[column]
        columns = {
            COL_NUMBER: WorkListColumn.NUMBER,
            COL_RECEIVED: WorkListColumn.RECEIVED,
            COL_REQUESTER: WorkListColumn.REQUESTER,
            COL_CONTENT: WorkListColumn.CONTENT,
            COL_DOMAIN: WorkListColumn.DOMAIN,
            COL_GRADE: WorkListColumn.GRADE,
            COL_STATE: WorkListColumn.STATE,
            COL_DUE: WorkListColumn.DUE,
            COL_URGENCY: WorkListColumn.URGENCY,
        }
        return super()._cell(record, columns[column]) if column in columns else ""


class TownshipItemDialog(ReadOnlyItemDialog):
    """The item page, read-only: the township acts from the list's buttons."""

    def read_only_hint(self) -> str:
        """Where the township acts on the item."""
        return self.tr("只读查看。交办、录入办理结果和不予受理，请在分流交办列表中办理。")

    def _explain(self, event: Event) -> str:
        if event.to_state is State.RESOLVED and event.data.get("unit"):
            result = str(event.data.get("result", "") or event.note)
            return self.tr("{unit}办结：{result}").format(unit=event.data["unit"], result=result)
        return super()._explain(event)


class TriagePage(QueuePage):
    """分流交办: the township's queue of escalated items.

    Args:
        store: the township's store.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.

    Attributes:
        dialog: the dialog opened last (tests drive it; :class:`.QueuePage`).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(store, parent, clock)
        self.county = county_of(store)  # 上报县 once the township has its county (issue 19)
        layout = QVBoxLayout(self)
        layout.addLayout(self._title_row())
        layout.addLayout(self._filter_row())
        layout.addLayout(self._action_row())
        layout.addWidget(self._table(), 1)
        layout.addLayout(self._bottom_row())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.text.textChanged.connect(self._timer.start)
        for combo in (self.view, self.station, self.unit):
            combo.currentIndexChanged.connect(self.search)
        self.add_shortcuts()
        self.reload_filters()
        self.search()

    # building -----------------------------------------------------------------------------
    def _title_row(self) -> QHBoxLayout:
        explain = self.tr("工作站上报的事项在这里交办给责任单位，限时办结后录入办理结果。")
        return page_title(self, self.tr("分流交办"), explain)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.view = filter_combo(self, row, self.tr("状态(&S)"), chars=6)
        titles = {
            "waiting": self.tr("待交办"),
            "assigned": self.tr("已交办"),
            "overdue": self.tr("已超期"),
            "done": self.tr("已办结"),
            "all": self.tr("全部"),
        }
        for key in VIEWS:
            self.view.addItem(titles[key], key)
        self.view.setItemData(0, self.tr("已上报和待交办的事项"), Qt.ItemDataRole.ToolTipRole)
        self.station = filter_combo(self, row, self.tr("工作站(&T)"), chars=10)
        self.unit = filter_combo(self, row, self.tr("责任单位(&U)"), chars=6)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("编号 / 诉求人 / 内容 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        row.addWidget(self.text, 1)
        return row

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.assign_button = action_button(self, row, self.tr("交办(&A)…"), self.assign)
        self.result_button = action_button(
            self, row, self.tr("录入办理结果(&R)…"), self.record_result
        )
        self.reject_button = action_button(self, row, self.tr("不予受理(&J)…"), self.reject)
        self.county_button = action_button(self, row, self.tr("上报县(&C)…"), self.escalate)
        self.open_button = action_button(self, row, self.tr("查看(&O)"), self.open_selected)
        self.selection_hint = QLabel(self)
        self.selection_hint.setStyleSheet("color: #616161;")
        # never widens the window at 1024 pixels (cut if need be; the tooltip has it whole)
        self.selection_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.selection_hint, 1)
        self.units_button = action_button(self, row, self.tr("责任单位(&M)…"), self.edit_units)
        self.units_button.setToolTip(self.tr("编辑交办时可选的责任单位"))
        limit(
            self._store,
            (self.assign_button, Permission.WRITE),
            (self.result_button, Permission.WRITE),
            (self.reject_button, Permission.WRITE),
            (self.county_button, Permission.WRITE),
            (self.units_button, Permission.SETTINGS),
        )
        return row

    def _table(self) -> QTableView:
        self.model = TriageModel(self._fetch_rows, self)
        self.table = list_table(
            self, self.model, COLUMN_WIDTHS, on_open=self.open_item,
            never_elide={COL_NUMBER: ITEM_NUMBER_SAMPLE},
        )  # fmt: skip
        self.sort: Sort | None = None
        sort_by_headers(self.table, SORT_KEYS, self._sort)
        row_menus(self.table, self.row_actions)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        return self.table

    def _bottom_row(self) -> QHBoxLayout:
        self.count_label = count_label(self)
        legend = deadline_legend(self, self.tr("双击或回车查看事项和办理经过"))
        return count_and_legend(self.count_label, legend)

    # the list -----------------------------------------------------------------------------
    def _fetch_rows(self, ids: Sequence[str]) -> list[ItemRow]:
        rows = self._store.items.rows(ids, today=self._today())
        units = self._store.items.assigned_units([r.id for r in rows])
        return [dataclasses.replace(r, unit=units.get(r.id, "")) for r in rows]

    def reload_filters(self) -> None:
        """Refill the station and unit choices (sync and the unit editor change them)."""
        stations = self._store.items.stations()
        self.model.station_names = {
            code: name.removesuffix(STATION_SUFFIX) or name for code, name in stations
        }
        choices: list[tuple[QComboBox, str, list[tuple[str, str]]]] = [
            (self.station, self.tr("全部工作站"), [(name, code) for code, name in stations]),
            (self.unit, self.tr("全部单位"), [(u, u) for u in self._store.items.units()]),
        ]
        for combo, everything, items in choices:
            refill(combo, everything, items, tooltips=True)

    def show_view(self, view: str) -> None:
        """Choose a state list: ``waiting``, ``assigned``, ``overdue``, ``done`` or ``all``."""
        self.view.setCurrentIndex(VIEWS.index(view))

    def current_filter(self) -> ItemFilter:
        """The chosen state list narrowed by station, unit and text."""
        return dataclasses.replace(
            view_filter(str(self.view.currentData())),
            station_code=self.station.currentData(),
            unit=self.unit.currentData(),
            text=self.text.text(),
        )

    def search(self) -> None:
        """Run the list now (typing in the search box calls it after a pause)."""
        self._timer.stop()
        selected, near = self.selected_id(), self.table.currentIndex().row()
        items, f, today, sort = self._store.items, self.current_filter(), self._today(), self.sort
        found = items.count(f, today=today)

        def page(start: int, end: int) -> list[ItemRow]:
            ids = items.page_ids(f, offset=start, limit=end - start, today=today, sort=sort)
            return self._fetch_rows(ids)

        self.model.set_pages(found, page)  # the first rows only: never every id (issue 19)
        self.count_label.setText(self.tr("共 {0} 件").format(found))
        row = self.model.row_of(selected, near=near) if selected else None
        if row is None and found:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of an item's row: open it, and what the buttons offer."""
        record = self.model.item_row(row)
        if record is None:
            return []
        return [
            (self.tr("查看事项…"), lambda: self.open_item(row)),
            (self.tr("交办…"), self.assign),
            (self.tr("录入办理结果…"), self.record_result),
            ("", lambda: None),
            (self.tr("复制编号"), lambda: copy_text(record.number)),
        ]

    def _sort(self, sort: Sort | None) -> None:
        self.sort = sort
        self.search()

    def refresh(self) -> None:
        """Re-read the list (after a move, an import, or a change of the units)."""
        self.reload_filters()
        self.model.refresh()
        self.search()

    def selected_id(self) -> str | None:
        """The id of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_row(self) -> ItemRow | None:
        """The record of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.item_row(index.row()) if index.isValid() else None

    def select_number(self, number: str) -> bool:
        """Select the row of an item number, if listed."""
        for row in range(self.model.rowCount()):
            record = self.model.item_row(row)
            if record is not None and record.number == number:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        record = self.selected_row()
        state = record.state if record else None
        self.assign_button.setEnabled(state in WAITING)
        self.reject_button.setEnabled(state in WAITING)
        self.result_button.setEnabled(state is State.ASSIGNED)
        self.county_button.setEnabled(bool(self.county) and state in AT_TOWNSHIP)
        self.open_button.setEnabled(record is not None)
        hint = self.tr("请在列表中选择一件事项。")
        if record is not None:
            named = STATE_NAMES[record.state]
            hint = self.tr("已选 {number}（{state}）").format(number=record.number, state=named)
        self.selection_hint.setText(hint)
        self.selection_hint.setToolTip(hint)

    # acting -------------------------------------------------------------------------------
    def _selected_detail(self) -> ItemDetail | None:
        record = self.selected_row()
        if record is None:
            form_feedback.inform(self, self.tr("分流交办"), self.tr("请先在列表中选择一件事项。"))
            return None
        try:
            return self._store.items.item(record.number, today=self._today())
        except DomainError as exc:
            show_error(self, exc)
            self.refresh()
            return None

    def _move(self, number: str, target: State, note: str, data: dict[str, Any]) -> str | None:
        """Make a township move; None when done, else the Chinese reason it was refused."""
        try:
            self._store.items.move(
                number,
                target,
                actor=township_actor(self._store),
                role=Role.TOWNSHIP,
                note=note,
                data=data,
                now=self._clock(),
            )
        except DomainError as exc:
            return exc.message
        except Exception as exc:  # a bug: logged and told plainly; the dialog stays open
            show_error(self, exc)
            return self.tr("这一步没有完成，请再试一次。")
        return None

    def assign(self) -> None:
        """交办 the selected item: unit, deadline in working days, note."""
        item = self._selected_detail()
        if item is None:
            return
        if item.state not in WAITING:
            self._not_now(item, self.tr("只有已上报或待交办的事项才能交办。"))
            return
        # the deadline the station would promise: the domain's days, fewer for grade A
        days = self._store.items.deadlines().days(item.domain, item.grade, unknown=DEFAULT_DAYS)

        def submit(unit: str, deadline: dt.date, note: str) -> str | None:
            data = {"unit": unit, "deadline": deadline.isoformat()}
            return self._move(item.number, State.ASSIGNED, note, data)

        self._open(
            AssignDialog(
                item,
                submit,
                self,
                station=self.model.station_name(item.number),
                units=self._store.items.units(),
                days=days,
                today=self._today(),
                deadline_after=self._store.items.deadline_after,
            )
        )

    def record_result(self) -> None:
        """录入办理结果 of the selected assigned item: it becomes 已办结."""
        item = self._selected_detail()
        if item is None:
            return
        if item.state is not State.ASSIGNED:
            self._not_now(item, self.tr("只有已交办的事项才能录入办理结果。"))
            return
        unit = self._store.items.assigned_units([item.id]).get(item.id, "")

        def submit(result: str) -> str | None:
            return self._move(item.number, State.RESOLVED, "", {"result": result, "unit": unit})

        self._open(ResultDialog(item, self.model.station_name(item.number), unit, submit, self))

    def reject(self) -> None:
        """不予受理 the selected item, with a reason (asks before it is done)."""
        item = self._selected_detail()
        if item is None:
            return
        if item.state not in WAITING:
            self._not_now(item, self.tr("只有已上报或待交办的事项才能不予受理。"))
            return

        def submit(reason: str) -> str | None:
            return self._move(item.number, State.REJECTED, reason, {})

        self._open(RejectDialog(item, self.model.station_name(item.number), submit, self))

    def escalate(self) -> None:
        """上报县 the selected item (重大疑难事项), with a reason."""
        item, county, actor = self._selected_detail(), self.county, township_actor(self._store)
        if item is not None and county:
            station = self.model.station_name(item.number)
            self._open(EscalateDialog(self._store, item, station, county, actor=actor,
                                      clock=self._clock, parent=self))  # fmt: skip

    def _not_now(self, item: ItemDetail, message: str) -> None:
        form_feedback.inform(
            self,
            self.tr("分流交办"),
            self.tr("事项 {number} 现在是“{state}”。").format(
                number=item.number, state=STATE_NAMES[item.state]
            )
            + message,
        )
        self.refresh()

    def edit_units(self) -> None:
        """Open the editor of the units register (责任单位)."""
        store = self._store
        self._open(
            UnitRegisterDialog(
                store.units.register(),
                store.items.stations(),
                list(store.items.domain_days()),
                store.units.save,
                self,
            )
        )

    # the item page ------------------------------------------------------------------------
    def open_item(self, row: int) -> None:
        """Show an item and its history, read-only (non-blocking)."""
        record = self.model.item_row(row)
        if record is not None:
            self._show_item(
                lambda: TownshipItemDialog(self._store, record.number, self, clock=self._clock)
            )
