"""民情信息: the information with its filters, and the common issues (共性问题) below.

At a station: 登记信息, 修改, 转为事项 (its channel by the source), 合并为共性问题 (two or
more selected, of one topic), 删除 (asked; 编辑 › 撤销 restores it); a common issue is
答复 once for every member and 回访 once. At the township every station's information is
listed read only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.mass_info import TOPICS, TYPES, Group, Info
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm, inform
from qunzhong_desktop.ui.common.list_parts import FlowLayout, count_label, filter_combo, refill
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, operator_name, undo_stack
from qunzhong_desktop.ui.voice.info_forms import AnswerForm, GroupForm, InfoForm
from qunzhong_desktop.ui.voice.parts import (
    ToItemForm,
    fill_table,
    read_only_table,
    row_key,
    run_dialog,
    selected_rows,
)

WIDTHS = (88, 56, 72, 72, 64, 44, 190, 110)
GROUP_WIDTHS = (180, 80, 50, 90, 200, 90)


def months(today: dt.date, count: int = 12) -> list[tuple[str, dt.date]]:
    """The last ``count`` months, newest first: (``2026年11月``, its first day)."""
    out, year, month = [], today.year, today.month
    for _ in range(count):
        out.append((f"{year}年{month}月", dt.date(year, month, 1)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def month_end(first: dt.date) -> dt.date:
    """The last day of ``first``'s month."""
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return following - dt.timedelta(days=1)


class InfoTab(QWidget):
    """民情信息 and 共性问题.

    Args:
        store: the station's or the township's store.
        parent: the Qt parent.
        clock: today's date.

    Attributes:
        infos: the information listed; groups: the common issues listed.
        form: the form opened last (tests look at it).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.township = node_role(store.db) == "township"
        self.infos: list[Info] = []
        self.groups: list[Group] = []
        self.form: QDialog | None = None
        layout = QVBoxLayout(self)
        bar = FlowLayout()
        self.topic = filter_combo(self, bar, self.tr("主题(&T)"), chars=5)
        refill(self.topic, self.tr("全部"), [(t, t) for t in TOPICS])
        self.info_type = filter_combo(self, bar, self.tr("类型(&K)"), chars=5)
        refill(self.info_type, self.tr("全部"), [(t, t) for t in TYPES])
        self.month = filter_combo(self, bar, self.tr("月份(&Y)"), chars=8)
        refill(self.month, self.tr("全部"), months(self.clock()))
        self.ungrouped = QCheckBox(self.tr("只看未合并(&W)"), self)
        bar.addWidget(self.ungrouped)
        for combo in (self.topic, self.info_type, self.month):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.ungrouped.toggled.connect(lambda _on: self.refresh())
        layout.addLayout(bar)
        tools = FlowLayout()
        self.new_button = self._button(tools, self.tr("登记信息(&N)…"), self.new_info)
        self.edit_button = self._button(tools, self.tr("修改(&M)…"), self.edit_info)
        self.item_button = self._button(tools, self.tr("转为事项(&Z)…"), self.to_item)
        self.group_button = self._button(tools, self.tr("合并为共性问题(&U)…"), self.group)
        self.delete_button = self._button(tools, self.tr("删除(&D)"), self.delete_info)
        layout.addLayout(tools)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        headers = [
            self.tr("收集日期"), self.tr("来源"), self.tr("主题"), self.tr("类型"),
            self.tr("信息员"), self.tr("户数"), self.tr("事项"), self.tr("共性问题"),
            self.tr("内容"),
        ]  # fmt: skip
        widths: tuple[int, ...] = WIDTHS
        if self.township:  # every station's: which one recorded it comes first
            headers, widths = [self.tr("工作站"), *headers], (130, *WIDTHS)
        self.table = read_only_table(self, headers, widths)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit_info())
        splitter.addWidget(self.table)
        lower = QWidget(self)
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        self.count = count_label(lower)
        low.addWidget(self.count)
        group_bar = FlowLayout()
        group_bar.addWidget(QLabel(self.tr("共性问题（统一答复、统一回访）："), lower))
        self.answer_button = self._button(group_bar, self.tr("答复(&A)…"), self.answer)
        self.follow_button = self._button(group_bar, self.tr("回访(&V)…"), self.follow_up)
        low.addLayout(group_bar)
        self.group_table = read_only_table(lower, [
            self.tr("共性问题"), self.tr("主题"), self.tr("条数"), self.tr("答复日期"),
            self.tr("答复结果"), self.tr("回访日期"), self.tr("回访情况"),
        ], GROUP_WIDTHS)  # fmt: skip
        self.group_table.doubleClicked.connect(lambda _i: self.answer())
        low.addWidget(self.group_table, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        if self.township:
            note = QLabel(self.tr("各工作站的民情信息随数据包报到乡镇，这里只能查看。"), self)
            note.setWordWrap(True)
            layout.insertWidget(1, note)
            for button in (self.new_button, self.edit_button, self.item_button,
                           self.group_button, self.delete_button, self.answer_button,
                           self.follow_button):  # fmt: skip
                button.hide()
        else:
            limit(store, (self.delete_button, Permission.DELETE))
        self.refresh()

    def _button(self, bar: FlowLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    # the lists ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the information (as filtered) and the common issues again."""
        first = self.month.currentData()
        try:
            self.infos = self.store.mass_info.infos(
                topic=self.topic.currentData() or "",
                info_type=self.info_type.currentData() or "",
                first=first, last=month_end(first) if first else None,
                grouped=False if self.ungrouped.isChecked() else None,
            )  # fmt: skip
            self.groups = self.store.mass_info.groups()
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民情信息"))
            return
        recorded_by = self.store.mass_info.stations() if self.township else {}
        fill_table(self.table, [
            [*([recorded_by.get(i.id or "", "—")] if self.township else []),
             i.received_on.isoformat(), i.source, i.topic, i.info_type, i.reporter,
             i.households or "", i.item_number, i.group_title, i.text.replace("\n", " ")]
            for i in self.infos
        ], keys=[i.id or "" for i in self.infos])  # fmt: skip
        fill_table(self.group_table, [
            [g.title, g.topic, len(g.members),
             g.answered_on.isoformat() if g.answered_on else self.tr("未答复"), g.result,
             g.followed_on.isoformat() if g.followed_on else "", g.follow_up]
            for g in self.groups
        ], keys=[g.id or "" for g in self.groups])  # fmt: skip
        self.count.setText(
            self.tr("共 {0} 条民情信息；共性问题 {1} 个").format(len(self.infos), len(self.groups))
        )

    def selected_infos(self) -> list[Info]:
        """The information selected, in list order."""
        wanted = [row_key(self.table, r) for r in selected_rows(self.table)]
        by_id = {i.id: i for i in self.infos}
        return [by_id[w] for w in wanted if w in by_id]

    def select_infos(self, ids: set[str]) -> None:
        """Select the information with these ids (tests, and after a change)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if row_key(self.table, row) in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def current_group(self) -> Group | None:
        """The common issue selected."""
        rows = selected_rows(self.group_table)
        wanted = row_key(self.group_table, rows[0]) if rows else ""
        return next((g for g in self.groups if g.id == wanted), None)

    def _one(self) -> Info | None:
        chosen = self.selected_infos()
        if len(chosen) != 1:
            inform(self, self.tr("民情信息"), self.tr("请在列表中选择一条民情信息。"))
            return None
        return chosen[0]

    # the actions ----------------------------------------------------------------------------
    def _run(self, form: QDialog) -> bool:
        self.form = form
        accepted = run_dialog(form) == QDialog.DialogCode.Accepted
        if accepted:
            self.refresh()
        return accepted

    def new_info(self) -> None:
        """登记信息…."""
        form = InfoForm(self.store, self, clock=self.clock)
        if self._run(form) and isinstance(form.result_value, Info):
            self.select_infos({form.result_value.id or ""})

    def edit_info(self) -> None:
        """修改… (the township only looks)."""
        info = self._one()
        if info is not None and not self.township:
            self._run(InfoForm(self.store, self, clock=self.clock, info=info))

    def to_item(self) -> ItemDetail | None:
        """转为事项…: the information selected becomes an item."""
        info = self._one()
        if info is None or info.id is None:
            return None
        if info.item_number:
            inform(self, self.tr("转为事项"),
                   self.tr("这条民情信息已转为事项 {0}。").format(info.item_number))  # fmt: skip
            return None
        info_id, store = info.id, self.store

        def register(domain: str, grade: str, item_type: str, requester: str,
                     content: str) -> ItemDetail:  # fmt: skip
            return store.mass_info.to_item(
                info_id, domain=domain, grade=grade, item_type=item_type, requester=requester,
                content=content, actor=operator_name(store),
            )  # fmt: skip

        form = ToItemForm(store, info.text, info.reporter, register, self)
        if not self._run(form):
            return None
        detail = form.result_value
        assert isinstance(detail, ItemDetail)
        inform(self, self.tr("转为事项"), self.tr("已登记为事项 {0}。").format(detail.number))
        return detail

    def group(self) -> None:
        """合并为共性问题…: two or more selected."""
        chosen = self.selected_infos()
        if len(chosen) < 2:
            inform(self, self.tr("合并为共性问题"),
                   self.tr("请按住 Ctrl 选择两条或以上相似的民情信息再合并。"))  # fmt: skip
            return
        self._run(GroupForm(self.store, chosen, self))

    def _group_chosen(self) -> Group | None:
        group = self.current_group()
        if group is None:
            inform(self, self.tr("共性问题"), self.tr("请先在下方选择一个共性问题。"))
        return group

    def answer(self) -> None:
        """答复…: one result for every member."""
        group = self._group_chosen()
        if group is not None and not self.township:
            self._run(AnswerForm(self.store, group, self, clock=self.clock))

    def follow_up(self) -> None:
        """回访…: one follow-up for every member."""
        group = self._group_chosen()
        if group is not None:
            self._run(AnswerForm(self.store, group, self, clock=self.clock, follow_up=True))

    def delete_info(self) -> None:
        """删除: asked first; 编辑 › 撤销 restores it."""
        info = self._one()
        if info is None or info.id is None:
            return
        info_id = info.id
        if not confirm(
            self, self.tr("删除民情信息"),
            self.tr("删除这条民情信息（{0}）？可用“编辑 › 撤销”恢复。").format(info.text[:20]),
            self.tr("删除"),
        ):  # fmt: skip
            return
        try:
            self.store.mass_info.delete(info_id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("删除民情信息"))
            return

        def restore() -> None:
            self.store.mass_info.restore(info_id)

        undo_stack(self).push(UndoStep(self.tr("删除民情信息"), restore, self.refresh))
        self.refresh()
