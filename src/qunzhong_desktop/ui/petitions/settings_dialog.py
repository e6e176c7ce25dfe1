"""民意与信访设置: the township's evaluation thresholds, 阅办 days and deputies' areas.

:class:`VoiceSettingsDialog` edits 不予提拔 and 诫勉谈话 (不满意率, whole percent), the
working days of the 阅办率 and, per 诉求类别, the 分管领导 proposed as the handler of a
petition in it (an empty row: no one). Saved through ``store.voice.set``; a refusal is said
next to its field and nothing typed is lost. The township sets them and they reach its
stations with the next dispatch: at a station the dialog only shows them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.evaluation import EvaluationRules
from qunzhong_desktop.core.petitions import MAX_READ_DAYS
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.voice_settings import VoiceSettings
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import FieldError, message_area
from qunzhong_desktop.ui.common.session import permitted
from qunzhong_desktop.ui.petitions.parts import FIELD_HEIGHT, HINT_STYLE, ok_cancel


class VoiceSettingsDialog(QDialog):
    """民意与信访设置 (editable at the township, shown read-only at a station).

    Attributes:
        saved: the settings kept once saved (None before).
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.saved: VoiceSettings | None = None
        self.writable = node_role(store.db) == "township" and permitted(store, Permission.WRITE)
        now = store.voice.get()
        self.setWindowTitle(self.tr("民意与信访设置"))
        self.setMinimumSize(560, 600)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        self.no_promotion = self._percent(now.rules.no_promotion_percent)
        self.no_promotion_error = FieldError(self.no_promotion, self)
        form.addRow(self.tr("不予提拔(&P)：不满意率达到"), self.no_promotion_error.box)
        self.admonish = self._percent(now.rules.admonish_percent)
        self.admonish_error = FieldError(self.admonish, self)
        form.addRow(self.tr("诫勉谈话(&A)：不满意率达到"), self.admonish_error.box)
        self.read_days = QSpinBox(self)
        self.read_days.setRange(1, MAX_READ_DAYS)
        self.read_days.setValue(now.read_days)
        self.read_days.setSuffix(self.tr(" 个工作日"))
        self.read_days.setMinimumHeight(FIELD_HEIGHT)
        self.read_days_error = FieldError(self.read_days, self)
        form.addRow(self.tr("阅办时限(&D)"), self.read_days_error.box)
        layout.addLayout(form)
        caption = QLabel(self.tr("分管领导(&L)：按诉求类别建议信访事项的办理人"), self)
        layout.addWidget(caption)
        domains = list(store.items.deadlines().domain_days)
        domains += [d for d in now.areas if d not in domains]
        self.areas = QTableWidget(len(domains), 2, self)
        caption.setBuddy(self.areas)
        self.areas.setHorizontalHeaderLabels([self.tr("诉求类别"), self.tr("分管领导")])
        self.areas.verticalHeader().hide()
        self.areas.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        for row, domain in enumerate(domains):
            name = QTableWidgetItem(domain)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.areas.setItem(row, 0, name)
            self.areas.setItem(row, 1, QTableWidgetItem(now.areas.get(domain, "")))
        header = self.areas.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.areas_error = FieldError(self.areas, self)
        layout.addWidget(self.areas_error.box, 1)
        note = (
            self.tr("乡镇设置后，随下一次交办数据下发到各工作站。空白表示该类别不设分管领导。")
            if self.writable
            else self.tr("这些设置由乡镇群众工作办填写，随乡镇的交办数据下发，这里只能查看。")
        )
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.note)
        buttons, self.ok_button = ok_cancel(self, self.tr("保存(&S)"), self.submit)
        layout.addWidget(buttons)
        if not self.writable:
            for widget in (self.no_promotion, self.admonish, self.read_days):
                widget.setReadOnly(True)
            self.areas.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.ok_button.hide()
        self.no_promotion.setFocus()

    def _percent(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(1, 100)
        box.setValue(value)
        box.setSuffix(" %")
        box.setMinimumHeight(FIELD_HEIGHT)
        return box

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them), never closes."""
        if self.areas.hasFocus() and self.areas.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if form_feedback.enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    def settings(self) -> VoiceSettings:
        """The settings as filled in (rows without a leader left out)."""
        areas: dict[str, str] = {}
        for row in range(self.areas.rowCount()):
            head = self.areas.item(row, 0)
            domain = head.text() if head is not None else ""
            cell = self.areas.item(row, 1)
            leader = cell.text().strip() if cell is not None else ""
            if leader:
                areas[domain] = leader
        rules = EvaluationRules(self.no_promotion.value(), self.admonish.value())
        return VoiceSettings(rules, self.read_days.value(), areas)

    def submit(self) -> None:
        """Save; a refusal is said next to its field and what was typed stays."""
        if not self.writable:
            return
        errors = {
            "no_promotion_percent": self.no_promotion_error,
            "admonish_percent": self.admonish_error,
            "read_days": self.read_days_error,
        }
        for error in (*errors.values(), self.areas_error):
            error.clear()
        self.messages.hide()
        try:
            self.saved = self._store.voice.set(self.settings())
        except ValidationError as exc:
            shown = errors.get(str(exc.data.get("field", "")))
            if shown is None and exc.code.startswith("petition.area"):
                shown = self.areas_error
            if shown is None:
                form_feedback.show_messages(self.messages, self.tr("未能保存："), [exc.message])
            else:
                shown.show(exc.message)
            return
        except DomainError as exc:
            show_error(self, exc, title=self.tr("民意与信访设置"))
            return
        self.accept()
