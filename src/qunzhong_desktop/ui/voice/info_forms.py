"""The forms of 民情信息: a piece of information, a common issue, its answer and follow-up.

Each says a refusal of the store next to the field and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from qunzhong_desktop.core.mass_info import MAX_HOUSEHOLDS, SOURCES, TOPICS, TYPES, Group, Info
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import date_edit, pydate, qdate
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.session import Today, operator_name
from qunzhong_desktop.ui.voice.parts import VoiceForm


def _text_box(parent: QWidget, height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class InfoForm(VoiceForm):
    """登记民情信息 (or, with ``info``, 修改).

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: today's date.
        info: the information to change, if any.
    """

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Today | None = None,
        info: Info | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.info = info
        self.clock: Today = clock or dt.date.today
        today = self.clock()
        self.setWindowTitle(self.tr("修改民情信息") if info else self.tr("登记民情信息"))
        self.ok.setText(self.tr("保存(&S)"))
        self.day = date_edit(self, today, latest=today)
        self.source = QComboBox(self)
        self.source.addItems(list(SOURCES))
        self.topic = QComboBox(self)
        self.topic.addItems(list(TOPICS))
        self.info_type = QComboBox(self)
        self.info_type.addItems(list(TYPES))
        self.text = _text_box(self, 90)
        self.text.setPlaceholderText(self.tr("群众的意见、建议或反映的苗头性、倾向性问题"))
        self.reporter = QLineEdit(self)
        self.reporter.setPlaceholderText(self.tr("网格员或信息员姓名"))
        self.households = QSpinBox(self)
        self.households.setRange(0, MAX_HOUSEHOLDS)
        self.households.setSuffix(self.tr(" 户"))
        self.row(self.tr("收集日期(&D)"), self.day, "received_on")
        self.row(self.tr("来源(&L)"), self.source, "source")
        self.row(self.tr("主题(&T)"), self.topic, "topic")
        self.row(self.tr("类型(&K)"), self.info_type, "info_type")
        self.row(self.tr("内容(&C)"), self.text, "text")
        self.row(self.tr("信息员(&R)"), self.reporter, "reporter")
        self.row(self.tr("涉及户数(&U)"), self.households, "households")
        if info is not None:
            self.day.setDate(qdate(info.received_on))
            self.source.setCurrentText(info.source)
            self.topic.setCurrentText(info.topic)
            self.info_type.setCurrentText(info.info_type)
            self.text.setPlainText(info.text)
            self.reporter.setText(info.reporter)
            self.households.setValue(info.households)
        fit_to_screen(self, 560, 460)

    def current(self) -> Info:
        """The information as the form holds it (its households and links kept)."""
        kept = self.info
        return Info(
            received_on=pydate(self.day.date()), source=self.source.currentText(),
            topic=self.topic.currentText(), info_type=self.info_type.currentText(),
            text=self.text.toPlainText(), reporter=self.reporter.text(),
            household_ids=kept.household_ids if kept else (),
            households=self.households.value(), meeting_id=kept.meeting_id if kept else None,
            item_id=kept.item_id if kept else None, group_id=kept.group_id if kept else None,
            id=kept.id if kept else None,
        )  # fmt: skip

    def save(self) -> Info:
        """Add or change the information."""
        info, today = self.current(), self.clock()
        if info.id:
            return self.store.mass_info.edit(info, today=today)
        return self.store.mass_info.add(info, today=today)


class GroupForm(VoiceForm):
    """合并为共性问题: a title for two or more alike pieces of one topic."""

    def __init__(
        self, store: Store, members: Sequence[Info], parent: QWidget | None = None
    ) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.members = list(members)
        self.setWindowTitle(self.tr("合并为共性问题"))
        self.ok.setText(self.tr("合并(&S)"))
        self.title = QLineEdit(self)
        first = self.members[0].text if self.members else ""
        self.title.setText(first[:30])
        self.title.selectAll()
        listing = QLabel("\n".join(f"• {m.received_on:%m-%d} {m.topic}：{m.text[:40]}"
                                   for m in self.members), self)  # fmt: skip
        listing.setWordWrap(True)
        self.row(self.tr("共性问题(&T)"), self.title, "title")
        self.row(self.tr("合并的信息"), listing)
        fit_to_screen(self, 560, 300)

    def save(self) -> Group:
        """Group the pieces."""
        return self.store.mass_info.group([m.id or "" for m in self.members], self.title.text())


class AnswerForm(VoiceForm):
    """答复 (one result for every piece) or, ``follow_up``, 回访 of a common issue."""

    def __init__(
        self,
        store: Store,
        group: Group,
        parent: QWidget | None = None,
        *,
        clock: Today | None = None,
        follow_up: bool = False,
    ) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.group = group
        self.follow_up = follow_up
        self.clock: Today = clock or dt.date.today
        today = self.clock()
        title = self.tr("回访共性问题") if follow_up else self.tr("答复共性问题")
        self.setWindowTitle(title)
        self.ok.setText(self.tr("保存(&S)"))
        self.row(self.tr("共性问题"), QLabel(self.tr("{0}（{1} 条信息）").format(
            group.title, len(group.members)), self))  # fmt: skip
        self.text = _text_box(self)
        self.day = date_edit(self, today, latest=today)
        self.by = QLineEdit(operator_name(store), self)
        if follow_up:
            self.text.setPlainText(group.follow_up)
            if group.followed_on:
                self.day.setDate(qdate(group.followed_on))
            self.row(self.tr("回访情况(&R)"), self.text, "follow_up")
            self.row(self.tr("回访日期(&D)"), self.day, "followed_on")
        else:
            self.text.setPlainText(group.result)
            if group.answered_on:
                self.day.setDate(qdate(group.answered_on))
            if group.answered_by:
                self.by.setText(group.answered_by)
            self.row(self.tr("答复结果(&R)"), self.text, "result")
            self.row(self.tr("答复日期(&D)"), self.day, "answered_on")
            self.row(self.tr("答复人(&B)"), self.by, "answered_by")
        fit_to_screen(self, 520, 320)

    def save(self) -> Group:
        """Store the answer (or the follow-up) for every member."""
        info, day, today = self.store.mass_info, pydate(self.day.date()), self.clock()
        text, group_id = self.text.toPlainText(), self.group.id or ""
        if self.follow_up:
            return info.follow_up_group(group_id, text, day, today=today)
        return info.answer_group(group_id, text, day, self.by.text(), today=today)
