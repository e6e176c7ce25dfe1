"""The intake form (受理登记), built for the window: the keyboard goes from field to field.

The requester is found in the register as the clerk types (``zsf`` finds 张三丰; ↓/↑ choose,
Enter picks) or typed as an outsider (外来人员: name and phone). The promised date is shown,
in working days, before anything is saved: the domain's days, fewer for a grade A item
(急事急办, :func:`.intake.rules.promised_days`). A refused save keeps everything typed, marks the
wrong fields and lists the reasons; a good save shows the new number and clears the form
for the next resident.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core import phone
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.rules import CHANNELS, GRADES, ITEM_TYPES, URGENT_GRADE
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    enter_moves_on,
    mark_invalid,
    message_area,
    show_messages,
)
from qunzhong_desktop.ui.common.session import Clock, limit, operator_name
from qunzhong_desktop.ui.intake import receipt_link
from qunzhong_desktop.ui.intake.requester_picker import RequesterPicker

DEFAULTS = {"channel": "来访", "grade": "B", "type": "承诺件"}


class IntakeForm(QWidget):
    """受理登记.

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.

    Attributes:
        last_number: the number of the item saved last ("" before).
    """

    saved = Signal(str)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock: Clock = clock or dt.datetime.now
        self.last_number = ""
        self._deadlines = store.items.deadlines()
        self._calendar = store.calendar.calendar()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.messages = message_area(self)
        self.saved_banner = QLabel(self)
        self.saved_banner.setObjectName("savedBanner")
        self.saved_banner.setStyleSheet(
            "QLabel#savedBanner { background: #e8f5e9; border: 1px solid #81c784;"
            " border-radius: 4px; padding: 8px; font-size: 15pt; font-weight: bold;"
            " color: #1b5e20; }"
        )
        self.saved_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_banner.hide()
        layout.addWidget(self.messages)
        layout.addWidget(self.saved_banner)
        self.requester = RequesterPicker(store, self)
        self.requester.picked.connect(self.channel_focus)
        self.requester.picked.connect(self._petition_context)
        layout.addWidget(self.requester)
        layout.addWidget(self._item_box(), 1)
        layout.addLayout(self._buttons())
        self.domain.currentIndexChanged.connect(self._domain_changed)
        self.grade.currentIndexChanged.connect(self._domain_changed)
        self.item_type.currentIndexChanged.connect(self._update_promise)
        self.days.valueChanged.connect(self._update_promise)
        # 信访: the form follows the channel; the hints follow the requester and the matter
        self.channel.currentTextChanged.connect(self.petition.follow_channel)
        self.domain.currentIndexChanged.connect(self._petition_context)
        self.petition.level.currentIndexChanged.connect(self._petition_context)
        self._petition_timer = QTimer(self)
        self._petition_timer.setSingleShot(True)
        self._petition_timer.setInterval(400)
        self._petition_timer.timeout.connect(self._petition_context)
        self.content.textChanged.connect(self._petition_timer.start)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.save)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        r = self.requester
        chain: list[QWidget] = [
            r.search, r.outsider, r.name, r.phone, self.channel, self.domain, self.grade,
            self.item_type, self.days, self.content, self.result, self.handler,
            self.petition.level, self.petition.form, self.petition.reach, self.save_button, self.print_button, self.clear_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self.clear()

    # building -----------------------------------------------------------------------------
    def _item_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("诉求事项"), self)
        grid = QGridLayout(box)
        self.channel = QComboBox(box)
        self.channel.addItems(list(CHANNELS))
        self.domain = QComboBox(box)
        self.domain.addItems(list(self._deadlines.domain_days))
        self.grade = QComboBox(box)
        for code, name in GRADES.items():
            self.grade.addItem(name, code)
        self.item_type = QComboBox(box)
        self.item_type.addItems(list(ITEM_TYPES))
        self.days = QSpinBox(box)
        self.days.setRange(1, 60)
        self.days.setSuffix(self.tr(" 个工作日"))
        self.promise = QLabel(box)
        self.promise.setObjectName("promise")
        self.promise.setStyleSheet("QLabel#promise { font-weight: bold; color: #0d47a1; }")
        self.calendar_warning = QLabel(box)
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet(
            "background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 4px;"
        )
        self.content = QPlainTextEdit(box)
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("群众反映的问题或诉求（Ctrl+回车 保存）"))
        self.result_label = QLabel(self.tr("办理结果(&E)"), box)
        self.result = QLineEdit(box)
        self.result.setPlaceholderText(self.tr("即办件当场办结，请写明如何答复或办理"))
        self.result_label.setBuddy(self.result)
        self.handler = QLineEdit(box)
        rows: list[tuple[str, QWidget, str, QWidget]] = [
            (self.tr("来源渠道(&Q)"), self.channel, self.tr("诉求类别(&L)"), self.domain),
            (self.tr("等级(&J)"), self.grade, self.tr("件类型(&T)"), self.item_type),
            (self.tr("承诺时限(&D)"), self.days, "", self.promise),
        ]
        for r, (text, widget, text2, widget2) in enumerate(rows):
            label = QLabel(text, box)
            label.setBuddy(widget)
            grid.addWidget(label, r, 0)
            grid.addWidget(widget, r, 1)
            if text2:
                label2 = QLabel(text2, box)
                label2.setBuddy(widget2)
                grid.addWidget(label2, r, 2)
                grid.addWidget(widget2, r, 3)
            else:
                grid.addWidget(widget2, r, 2, 1, 2)
        grid.addWidget(self.calendar_warning, 3, 1, 1, 3)
        content_label = QLabel(self.tr("诉求内容(&N)"), box)
        content_label.setBuddy(self.content)
        grid.addWidget(content_label, 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.content, 4, 1, 1, 3)
        grid.addWidget(self.result_label, 5, 0)
        grid.addWidget(self.result, 5, 1, 1, 3)
        handler_label = QLabel(self.tr("经办人(&B)"), box)
        handler_label.setBuddy(self.handler)
        grid.addWidget(handler_label, 6, 0)
        grid.addWidget(self.handler, 6, 1)
        from qunzhong_desktop.ui.petitions import PetitionFields  # the 信访 row (its own feature)

        self.petition = PetitionFields(self._store, box)
        petition_label = QLabel(self.tr("信访(&X)"), box)
        petition_label.setBuddy(self.petition.level)
        grid.addWidget(petition_label, 7, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.petition, 7, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(4, 1)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S，在诉求内容中也可按 Ctrl+回车)"))
        self.print_button = QPushButton(self.tr("保存并打印回执"), self)
        self.print_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P))
        self.print_button.setToolTip(self.tr("保存后打开受理回执 (Ctrl+P)"))
        self.clear_button = QPushButton(self.tr("清空"), self)
        self.clear_button.setToolTip(self.tr("清空表单，接待下一位群众"))
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(lambda: self.save(print_receipt=True))
        self.clear_button.clicked.connect(self.clear)
        self.reprint_button = QPushButton(self.tr("打印上一件的回执"), self)
        self.reprint_button.clicked.connect(
            lambda: receipt_link.show_receipt(self._store, self.last_number, self)
        )
        self.reprint_button.hide()
        limit(
            self._store, (self.save_button, Permission.WRITE), (self.print_button, Permission.WRITE)
        )
        for button in (self.save_button, self.print_button, self.clear_button):
            button.setMinimumHeight(34)
        row.addWidget(self.reprint_button)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        return row

    def channel_focus(self) -> None:
        """After the requester, the keyboard goes on to the channel."""
        self.channel.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them)."""
        if enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    # the clock ----------------------------------------------------------------------------
    def _domain_changed(self) -> None:
        """The days the domain and grade chosen are promised (the clerk may change them)."""
        self.days.setValue(self.default_days())
        self._update_promise()

    def default_days(self) -> int:
        """The days of the domain chosen, fewer for grade A (急事急办)."""
        return self._deadlines.days(self.domain.currentText(), str(self.grade.currentData()))

    def _urgent(self) -> bool:
        return str(self.grade.currentData()) == URGENT_GRADE

    def promised_date(self) -> dt.date:
        """The date promised if the item were saved now."""
        return self._calendar.add_workdays(self._clock().date(), self.days.value())

    def _update_promise(self) -> None:
        kind = self.item_type.currentText()
        immediate = kind == "即办件"
        self.days.setEnabled(not immediate)
        self.result.setVisible(immediate)
        self.result_label.setVisible(immediate)
        due = self.promised_date()
        days = self.days.value()
        if immediate:
            text = self.tr("当场办结")
        elif kind == "补办件":
            text = self.tr("待补件，收到材料后开始计时（{days} 个工作日）").format(days=days)
        elif kind == "上报件":
            text = self.tr("上报乡镇，由乡镇交办办理")
        elif self._urgent():
            text = self.tr("承诺办结日期：{date}（{days} 个工作日，急事急办）").format(
                date=due.isoformat(), days=days
            )
        else:
            text = self.tr("承诺办结日期：{date}（{days} 个工作日）").format(
                date=due.isoformat(), days=days
            )
        self.promise.setText(text)
        unknown = [] if immediate else self._calendar.unknown_years(self._clock().date(), due)
        self.calendar_warning.setVisible(bool(unknown))
        if unknown:
            self.calendar_warning.setText(
                self.tr(
                    "注意：{years} 年的节假日安排尚未载入，日期只按周末推算。"
                    "请在“设置 › 工作日历”中导入当年的放假安排。"
                ).format(years="、".join(str(y) for y in unknown))
            )

    # saving -------------------------------------------------------------------------------
    def collect(self) -> tuple[NewItem, list[tuple[QWidget, str]]]:
        """What the form holds as a :class:`NewItem`, and the problems found before saving."""
        problems: list[tuple[QWidget, str]] = []
        outsider = self.requester.is_outsider()
        person = self.requester.person()
        number = self.requester.phone.text().strip()
        if number:
            try:
                number = phone.normalise(number)
            except ValidationError as exc:
                problems.append((self.requester.phone, exc.message))
        if outsider:
            if not self.requester.name.text().strip():
                problems.append((self.requester.name, self.tr("请填写外来人员的姓名。")))
            if not number:
                problems.append(
                    (self.requester.phone, self.tr("请填写外来人员的联系电话，便于回访。"))
                )
        elif person is None:
            problems.append(
                (
                    self.requester.search,
                    self.tr(
                        "请在户籍中查找并选择诉求人（↓ 选择，回车确认）；"
                        "不在户籍中的人请勾选“外来人员”。"
                    ),
                )
            )
        immediate = self.item_type.currentText() == "即办件"
        mark = self.petition.mark()
        if immediate and not self.result.text().strip():
            problems.append((self.result, self.tr("即办件当场办结，请填写办理结果。")))
        new = NewItem(
            channel=self.channel.currentText(),
            domain=self.domain.currentText(),
            grade=str(self.grade.currentData()),
            item_type=self.item_type.currentText(),
            content=self.content.toPlainText(),
            requester_name=self.requester.name.text().strip() if outsider else "",
            requester_phone=number,
            requester_person_id=None if outsider or person is None else person.id,
            handler=self.handler.text().strip(),
            promised_days=0 if immediate else self.days.value(),
            result=self.result.text().strip() if immediate else "",
            petition=mark.level,
            petition_form=mark.form,
            petition_reach=mark.reach,
        )
        return new, problems

    def save(self, *, print_receipt: bool = False) -> str | None:
        """Register the item; return its number, or None when something must be corrected."""
        for widget in self._fields():
            clear_invalid(widget)
        self.messages.hide()
        new, problems = self.collect()
        if not new.content.strip():
            problems.append((self.content, self.tr("请填写诉求内容。")))
        if problems:
            self._refuse(problems)
            return None
        try:
            item = self._store.items.register_item(
                new, actor=operator_name(self._store), now=self._clock()
            )
        except DomainError as exc:
            self._refuse([(self._field_of(exc), exc.message)])
            return None
        self.last_number = item.number
        due = item.due_on.isoformat() if item.due_on and item.item_type == "承诺件" else ""
        self.saved_banner.setText(
            self.tr("已登记：{number}　{name}　{kind}{due}").format(
                number=item.number,
                name=item.requester_name,
                kind=item.item_type,
                due=self.tr("　承诺 {date} 前办结").format(date=due) if due else "",
            )
        )
        self.saved_banner.show()
        self.reprint_button.show()
        self.clear()
        self.saved.emit(item.number)
        if print_receipt:
            receipt_link.show_receipt(self._store, item.number, self)
        return item.number

    def _petition_context(self) -> None:
        """Tell the 信访 row who asks about what (its hints: repeats, the deputy in charge)."""
        if not self.petition.level.currentData():
            self.petition.refresh(
                None, "", phone="", domain="", content="", day=self._clock().date()
            )
            return
        person = None if self.requester.is_outsider() else self.requester.person()
        self.petition.refresh(
            person.id if person else None,
            person.name if person else self.requester.name.text().strip(),
            phone=self.requester.phone.text().strip(),
            domain=self.domain.currentText(),
            content=self.content.toPlainText(),
            day=self._clock().date(),
        )

    def _refuse(self, problems: list[tuple[QWidget, str]]) -> None:
        for widget, message in problems:
            mark_invalid(widget, message)
        show_messages(self.messages, self.tr("还不能保存："), [m for _w, m in problems])
        problems[0][0].setFocus()

    def _field_of(self, exc: DomainError) -> QWidget:
        field = str(exc.data.get("field", ""))
        if exc.code in ("item.result_required",):
            return self.result
        if exc.code == "item.requester_missing" or field == "requester":
            return self.requester.name if self.requester.is_outsider() else self.requester.search
        widgets: dict[str, QWidget] = {
            "channel": self.channel,
            "domain": self.domain,
            "grade": self.grade,
            "type": self.item_type,
            "content": self.content,
            "petition": self.petition.level,
            "petition_form": self.petition.form,
            "petition_reach": self.petition.reach,
        }
        return widgets.get(field, self.content)

    def _fields(self) -> list[QWidget]:
        r = self.requester
        return [
            r.search, r.name, r.phone, self.channel, self.domain, self.grade,
            self.item_type, self.content, self.result, self.handler, self.petition.level,
            self.petition.form, self.petition.reach,
        ]  # fmt: skip

    def clear(self) -> None:
        """Empty the form for the next resident (the handler and the banner stay)."""
        self.requester.clear()
        self.channel.setCurrentText(DEFAULTS["channel"])
        self.grade.setCurrentIndex(max(self.grade.findData(DEFAULTS["grade"]), 0))
        self.item_type.setCurrentText(DEFAULTS["type"])
        self.domain.setCurrentIndex(0)
        self._domain_changed()
        self.content.clear()
        self.result.clear()
        self.petition.clear()
        if not self.handler.text().strip():
            self.handler.setText(operator_name(self._store))
        for widget in self._fields():
            clear_invalid(widget)
        self.messages.hide()
        self.requester.search.setFocus()

    def is_dirty(self) -> bool:
        """Whether the clerk has typed something not saved yet."""
        return bool(
            self.requester.search.text().strip()
            or self.requester.name.text().strip()
            or self.content.toPlainText().strip()
            or self.result.text().strip()
        )

    def reload(self) -> None:
        """Read the per-domain days and the calendar again (设置 may have changed them)."""
        self._deadlines = self._store.items.deadlines()
        self._calendar = self._store.calendar.calendar()
        current = self.domain.currentText()
        self.domain.blockSignals(True)
        self.domain.clear()
        self.domain.addItems(list(self._deadlines.domain_days))
        self.domain.setCurrentIndex(max(self.domain.findText(current), 0))
        self.domain.blockSignals(False)
        self._update_promise()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the form picks up changed settings and puts the cursor in 查找."""
        if not event.spontaneous() and not self.is_dirty():
            self.reload()
            self._domain_changed()
            self.requester.search.setFocus()
        super().showEvent(event)
