"""The 受理 page: the intake form and the work lists, chosen on the left.

新登记 is the form; 我的事项, 即将到期, 已超期, 待补件, 已上报, 待领取, 待回访, 已办结/已销号 and
全部 are work lists (one table, a preset filter each, with their counts); a 代办 item told to
collect and not collected after some working days is amber in every list. 即将到龄… (under
the lists) finds the residents turning an age soon and makes 代办 items for them. The filter bar narrows
any list by state, grade, domain, channel, grid, date and text; Enter or a double click opens
the item page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow
from qunzhong_desktop.core.intake.rules import CHANNELS, GRADES
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, STATE_NAMES, State
from qunzhong_desktop.core.intake.worklists import view_filter
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.list_parts import (
    ITEM_NUMBER_SAMPLE,
    FlowLayout,
    RowAction,
    clear_sort,
    copy_text,
    count_and_legend,
    count_label,
    deadline_legend,
    filter_combo,
    list_table,
    refill,
    row_menus,
    sort_by_headers,
)
from qunzhong_desktop.ui.common.palette import AMBER
from qunzhong_desktop.ui.common.session import Clock, operator_name
from qunzhong_desktop.ui.intake.intake_form import IntakeForm
from qunzhong_desktop.ui.intake.worklist_model import COL_NUMBER, SORT_KEYS, WorkListModel

SEARCH_DELAY_MS = 200
# 诉求内容 comes early so a 1,280-pixel window shows it; 经办人 (last) stretches
COLUMN_WIDTHS = (204, 88, 66, 230, 92, 44, 60, 62, 88, 68)
VIEWS = (
    "new", "mine", "due_soon", "overdue", "documents", "escalated", "collect", "follow_up",
    "done", "all",
)  # fmt: skip


class IntakePage(QWidget):
    """受理: the form and the work lists.

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.

    Attributes:
        dialog: the item page opened last (tests drive it).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock: Clock = clock or dt.datetime.now
        self.dialog: QDialog | None = None
        self.views = QListWidget(self)
        self.views.setObjectName("intakeViews")
        self.views.setStyleSheet("QListWidget#intakeViews::item { padding: 8px 6px; }")
        self._titles = {
            "new": self.tr("新登记"),
            "mine": self.tr("我的事项"),
            "due_soon": self.tr("即将到期"),
            "overdue": self.tr("已超期"),
            "documents": self.tr("待补件"),
            "escalated": self.tr("已上报"),
            "collect": self.tr("待领取"),
            "follow_up": self.tr("待回访/销号"),
            "done": self.tr("已办结/已销号"),
            "all": self.tr("全部事项"),
        }
        for key in VIEWS:
            item = QListWidgetItem(self._titles[key], self.views)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.form = IntakeForm(store, self, clock=self._clock)
        self.form.saved.connect(lambda _number: self.update_counts())
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.form)
        self.stack.addWidget(self._list_panel())
        self.due_button = QPushButton(self.tr("即将到龄…"), self)
        self.due_button.setToolTip(
            self.tr("即将年满 60、70、80 周岁的居民：打印名单，为他们登记代办事项")
        )
        self.due_button.clicked.connect(self.open_due)
        self.due_dialog: QDialog | None = None
        left = QVBoxLayout()
        left.addWidget(self.views, 1)
        left.addWidget(self.due_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.text.textChanged.connect(self._timer.start)
        for combo in (self.state, self.grade, self.domain, self.channel, self.grid, self.period):
            combo.currentIndexChanged.connect(self.search)
        self.order.currentIndexChanged.connect(self._order_chosen)
        self.views.currentRowChanged.connect(self._view_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_text)
        self.reload_filters()
        self.views.setCurrentRow(0)
        self.update_counts()
        # room for the longest name with a three-digit count
        self.views.setFixedWidth(self.views.sizeHintForColumn(0) + 16)

    # building -----------------------------------------------------------------------------
    def _list_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.text = QLineEdit(panel)
        self.text.setPlaceholderText(self.tr("编号 / 诉求人 / 内容 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.order = QComboBox(panel)
        self.order.addItem(self.tr("最新受理在前"), True)
        self.order.addItem(self.tr("最早受理在前"), False)
        top.addWidget(self.text, 1)
        top.addWidget(self.order)
        filters = FlowLayout()
        self.state = filter_combo(panel, filters, self.tr("状态"))
        self.grade = filter_combo(panel, filters, self.tr("等级"))
        self.domain = filter_combo(panel, filters, self.tr("类别"))
        self.channel = filter_combo(panel, filters, self.tr("渠道"))
        self.grid = filter_combo(panel, filters, self.tr("网格"))
        self.period = filter_combo(panel, filters, self.tr("受理日期"))
        self.model = WorkListModel(
            lambda ids: self._store.items.rows(ids, today=self._clock().date()), self
        )
        self.table = list_table(
            panel, self.model, COLUMN_WIDTHS, on_open=self.open_item,
            never_elide={COL_NUMBER: ITEM_NUMBER_SAMPLE},
        )  # fmt: skip
        self.sort: Sort | None = None
        sort_by_headers(self.table, SORT_KEYS, self._sort)
        row_menus(self.table, self.row_actions)
        self.count_label = count_label(panel)
        legend = deadline_legend(panel, self.tr("双击或回车打开事项"), paused=True)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(count_and_legend(self.count_label, legend))
        return panel

    def reload_filters(self) -> None:
        """Refill the filter combos (grids and domains may have changed), keeping the choice."""
        choices: list[tuple[QComboBox, str, list[tuple[str, object]]]] = [
            (self.state, self.tr("全部状态"), [(STATE_NAMES[s], s.value) for s in State]),
            (self.grade, self.tr("全部等级"), [(name, code) for code, name in GRADES.items()]),
            (self.domain, self.tr("全部类别"), [(d, d) for d in self._store.items.domain_days()]),
            (self.channel, self.tr("全部渠道"), [(c, c) for c in CHANNELS]),
            (
                self.grid,
                self.tr("全部网格"),
                [(g.name, g.id) for g in self._store.register.grids()],
            ),
            (
                self.period,
                self.tr("不限日期"),
                [
                    (self.tr("今天"), 0),
                    (self.tr("近 7 天"), 6),
                    (self.tr("近 30 天"), 29),
                    (self.tr("今年"), -1),
                ],
            ),
        ]
        for combo, everything, items in choices:
            refill(combo, everything, items)

    # the lists ----------------------------------------------------------------------------
    def current_view(self) -> str:
        """The key of the list (or ``new`` for the form) chosen on the left."""
        item = self.views.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "new"

    def show_view(self, view: str) -> None:
        """Choose a list (``overdue`` …) or the form (``new``)."""
        self.views.setCurrentRow(VIEWS.index(view))

    def _view_changed(self, _row: int) -> None:
        if self.current_view() == "new":
            self.stack.setCurrentWidget(self.form)
            return
        self.stack.setCurrentIndex(1)
        self.search()

    def current_filter(self) -> ItemFilter | None:
        """The chosen list's filter narrowed by the filter bar; None when nothing can match."""
        today = self._clock().date()
        f = view_filter(self.current_view(), operator_name(self._store))
        code = self.state.currentData()
        if code is not None:
            state = State(code)  # the combo hands the StrEnum back as its plain value
            if f.states and state not in f.states:
                return None
            if (f.overdue or f.due_soon) and state not in CLOCK_RUNNING:
                return None
            f = dataclasses.replace(f, states=(state,))
        days = self.period.currentData()
        received_from = None
        if days is not None:
            received_from = (
                today.replace(month=1, day=1) if days < 0 else today - dt.timedelta(days)
            )
        return dataclasses.replace(
            f,
            grade=self.grade.currentData(),
            domain=self.domain.currentData(),
            channel=self.channel.currentData(),
            grid_id=self.grid.currentData(),
            received_from=received_from,
            text=self.text.text(),
            newest_first=bool(self.order.currentData()),
        )

    def search(self) -> None:
        """Run the chosen list now (typing in the search box calls it after a pause)."""
        self._timer.stop()
        if self.current_view() == "new":
            return
        selected, near = self.selected_id(), self.table.currentIndex().row()
        f = self.current_filter()
        today = self._clock().date()
        items, sort = self._store.items, self.sort
        found = 0 if f is None else items.count(f, today=today)
        self.model.set_waiting(self._store.agency.waiting_too_long(today=today))

        def page(start: int, end: int) -> list[ItemRow]:
            if f is None:  # nothing can match
                return []
            ids = items.page_ids(f, offset=start, limit=end - start, today=today, sort=sort)
            return items.rows(ids, today=self._clock().date())

        self.model.set_pages(found, page)  # the first rows only: never every id (issue 19)
        count = self.tr("共 {0} 件").format(found)
        if self.current_view() == "collect":
            count += self.tr("（黄色：通知领取后超过 {0} 个工作日仍未领取）").format(
                self._store.agency.collection_days()
            )
        self.count_label.setText(count)
        row = self.model.row_of(selected, near=near) if selected else None
        if row is not None:
            self.table.selectRow(row)

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of an item's row."""
        record = self.model.item_row(row)
        if record is None:
            return []
        return [
            (self.tr("打开事项…"), lambda: self.open_item(row)),
            (self.tr("复制编号"), lambda: copy_text(record.number)),
            (self.tr("复制诉求内容"), lambda: copy_text(record.content)),
        ]

    def _sort(self, sort: Sort | None) -> None:
        self.sort = sort
        self.search()

    def _order_chosen(self) -> None:
        """最新/最早受理在前 is the list's own order again (the column titles unmarked)."""
        clear_sort(self.table)
        self._sort(None)

    def update_counts(self) -> None:
        """Show how many items each list holds next to its name."""
        today = self._clock().date()
        operator = operator_name(self._store)
        for row, key in enumerate(VIEWS):
            item = self.views.item(row)
            if key == "new":
                continue
            count = self._store.items.count(view_filter(key, operator), today=today)
            item.setText(f"{self._titles[key]}（{count}）")
            alert = key == "overdue" and count > 0
            late = key == "collect" and bool(self._store.agency.waiting_too_long(today=today))
            colour = Qt.GlobalColor.darkRed if alert else self.palette().text()
            item.setForeground(QColor(AMBER) if late else colour)

    def selected_id(self) -> str | None:
        """The id of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _focus_text(self) -> None:
        if self.current_view() == "new":
            self.show_view("all")
        self.text.setFocus()
        self.text.selectAll()

    # the item page ------------------------------------------------------------------------
    def open_item(self, row: int) -> None:
        """Open the item page of a row (non-blocking; the list refreshes when it closes)."""
        record = self.model.item_row(row)
        if record is None:
            return
        from qunzhong_desktop.ui.intake.item_dialog import ItemDialog

        dialog = ItemDialog(self._store, record.number, self, clock=self._clock)
        dialog.finished.connect(lambda _result: self._item_closed(dialog))
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_due(self) -> None:
        """Open 即将到龄 (non-blocking); the lists refresh when it made items."""
        from qunzhong_desktop.ui.intake.due_dialog import DueDialog

        dialog = DueDialog(self._store, self, clock=self._clock)
        dialog.finished.connect(lambda _result: self._item_closed(dialog))
        self.due_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _item_closed(self, dialog: QDialog) -> None:
        if getattr(dialog, "changed", False):
            self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        """Re-read the lists (after a move, an intake, or changes on other pages)."""
        self.reload_filters()
        self.model.refresh()
        self.search()
        self.update_counts()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what changed meanwhile (e.g. a date turned red)."""
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def may_close(self) -> bool:
        """Ask before closing the window over an intake form with unsaved input."""
        if not self.form.is_dirty():
            return True
        return form_feedback.confirm(
            self,
            self.tr("受理登记"),
            self.tr("受理登记表中还有未保存的内容，确定要放弃吗？"),
            self.tr("放弃"),
        )
