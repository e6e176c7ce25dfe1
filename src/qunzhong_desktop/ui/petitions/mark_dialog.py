"""信访标记: mark an item as a petition (level, form, reach), with the repeat suggestion.

:class:`PetitionMarkDialog` offers 不是信访 / 初信初访 / 重复信访, 来信 / 来访 and 到乡 … 赴京.
When the same requester raised a similar matter within the year before
(``store.petitions.repeats``), it lists those earlier items (number, date, content) and
suggests 重复信访 with one click (采纳建议). It names the deputy in charge of the item's
domain (the township's 分管 areas). Saved through ``store.petitions.mark``; a refusal is
said next to its field and the choices stay. The station owns the mark: at the township
(or for a 查阅 role) the dialog only shows it, and :func:`petition_button` — the item page's
信访标记… button — is disabled with a tooltip saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.petitions import FORMS, LEVELS, REACHES, REPEAT, Earlier, Mark
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import FieldError, message_area
from qunzhong_desktop.ui.common.session import permitted
from qunzhong_desktop.ui.petitions.parts import (
    FIELD_HEIGHT,
    HINT_STYLE,
    SUGGEST_STYLE,
    mark_text,
    ok_cancel,
    translate,
)

CONTENT_CHARS = 60


def _station_may_mark(store: Store) -> tuple[bool, str]:
    """Whether this PC and operator may change a mark, and if not why (a tooltip)."""
    if node_role(store.db) == "township":
        return False, translate("petitions", "信访标记由受理事项的工作站填写，乡镇只能查看。")
    if not permitted(store, Permission.WRITE):
        return False, translate("petitions", "您的角色只能查阅，不能修改信访标记。")
    return True, ""


class PetitionMarkDialog(QDialog):
    """信访标记 of one item.

    Args:
        store: the station's store.
        number: the item's number.
        domain: the item's 诉求类别 (for the deputy in charge).
        parent: the Qt parent.
        channel: the item's 来源渠道 (来信 suggests the form 来信).

    Attributes:
        saved: the mark kept once saved (None before).
        repeats: the earlier items of the same requester on a similar matter.
    """

    def __init__(
        self,
        store: Store,
        number: str,
        domain: str,
        parent: QWidget | None = None,
        *,
        channel: str = "",
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.number = number
        self.saved: Mark | None = None
        self.writable, why = _station_may_mark(store)
        mark = store.petitions.mark_of(number)
        self.repeats: Sequence[Earlier] = store.petitions.repeats(number)
        self.setWindowTitle(self.tr("信访标记 — 事项 {number}").format(number=number))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.level = QComboBox(self)
        self.level.addItem(self.tr("不是信访"), "")
        for level in LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(max(0, self.level.findData(mark.level)))
        self.level_error = FieldError(self.level, self)
        form.addRow(self.tr("信访类别(&L)"), self.level_error.box)
        self.form = QComboBox(self)
        self.form.addItems(list(FORMS))
        self.form.setCurrentText(mark.form or ("来信" if channel == "来信" else "来访"))
        self.form_error = FieldError(self.form, self)
        form.addRow(self.tr("信访形式(&F)"), self.form_error.box)
        self.reach = QComboBox(self)
        self.reach.addItems(list(REACHES))
        self.reach.setCurrentText(mark.reach or REACHES[0])
        self.reach_error = FieldError(self.reach, self)
        form.addRow(self.tr("信访层级(&R)"), self.reach_error.box)
        for combo in (self.level, self.form, self.reach):
            combo.setMinimumHeight(FIELD_HEIGHT)
        layout.addLayout(form)
        layout.addWidget(self._suggestion())
        self.handler = QLabel(self._handler_text(domain), self)
        self.handler.setWordWrap(True)
        self.handler.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.handler)
        self.why = QLabel(why, self)
        self.why.setWordWrap(True)
        self.why.setVisible(bool(why))
        layout.addWidget(self.why)
        layout.addStretch(1)
        buttons, self.ok_button = ok_cancel(self, self.tr("保存(&S)"), self.submit)
        layout.addWidget(buttons)
        self.level.currentIndexChanged.connect(self._level_changed)
        self._level_changed()
        if not self.writable:
            for widget in (self.level, self.form, self.reach, self.take_button):
                widget.setEnabled(False)
            self.ok_button.hide()
        self.level.setFocus()

    # building -----------------------------------------------------------------------------
    def _suggestion(self) -> QFrame:
        """The earlier items and 采纳建议 (hidden when there are none)."""
        box = QFrame(self)
        box.setObjectName("suggestion")
        box.setStyleSheet(SUGGEST_STYLE)
        inner = QVBoxLayout(box)
        self.suggestion_text = QLabel(
            self.tr("同一诉求人一年内反映过相似问题，建议标记为重复信访："), box
        )
        self.suggestion_text.setWordWrap(True)
        self.suggestion_text.setStyleSheet("border: none; font-weight: bold;")
        inner.addWidget(self.suggestion_text)
        self.earlier = QTableWidget(len(self.repeats), 4, box)
        self.earlier.setHorizontalHeaderLabels(
            [self.tr("编号"), self.tr("受理日期"), self.tr("信访类别"), self.tr("诉求内容")]
        )
        self.earlier.verticalHeader().hide()
        self.earlier.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.earlier.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, old in enumerate(self.repeats):
            content = old.content if len(old.content) <= CONTENT_CHARS else (
                old.content[:CONTENT_CHARS] + "…"
            )  # fmt: skip
            values = [old.number, old.received_on.isoformat(), old.petition or "—", content]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 3:
                    cell.setToolTip(old.content)
                self.earlier.setItem(row, column, cell)
        header = self.earlier.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.earlier.setMaximumHeight(40 + 30 * min(len(self.repeats), 4))
        inner.addWidget(self.earlier)
        take_row = QHBoxLayout()
        take_row.addStretch(1)
        self.take_button = QPushButton(self.tr("采纳建议：标记为重复信访(&T)"), box)
        self.take_button.clicked.connect(self.take_suggestion)
        take_row.addWidget(self.take_button)
        inner.addLayout(take_row)
        box.setVisible(bool(self.repeats))
        self.suggestion = box
        return box

    def _handler_text(self, domain: str) -> str:
        if not domain:
            return ""
        leader = self._store.petitions.proposed_handler(domain)
        if leader:
            return self.tr("建议交由分管领导 {leader} 办理（{domain}）。").format(
                leader=leader, domain=domain
            )
        return self.tr("“{domain}”尚未设置分管领导（乡镇在“民意与信访设置”中设置）。").format(
            domain=domain
        )

    def _level_changed(self) -> None:
        petition = bool(self.level.currentData())
        self.form.setEnabled(petition and self.writable)
        self.reach.setEnabled(petition and self.writable)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them), never closes."""
        if form_feedback.enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    # acting -------------------------------------------------------------------------------
    def take_suggestion(self) -> None:
        """采纳建议: the level becomes 重复信访."""
        self.level.setCurrentIndex(self.level.findData(REPEAT))
        self.form.setFocus()

    def mark(self) -> Mark:
        """The mark as chosen (no form or reach when it is no petition)."""
        level = str(self.level.currentData() or "")
        if not level:
            return Mark()
        return Mark(level, self.form.currentText(), self.reach.currentText())

    def submit(self) -> None:
        """Save the mark; a refusal is said next to its field and the choices stay."""
        if not self.writable:
            return
        for error in (self.level_error, self.form_error, self.reach_error):
            error.clear()
        self.messages.hide()
        try:
            self.saved = self._store.petitions.mark(self.number, self.mark())
        except ValidationError as exc:
            fields = {"petition": self.level_error, "petition_form": self.form_error,
                      "petition_reach": self.reach_error}  # fmt: skip
            shown = fields.get(str(exc.data.get("field", "")))
            if shown is None:
                form_feedback.show_messages(self.messages, self.tr("未能保存："), [exc.message])
            else:
                shown.show(exc.message)
            return
        except DomainError as exc:
            show_error(self, exc, title=self.tr("信访标记"))
            return
        self.accept()


class PetitionButton(QPushButton):
    """信访标记… of the item page; its text names the mark kept (see :func:`petition_button`).

    Attributes:
        dialog: the dialog opened last (tests drive it).
    """

    def __init__(self, store: Store, number: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self.number = number
        self.dialog: PetitionMarkDialog | None = None
        self.show_mark()

    def show_mark(self) -> None:
        """Name the mark kept now."""
        mark = self._store.petitions.mark_of(self.number)
        text = translate("petitions", "信访标记(&X)…")
        if mark.is_petition:
            text = translate("petitions", "信访：{mark}(&X)…").format(mark=mark_text(mark))
        self.setText(text)


def petition_button(
    store: Store,
    number: str,
    parent: QWidget,
    *,
    domain: str,
    channel: str = "",
    saved: Callable[[Mark], None] | None = None,
) -> PetitionButton:
    """The item page's 信访标记… button (its text names the mark kept).

    It opens :class:`PetitionMarkDialog` (non-blocking; the button's ``dialog`` attribute
    holds it, for tests); ``saved`` is told the new mark. Disabled, with the reason as its
    tooltip, at the township or for a 查阅 role.
    """
    button = PetitionButton(store, number, parent)
    writable, why = _station_may_mark(store)
    button.setEnabled(writable)
    button.setToolTip(
        why or translate("petitions", "标记为初信初访或重复信访，选择来信或来访和信访层级")
    )

    def open_dialog() -> None:
        try:
            dialog = PetitionMarkDialog(store, number, domain, parent, channel=channel)
        except DomainError as exc:
            show_error(parent, exc, title=translate("petitions", "信访标记"))
            return
        button.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if saved is not None:
            dialog.accepted.connect(lambda: saved(dialog.saved or Mark()))
        dialog.open()

    button.clicked.connect(open_dialog)
    return button
