"""问题转受理: the small dialog that turns a finding of a diary entry into an intake item.

Found on a home visit, the item comes by channel 走访 and the household's head asks; raised
at a 民情恳谈会, it comes by channel 民情恳谈会 and may be asked by a group or the whole
village (诉求人: 第三村民小组, the village's name …) rather than one household.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.rules import GRADES, ITEM_TYPES, finding_channel
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    mark_invalid,
    message_area,
    show_messages,
)
from qunzhong_desktop.ui.common.session import operator_name


class FindingDialog(QDialog):
    """问题转受理: content, domain, grade and type of the item a finding becomes.

    Args:
        store: the station's store.
        entry_id: the saved diary entry.
        household_id: the household whose head asks; None for a group or the village (only
            at a 民情恳谈会: the clerk names it in 诉求人).
        household_label: how the title names the household (or the meeting).
        parent: the Qt parent.
        kind: the entry's kind, which sets the item's channel.

    The item is created here, so a refusal keeps what was typed; ``number`` and ``channel``
    hold the new item's number and channel once created.
    """

    def __init__(
        self,
        store: Store,
        entry_id: str,
        household_id: str | None,
        household_label: str,
        parent: QWidget | None = None,
        *,
        kind: str = "入户走访",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("问题转受理 — {household}").format(household=household_label))
        self._store = store
        self._entry_id = entry_id
        self._household_id = household_id
        self.channel = finding_channel(kind)
        self.number = ""
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        if household_id is None:
            text = self.tr(
                "登记为受理事项（来源渠道：{channel}）。诉求人可以是提出问题的群体或全村，"
                "例如某个村民小组，不必是某一户。"
            ).format(channel=self.channel)
        else:
            text = self.tr("登记为受理事项（来源渠道：{channel}），诉求人为户主：{household}。")
            text = text.format(channel=self.channel, household=household_label)
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        self.requester = QComboBox(self)
        self.requester.setEditable(True)
        self.requester.addItems(self._groups())
        self.requester.setCurrentIndex(-1)
        self.requester.setVisible(household_id is None)
        line = self.requester.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("例如：第三村民小组、村民代表或村名"))
        self.content = QPlainTextEdit(self)
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(
            self.tr("走访中发现或群众反映的问题")
            if household_id is not None
            else self.tr("恳谈会上群众提出的问题")
        )
        self.domain = QComboBox(self)
        self.domain.addItems(list(store.items.domain_days()))
        self.grade = QComboBox(self)
        for code, name in GRADES.items():
            self.grade.addItem(name, code)
        self.grade.setCurrentIndex(max(self.grade.findData("B"), 0))
        self.item_type = QComboBox(self)
        self.item_type.addItems(list(ITEM_TYPES))
        self.item_type.setCurrentText("承诺件")
        self.result_edit = QLineEdit(self)
        self.result_edit.setPlaceholderText(self.tr("即办件当场办结，请写明如何答复或办理"))
        self.result_label = QLabel(self.tr("办理结果(&E)"), self)
        self.result_label.setBuddy(self.result_edit)
        rows: list[tuple[str, QWidget]] = [
            *([(self.tr("诉求人(&R)"), self.requester)] if household_id is None else []),
            (self.tr("问题内容(&N)"), self.content),
            (self.tr("诉求类别(&L)"), self.domain),
            (self.tr("等级(&J)"), self.grade),
            (self.tr("件类型(&T)"), self.item_type),
        ]
        for row, (text, widget) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.result_label, len(rows), 0)
        grid.addWidget(self.result_edit, len(rows), 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("登记为受理事项"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        buttons.accepted.connect(self.register)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.item_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.resize(520, 360)

    def _groups(self) -> list[str]:
        """Who may raise a problem at a meeting: the village, its grids, the villagers' deputies."""
        station = self._store.register.station()
        village = station.name.removesuffix("群众工作站") if station else ""
        grids = [g.name for g in self._store.register.grids() if not g.retired]
        return [name for name in (village, *grids, "村民代表") if name]

    def _type_changed(self) -> None:
        immediate = self.item_type.currentText() == "即办件"
        self.result_edit.setVisible(immediate)
        self.result_label.setVisible(immediate)

    def register(self) -> str | None:
        """Create the item; returns its number, or None when something must be corrected."""
        for field in (self.requester, self.content, self.result_edit, self.domain):
            clear_invalid(field)
        self.messages.hide()
        wrong: list[tuple[QWidget, str]] = []
        group = self._household_id is None
        if group and not self.requester.currentText().strip():
            wrong.append((self.requester, self.tr("请填写诉求人：提出问题的群体或村。")))
        if not self.content.toPlainText().strip():
            wrong.append((self.content, self.tr("请填写问题内容。")))
        immediate = self.item_type.currentText() == "即办件"
        if immediate and not self.result_edit.text().strip():
            wrong.append((self.result_edit, self.tr("即办件当场办结，请填写办理结果。")))
        if not wrong:
            try:
                item = self._store.diary.finding_to_item(
                    self._entry_id,
                    self._household_id,
                    content=self.content.toPlainText(),
                    domain=self.domain.currentText(),
                    grade=str(self.grade.currentData()),
                    item_type=self.item_type.currentText(),
                    result=self.result_edit.text().strip() if immediate else "",
                    actor=operator_name(self._store),
                    requester=self.requester.currentText() if group else "",
                )
            except DomainError as exc:
                field = self.requester if exc.data.get("field") == "requester" else self.content
                wrong.append((field, exc.message))
            else:
                self.number = item.number
                self.accept()
                return item.number
        for widget, message in wrong:
            mark_invalid(widget, message)
        show_messages(self.messages, self.tr("还不能登记："), [m for _w, m in wrong])
        wrong[0][0].setFocus()
        return None


def run_finding_dialog(dialog: FindingDialog) -> bool:
    """Show the dialog modally; True if an item was created (a seam for the tests)."""
    return dialog.exec() == QDialog.DialogCode.Accepted
