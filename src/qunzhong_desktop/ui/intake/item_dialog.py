"""The item page (事项): its fields, its whole history, and the next steps allowed.

Only the moves the state machine allows from the current state are offered, as buttons
(``allowed_targets``). Each asks in a small :class:`MoveDialog` for what the move needs: a
reason to reject or withdraw, the result to resolve, way and satisfaction to follow up. A
refused move is explained in Chinese inside that dialog; nothing typed is lost and the item
does not change. The 代办 tab (:mod:`.agency_panel`) keeps the agency and 上门服务; a 代办
item is told to collect (通知领取) and collects (已领取) before its follow-up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.clock import URGENCY_NAMES
from qunzhong_desktop.core.intake.corrections import Correction
from qunzhong_desktop.core.intake.corrections import describe as describe_correction
from qunzhong_desktop.core.intake.records import ItemAgency, ItemDetail
from qunzhong_desktop.core.intake.rules import GRADES, Event, offered_targets
from qunzhong_desktop.core.intake.states import AT_COUNTY, STATE_NAMES, Role, State
from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.core.phone import mask as mask_phone
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.session import Clock, operator_name, permitted
from qunzhong_desktop.ui.intake import receipt_link
from qunzhong_desktop.ui.intake.agency_panel import AgencyPanel
from qunzhong_desktop.ui.intake.correct_dialog import CorrectDialog, ResponsibilityDialog
from qunzhong_desktop.ui.intake.move_dialog import MoveDialog
from qunzhong_desktop.ui.intake.worklist_model import TEXT_COLOUR, URGENCY_COLOURS
from qunzhong_desktop.ui.petitions import petition_button

AT_TOWNSHIP = (State.ESCALATED, State.AWAITING_ASSIGNMENT, State.ASSIGNED)


# marks the phone in the field list: it gets a masked label with a 显示 link
PHONE_FIELD = "\0phone"


class ItemDialog(QDialog):
    """One item: fields, history, the allowed moves and its receipt.

    Args:
        store: the station's store.
        number: the item's number.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.

    Attributes:
        changed: whether a move was made (the list refreshes).
        move_dialog: the move dialog opened last (tests drive it).
        correct_dialog: the correction dialog opened last (tests drive it).
        responsibility_dialog: 修改责任单位 opened last (tests drive it).
    """

    def __init__(
        self,
        store: Store,
        number: str,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock: Clock = clock or dt.datetime.now
        self.changed = False
        self.move_dialog: MoveDialog | None = None
        self.correct_dialog: CorrectDialog | None = None
        self.responsibility_dialog: ResponsibilityDialog | None = None
        self.move_buttons: dict[State, QPushButton] = {}
        self.item: ItemDetail = store.items.item(number, today=self._clock().date())
        self.setWindowTitle(self.tr("事项 {number}").format(number=number))
        self.setMinimumSize(920, 680)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("itemState")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.state_label)
        self.petition_button = petition_button(store, number, self, domain=self.item.domain,
                                               channel=self.item.channel,
                                               saved=self._petition_marked)  # fmt: skip
        head.addWidget(self.petition_button)
        layout.addLayout(head)
        self.fields = QGridLayout()
        self.fields.setHorizontalSpacing(14)
        layout.addLayout(self.fields)
        self.content = QLabel(self)
        self.content.setWordWrap(True)
        self.content.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.content.setStyleSheet("background: palette(base); padding: 6px;")
        layout.addWidget(self.content)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._history_table(), self.tr("办理经过"))
        self.agency = AgencyPanel(
            store, number, self.tabs, clock=self._clock, changed=self._agency_changed
        )
        self.tabs.addTab(self.agency, "")
        layout.addWidget(self.tabs, 1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.moves_row = QHBoxLayout()
        layout.addLayout(self.moves_row)
        self.show_item(self.item)

    def _history_table(self) -> QTableWidget:
        self.history = QTableWidget(0, 5, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("经办人"), self.tr("从"), self.tr("到"), self.tr("说明")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        header.setStretchLastSection(True)
        # wrapped notes take the height the column's width needs, also after a resize
        header.sectionResized.connect(lambda *_: self.history.resizeRowsToContents())
        for column, width in enumerate((140, 90, 96, 96)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.history.setColumnWidth(column, width)
        return self.history

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the history's rows to the width the table has once shown."""
        super().showEvent(event)
        self.history.resizeRowsToContents()

    # showing ------------------------------------------------------------------------------
    def show_item(self, item: ItemDetail) -> None:
        """Fill the page from ``item`` and offer its next moves."""
        self.item = item
        self.title.setText(
            self.tr("{number}　{name}").format(number=item.number, name=item.requester_name)
        )
        urgency = URGENCY_NAMES[item.urgency] if item.urgency in URGENCY_COLOURS else ""
        self.state_label.setText(
            f"{STATE_NAMES[item.state]}　{urgency}".strip() if urgency else STATE_NAMES[item.state]
        )
        colour = URGENCY_COLOURS.get(item.urgency, "#e0e0e0")
        self.state_label.setStyleSheet(
            f"QLabel#itemState {{ background: {colour}; color: {TEXT_COLOUR}; padding: 6px 14px;"
            " border-radius: 4px; font-size: 13pt; font-weight: bold; }"
        )
        due = item.due_on.isoformat() if item.due_on else "—"
        pairs = [
            (self.tr("受理时间"), item.received_at.strftime("%Y-%m-%d %H:%M")),
            (self.tr("来源渠道"), item.channel),
            (self.tr("诉求人"), item.requester_name),
            (self.tr("联系电话"), PHONE_FIELD),
            (self.tr("诉求类别"), item.domain),
            (self.tr("等级"), GRADES.get(item.grade, item.grade)),
            (self.tr("件类型"), item.item_type),
            (self.tr("承诺时限"), self._promise_text(item)),
            (self.tr("承诺日期"), due),
            (self.tr("经办人"), item.handler),
            (self.tr("查询码"), item.query_code),
            (self.tr("属地"), self._locality(item)),
            (self.tr("主管部门"), self._competent_text(item)),
            (self.tr("双联系单位"), item.paired_unit or self.tr("（未指定）")),
        ]
        while self.fields.count():
            child = self.fields.takeAt(0)
            if child is not None and (widget := child.widget()) is not None:
                widget.deleteLater()
        for i, (caption, value) in enumerate(pairs):
            row, column = divmod(i, 3)
            name = QLabel(caption + self.tr("："), self)
            name.setStyleSheet("color: #616161;")
            text = self._phone_label(item) if value is PHONE_FIELD else QLabel(value, self)
            if value is not PHONE_FIELD:
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addWidget(name, row, column * 2, Qt.AlignmentFlag.AlignRight)
            self.fields.addWidget(text, row, column * 2 + 1)
        for column in (1, 3, 5):
            self.fields.setColumnStretch(column, 1)
        self.content.setText(self.tr("诉求内容：") + item.content + self._source_text(item))
        self._fill_history(item)
        self._agency_title()
        self._offer_moves()

    def _locality(self, item: ItemDetail) -> str:
        """属地: the station that took the item in, by name."""
        return dict(self._store.items.stations()).get(item.station_code, item.station_code)

    def _competent_text(self, item: ItemDetail) -> str:
        """主管部门, naming the township's assignment when it overrides the station's choice."""
        competent = item.competent_unit or self.tr("（未指定）")
        assigned = item.assigned_unit
        if assigned and assigned != item.competent_unit:
            return self.tr("{assigned}（乡镇交办；登记时为{competent}）").format(
                assigned=assigned, competent=competent
            )
        return competent

    def _agency_title(self) -> None:
        """The tab says whether the item is 代办 (and 上门服务)."""
        agency = self.agency.agency
        parts = [agency.agency.mode] if agency.active else []
        parts += [self.tr("上门服务")] if agency.at_home else []
        title = self.tr("代办与上门服务")
        self.tabs.setTabText(1, f"{title}（{'、'.join(parts)}）" if parts else title)

    def _agency_changed(self, _agency: ItemAgency) -> None:
        """The 代办 tab saved: the page offers other moves, and names a diary visit linked."""
        self.changed = True
        self.show_item(self._store.items.item(self.item.number, today=self._clock().date()))

    def _source_text(self, item: ItemDetail) -> str:
        """Where a diary finding (走访, 民情恳谈会) was raised: the entry it is linked to."""
        if not item.diary_entry_id:
            return ""
        try:
            entry = self._store.diary.entry(item.diary_entry_id)
        except DomainError:
            return "\n" + self.tr("来源：民情日记（已删除）")
        return "\n" + self.tr("来源：{cadre} {day} 的民情日记（{kind}）").format(
            cadre=entry.cadre_name, day=entry.day.isoformat(), kind=entry.kind
        )

    def _phone_label(self, item: ItemDetail) -> QLabel:
        """The requester's phone, masked until the clerk asks for it (personal data)."""
        number = item.requester_phone
        label = QLabel(self)
        if not number:
            label.setText("—")
            return label
        label.setToolTip(self.tr("电话属于个人信息，默认部分隐藏"))
        self.phone_label = label
        if not permitted(self._store, Permission.SHOW_FULL):
            label.setText(mask_phone(number))
            return label
        label.setText(f"{mask_phone(number)}　<a href='show'>{self.tr('显示')}</a>")

        def reveal() -> None:
            try:
                self._store.register.reveal(self.tr("事项 {0} 的电话").format(item.number))
            except DomainError as exc:
                show_error(self, exc, title=self.tr("显示电话"))
                return
            label.setText(number)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        label.linkActivated.connect(reveal)
        return label

    def _promise_text(self, item: ItemDetail) -> str:
        if item.item_type == "即办件":
            return self.tr("当场办结")
        return self.tr("{days} 个工作日").format(days=item.promised_days)

    def _fill_history(self, item: ItemDetail) -> None:
        """The steps and the corrections (更正) in time order (a step first at the same time)."""
        rows: list[tuple[dt.datetime, int, list[str]]] = [
            (
                event.at,
                0,
                [
                    event.at.strftime("%Y-%m-%d %H:%M"),
                    event.actor,
                    STATE_NAMES[event.from_state] if event.from_state else "",
                    STATE_NAMES[event.to_state],
                    self._explain(event),
                ],
            )
            for event in item.events
        ]
        rows += [
            (fix.at, 1, [fix.at.strftime("%Y-%m-%d %H:%M"), fix.actor, "", self.tr("更正"),
                         self._describe(fix)])
            for fix in item.corrections
        ]  # fmt: skip
        rows.sort(key=lambda row: (row[0], row[1]))
        self.history.setRowCount(len(rows))
        for row, (_at, _kind, values) in enumerate(rows):
            for column, value in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(value))
        self.history.resizeRowsToContents()

    def _describe(self, fix: Correction) -> str:
        captions = {
            "requester_name": self.tr("诉求人"),
            "requester_phone": self.tr("联系电话"),
            "domain": self.tr("诉求类别"),
            "grade": self.tr("等级"),
            "content": self.tr("诉求内容"),
        }
        return describe_correction(
            fix, captions=captions, reason=self.tr("（原因：{reason}）"), empty=self.tr("（空）")
        )

    def _explain(self, event: Event) -> str:
        data = event.data
        parts = [event.note] if event.note else []
        if event.to_state is State.FOLLOWED_UP:
            parts.insert(
                0,
                self.tr("{way}回访，{satisfaction}").format(
                    way=data.get("way", "电话"), satisfaction=data.get("satisfaction", "")
                ),
            )
        elif event.to_state is State.NOTIFIED:
            parts.insert(
                0,
                self.tr("{day} {how}通知领取").format(
                    day=data.get("notified_on", ""), how=data.get("how", "")
                ),
            )
        elif event.to_state is State.COLLECTED:
            parts.insert(
                0,
                self.tr("{day} {by}领取").format(
                    day=data.get("collected_on", ""), by=data.get("by", "")
                ),
            )
        elif data.get("result") and data["result"] != event.note:
            parts.append(str(data["result"]))
        if event.to_state is State.ESCALATED_COUNTY:  # the county's steps (issue 19)
            parts = [self.tr("上报县，理由：{reason}").format(reason=event.note)]
        elif data.get("department") and data.get("deadline"):
            department = data["department"]
            parts = [p for p in parts if p != f"交{department}办理"]  # the default note
            parts.insert(0, self.tr("县已交办 {department}，{days}个工作日，期限 {deadline}").format(
                department=department, days=data.get("days", ""), deadline=data["deadline"]))  # fmt: skip
        elif data.get("back") and event.from_state is State.ESCALATED_COUNTY:
            parts.insert(0, self.tr("县群众工作部退回乡镇"))
        if data.get("unit") and data.get("deadline"):
            parts.append(
                self.tr("交办 {unit}，期限 {deadline}").format(
                    unit=data["unit"], deadline=data["deadline"]
                )
            )
        elif data.get("unit"):  # the unit's result (办结 by the township)
            parts.append(self.tr("责任单位 {unit}").format(unit=data["unit"]))
        return "；".join(p for p in parts if p)

    def move_label(self, target: State) -> str:
        """The button text for a move from the current state."""
        if target is State.IN_PROGRESS:
            if self.item.state is State.AWAITING_DOCUMENTS:
                return self.tr("材料已补齐，开始办理")
            if self.item.state is State.FOLLOWED_UP:
                return self.tr("重新办理")
            return self.tr("开始办理")
        labels = {
            State.AWAITING_DOCUMENTS: self.tr("待补件"),
            State.ESCALATED: self.tr("上报乡镇"),
            State.RESOLVED: self.tr("办结"),
            State.NOTIFIED: self.tr("通知领取"),
            State.COLLECTED: self.tr("已领取"),
            State.FOLLOWED_UP: self.tr("回访"),
            State.CLOSED: self.tr("销号"),
            State.REJECTED: self.tr("不予受理"),
            State.WITHDRAWN: self.tr("撤回"),
        }
        return labels.get(target, STATE_NAMES[target])

    def _clear_moves(self) -> None:
        while self.moves_row.count():
            child = self.moves_row.takeAt(0)
            if child is not None and (widget := child.widget()) is not None:
                widget.deleteLater()
        self.move_buttons = {}

    def _offer_moves(self) -> None:
        self._clear_moves()
        writer = permitted(self._store, Permission.WRITE)
        mode = self.agency.agency.agency.mode
        targets = offered_targets(self.item.events, self.item.state, Role.STATION, mode)
        for target in targets if writer else []:
            button = QPushButton(self.move_label(target), self)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _=False, t=target: self.ask_move(t))
            self.moves_row.addWidget(button)
            self.move_buttons[target] = button
        self.moves_row.addStretch(1)
        self.correct_button = QPushButton(self.tr("更正(&E)"), self)
        self.correct_button.setToolTip(
            self.tr("更正诉求人、电话、类别、等级或内容；原值和新值记入办理经过")
        )
        self.correct_button.clicked.connect(self.ask_correction)
        self.moves_row.addWidget(self.correct_button)
        self.correct_button.setVisible(writer)
        self.responsibility_button = QPushButton(self.tr("修改责任单位(&U)…"), self)
        self.responsibility_button.setToolTip(self.tr("选择主管部门和双联系单位"))
        self.responsibility_button.clicked.connect(self.ask_responsibility)
        self.moves_row.addWidget(self.responsibility_button)
        self.responsibility_button.setVisible(writer)
        self.receipt_button = QPushButton(self.tr("打印回执"), self)
        self.receipt_button.clicked.connect(
            lambda: receipt_link.show_receipt(self._store, self.item.number, self)
        )
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        self.moves_row.addWidget(self.receipt_button)
        self.moves_row.addWidget(close)
        hints = {
            State.AWAITING_DOCUMENTS: self.tr("等待群众补交材料，计时暂停；材料齐后点“开始办理”。"),
            State.RESOLVED: self.tr("已办结：请回访群众，记录满意度。")
            if not mode
            else self.tr("已办结（代办）：请通知群众领取，领取后再回访。"),
            State.NOTIFIED: self.tr("已通知群众领取：群众来领取后点“已领取”。"),
            State.COLLECTED: self.tr("群众已领取：请回访群众，记录满意度。"),
            State.FOLLOWED_UP: self.tr("已回访：满意或基本满意可销号；不满意可重新办理。"),
        }
        text = hints.get(self.item.state, "")
        if self.item.state in AT_TOWNSHIP:
            text = self.tr("已上报乡镇：交办和办结由乡镇办理，同步后在这里显示。")
        if self.item.state in AT_COUNTY:  # 重大疑难事项 (issue 19)
            text = self.tr("已上报县：由县群众工作部交县直部门办理，结果同步后在这里显示。")
        if not self.move_buttons and self.item.state not in (*AT_TOWNSHIP, *AT_COUNTY):
            text = self.tr("这件事已经结束，不能再办理。")
        if not writer:
            text = self.tr("您的角色只能查阅，不能办理或更正。")
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _petition_marked(self, _mark: Mark) -> None:
        """信访标记 saved: the button names the new mark."""
        self.changed = True
        self.petition_button.show_mark()

    # moving -------------------------------------------------------------------------------
    def ask_move(self, target: State) -> None:
        """Open the small dialog that asks what ``target`` needs (non-blocking)."""
        dialog = MoveDialog(
            target, self.move_label(target), self.apply_move, self, today=self._clock().date()
        )
        self.move_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def ask_correction(self) -> None:
        """Open the correction dialog (non-blocking); the page shows the item corrected."""
        dialog = CorrectDialog(self._store, self.item, self, clock=self._clock)
        self.correct_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._corrected(dialog.corrected))
        dialog.open()

    def ask_responsibility(self) -> None:
        """Open 修改责任单位 (non-blocking); the page shows the units saved."""
        dialog = ResponsibilityDialog(self._store, self.item, self)
        self.responsibility_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._corrected(dialog.saved))
        dialog.open()

    def _corrected(self, item: ItemDetail | None) -> None:
        if item is not None:
            self.changed = True
            self.show_item(item)

    def apply_move(self, target: State, note: str, data: dict[str, Any]) -> str | None:
        """Make the move; return None when done, or the Chinese reason it was refused."""
        try:
            item = self._store.items.move(
                self.item.number,
                target,
                actor=operator_name(self._store),
                note=note,
                data=data,
                now=self._clock(),
            )
        except DomainError as exc:
            return exc.message
        self.changed = True
        self.agency.show_agency(self._store.agency.of(item.number))
        self.show_item(self._store.items.item(item.number, today=self._clock().date()))
        return None


class ReadOnlyItemDialog(ItemDialog):
    """The item page without moves: the township and the county act from their lists.

    Only 关闭 is offered; :meth:`read_only_hint` says where the item is acted on.
    """

    def read_only_hint(self) -> str:
        """Where the item is acted on instead (shown under the history)."""
        return ""

    def _offer_moves(self) -> None:
        self._clear_moves()
        self.moves_row.addStretch(1)
        close = QPushButton(QCoreApplication.translate("ItemDialog", "关闭"), self)
        close.setMinimumHeight(34)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        self.moves_row.addWidget(close)
        self.hint.setText(self.read_only_hint())
        self.hint.show()
