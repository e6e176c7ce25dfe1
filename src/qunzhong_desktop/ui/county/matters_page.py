"""协调: the county's matters — escalated by the townships, assigned to county departments.

Matters a township could not settle (重大疑难事项, 上报县) arrive by sync. 待县交办 lists them
with their township, station, the township's reason and the days waiting; 县已交办 with the
county department, the due date and the working days overdue (red); 已超期 the overdue ones
only. 交办… gives the selected matter to a department for N working days, 退回乡镇… sends it
back with a reason, 办结… records the result (it travels down to the station, which follows
up and closes), 协调会… records a coordination meeting, 县直部门… manages the departments.
Enter or a double click opens the item and its history. Everything goes through
``store.county`` (storage/county_repo.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.county import Matter
from qunzhong_desktop.storage.setup import county_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.list_parts import (
    ITEM_NUMBER_SAMPLE,
    QueuePage,
    RowAction,
    action_button,
    copy_text,
    count_label,
    filter_combo,
    list_table,
    page_title,
    refill,
    row_menus,
)
from qunzhong_desktop.ui.common.session import Clock, limit
from qunzhong_desktop.ui.county.departments_dialog import DepartmentsDialog
from qunzhong_desktop.ui.county.matter_dialogs import CountyAssignDialog, CountyTextDialog
from qunzhong_desktop.ui.county.matters_model import (
    ASSIGNED_COLUMNS,
    COL_NUMBER,
    COLUMN_WIDTHS,
    WAITING_COLUMNS,
    MattersModel,
)
from qunzhong_desktop.ui.county.meeting_dialog import MeetingDialog
from qunzhong_desktop.ui.intake import ReadOnlyItemDialog

VIEWS = ("waiting", "assigned", "overdue")


def county_actor(store: Store) -> str:
    """Who acts at the county: the user signed in, else the department's name."""
    operator = store.db.operator
    if operator is not None:
        return operator.name
    return store.db.user or county_profile(store.db)[1] or "县群众工作部"


class CountyItemDialog(ReadOnlyItemDialog):
    """The item page at the county, read-only: the county acts from the 协调 page."""

    def read_only_hint(self) -> str:
        """Where the county acts on the item."""
        return self.tr("只读查看。交办、退回乡镇和办结，请在“协调”页办理。")


class CountyMattersPage(QueuePage):
    """协调: the county's waiting and assigned matters and the moves on them.

    Args:
        store: the county's store.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.

    Attributes:
        dialog: the dialog opened last (tests drive it; :class:`.QueuePage`).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(store, parent, clock)
        layout = QVBoxLayout(self)
        layout.addLayout(self._title_row())
        layout.addLayout(self._filter_row())
        layout.addLayout(self._action_row())
        self.model = MattersModel(self)
        self.table = list_table(
            self, self.model, COLUMN_WIDTHS, on_open=self.open_item,
            never_elide={COL_NUMBER: ITEM_NUMBER_SAMPLE},
        )  # fmt: skip
        row_menus(self.table, self.row_actions)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.count_label = count_label(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        hint = QLabel(self.tr("双击或回车查看事项和办理经过；超期的事项标红"), self)
        hint.setStyleSheet("color: #616161;")
        bottom.addStretch(1)
        bottom.addWidget(hint)
        layout.addLayout(bottom)
        for combo in (self.view, self.township):
            combo.currentIndexChanged.connect(self.search)
        self.text.textChanged.connect(self.search)
        self.add_shortcuts()
        self.refresh()

    # building -----------------------------------------------------------------------------
    def _title_row(self) -> QHBoxLayout:
        explain = self.tr(
            "乡镇上报县的重大疑难事项在这里交办给县直部门，限时办结；结果随交办包发回乡镇和工作站。"
        )
        return page_title(self, self.tr("协调"), explain)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.view = filter_combo(self, row, self.tr("列表(&S)"), chars=7)
        titles = {
            "waiting": self.tr("待县交办"),
            "assigned": self.tr("县已交办"),
            "overdue": self.tr("已超期"),
        }
        for key in VIEWS:
            self.view.addItem(titles[key], key)
        self.township = filter_combo(self, row, self.tr("乡镇(&T)"), chars=10)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("编号 / 诉求人 / 内容 / 部门 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        row.addWidget(self.text, 1)
        return row

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.assign_button = action_button(self, row, self.tr("交办(&A)…"), self.assign)
        self.back_button = action_button(self, row, self.tr("退回乡镇(&B)…"), self.send_back)
        self.result_button = action_button(self, row, self.tr("办结(&R)…"), self.record_result)
        self.meeting_button = action_button(self, row, self.tr("协调会(&M)…"), self.add_meeting)
        self.open_button = action_button(self, row, self.tr("查看(&O)"), self.open_selected)
        self.selection_hint = QLabel(self)
        self.selection_hint.setStyleSheet("color: #616161;")
        row.addWidget(self.selection_hint, 1)
        self.departments_button = action_button(
            self, row, self.tr("县直部门(&D)…"), self.edit_departments
        )
        limit(
            self._store,
            (self.assign_button, Permission.WRITE),
            (self.back_button, Permission.WRITE),
            (self.result_button, Permission.WRITE),
            (self.meeting_button, Permission.WRITE),
            (self.departments_button, Permission.SETTINGS),
        )
        return row

    # the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the names and the matters (after a move or an import)."""
        try:
            peers = SyncService(self._store.db, self._store.home).peers()
        except DomainError:
            peers = []
        self.model.townships = {p.code: p.name for p in peers if p.role == "township"}
        stations = {p.code: p.name for p in peers if p.role == "station"}
        stations.update(self._store.items.stations())
        self.model.stations = stations
        choices = sorted(self.model.townships.items())
        refill(self.township, self.tr("全部乡镇"), [(n, c) for c, n in choices], tooltips=True)
        self.search()

    def show_view(self, view: str) -> None:
        """Choose a list: ``waiting``, ``assigned`` or ``overdue``."""
        self.view.setCurrentIndex(VIEWS.index(view))

    def _matters(self, view: str) -> list[Matter]:
        county, today = self._store.county, self._today()
        if view == "waiting":
            return county.waiting(today=today)
        return county.assigned(today=today, overdue=view == "overdue")

    def search(self) -> None:
        """Read the chosen list, narrowed by township and text."""
        view = str(self.view.currentData())
        selected = self.selected_number()
        township = self.township.currentData()
        needle = self.text.text().strip()
        found = [
            x
            for x in self._matters(view)
            if (not township or x.township == township)
            and (not needle or needle in f"{x.number} {x.requester_name} {x.content} "
                 f"{x.department} {x.reason}")
        ]  # fmt: skip
        self.model.set_matters(found, self._today())
        shown = WAITING_COLUMNS if view == "waiting" else ASSIGNED_COLUMNS
        for column in range(self.model.columnCount()):
            self.table.setColumnHidden(column, column not in shown)
        self.count_label.setText(self.tr("共 {0} 件").format(len(found)))
        row = self.model.row_of(selected) if selected else None
        if row is None and found:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> Matter | None:
        """The matter of the current row."""
        index = self.table.currentIndex()
        return self.model.matter(index.row()) if index.isValid() else None

    def selected_number(self) -> str | None:
        """The item number of the current row."""
        matter = self.selected()
        return matter.number if matter is not None else None

    def select_number(self, number: str) -> bool:
        """Select the row of an item number, if listed."""
        row = self.model.row_of(number)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _update_buttons(self) -> None:
        matter = self.selected()
        waiting = matter is not None and not matter.department
        self.assign_button.setEnabled(waiting)
        self.back_button.setEnabled(waiting)
        self.result_button.setEnabled(matter is not None and bool(matter.department))
        self.open_button.setEnabled(matter is not None)
        if matter is None:
            self.selection_hint.setText(self.tr("请在列表中选择一件事项。"))
            return
        self.selection_hint.setText(self.tr("已选 {0}").format(matter.number))

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of a row."""
        matter = self.model.matter(row)
        if matter is None:
            return []
        return [
            (self.tr("查看事项…"), lambda: self.open_item(row)),
            (self.tr("协调会…"), self.add_meeting),
            ("", lambda: None),
            (self.tr("复制编号"), lambda: copy_text(matter.number)),
        ]

    # acting -------------------------------------------------------------------------------
    def _pick(self, assigned: bool) -> Matter | None:
        matter = self.selected()
        if matter is None:
            form_feedback.inform(self, self.tr("协调"), self.tr("请先在列表中选择一件事项。"))
        elif bool(matter.department) is not assigned:
            form_feedback.inform(
                self,
                self.tr("协调"),
                self.tr("只有县已交办的事项才能办结。")
                if assigned
                else self.tr("只有待县交办的事项才能交办或退回乡镇。"),
            )
            return None
        return matter

    def assign(self) -> None:
        """交办 the selected waiting matter to a county department."""
        matter = self._pick(assigned=False)
        if matter is None:
            return
        county, actor = self._store.county, county_actor(self._store)

        def submit(department: str, days: int, note: str) -> Any:
            return county.assign(
                matter.number, department, days, note=note, actor=actor, now=self._clock()
            )

        names = [d.name for d in county.departments()]
        self._open(
            CountyAssignDialog(
                matter, self.model.township_name(matter), names,
                deadline=lambda days: county.deadline(days, self._today()), submit=submit,
                parent=self,
            )
        )  # fmt: skip

    def send_back(self) -> None:
        """退回乡镇: the matter goes back to the township's 待交办, with a reason."""
        matter = self._pick(assigned=False)
        if matter is None:
            return
        county, actor = self._store.county, county_actor(self._store)
        self._open(
            CountyTextDialog(
                matter, self.model.township_name(matter), title=self.tr("退回乡镇"),
                caption=self.tr("退回理由(&Y)"),
                placeholder=self.tr("写明退回的理由，乡镇据此继续办理或补充材料后再上报"),
                missing=self.tr("请填写退回乡镇的理由。"), ok_text=self.tr("退回乡镇"),
                submit=lambda text: county.send_back(
                    matter.number, text, actor=actor, now=self._clock()),
                parent=self,
            )
        )  # fmt: skip

    def record_result(self) -> None:
        """办结: the department's result; the station follows up and closes."""
        matter = self._pick(assigned=True)
        if matter is None:
            return
        county, actor = self._store.county, county_actor(self._store)
        self._open(
            CountyTextDialog(
                matter, self.model.township_name(matter), title=self.tr("办结"),
                caption=self.tr("办理结果(&R)"),
                placeholder=self.tr("县直部门的办理情况和结果，将发回工作站告知群众并回访"),
                missing=self.tr("请填写办理结果。"), ok_text=self.tr("办结"),
                submit=lambda text: county.record_result(
                    matter.number, text, actor=actor, now=self._clock()),
                parent=self,
            )
        )  # fmt: skip

    def add_meeting(self) -> None:
        """协调会…: record a coordination meeting (the selected matter ticked)."""
        county = self._store.county
        today = self._today()
        matters = county.waiting(today=today) + county.assigned(today=today)
        self._open(
            MeetingDialog(
                matters, [d.name for d in county.departments()],
                lambda meeting: county.add_meeting(meeting, today=today), self,
                today=today, selected=self.selected_number(),
            )
        )  # fmt: skip

    def edit_departments(self) -> None:
        """县直部门…: add and retire departments."""
        self._open(DepartmentsDialog(self._store.county, self))

    # the item page ------------------------------------------------------------------------
    def open_item(self, row: int) -> None:
        """Show an item and its history, read-only (non-blocking)."""
        matter = self.model.matter(row)
        if matter is not None:
            self._show_item(
                lambda: CountyItemDialog(self._store, matter.number, self, clock=self._clock)
            )
