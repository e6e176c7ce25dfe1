"""The forms of 考评排名 (:mod:`.assessment_dialog`): 录入分数, 一票否决, 考评方案.

:class:`ManualScoreForm` enters a manual item's points for one station or unit (a spin box
from 0 to the item's points); :class:`VetoForm` takes the veto's reason (required), asks,
and records it; :class:`SchemeView` shows the scheme read only and says how it is changed
(``qunzhong assessment scheme --file``). A refusal of the store is said inside the form,
which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.assessment import footnotes
from qunzhong_desktop.core.assessment_scheme import (
    MAX_REASON,
    STATIONS,
    UNITS,
    Scheme,
    ScoreItem,
    checked_reason,
)
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    mark_invalid,
    message_area,
    show_messages,
)
from qunzhong_desktop.ui.common.list_parts import fit_to_screen


def _buttons(dialog: QDialog, label: str, submit: Callable[[], None]) -> QDialogButtonBox:
    """OK (named ``label``, default, also Ctrl+Enter) and 取消."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("FormFeedback", "取消"))
    ok.clicked.connect(submit)
    cancel.clicked.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, submit)
    return box


class ManualScoreForm(QDialog):
    """录入分数: a manual item's points for one station or unit (0 to the item's points).

    Args:
        name: the station's or unit's name.
        period_title: the period, e.g. 2026年下半年.
        items: the scheme's manual items for this list.
        given: the points entered before, by item.
        save: stores ``(item name, points)``; raises ``DomainError``.
        parent: the Qt parent.
    """

    def __init__(
        self,
        name: str,
        period_title: str,
        items: Sequence[ScoreItem],
        given: dict[str, float],
        *,
        save: Callable[[str, float], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._given = given
        self._save = save
        self.setWindowTitle(self.tr("录入分数"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        summary = QLabel(self.tr("{0}　{1}").format(name, period_title), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        self.item_combo = QComboBox(self)
        for item in self._items:
            self.item_combo.addItem(
                self.tr("{0}（{1} 分）").format(item.name, f"{item.points:g}"), item.name
            )
        item_caption = QLabel(self.tr("考评项目(&I)："), self)
        item_caption.setBuddy(self.item_combo)
        form.addRow(item_caption, self.item_combo)
        self.points = QDoubleSpinBox(self)
        self.points.setDecimals(1)
        self.points.setSingleStep(0.5)
        self.points.setSuffix(self.tr(" 分"))
        points_caption = QLabel(self.tr("得分(&S)："), self)
        points_caption.setBuddy(self.points)
        form.addRow(points_caption, self.points)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form.addRow("", self.note)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("保存"), self.submit))
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self._item_changed(0)
        self.points.setFocus()
        self.points.selectAll()

    def item(self) -> ScoreItem:
        """The item chosen."""
        return self._items[max(self.item_combo.currentIndex(), 0)]

    def _item_changed(self, _index: int) -> None:
        item = self.item()
        self.points.setRange(0, item.points)
        self.points.setValue(self._given.get(item.name, 0))
        text = self.tr("0 至 {0} 分，最多一位小数。").format(f"{item.points:g}")
        self.note.setText(f"{text}{item.note}")

    def submit(self) -> None:
        """Save the points; a refusal is said in the form, which keeps what was typed."""
        clear_invalid(self.points)
        self.messages.hide()
        try:
            self._save(self.item().name, self.points.value())
        except DomainError as exc:
            mark_invalid(self.points, exc.message)
            show_messages(self.messages, self.tr("分数没有保存："), [exc.message])
            return
        self.accept()


class VetoForm(QDialog):
    """一票否决: the reason (required), then a question, then the veto.

    Args:
        name: the station's or unit's name.
        period_title: the period.
        reason: an earlier reason (a veto may be given again with another).
        save: records the veto with the reason; raises ``DomainError``.
        ask: asks ``(title, question, yes)`` before the veto; True to go on.
        parent: the Qt parent.
    """

    def __init__(
        self,
        name: str,
        period_title: str,
        reason: str,
        *,
        save: Callable[[str], object],
        ask: Callable[[QWidget, str, str, str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name, self._period_title, self._save = name, period_title, save
        self._ask = ask
        self.setWindowTitle(self.tr("一票否决"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        summary = QLabel(
            self.tr("对“{0}”在{1}一票否决：照常计分，但排在所有未被否决的之后。").format(
                name, period_title
            ),
            self,
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        caption = QLabel(self.tr("否决理由(&R)（必填，{0} 字以内）：").format(MAX_REASON), self)
        self.reason = QPlainTextEdit(reason, self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("例如 发生重大安全生产事故"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 16)
        caption.setBuddy(self.reason)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        layout.addWidget(_buttons(self, self.tr("一票否决"), self.submit))
        self.reason.setFocus()

    def submit(self) -> None:
        """Check the reason, ask, then record; what is wrong is said in the form."""
        clear_invalid(self.reason)
        self.messages.hide()
        try:
            text = checked_reason(self.reason.toPlainText())
        except ValidationError as exc:
            self._refused(exc.message)
            return
        question = self.tr("确定对“{0}”在{1}一票否决吗？\n理由：{2}").format(
            self._name, self._period_title, text
        )
        if not self._ask(self, self.tr("一票否决"), question, self.tr("一票否决")):
            return
        try:
            self._save(text)
        except DomainError as exc:
            self._refused(exc.message)
            return
        self.accept()

    def _refused(self, message: str) -> None:
        mark_invalid(self.reason, message)
        show_messages(self.messages, self.tr("没有一票否决："), [message])
        self.reason.setFocus()


class SchemeView(QDialog):
    """考评方案, read only: each list's items with their definitions, and how to change it."""

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("考评方案"))
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        lines: list[str] = []
        for what, label in ((STATIONS, self.tr("工作站")), (UNITS, self.tr("责任单位"))):
            items = scheme.of(what)
            total = f"{sum(i.points for i in items):g}"
            lines.append(self.tr("【{0}】共 {1} 分").format(label, total))
            lines += [f"  {term}：{text}" for term, text in footnotes(what, items)[: len(items)]]
            lines.append("")
        self.text.setPlainText("\n".join(lines).rstrip())
        layout.addWidget(self.text, 1)
        self.hint = QLabel(
            self.tr(
                "考评方案在这里只能查看。修改时由管理员在命令行用 "
                "qunzhong assessment scheme --json 导出方案，改好后用 "
                "qunzhong assessment scheme --file 方案.json 设置（方案有错时不作任何修改）。"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.hint)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        fit_to_screen(self, 720, 520)
