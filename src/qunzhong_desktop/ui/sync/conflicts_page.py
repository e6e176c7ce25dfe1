"""The conflicts page: values overwritten by a newer edit elsewhere, and flagged changes.

When two PCs change the same thing, the newer value stays and the other is logged here
(SYNC.md: nothing is silently lost). The clerk reviews each entry: 已核对 keeps what is in
place, 撤销 puts the overwritten value back (after a confirmation showing both values).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ConflictView
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.session import TIME_FORMAT

translate = QCoreApplication.translate

#: Column widths of 时间 … 被覆盖的值; 说明 stretches, 状态 fits its text.
COLUMN_WIDTHS = (118, 84, 170, 76, 150, 150)  # 说明 takes the rest (≥ 200 px at 1180)
NOTE_COLUMN, STATUS_COLUMN = 6, 7


def display_value(value: Any) -> str:
    """A stored value as a clerk reads it: lists joined by 、, nothing as （空）."""
    if value is None or value in ("", [], {}):
        return translate("ConflictsPage", "（空）")
    if isinstance(value, bool):
        return translate("ConflictsPage", "是") if value else translate("ConflictsPage", "否")
    if isinstance(value, (list, tuple)):
        return "、".join(display_value(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{display_value(v)}" for k, v in value.items())
    return str(value)


def shown_time(value: dt.datetime | None, *, utc: bool = False) -> str:
    """``2026-11-20 10:30`` in local time; ``utc`` for naive values stored in UTC."""
    if value is None:
        return ""
    if utc and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime(TIME_FORMAT)


def _origin(by: str, at: dt.datetime | None) -> str:
    return " · ".join(part for part in (by, shown_time(at)) if part)


class ConflictsPage(QWidget):
    """冲突: the conflict log with undo and 已核对.

    Args:
        store: the store (kept for the main window's page interface).
        sync: lists and resolves the conflicts.
        parent: the Qt parent.

    Attributes:
        rows: the conflicts listed, in table order.
    """

    def __init__(self, store: Store, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._sync = sync
        self.rows: list[ConflictView] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("同步冲突"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "两台电脑改了同一项内容时，程序保留较新的值，被覆盖的值记在这里，不会丢失。"
                "请逐条核对：保留的值没错就点“已核对”；被覆盖的值才对，就点“撤销”把它恢复。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._bar())
        # the table, or a sentence where it would be when there is nothing to show
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._table())
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #666; font-size: 12pt; padding: 24px;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def _bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("显示(&V)"), self)
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("未处理"), True)
        self.filter.addItem(self.tr("全部"), False)
        label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(self.refresh)
        row.addWidget(label)
        row.addWidget(self.filter)
        row.addStretch(1)
        self.undo_button = QPushButton(self.tr("撤销（恢复被覆盖的值）(&U)"), self)
        self.dismiss_button = QPushButton(self.tr("已核对(&D)"), self)
        self.dismiss_button.setToolTip(self.tr("保留现在的值，把这条冲突标为已处理"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"), self)
        self.undo_button.clicked.connect(self.undo)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.undo_button, self.dismiss_button, self.refresh_button):
            row.addWidget(button)
        return row

    def _table(self) -> QTableWidget:
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("类型"), self.tr("对象"), self.tr("字段"),
             self.tr("保留的值"), self.tr("被覆盖的值"), self.tr("说明"), self.tr("状态")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        # item numbers differ at their end: keep it visible when a cell is too narrow
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        return self.table

    # the list -----------------------------------------------------------------------------
    def open_only(self) -> bool:
        """Whether only the conflicts not yet handled are shown."""
        return bool(self.filter.currentData())

    def _status(self, view: ConflictView) -> str:
        when = shown_time(view.resolved_at, utc=True)[:10]
        if view.resolution == "undone":
            return self.tr("已撤销 {when}").format(when=when).strip()
        if view.resolution == "dismissed":
            return self.tr("已核对 {when}").format(when=when).strip()
        return self.tr("未处理")

    def _cells(self, view: ConflictView) -> list[str]:
        kept, lost = display_value(view.kept_value), display_value(view.lost_value)
        kept_from, lost_from = (
            _origin(view.kept_by, view.kept_time),
            _origin(view.lost_by, view.lost_time),
        )
        return [
            shown_time(view.at, utc=True),
            view.kind_name,
            view.what,
            view.field_name or (self.tr("（整条记录）") if not view.field else view.field),
            f"{kept}\n{kept_from}" if kept_from else kept,
            f"{lost}\n{lost_from}" if lost_from else lost,
            view.note,
            self._status(view),
        ]

    def refresh(self) -> None:
        """List the conflicts again (keeps the selection)."""
        selected = self.selected()
        self.rows = self._sync.conflicts(open_only=self.open_only())
        self.table.setRowCount(len(self.rows))
        for r, view in enumerate(self.rows):
            for column, text in enumerate(self._cells(view)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, view.id)
                cell.setToolTip(text)
                if column == STATUS_COLUMN and not view.resolution:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, column, cell)
        self.table.resizeRowsToContents()
        index = next((i for i, v in enumerate(self.rows) if selected and v.id == selected.id), 0)
        if self.rows:
            self.table.selectRow(index)
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        self.empty.setText(
            self.tr("没有待处理的冲突。") if self.open_only() else self.tr("没有冲突记录。")
        )
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what an import added meanwhile."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def selected(self) -> ConflictView | None:
        """The conflict selected, if any."""
        rows = self.table.selectionModel().selectedRows() if self.rows else []
        if not rows:
            return None
        index = rows[0].row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        view = self.selected()
        is_open = view is not None and not view.resolution
        self.dismiss_button.setEnabled(is_open)
        self.undo_button.setEnabled(is_open and view is not None and view.can_undo)
        self.undo_button.setToolTip(
            self.tr("这一条不能撤销，请核对后点“已核对”。")
            if is_open and view is not None and not view.can_undo
            else self.tr("把被覆盖的值恢复为现在的值")
        )

    # actions ------------------------------------------------------------------------------
    def undo(self) -> None:
        """Put the overwritten value back, after showing both values."""
        view = self.selected()
        if view is None or view.resolution or not view.can_undo:
            return
        text = self.tr(
            "{what}的“{field}”将恢复为被覆盖的值：\n\n现在的值：{kept}\n恢复为：{lost}\n\n"
            "恢复的值算作一次新的修改，会随下次数据包发出。"
        ).format(
            what=view.what,
            field=view.field_name or view.field,
            kept=display_value(view.kept_value),
            lost=display_value(view.lost_value),
        )
        if not form_feedback.confirm(self, self.tr("撤销冲突"), text, self.tr("恢复被覆盖的值")):
            return
        try:
            self._sync.undo_conflict(view.id)
        except DomainError as exc:
            show_error(self, exc)
        self.refresh()

    def dismiss(self) -> None:
        """Keep the value in place and close the entry."""
        view = self.selected()
        if view is None or view.resolution:
            return
        try:
            self._sync.dismiss_conflict(view.id)
        except DomainError as exc:
            show_error(self, exc)
        self.refresh()
