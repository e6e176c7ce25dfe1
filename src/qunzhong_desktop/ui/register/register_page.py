"""The household register page (户籍): search, filters, the list, and what to do with it.

Search runs as the clerk types, 200 ms after the last key, and asks the register only for
the ids that match; the table model fetches the visible rows in blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage.register_search import HOUSEHOLD_LIMIT
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import (
    FlowLayout,
    RowAction,
    copy_text,
    count_label,
    list_table,
    refill,
    row_menus,
    sort_by_headers,
)
from qunzhong_desktop.ui.common.session import UndoStep, limit, permitted, undo_stack
from qunzhong_desktop.ui.register.grids_cadres_dialog import GridsCadresDialog, PairDialog
from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog
from qunzhong_desktop.ui.register.household_model import SORT_KEYS, HouseholdTableModel

SEARCH_DELAY_MS = 200
COLUMN_WIDTHS = (90, 80, 170, 48, 120, 90, 170, 80)  # the last column (住址) stretches


# the tag filter's entry for members the roster import flagged (需核对)
FLAGGED = "__flagged__"


class RegisterPage(QWidget):
    """The 户籍 page of the main window.

    Args:
        store: the station's store.
        parent: the Qt parent.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.dialog: QDialog | None = None  # the dialog opened last (tests look at it)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self._table(), 1)
        layout.addLayout(self._actions())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.grid_combo.currentIndexChanged.connect(self.search)
        self.tag_combo.currentIndexChanged.connect(self.search)
        self.full_check.toggled.connect(self._show_full)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        limit(
            store,
            (self.full_check, Permission.SHOW_FULL),
            (self.add_button, Permission.WRITE),
            (self.pair_button, Permission.WRITE),
            (self.grids_button, Permission.WRITE),
            (self.delete_button, Permission.DELETE),
            (self.bin_button, Permission.DELETE),
            (self.import_button, Permission.IMPORT_ROSTER),
            (self.cards_button, Permission.PRINT_CARDS),
        )
        self.reload_filters()
        self.search()

    # building --------------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(
            self.tr("姓名 / 拼音首字母 / 户号 / 身份证号后几位 / 电话")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(360)
        self.search_box.setToolTip(self.tr("输入即查找，例如 zsf 可找到 张三丰 (Ctrl+F)"))
        self.grid_combo = QComboBox(self)
        self.grid_combo.setMinimumContentsLength(8)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setMinimumContentsLength(8)
        self.full_check = QCheckBox(self.tr("显示完整号码"), self)
        self.full_check.setToolTip(self.tr("身份证号和电话默认部分隐藏，勾选后显示完整号码"))
        search_label = QLabel(self.tr("查找(&S)"), self)  # Alt+F is the 文件 menu
        search_label.setBuddy(self.search_box)
        row.addWidget(search_label)
        row.addWidget(self.search_box, 1)
        row.addWidget(QLabel(self.tr("网格"), self))
        row.addWidget(self.grid_combo)
        row.addWidget(QLabel(self.tr("帮扶标签"), self))
        row.addWidget(self.tag_combo)
        row.addWidget(self.full_check)
        return row

    def _table(self) -> QTableView:
        self.model = HouseholdTableModel(self._store.register.household_rows, self)
        self.table = list_table(self, self.model, COLUMN_WIDTHS, several=True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.sort: Sort | None = None
        #: how many households a typed search lists before it says 超过 (register_search)
        self.limit = HOUSEHOLD_LIMIT
        sort_by_headers(self.table, SORT_KEYS, self._sort)
        row_menus(self.table, self.row_actions)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        return self.table

    def _actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.count_label = count_label(self)
        bar.addWidget(self.count_label)
        row = FlowLayout(align_right=True)  # wraps on a 1024-wide screen
        bar.addLayout(row, 1)
        self.add_button = self._button(row, self.tr("新增户"), self.add_household, "Ctrl+N")
        self.edit_button = self._button(row, self.tr("编辑"), self.edit_selected)
        self.delete_button = self._button(row, self.tr("删除"), self.delete_selected)
        self.pair_button = self._button(row, self.tr("结对"), self.pair_selected)
        self.grids_button = self._button(row, self.tr("网格与干部"), self.open_grids_cadres)
        self.import_button = self._button(row, self.tr("导入花名册"), self.import_roster)
        self.cards_button = self._button(row, self.tr("打印联系卡"), self.print_cards)
        self.bin_button = self._button(row, self.tr("回收站"), self.open_recycle_bin)
        self.bin_button.setToolTip(self.tr("查看和恢复删除的户"))
        self.edit_button.setToolTip(self.tr("编辑选中的户（双击或回车也可）"))
        self.delete_button.setToolTip(self.tr("删除选中的户 (Delete)"))
        self.cards_button.setToolTip(self.tr("为选中的户打印联系卡；未选中时打印全部"))
        return bar

    def _button(
        self, row: QLayout, text: str, slot: Callable[[], None], shortcut: str = ""
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(32)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text} ({shortcut})")
        row.addWidget(button)
        return button

    # search ----------------------------------------------------------------------------------
    def reload_filters(self) -> None:
        """Refill the grid and tag combos, keeping the current choice."""
        refill(
            self.grid_combo,
            self.tr("全部网格"),
            [(grid.name, grid.id) for grid in self._store.register.grids()],
        )
        refill(
            self.tag_combo,
            self.tr("全部标签"),
            [
                (self.tr("需核对（导入时标记）"), FLAGGED),
                *((name, name) for name in self._store.settings.support_tags()),
            ],
        )

    def show_flagged(self) -> None:
        """Show only households with a member the roster import flagged (需核对)."""
        self.search_box.clear()
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(FLAGGED), 0))
        self.search()

    def search(self) -> None:
        """Run the search now (the search box calls it after a 200 ms pause)."""
        self._search_timer.stop()
        selected = self.selected_ids()
        tag = self.tag_combo.currentData()
        found = self._store.register.find_households(
            self.search_box.text(),
            grid_id=self.grid_combo.currentData(),
            tag=None if tag == FLAGGED else tag,
            flagged=tag == FLAGGED,
            sort=self.sort,
            limit=self.limit,
        )
        ids = found.ids
        self.model.set_ids(ids)
        if found.more:  # a typed search lists the first few hundred it finds (register_search)
            self.count_label.setText(
                self.tr("超过 {0} 户，只列出 {0} 户，请输入更多字缩小范围").format(len(ids))
            )
        else:
            self.count_label.setText(self.tr("共 {0} 户").format(len(ids)))
        self.select_ids(selected)
        self._update_buttons()

    def _show_full(self, show: bool) -> None:
        """Full ID numbers and phones: only for a role that may, and logged."""
        if show:
            try:
                self._store.register.reveal(self.tr("户籍列表"), self.model.rowCount())
            except DomainError as exc:
                self.full_check.setChecked(False)
                show_error(self, exc, title=self.tr("显示完整号码"))
                return
        self.model.set_show_full(show)

    def row_actions(self, row: int) -> list[RowAction]:
        """The right-click menu of a household's row."""
        record = self.model.record(row)
        if record is None:
            return []
        full = self.full_check.isChecked()
        actions: list[tuple[str, Callable[[], None], Permission | None]] = [
            (self.tr("编辑…"), self.edit_selected, None),
            (self.tr("打印联系卡…"), self.print_cards, Permission.PRINT_CARDS),
            (self.tr("结对干部…"), self.pair_selected, Permission.WRITE),
            ("", lambda: None, None),
            (
                self.tr("隐藏完整号码") if full else self.tr("显示完整号码"),
                lambda: self.full_check.setChecked(not full),
                Permission.SHOW_FULL,
            ),
            (self.tr("复制户号"), lambda: copy_text(record.number), None),
            (self.tr("复制户主姓名"), lambda: copy_text(record.head_name), None),
            ("", lambda: None, Permission.DELETE),
            (self.tr("删除…"), self.delete_selected, Permission.DELETE),
        ]
        return [
            (label, run)
            for label, run, needs in actions
            if needs is None or permitted(self._store, needs)
        ]

    def _sort(self, sort: Sort | None) -> None:
        self.sort = sort
        self.search()

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # selection -------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Ids of the selected households, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.household_id(row) for row in rows if row < self.model.rowCount()]

    def select_ids(self, ids: list[str]) -> None:
        """Select these households if they are listed; the first becomes current."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = True
        for household_id in ids:
            row = self.model.row_of(household_id)
            if row is None:
                continue
            index = self.model.index(row, 0)
            if first:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count >= 1)
        self.pair_button.setEnabled(count >= 1)
        if count:
            self.cards_button.setText(self.tr("打印联系卡（{0} 户）").format(count))
        else:
            self.cards_button.setText(self.tr("打印联系卡"))

    # actions ---------------------------------------------------------------------------------
    def add_household(self) -> None:
        """Open an empty household form."""
        self._open_household(None)

    def edit_selected(self) -> None:
        """Open the form of the current household."""
        index = self.table.currentIndex()
        if index.isValid():
            self._open_household(self.model.household_id(index.row()))

    def _open_household(self, household_id: str | None) -> None:
        dialog = HouseholdDialog(self._store, household_id, self)
        dialog.finished.connect(lambda result: self._household_closed(dialog, result))
        self._show(dialog)

    def _household_closed(self, dialog: HouseholdDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.saved_id:
            self.model.refresh()
            self.search()
            self.select_ids([dialog.saved_id])
        self.table.setFocus()

    def delete_selected(self) -> None:
        """Tombstone the selected households after the clerk confirms."""
        ids = self.selected_ids()
        if not ids:
            return
        rows = self._store.register.household_rows(ids)
        if len(rows) == 1:
            row = rows[0]
            text = self.tr(
                "确定删除户号 {0}（户主 {1}，共 {2} 人）吗？\n删除后这一户不再出现在户籍列表中，"
                "可在“回收站”中恢复，或马上按 Ctrl+Z 撤销。"
            ).format(row.number, row.head_name or "—", row.members)
        else:
            names = "、".join(f"{r.number} {r.head_name}" for r in rows[:5])
            text = self.tr(
                "确定删除选中的 {0} 户（{1}{2}）吗？\n删除后这些户不再出现在户籍列表中，"
                "可在“回收站”中恢复，或马上按 Ctrl+Z 撤销。"
            ).format(len(rows), names, self.tr(" 等") if len(rows) > 5 else "")
        if not form_feedback.confirm(self, self.tr("删除户"), text, self.tr("删除")):
            return
        for household_id in ids:
            self._store.register.delete_household(household_id)
        numbers = "、".join(r.number for r in rows[:3]) + (self.tr(" 等") if len(rows) > 3 else "")
        undo_stack(self).push(
            UndoStep(
                self.tr("删除户 {0}").format(numbers),
                lambda: self._restore(ids),
                lambda: self._restored(ids),
            )
        )
        self.search()

    def _restore(self, ids: list[str]) -> None:
        """Bring back households deleted a moment ago (撤销: from the recycle bin)."""
        in_bin = {h.id for h in self._store.register.deleted_households()}
        for household_id in ids:
            if household_id in in_bin:  # not already back from the recycle bin
                self._store.register.restore_household(household_id)

    def _restored(self, ids: list[str]) -> None:
        self.search()
        self.select_ids(ids)
        self._update_buttons()

    def open_recycle_bin(self) -> None:
        """回收站: deleted households, to restore."""
        from qunzhong_desktop.ui.register.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self._store, self)
        try:
            dialog.exec()
        finally:
            restored = dialog.restored
            dialog.deleteLater()
        if restored:
            self.search()
            self.select_ids(restored)
            self._update_buttons()

    def pair_selected(self) -> None:
        """Pair the selected households with a cadre."""
        ids = self.selected_ids()
        if not ids:
            form_feedback.inform(self, self.tr("结对"), self.tr("请先在列表中选中要结对的户。"))
            return
        dialog = PairDialog(self._store, ids, self)
        dialog.finished.connect(lambda _result: self._after_change(ids))
        self._show(dialog)

    def open_grids_cadres(self) -> None:
        """Manage grids and cadres."""
        dialog = GridsCadresDialog(self._store, self)
        dialog.finished.connect(lambda _result: self._after_change(self.selected_ids()))
        self._show(dialog)

    def import_roster(self) -> None:
        """Import households from a roster spreadsheet (花名册)."""
        from qunzhong_desktop.ui.register.roster_dialog import RosterImportDialog

        dialog = RosterImportDialog(self._store, self)
        dialog.finished.connect(lambda _result: self._after_change(self.selected_ids()))
        self._show(dialog)

    def print_cards(self) -> None:
        """Print contact cards for the selected households, or for all when none is selected."""
        from qunzhong_desktop.ui.register.cards_dialog import CardsDialog

        self._show(CardsDialog(self._store, self.selected_ids() or None, self))

    def refresh(self) -> None:
        """Re-read grids, the search and the visible rows (after changes made elsewhere)."""
        self._after_change(self.selected_ids())

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what other pages or imports changed."""
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def _after_change(self, ids: list[str]) -> None:
        self.reload_filters()
        self.model.refresh()
        self.search()
        self.select_ids(ids)

    def _show(self, dialog: QDialog) -> None:
        """Open a dialog window-modally without blocking (tests drive it directly)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
