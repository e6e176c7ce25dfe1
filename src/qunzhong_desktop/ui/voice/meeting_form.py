"""A 民情恳谈会 or 民情分析会: its details and its problems (or what it analysed).

The problems table is typed into directly: 问题, 反映人, 跟进责任人; the 事项 column shows the
item a problem became. 转为事项… registers the problem selected as an item (channel
民情恳谈会), saving the meeting first if it is new or changed; the item's number appears in
its row and 打开事项 opens it. A 民情分析会 links existing items and 民情信息
(关联事项/信息…). A refusal is said in the form and nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.meetings import KINDS, MAX_ATTENDANCE, TALK, Meeting, Topic
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import date_edit, inform, pydate, qdate
from qunzhong_desktop.ui.common.list_parts import ITEM_NUMBER_SAMPLE, fit_to_screen
from qunzhong_desktop.ui.common.session import Today, operator_name
from qunzhong_desktop.ui.voice.parts import (
    ROW_HEIGHT,
    ToItemForm,
    VoiceForm,
    cell,
    item_button,
    run_dialog,
)

TEXT, RAISED, OWNER, ITEM = 0, 1, 2, 3


def open_item(parent: QWidget, store: Store, number: str) -> None:
    """Open an item's page from its number (the intake page's dialog)."""
    from qunzhong_desktop.ui.intake import ItemDialog

    try:
        dialog = ItemDialog(store, number, parent)
    except DomainError as exc:
        show_error(parent, exc, title=number)
        return
    run_dialog(dialog)


class MeetingForm(VoiceForm):
    """新建 / 修改 a meeting with its problems.

    Args:
        store: the station's store.
        kind: 民情恳谈会 or 民情分析会 (a new meeting).
        parent: the Qt parent.
        clock: today's date.
        meeting: the meeting to change, if any.
        read_only: the township's view (nothing can be saved).

    Attributes:
        meeting: the meeting as stored (after a save), else None.
        topics: what each problems row stands for (its stored topic, or None: typed anew).
    """

    def __init__(
        self,
        store: Store,
        kind: str = TALK,
        parent: QWidget | None = None,
        *,
        clock: Today | None = None,
        meeting: Meeting | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.meeting = meeting
        self.topics: list[Topic | None] = []
        today = self.clock()
        self.ok.setText(self.tr("保存(&S)"))
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText(meeting.kind if meeting else kind)
        self.day = date_edit(self, today, latest=today)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("如 村部会议室"))
        self.host = QLineEdit(self)
        self.attendance = QSpinBox(self)
        self.attendance.setRange(0, MAX_ATTENDANCE)
        self.attendees = QLineEdit(self)
        self.attendees.setPlaceholderText(self.tr("参会人员或范围，如 第三组村民代表、驻村干部"))
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(56)
        self.decisions = QPlainTextEdit(self)
        self.decisions.setTabChangesFocus(True)
        self.decisions.setFixedHeight(56)
        self.row(self.tr("会议类型(&K)"), self.kind, "kind")
        self.row(self.tr("日期(&D)"), self.day, "held_on")
        self.row(self.tr("地点(&W)"), self.place, "place")
        self.row(self.tr("主持人(&Z)"), self.host, "host")
        self.row(self.tr("参会人数(&N)"), self.attendance, "attendance")
        self.row(self.tr("参会人员(&Y)"), self.attendees, "attendees")
        self.row(self.tr("会议概要(&U)"), self.summary, "summary")
        self.row(self.tr("决定事项(&J)"), self.decisions, "decisions")
        self.table_caption = QLabel(self)
        self.extra.addWidget(self.table_caption)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("问题"), self.tr("反映人"), self.tr("跟进责任人"), self.tr("事项")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        item_width = self.table.fontMetrics().horizontalAdvance(ITEM_NUMBER_SAMPLE + "（办理中）")
        for column, width in ((RAISED, 110), (OWNER, 100), (ITEM, item_width + 16)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.doubleClicked.connect(self._double_clicked)
        self.fields["topics"] = self.table
        self.extra.addWidget(self.table, 1)
        tools = QHBoxLayout()
        self.add_button = item_button(self, self.tr("添加问题(&A)"), self.add_problem)
        self.remove_button = item_button(self, self.tr("移除问题(&R)"), self.remove_problem)
        self.item_button = item_button(self, self.tr("转为事项(&T)…"), self.to_item)
        self.link_button = item_button(self, self.tr("关联事项/信息(&L)…"), self.link)
        self.open_button = item_button(self, self.tr("打开事项(&O)"), self.open_selected_item)
        for button in (self.add_button, self.remove_button, self.item_button, self.link_button,
                       self.open_button):  # fmt: skip
            tools.addWidget(button)
        tools.addStretch(1)
        self.extra.addLayout(tools)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1b5e20;")
        self.extra.addWidget(self.status)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if meeting is not None:
            self._show(meeting)
        self._kind_changed()
        if read_only:
            self._read_only()
        fit_to_screen(self, 860, 720)

    # the form ------------------------------------------------------------------------------
    def _show(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.kind.setCurrentText(meeting.kind)
        self.day.setDate(qdate(meeting.held_on))
        self.place.setText(meeting.place)
        self.host.setText(meeting.host)
        self.attendance.setValue(meeting.attendance)
        self.attendees.setText(meeting.attendees)
        self.summary.setPlainText(meeting.summary)
        self.decisions.setPlainText(meeting.decisions)
        self.table.setRowCount(0)
        self.topics = []
        for topic in meeting.topics:
            self._append(topic)
        self.setWindowTitle(self.tr("{0} — {1}").format(meeting.kind, meeting.held_on.isoformat()))

    def _append(self, topic: Topic | None) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        text = topic.text if topic else ""
        if topic and not text:
            text = topic.info_text or topic.item_number
        linked = ""
        if topic and topic.item_number:
            linked = f"{topic.item_number}（{topic.item_state}）"
        elif topic and topic.info_id:
            linked = self.tr("民情信息")
        for column, value in ((TEXT, text), (RAISED, topic.raised_by if topic else ""),
                              (OWNER, topic.owner if topic else ""), (ITEM, linked)):  # fmt: skip
            cell = QTableWidgetItem(value)
            if column == ITEM:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cell.setToolTip(self.tr("双击打开事项") if topic and topic.item_number else "")
            self.table.setItem(index, column, cell)
        self.topics.append(topic)
        return index

    def _kind_changed(self) -> None:
        talk = self.kind.currentText() == TALK
        self.table_caption.setText(
            self.tr("群众反映的问题（直接在表格中填写；选中一行可转为事项）：") if talk
            else self.tr("分析的问题、事项和民情信息：")
        )  # fmt: skip
        self.item_button.setVisible(talk)
        self.link_button.setVisible(not talk)
        if self.meeting is None:
            self.setWindowTitle(self.tr("新建{0}").format(self.kind.currentText()))

    def _read_only(self) -> None:
        self.ok.hide()
        for button in (self.add_button, self.remove_button, self.item_button, self.link_button):
            button.hide()
        for field in (self.kind, self.day, self.attendance):
            field.setEnabled(False)
        for edit in (self.place, self.host, self.attendees):
            edit.setReadOnly(True)
        self.summary.setReadOnly(True)
        self.decisions.setReadOnly(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def add_problem(self, text: str = "", raised_by: str = "", owner: str = "") -> int:
        """添加问题: a new row (its 问题 cell being typed into)."""
        index = self._append(None)
        for column, value in ((TEXT, text), (RAISED, raised_by), (OWNER, owner)):
            cell(self.table, index, column).setText(value)
        self.table.setCurrentCell(index, TEXT)
        if not text:
            self.table.editItem(cell(self.table, index, TEXT))
        return index

    def remove_problem(self) -> None:
        """移除问题: the row selected leaves the meeting (the store refuses one made an item)."""
        row = self.table.currentRow()
        if row < 0:
            return
        topic = self.topics[row]
        if topic is not None and topic.item_number and self.kind.currentText() == TALK:
            inform(self, self.windowTitle(),
                   self.tr("这个问题已转为事项 {0}，不能从会议中移除。").format(topic.item_number))  # fmt: skip
            return
        self.table.removeRow(row)
        del self.topics[row]

    def current_meeting(self) -> Meeting:
        """The meeting as the form holds it (blank rows left out)."""
        topics = []
        for row, kept in enumerate(self.topics):
            text, raised, owner = (cell(self.table, row, c).text() for c in (TEXT, RAISED, OWNER))
            if kept is None and not (text.strip() or raised.strip() or owner.strip()):
                continue
            if kept is not None and not kept.text and text == (kept.info_text or kept.item_number):
                text = ""  # the analysed item's or information's own words, shown only
            topics.append(Topic(
                text=text, raised_by=raised, owner=owner,
                item_id=kept.item_id if kept else None, info_id=kept.info_id if kept else None,
                id=kept.id if kept else None,
            ))  # fmt: skip
        return Meeting(
            kind=self.kind.currentText(), held_on=pydate(self.day.date()),
            place=self.place.text(), host=self.host.text(), attendance=self.attendance.value(),
            attendees=self.attendees.text(), summary=self.summary.toPlainText(),
            decisions=self.decisions.toPlainText(), topics=tuple(topics),
            id=self.meeting.id if self.meeting else None,
        )  # fmt: skip

    def save(self) -> Meeting:
        """Add or change the meeting with its problems."""
        meetings = self.store.meetings
        current = self.current_meeting()
        today = self.clock()
        saved = (
            meetings.edit(current, today=today)
            if current.id
            else meetings.add(current, today=today)
        )
        self._show(saved)
        return saved

    def _saved_first(self) -> Meeting | None:
        """The meeting saved as typed (a refusal said in the form: None)."""
        try:
            saved = self.save()
        except DomainError as exc:
            self.refuse(exc)
            return None
        self.messages.hide()
        return saved

    # the problems ----------------------------------------------------------------------------
    def _selected(self) -> int:
        row = self.table.currentRow()
        if row < 0:
            inform(self, self.windowTitle(), self.tr("请先在表格中选择一个问题。"))
        return row

    def to_item(self) -> ItemDetail | None:
        """转为事项…: the problem selected becomes an item (the meeting saved first)."""
        row = self._selected()
        if row < 0:
            return None
        typed = [any(cell(self.table, r, c).text().strip() for c in (TEXT, RAISED, OWNER))
                 or self.topics[r] is not None for r in range(self.table.rowCount())]  # fmt: skip
        if not typed[row]:
            inform(self, self.windowTitle(), self.tr("请先填写这个问题的内容。"))
            return None
        row = sum(typed[:row])  # blank rows are left out when saved
        saved = self._saved_first()
        if saved is None:
            return None
        topic = saved.topics[row] if row < len(saved.topics) else None
        if topic is None or topic.id is None:
            return None
        if topic.item_number:
            inform(self, self.windowTitle(),
                   self.tr("这个问题已转为事项 {0}。").format(topic.item_number))  # fmt: skip
            return None
        meeting_id, topic_id = saved.id or "", topic.id
        store = self.store

        def register(domain: str, grade: str, item_type: str, requester: str,
                     content: str) -> ItemDetail:  # fmt: skip
            return store.meetings.problem_to_item(
                meeting_id, topic_id, domain=domain, grade=grade, item_type=item_type,
                requester=requester, content=content, actor=operator_name(store),
            )  # fmt: skip

        form = ToItemForm(store, topic.text, topic.raised_by, register, self)
        self.item_form = form
        if run_dialog(form) != QDialog.DialogCode.Accepted:
            return None
        detail = form.result_value
        assert isinstance(detail, ItemDetail)
        self._show(store.meetings.meeting(meeting_id))
        self.table.selectRow(row)
        self.status.setText(self.tr("已登记为事项 {0}（会议已保存）。").format(detail.number))
        return detail

    def link(self) -> None:
        """关联事项/信息…: an item (by number) or a piece of 民情信息 analysed."""
        saved = self._saved_first()
        if saved is None or saved.id is None:
            return
        form = LinkForm(self.store, saved.id, self)
        self.link_form = form
        if run_dialog(form) == QDialog.DialogCode.Accepted:
            self._show(self.store.meetings.meeting(saved.id))

    def open_selected_item(self) -> None:
        """打开事项: the item of the problem selected."""
        row = self._selected()
        if row < 0:
            return
        topic = self.topics[row]
        if topic is None or not topic.item_number:
            inform(self, self.windowTitle(), self.tr("这个问题还没有对应的事项。"))
            return
        open_item(self, self.store, topic.item_number)

    def _double_clicked(self) -> None:
        row = self.table.currentRow()
        if self.table.currentColumn() == ITEM and 0 <= row < len(self.topics):
            topic = self.topics[row]
            if topic is not None and topic.item_number:
                open_item(self, self.store, topic.item_number)


class LinkForm(VoiceForm):
    """关联事项/信息: an item by its number, or a piece of 民情信息, analysed at a 分析会."""

    def __init__(self, store: Store, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("关联事项或民情信息"))
        self.ok.setText(self.tr("关联(&S)"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("事项编号，如 2026-0012"))
        self.info = QComboBox(self)
        self.info.addItem(self.tr("（不关联民情信息）"), "")
        try:
            for info in store.mass_info.infos()[:200]:
                self.info.addItem(
                    f"{info.received_on:%m-%d} {info.topic} {info.text[:24]}", info.id
                )
        except DomainError:
            pass
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("分析意见（可不填）"))
        self.owner = QLineEdit(self)
        self.row(self.tr("事项编号(&B)"), self.number, "item_number")
        self.row(self.tr("或民情信息(&X)"), self.info, "info_id")
        self.row(self.tr("分析意见(&Y)"), self.text, "text")
        self.row(self.tr("跟进责任人(&Z)"), self.owner, "owner")
        fit_to_screen(self, 520, 260)

    def save(self) -> Topic:
        """Link what was chosen."""
        if self.number.text().strip() and self.info.currentData():
            raise ValidationError(
                self.tr("请只填事项编号或只选一条民情信息。"), code="meeting.link_target",
                field="item_number",
            )  # fmt: skip
        return self.store.meetings.link(
            self.meeting_id, item_number=self.number.text(), info_id=str(self.info.currentData()),
            text=self.text.text(), owner=self.owner.text(),
        )  # fmt: skip
