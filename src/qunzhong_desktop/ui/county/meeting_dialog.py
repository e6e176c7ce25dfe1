"""协调会…: record a coordination meeting on major matters at the county.

The date (not after today), the topic, the matters (ticked from those at the county; the
selected one ticked already), the lead department (牵头单位), the co-operating ones (配合单位,
several), the attendees and the decisions (required). The store checks the whole meeting
(core/intake/county.checked_meeting); its refusal is shown under the field it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.county import Matter, Meeting
from qunzhong_desktop.ui.common.form_feedback import FieldError, date_edit, pydate, text_box
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.county.matter_dialogs import FIELD_HEIGHT, GuardedDialog

CONTENT_CHARS = 40


def _checklist(parent: QWidget, rows: Sequence[tuple[str, str]], height: int) -> QListWidget:
    """A list of (text, key) rows with check boxes."""
    box = QListWidget(parent)
    for text, key in rows:
        item = QListWidgetItem(text, box)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    box.setMinimumHeight(height)
    return box


def checked_keys(box: QListWidget) -> list[str]:
    """The keys of the ticked rows."""
    return [
        str(box.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


def tick(box: QListWidget, keys: Sequence[str]) -> None:
    """Tick the rows of ``keys`` (and no others)."""
    for i in range(box.count()):
        item = box.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


class MeetingDialog(GuardedDialog):
    """A coordination meeting (协调会).

    Args:
        matters: the matters at the county to choose from.
        departments: the departments in service.
        submit: stores the meeting; raises :class:`DomainError` when refused.
        parent: the Qt parent.
        today: the latest date allowed.
        selected: the number ticked at the start (the page's selected matter).
    """

    def __init__(
        self,
        matters: Sequence[Matter],
        departments: Sequence[str],
        submit: Callable[[Meeting], object],
        parent: QWidget | None = None,
        *,
        today: dt.date,
        selected: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("记录协调会"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        layout.addLayout(form)
        self.held_on = date_edit(self, today, latest=today)
        self.held_on.setMinimumHeight(FIELD_HEIGHT)
        self.held_on_error = FieldError(self.held_on, self)
        form.addRow(self.tr("会议日期(&T)"), self.held_on_error.box)
        self.topic = QLineEdit(self)
        self.topic.setPlaceholderText(self.tr("可以不填，例如：跨乡镇土地权属纠纷协调"))
        self.topic.setMinimumHeight(FIELD_HEIGHT)
        self.topic_error = FieldError(self.topic, self)
        form.addRow(self.tr("会议议题(&P)"), self.topic_error.box)
        rows = [(f"{x.number}　{x.requester_name}　{_short(x.content)}", x.number) for x in matters]
        self.items = _checklist(self, rows, 96)
        tick(self.items, [selected] if selected else [])
        self.items_error = FieldError(self.items, self)
        form.addRow(self.tr("协调事项(&I)"), self.items_error.box)
        self.lead = QComboBox(self)
        self.lead.addItems(list(departments))
        self.lead.setPlaceholderText(self.tr("请选择牵头单位"))
        self.lead.setCurrentIndex(-1)
        self.lead.setMinimumHeight(FIELD_HEIGHT)
        self.lead_error = FieldError(self.lead, self)
        form.addRow(self.tr("牵头单位(&L)"), self.lead_error.box)
        self.cooperating = _checklist(self, [(d, d) for d in departments], 80)
        self.cooperating_error = FieldError(self.cooperating, self)
        form.addRow(self.tr("配合单位(&C)"), self.cooperating_error.box)
        self.attendees = QLineEdit(self)
        self.attendees.setPlaceholderText(self.tr("参会单位和人员"))
        self.attendees.setMinimumHeight(FIELD_HEIGHT)
        self.attendees_error = FieldError(self.attendees, self)
        form.addRow(self.tr("参会人员(&A)"), self.attendees_error.box)
        self.decisions = text_box(self, self.tr("会议议定的事项、分工和时限"))
        self.decisions_error = FieldError(self.decisions, self)
        form.addRow(self.tr("议定事项(&D)"), self.decisions_error.box)
        layout.addWidget(self.buttons(self.tr("保存")))
        self.errors = {
            "held_on": self.held_on_error, "topic": self.topic_error,
            "items": self.items_error, "lead": self.lead_error,
            "cooperating": self.cooperating_error, "attendees": self.attendees_error,
            "decisions": self.decisions_error,
        }  # fmt: skip
        self.lead.currentIndexChanged.connect(lambda _i: self.lead_error.clear())
        self.decisions.textChanged.connect(self.decisions_error.clear)
        self.items.itemChanged.connect(lambda _i: self.items_error.clear())
        self._initial = self.typed()
        fit_to_screen(self, 640, 700)
        self.held_on.setFocus()

    def typed(self) -> str:
        """Everything typed or chosen (closing would lose it when it changed)."""
        parts = [
            self.topic.text(), self.lead.currentText(), self.attendees.text(),
            self.decisions.toPlainText(), *checked_keys(self.items),
            *checked_keys(self.cooperating),
        ]  # fmt: skip
        text = "".join(parts)
        return "" if text == getattr(self, "_initial", None) else text

    def meeting(self) -> Meeting:
        """The meeting as typed."""
        return Meeting(
            held_on=pydate(self.held_on.date()),
            items=tuple(checked_keys(self.items)),
            lead=self.lead.currentText(),
            cooperating=tuple(checked_keys(self.cooperating)),
            attendees=self.attendees.text(),
            decisions=self.decisions.toPlainText(),
            topic=self.topic.text(),
        )

    def submit(self) -> None:
        """Store the meeting; a refusal is shown under its field."""
        for error in self.errors.values():
            error.clear()
        try:
            self._submit(self.meeting())
        except DomainError as exc:
            field = str(exc.data.get("field", "decisions"))
            self.errors.get(field, self.decisions_error).show(exc.message)
            return
        self.finish()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CONTENT_CHARS else text[: CONTENT_CHARS - 1] + "…"
