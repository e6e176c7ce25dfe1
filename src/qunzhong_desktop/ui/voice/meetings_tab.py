"""民情会议: the 民情恳谈会 and 民情分析会, newest first, and what is done with one.

At a station: 新建恳谈会 / 新建分析会, 打开 (the form, :mod:`.meeting_form`), 打印会议记录
(the same minutes as ``qunzhong meeting minutes``), 删除 (asked; 编辑 › 撤销 restores it).
At the township every station's meetings are listed read only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.meetings import ANALYSIS, KINDS, TALK, Meeting
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import confirm, inform
from qunzhong_desktop.ui.common.list_parts import FlowLayout, count_label, filter_combo, refill
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today, UndoStep, limit, undo_stack
from qunzhong_desktop.ui.voice.meeting_form import MeetingForm
from qunzhong_desktop.ui.voice.parts import (
    fill_table,
    read_only_table,
    run_dialog,
    select_key,
    selected_key,
    selected_rows,
)

WIDTHS = (92, 100, 130, 80, 60, 60, 70, 200)


def meeting_row(meeting: Meeting) -> list[object]:
    """The cells of a meeting's line."""
    made = sum(bool(t.item_number) for t in meeting.topics) if meeting.kind == TALK else ""
    return [
        meeting.held_on.isoformat(), meeting.kind, meeting.place, meeting.host,
        meeting.attendance, len(meeting.topics), made,
        (meeting.decisions or meeting.summary).replace("\n", " "),
    ]  # fmt: skip


class MeetingsTab(QWidget):
    """民情会议: the list, newest first, filtered by kind.

    Args:
        store: the station's or the township's store.
        parent: the Qt parent.
        clock: today's date.

    Attributes:
        meetings: the meetings listed.
        form: the form opened last (tests look at it).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.township = node_role(store.db) == "township"
        self.meetings: list[Meeting] = []
        self.form: QDialog | None = None
        layout = QVBoxLayout(self)
        bar = FlowLayout()
        self.kind = filter_combo(self, bar, self.tr("会议类型(&K)"), chars=6)
        refill(self.kind, self.tr("全部"), [(k, k) for k in KINDS])
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.talk_button = self._button(bar, self.tr("新建恳谈会(&N)…"), self.new_talk)
        self.analysis_button = self._button(bar, self.tr("新建分析会(&A)…"), self.new_analysis)
        self.open_button = self._button(bar, self.tr("打开(&O)…"), self.open_meeting)
        self.print_button = self._button(bar, self.tr("打印会议记录(&P)…"), self.print_minutes)
        self.delete_button = self._button(bar, self.tr("删除(&D)"), self.delete_meeting)
        layout.addLayout(bar)
        if self.township:
            note = QLabel(self.tr("各工作站的民情会议随数据包报到乡镇，这里只能查看和打印。"), self)
            note.setWordWrap(True)
            layout.addWidget(note)
            for button in (self.talk_button, self.analysis_button, self.delete_button):
                button.hide()
        else:
            limit(store, (self.delete_button, Permission.DELETE))
        headers = [
            self.tr("日期"), self.tr("类型"), self.tr("地点"), self.tr("主持人"),
            self.tr("参会"), self.tr("问题"), self.tr("转为事项"), self.tr("决定事项"),
        ]  # fmt: skip
        widths: tuple[int, ...] = WIDTHS
        if self.township:  # every station's: which one held it comes first
            headers, widths = [self.tr("工作站"), *headers], (130, *WIDTHS)
        self.table = read_only_table(self, headers, widths)
        self.table.doubleClicked.connect(lambda _i: self.open_meeting())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.count = count_label(self)
        layout.addWidget(self.count)
        self.refresh()

    def _button(self, bar: FlowLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    def refresh(self) -> None:
        """Read the meetings again, keeping the one selected."""
        keep = self.current_id()
        try:
            self.meetings = self.store.meetings.meetings(kind=self.kind.currentData() or None)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民情会议"))
            return
        rows = [meeting_row(m) for m in self.meetings]
        if self.township:
            held_by = self.store.meetings.stations()
            rows = [
                [held_by.get(m.id or "", "—"), *row]
                for m, row in zip(self.meetings, rows, strict=True)
            ]
        fill_table(self.table, rows, keys=[m.id or "" for m in self.meetings])
        talks = sum(m.kind == TALK for m in self.meetings)
        self.count.setText(self.tr("共 {0} 次会议（恳谈会 {1}，分析会 {2}）").format(
            len(self.meetings), talks, len(self.meetings) - talks))  # fmt: skip
        self.select(keep)
        if not selected_rows(self.table) and self.meetings:
            self.table.selectRow(0)
        self._selection_changed()

    def current_id(self) -> str:
        """The id of the meeting selected, or ""."""
        return selected_key(self.table)

    def current(self) -> Meeting | None:
        """The meeting selected."""
        wanted = self.current_id()
        return next((m for m in self.meetings if m.id == wanted), None)

    def select(self, meeting_id: str) -> None:
        """Select the meeting with ``meeting_id``."""
        select_key(self.table, meeting_id)

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        for button in (self.open_button, self.print_button, self.delete_button):
            button.setEnabled(chosen)

    def _chosen(self) -> Meeting | None:
        meeting = self.current()
        if meeting is None:
            inform(self, self.tr("民情会议"), self.tr("请先在列表中选择一次会议。"))
        return meeting

    def new_talk(self) -> None:
        """新建恳谈会: the form of a new 民情恳谈会."""
        self._run(MeetingForm(self.store, TALK, self, clock=self.clock))

    def new_analysis(self) -> None:
        """新建分析会: the form of a new 民情分析会."""
        self._run(MeetingForm(self.store, ANALYSIS, self, clock=self.clock))

    def open_meeting(self) -> None:
        """打开…: the form (read only at the township)."""
        meeting = self._chosen()
        if meeting is None:
            return
        self._run(MeetingForm(self.store, meeting.kind, self, clock=self.clock,
                              meeting=meeting, read_only=self.township))  # fmt: skip

    def _run(self, form: MeetingForm) -> None:
        self.form = form
        run_dialog(form)
        self.refresh()  # problems may have become items even when the form was cancelled
        if form.meeting is not None:
            self.select(form.meeting.id or "")

    def print_minutes(self) -> None:
        """打印会议记录: the minutes in the preview."""
        meeting = self._chosen()
        if meeting is None or meeting.id is None:
            return
        meeting_id = meeting.id

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Meeting:
            from qunzhong_desktop.reports.minutes_pdf import minutes

            return minutes(self.store, meeting_id, path, today=self.clock())

        print_document(
            self, self.store, write, file_name="minutes.pdf",
            save_name=document_name(self.store, meeting.kind, meeting.held_on.isoformat()),
            label=self.tr("正在生成会议记录……"), title=self.tr("会议记录"),
        )  # fmt: skip

    def delete_meeting(self) -> None:
        """删除: asked first; the items its problems became stay; 编辑 › 撤销 restores it."""
        meeting = self._chosen()
        if meeting is None or meeting.id is None:
            return
        meeting_id = meeting.id
        label = f"{meeting.kind} {meeting.held_on.isoformat()}"
        if not confirm(
            self, self.tr("删除会议"),
            self.tr("删除{0}？由它登记的事项保留。可用“编辑 › 撤销”恢复。").format(label),
            self.tr("删除"),
        ):  # fmt: skip
            return
        try:
            self.store.meetings.delete(meeting_id)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("删除会议"))
            return

        def restore() -> None:
            self.store.meetings.restore(meeting_id)

        undo_stack(self).push(
            UndoStep(self.tr("删除会议 {0}").format(label), restore, self.refresh)
        )
        self.refresh()
