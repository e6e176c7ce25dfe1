"""帮扶需求: the station's assistance cases as a list, and what is done to them.

One row per need: 户号, 帮扶对象, 类别, 需求, 急 (急事急办), 报告日期, 状态, 帮扶次数, 金额（元）,
帮扶时限 — the time limit red when an open need is past it, amber in its last week. Filters:
未结/全部, state, category, grid, and a search by household number, name (or its pinyin
initials) and what is needed. The buttons report a need (登记需求…), correct it (修改…),
check it (核查…), record help against it (登记帮扶…), delete one reported by mistake (only
while no help was given; Ctrl+Z brings it back with its steps) and print the 五公开 notice.
A double-click opens the case (:class:`.CaseDialog`). Only stations have this tab: needs are
reported and checked there, the township sees them in the figures.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assistance import Case
from qunzhong_desktop.core.assistance_case import (
    NEED_CATEGORIES,
    NEED_STATE_NAMES,
    Need,
    NeedState,
    fen_text,
)
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.ledger import SupportFilter
from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.storage.assistance_cases import NeedFilter
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm, inform
from qunzhong_desktop.ui.common.list_parts import (
    FlowLayout,
    RowAction,
    count_label,
    filter_combo,
    list_table,
    refill,
    row_menus,
)
from qunzhong_desktop.ui.common.palette import DUE_SOON_TINT, OVERDUE_TINT
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack

# days before the time limit when an open need turns amber
DUE_SOON_DAYS = 7
LIMIT_COLUMN = 9


def _notice_function() -> Any:
    """reports.documents.assistance_notice, if it is there (None hides the button)."""
    from qunzhong_desktop.reports import documents

    return getattr(documents, "assistance_notice", None)


class NeedsModel(QAbstractTableModel):
    """The cases shown, one row each (a station has a few hundred at most)."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cases: list[Case] = []
        self.today = dt.date.today()

    def set_cases(self, cases: list[Case], today: dt.date) -> None:
        """Show these cases."""
        self.beginResetModel()
        self.cases, self.today = cases, today
        self.endResetModel()

    def values(self, case: Case) -> tuple[str, ...]:
        """A case's row as shown."""
        need = case.need
        what = " ".join(need.what.split())
        return (
            case.household_number,
            case.beneficiary,
            need.category,
            what if len(what) <= 24 else what[:23] + "…",
            "急" if need.urgent else "",
            f"{need.reported_on:%Y-%m-%d}",
            case.state_name,
            str(len(case.help)),
            fen_text(case.amount_fen) if case.amount_fen else "",
            f"{need.time_limit:%Y-%m-%d}" if need.time_limit else "",
        )

    def tint(self, case: Case) -> str | None:
        """Red past the time limit, amber in its last week (open needs only)."""
        limit_day = case.need.time_limit
        if case.overdue(self.today):
            return OVERDUE_TINT
        if (
            limit_day is not None
            and case.state is not NeedState.CLOSED
            and limit_day - self.today <= dt.timedelta(days=DUE_SOON_DAYS)
        ):
            return DUE_SOON_TINT
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The cases."""
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The columns."""
        return 0 if parent.isValid() else len(self.headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """A cell's text, the whole need as tooltip, the tint of the time limit."""
        if not index.isValid() or not 0 <= index.row() < len(self.cases):
            return None
        case = self.cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.values(case)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return case.need.what
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == LIMIT_COLUMN:
            tint = self.tint(case)
            return QColor(tint) if tint else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            return QColor("#c62828")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class NeedsTab(QWidget):
    """帮扶需求 at a station: the cases, their filters and buttons.

    Signals:
        changed: a need or help record was written (the support ledger refreshes).
    """

    changed = Signal()

    def __init__(self, store: Store, clock: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.dialog: QDialog | None = None
        self.filters = FlowLayout()
        self.scope = filter_combo(self, self.filters, self.tr("范围"), chars=4)
        self.scope.addItem(self.tr("未结"), True)
        self.scope.addItem(self.tr("全部"), False)
        self.state = filter_combo(self, self.filters, self.tr("状态"), chars=5)
        self.category = filter_combo(self, self.filters, self.tr("类别"), chars=5)
        self.grid = filter_combo(self, self.filters, self.tr("网格"), chars=6)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("户号、姓名或拼音首字母、需求"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(220)
        self.filters.addWidget(self.query)
        headers = [
            self.tr("户号"), self.tr("帮扶对象"), self.tr("类别"), self.tr("需求"), self.tr("急"),
            self.tr("报告日期"), self.tr("状态"), self.tr("帮扶次数"), self.tr("金额（元）"),
            self.tr("帮扶时限"),
        ]  # fmt: skip
        self.model = NeedsModel(headers, self)
        widths = [70, 90, 56, 220, 36, 96, 72, 72, 96, 96]
        self.table = list_table(self, self.model, widths, on_open=self.open_case)
        row_menus(self.table, self.row_actions)
        self.count_label = count_label(self)
        self.add_button = QPushButton(self.tr("登记需求…"), self)
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.step_button = QPushButton(self.tr("核查…"), self)
        self.help_button = QPushButton(self.tr("登记帮扶…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.notice_button = QPushButton(self.tr("打印五公开公示…"), self)
        self.add_button.clicked.connect(lambda _checked=False: self.add_need())
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_need())
        self.step_button.clicked.connect(lambda _checked=False: self.take_step())
        self.help_button.clicked.connect(lambda _checked=False: self.give_help())
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_need())
        self.notice_button.clicked.connect(lambda _checked=False: self.print_notice())
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (
            self.add_button, self.edit_button, self.step_button, self.help_button,
            self.delete_button, self.notice_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        self.notice_button.setVisible(_notice_function() is not None)
        limit(
            store,
            (self.add_button, Permission.WRITE),
            (self.edit_button, Permission.WRITE),
            (self.step_button, Permission.WRITE),
            (self.help_button, Permission.WRITE),
            (self.delete_button, Permission.DELETE),
            (self.notice_button, Permission.EXPORT),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.shown: list[Case] = []
        self.reload_filters()
        for combo in (self.scope, self.state, self.category, self.grid):
            combo.currentIndexChanged.connect(self.search)
        self.query.textChanged.connect(self.search)

    # the list -----------------------------------------------------------------------------
    def reload_filters(self) -> None:
        """Refill the state, category and grid combos, keeping the choice."""
        grids = [(g.name, g.id) for g in self.store.register.grids()]
        refill(self.state, self.tr("全部状态"), [(NEED_STATE_NAMES[s], s.value) for s in NeedState])
        refill(self.category, self.tr("全部类别"), [(c, c) for c in NEED_CATEGORIES])
        refill(self.grid, self.tr("全部网格"), grids)

    def current_filter(self) -> NeedFilter:
        """The filter of the bar."""
        state = self.state.currentData()
        return NeedFilter(
            open_only=bool(self.scope.currentData()),
            grid_id=self.grid.currentData(),
            state=NeedState(state) if state else None,
            category=self.category.currentData(),
        )

    def search(self) -> None:
        """List the cases of the filter (and the search words)."""
        cases = self.store.needs.cases(self.current_filter())
        words = self.query.text().strip().lower()
        if words:
            cases = [
                c
                for c in cases
                if words in search_text(
                    c.household_number, c.need.what, c.beneficiary, c.household_head,
                    names=(c.beneficiary, c.household_head),
                )
            ]  # fmt: skip
        chosen = self.selected()
        self.shown = cases
        self.model.set_cases(cases, self.clock())
        self.count_label.setText(self.tr("共 {0} 项").format(len(cases)))
        if chosen is not None:
            self.select(chosen.need.id or "")

    def select(self, need_id: str) -> None:
        """Select the row of a need, if shown."""
        for row, case in enumerate(self.shown):
            if case.need.id == need_id:
                self.table.selectRow(row)
                return

    def selected(self) -> Case | None:
        """The case of the selected row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        return self.shown[index.row()]

    def _chosen(self) -> Case | None:
        case = self.selected()
        if case is None:
            inform(self, self.tr("帮扶需求"), self.tr("请先在列表中选择一项帮扶需求。"))
        return case

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of a case."""
        if not 0 <= row < len(self.shown):
            return []
        return [
            (self.tr("打开个案…"), lambda: self.open_case(row)),
            (self.tr("核查…"), self.take_step),
            (self.tr("登记帮扶…"), self.give_help),
            (self.tr("修改…"), self.edit_need),
            ("", lambda: None),
            (self.tr("删除"), self.delete_need),
        ]

    # dialogs ------------------------------------------------------------------------------
    def _written(self, need_id: str | None) -> None:
        self.search()
        if need_id:
            self.select(need_id)
        self.changed.emit()

    def add_need(self) -> None:
        """登记需求… for the selected case's household (or a choice)."""
        from qunzhong_desktop.ui.ledgers.need_dialog import NeedDialog

        case = self.selected()
        households = self.store.assistance.households(
            self.store.assistance.household_ids(SupportFilter())
        )
        dialog = NeedDialog(
            self.store, households, case.need.household_id if case else None, self,
            today=self.clock(),
        )  # fmt: skip
        dialog.saved.connect(self._written)
        self._show(dialog)

    def edit_need(self) -> None:
        """修改… the selected need (not once closed: the storage says so)."""
        from qunzhong_desktop.ui.ledgers.need_dialog import NeedDialog

        case = self._chosen()
        if case is None:
            return
        households = self.store.assistance.households([case.need.household_id])
        dialog = NeedDialog(self.store, households, None, self, today=self.clock(), case=case)
        dialog.saved.connect(self._written)
        self._show(dialog)

    def step_dialog(self, need_id: str, parent: QWidget) -> QDialog | None:
        """核查 for a need (the case view's button uses it too)."""
        from qunzhong_desktop.ui.ledgers.need_dialog import StepDialog

        try:
            case = self.store.needs.get(need_id)
        except DomainError as exc:
            show_error(parent, exc)
            return None
        dialog = StepDialog(self.store, case, parent, today=self.clock())
        dialog.accepted.connect(lambda: self._written(need_id))
        return dialog

    def help_dialog(self, need_id: str, record_id: str | None, parent: QWidget) -> QDialog | None:
        """The help form on a need (``record_id``: one of its records to edit)."""
        from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog

        try:
            case = self.store.needs.get(need_id)
            record = self.store.assistance.get(record_id) if record_id else None
        except DomainError as exc:
            show_error(parent, exc)
            return None
        households = self.store.assistance.households([case.need.household_id])
        dialog = AssistanceDialog(
            self.store, households, case.need.household_id, parent,
            today=self.clock(), record=record, need_id=need_id,
        )  # fmt: skip
        if record is None and case.need.person_id:  # the member the need is about
            dialog.person.setCurrentIndex(max(0, dialog.person.findData(case.need.person_id)))
        dialog.accepted.connect(lambda: self._written(need_id))
        return dialog

    def take_step(self) -> None:
        """核查… the selected need."""
        case = self._chosen()
        dialog = self.step_dialog(case.need.id or "", self) if case is not None else None
        if dialog is not None:
            self._show(dialog)

    def give_help(self) -> None:
        """登记帮扶… on the selected need."""
        case = self._chosen()
        dialog = self.help_dialog(case.need.id or "", None, self) if case is not None else None
        if dialog is not None:
            self._show(dialog)

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def open_case(self, row: int) -> None:
        """The case view of a row (double-click, Enter)."""
        from qunzhong_desktop.ui.ledgers.case_dialog import CaseDialog

        if not 0 <= row < len(self.shown):
            return
        dialog = CaseDialog(
            self.store, self.shown[row].need.id or "", self, today=self.clock(),
            take_step=self.step_dialog, give_help=self.help_dialog,
        )  # fmt: skip
        self._show(dialog)

    # delete and undo ----------------------------------------------------------------------
    def delete_need(self) -> None:
        """删除 a need reported by mistake, after asking (refused once help was given)."""
        case = self._chosen()
        if case is None:
            return
        what = f"{case.household_number} {case.beneficiary}：{case.need.what[:20]}"
        if case.help:
            inform(
                self,
                self.tr("删除帮扶需求"),
                self.tr("这项需求已登记帮扶，不能删除；需求解决后请销号。"),
            )
            return
        if not confirm(
            self,
            self.tr("删除帮扶需求"),
            self.tr("确定删除 {0} 这项帮扶需求吗？删除后可马上按 Ctrl+Z 撤销。").format(what),
            self.tr("删除"),
        ):
            return
        try:
            self.store.needs.delete(case.need.id or "")
        except DomainError as exc:
            show_error(self, exc)
            return
        undo_stack(self).push(
            UndoStep(
                self.tr("删除帮扶需求 {0}").format(what), lambda: self._restore(case), self.search
            )
        )
        self.search()
        self.changed.emit()

    def _restore(self, case: Case) -> None:
        """Bring a deleted need back: reported again with the same steps (who, when, note)."""
        first, *later = case.steps
        today = max([self.clock(), *(s.day for s in case.steps)])
        need = Need(
            household_id=case.need.household_id, what=case.need.what,
            category=case.need.category, reported_on=case.need.reported_on,
            reported_by=case.need.reported_by, urgent=case.need.urgent,
            person_id=case.need.person_id, time_limit=case.need.time_limit,
        )  # fmt: skip
        restored = self.store.needs.report(need, actor=first.actor, today=today)
        for step in later:
            self.store.needs.take_step(restored.need.id or "", step, today=today)

    # the 五公开 notice ----------------------------------------------------------------------
    def print_notice(self) -> None:
        """打印五公开公示…: the notice of the grid chosen (or the whole village), previewed."""
        notice = _notice_function()
        if notice is None:
            return
        store, grid_id, today = self.store, self.grid.currentData(), self.clock()

        def write(path: Any, _progress: Any, _cancel: Any) -> Any:
            return notice(store, path, grid_id=grid_id, today=today)

        title = self.tr("帮扶五公开公示")
        print_document(
            self, store, write, file_name="notice.pdf",
            save_name=document_name(store, title, f"{today:%Y年%m月%d日}"),
            label=self.tr("正在生成公示……"), title=title,
        )  # fmt: skip
