"""Grids with their leaders, cadres, and pairing cadres with households (网格与干部, 结对).

Lists show what exists; adding or editing opens a small form that stays open, with what was
typed, until its values are accepted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core import phone
from qunzhong_desktop.core.cadre_rules import CATEGORIES, category_or_default, role_of, rule_for
from qunzhong_desktop.core.entities import Cadre, Grid
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback, stale_dialog
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, message_area


class _RecordForm(QDialog):
    """A small form with a message area and 保存 / 取消; subclasses add fields and checks."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _phone(self, edit: QLineEdit, problems: list[tuple[QWidget, str]]) -> str:
        if not compact(edit.text()):
            return ""
        try:
            return phone.normalise(edit.text())
        except ValidationError as exc:
            problems.append((edit, exc.message))
            return edit.text()

    def _refuse(self, problems: list[tuple[QWidget, str]]) -> None:
        for widget, message in problems:
            mark_invalid(widget, message)
        form_feedback.show_messages(
            self.messages, self.tr("还不能保存："), [m for _, m in problems]
        )
        problems[0][0].setFocus()


class GridForm(_RecordForm):
    """Add or edit a grid: 名称, 网长, 网长电话 (checked)."""

    def __init__(
        self, store: Store, grid: Grid | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("编辑网格") if grid else self.tr("新增网格"), parent)
        self._store = store
        self.grid = grid or Grid(name="")
        self._opened = dataclasses.replace(self.grid) if grid else None
        self.name = QLineEdit(self.grid.name, self)
        self.name.setPlaceholderText(self.tr("如 第一网格"))
        self.leader_name = QLineEdit(self.grid.leader_name, self)
        self.leader_phone = QLineEdit(self.grid.leader_phone, self)
        self.leader_phone.setPlaceholderText(self.tr("手机或带区号固话"))
        self.form.addRow(self.tr("网格名称"), self.name)
        self.form.addRow(self.tr("网长"), self.leader_name)
        self.form.addRow(self.tr("网长电话"), self.leader_phone)

    def accept(self) -> None:
        """Check the values, then save; a refusal keeps the form as typed."""
        for widget in (self.name, self.leader_phone):
            clear_invalid(widget)
        problems: list[tuple[QWidget, str]] = []
        name = compact(self.name.text())
        if not name:
            problems.append((self.name, self.tr("请填写网格名称。")))
        elif any(g.name == name and g.id != self.grid.id for g in self._store.register.grids()):
            problems.append(
                (self.name, self.tr("已有名为“{0}”的网格，请换一个名称。").format(name))
            )
        leader_phone = self._phone(self.leader_phone, problems)
        if problems:
            self._refuse(problems)
            return
        self.grid.name = name
        self.grid.leader_name = compact(self.leader_name.text())
        self.grid.leader_phone = leader_phone
        saved = stale_dialog.save_merging(
            self,
            lambda keep: self._store.register.save_grid(self.grid, base=self._opened, keep=keep),
        )
        if saved is not None:
            super().accept()


class CadreForm(_RecordForm):
    """Add or edit a cadre: 姓名, 电话, 单位, 类别; at the township also 包村.

    Args:
        villages: at the township, the enrolled stations (code, name) a township cadre may
            answer for (包村); None at a station, where the field is not shown.
    """

    def __init__(
        self,
        store: Store,
        cadre: Cadre | None = None,
        parent: QWidget | None = None,
        *,
        villages: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(self.tr("编辑干部") if cadre else self.tr("新增干部"), parent)
        self._store = store
        self.cadre = cadre or Cadre(name="")
        self._opened = dataclasses.replace(self.cadre) if cadre else None
        self.name = QLineEdit(self.cadre.name, self)
        self.phone = QLineEdit(self.cadre.phone, self)
        self.phone.setPlaceholderText(self.tr("手机或带区号固话"))
        self.unit = QLineEdit(self.cadre.unit, self)
        self.unit.setPlaceholderText(self.tr("如 镇党委、驻村工作队"))
        # the category decides what the rules ask of the cadre (and the role, 身份)
        self.category = QComboBox(self)
        self.category.addItems(list(CATEGORIES))
        self.category.setCurrentText(category_or_default(self.cadre.category, self.cadre.role))
        # 核定类别: the township's word on the category; saving takes it into the register
        fixed = store.settings.category_fixes().get(self.cadre.id or "") if cadre else None
        if fixed:
            self.category.setCurrentText(fixed)
            self.category.setEnabled(False)
            self.category.setToolTip(self.tr("乡镇已核定这名干部的类别，按它考核。"))
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: palette(dark);")
        rules = self._store.settings.cadre_rules()
        self.category.currentTextChanged.connect(
            lambda text: self.rule_label.setText(rule_for(rules, text).text)
        )
        self.rule_label.setText(rule_for(rules, self.category.currentText()).text)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("电话"), self.phone)
        self.form.addRow(self.tr("单位"), self.unit)
        self.form.addRow(self.tr("类别"), self.category)
        self.form.addRow("", self.rule_label)
        self.village: QComboBox | None = None
        if villages is not None:
            self.village = QComboBox(self)
            self.village.addItem(self.tr("（不包村）"), "")
            for code, name in villages:
                self.village.addItem(f"{name}（{code}）", code)
            known = {code for code, _ in villages}
            if self.cadre.village_code and self.cadre.village_code not in known:
                self.village.addItem(self.cadre.village_code, self.cadre.village_code)
            self.village.setCurrentIndex(max(0, self.village.findData(self.cadre.village_code)))
            self.village.setToolTip(self.tr("这位乡镇干部负责联系的村（工作站）"))
            self.form.addRow(self.tr("包村"), self.village)

    def accept(self) -> None:
        """Check the values, then save; a refusal keeps the form as typed."""
        for widget in (self.name, self.phone):
            clear_invalid(widget)
        problems: list[tuple[QWidget, str]] = []
        if not compact(self.name.text()):
            problems.append((self.name, self.tr("请填写干部姓名。")))
        number = self._phone(self.phone, problems)
        if problems:
            self._refuse(problems)
            return
        self.cadre.name = compact(self.name.text())
        self.cadre.phone = number
        self.cadre.unit = clean(self.unit.text())
        self.cadre.category = self.category.currentText()
        self.cadre.role = role_of(self.cadre.category)
        if self.village is not None:
            self.cadre.village_code = str(self.village.currentData() or "")
        saved = stale_dialog.save_merging(
            self,
            lambda keep: self._store.register.save_cadre(self.cadre, base=self._opened, keep=keep),
        )
        if saved is not None:
            super().accept()


def _table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class GridsCadresDialog(QDialog):
    """Manage the station's grids and cadres (two tabs)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.form: QDialog | None = None  # the form opened last (tests drive it)
        self.retire_buttons: dict[str, QPushButton] = {}
        self.setWindowTitle(self.tr("网格与干部"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.grid_table = _table(
            self,
            [
                self.tr("网格名称"),
                self.tr("网长"),
                self.tr("网长电话"),
                self.tr("户数"),
                self.tr("状态"),
            ],
        )
        self.cadre_table = _table(
            self,
            [
                self.tr("姓名"),
                self.tr("类别"),
                self.tr("单位"),
                self.tr("电话"),
                self.tr("结对户数"),
                self.tr("状态"),
            ],
        )
        self.tabs.addTab(
            self._page("grid", self.grid_table, self.tr("新增网格"), self.new_grid, self.edit_grid),
            self.tr("网格"),
        )
        self.tabs.addTab(
            self._page(
                "cadre", self.cadre_table, self.tr("新增干部"), self.new_cadre, self.edit_cadre
            ),
            self.tr("干部"),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def _page(
        self,
        kind: str,
        table: QTableWidget,
        add_text: str,
        add: Callable[[], None],
        edit: Callable[[], None],
    ) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(table)
        buttons = QHBoxLayout()
        add_button = QPushButton(add_text, page)
        edit_button = QPushButton(self.tr("编辑"), page)
        retire_button = QPushButton(self.tr("停用"), page)
        retire_button.setToolTip(
            self.tr("不再使用：保留在已有的户和记录上，但不再出现在选择列表中；可以再启用")
        )
        delete_button = QPushButton(self.tr("删除"), page)
        delete_button.setToolTip(self.tr("只能删除没有任何户或记录用到的"))
        add_button.clicked.connect(add)
        edit_button.clicked.connect(edit)
        retire_button.clicked.connect(lambda: self.toggle_retired(kind))
        delete_button.clicked.connect(lambda: self.delete_selected(kind))
        table.activated.connect(edit)
        table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.retire_buttons[kind] = retire_button
        for button in (add_button, edit_button, retire_button, delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _selected(self, kind: str) -> Grid | Cadre | None:
        table, rows = (
            (self.grid_table, self.grids) if kind == "grid" else (self.cadre_table, self.cadres)
        )
        row = table.currentRow()
        chosen: list[Grid] | list[Cadre] = rows
        return chosen[row] if 0 <= row < len(chosen) else None

    def _update_buttons(self) -> None:
        for kind, button in self.retire_buttons.items():
            chosen = self._selected(kind)
            button.setText(
                self.tr("启用") if chosen is not None and chosen.retired else self.tr("停用")
            )
            button.setEnabled(chosen is not None)

    def toggle_retired(self, kind: str) -> None:
        """停用 the selected grid or cadre, or 启用 it again."""
        chosen = self._selected(kind)
        if chosen is None or chosen.id is None:
            return
        self._store.register.retire(kind, chosen.id, not chosen.retired)
        self.reload()

    def delete_selected(self, kind: str) -> None:
        """Delete the selected grid or cadre if nothing uses it (after asking)."""
        chosen = self._selected(kind)
        if chosen is None or chosen.id is None:
            return
        label = self.tr("网格") if kind == "grid" else self.tr("干部")
        if not form_feedback.confirm(
            self,
            self.tr("删除{0}").format(label),
            self.tr("确定删除{0}“{1}”吗？").format(label, chosen.name),
            self.tr("删除"),
        ):
            return
        try:
            self._store.register.delete_unused(kind, chosen.id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("不能删除"))
            return
        self.reload()

    def reload(self) -> None:
        """Refill both lists from the register."""
        register = self._store.register
        self.grids = register.grids()
        self.cadres = register.cadres()
        by_grid = register.household_counts_by_grid()
        by_cadre = register.household_counts_by_cadre()
        _fill(
            self.grid_table,
            [
                [
                    g.name,
                    g.leader_name,
                    phone.mask(g.leader_phone),
                    str(by_grid.get(g.id or "", 0)),
                    self.tr("已停用") if g.retired else self.tr("使用中"),
                ]
                for g in self.grids
            ],
        )
        fixes = self._store.settings.category_fixes()
        _fill(
            self.cadre_table,
            [
                [
                    c.name,
                    self.tr("{0}（乡镇核定）").format(fixes[c.id])
                    if c.id in fixes
                    else c.category or c.role,
                    c.unit,
                    phone.mask(c.phone),
                    str(by_cadre.get(c.id or "", 0)),
                    self.tr("已停用") if c.retired else self.tr("使用中"),
                ]
                for c in self.cadres
            ],
        )
        self._update_buttons()

    def _run(self, form: QDialog) -> None:
        """Open a form window-modally without blocking; the lists refresh when it saves."""
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(self.reload)
        form.open()

    def new_grid(self) -> None:
        """Open the form for a new grid."""
        self._run(GridForm(self._store, None, self))

    def edit_grid(self) -> None:
        """Open the form for the selected grid."""
        row = self.grid_table.currentRow()
        if 0 <= row < len(self.grids):
            self._run(GridForm(self._store, self.grids[row], self))

    def new_cadre(self) -> None:
        """Open the form for a new cadre."""
        self._run(CadreForm(self._store, None, self))

    def edit_cadre(self) -> None:
        """Open the form for the selected cadre."""
        row = self.cadre_table.currentRow()
        if 0 <= row < len(self.cadres):
            self._run(CadreForm(self._store, self.cadres[row], self))


class PairDialog(QDialog):
    """Pick the cadre paired with some households (or none, to unpair them)."""

    def __init__(
        self, store: Store, household_ids: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._ids = list(household_ids)
        self.setWindowTitle(self.tr("结对干部"))
        self.setMinimumSize(460, 400)
        layout = QVBoxLayout(self)
        rows = store.register.household_rows(self._ids[:5])
        numbers = "、".join(f"{r.number} {r.head_name}" for r in rows)
        if len(self._ids) > len(rows):
            numbers += self.tr(" 等")
        self.intro = QLabel(
            self.tr("为选中的 {0} 户（{1}）选择结对干部：").format(len(self._ids), numbers), self
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.cadres = QListWidget(self)
        counts = store.register.household_counts_by_cadre()
        none = QListWidgetItem(self.tr("（不结对 / 解除结对）"))
        none.setData(Qt.ItemDataRole.UserRole, None)
        self.cadres.addItem(none)
        for c in store.register.cadres():
            if c.retired:  # not offered for new pairings
                continue
            details = " · ".join(x for x in (c.category or c.role, c.unit) if x)
            text = self.tr("{0}　{1}　已结对 {2} 户").format(
                c.name, details, counts.get(c.id or "", 0)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.cadres.addItem(item)
        self.cadres.setCurrentRow(1 if self.cadres.count() > 1 else 0)
        self.cadres.itemActivated.connect(self.accept)
        layout.addWidget(self.cadres, 1)
        if self.cadres.count() == 1:
            hint = QLabel(self.tr("还没有干部，请先在“网格与干部”中添加。"), self)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("结对"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_cadre_id(self) -> str | None:
        """The cadre picked (None to unpair)."""
        item = self.cadres.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def accept(self) -> None:
        """Store the pairing."""
        self._store.register.pair(self.chosen_cadre_id(), self._ids)
        super().accept()
