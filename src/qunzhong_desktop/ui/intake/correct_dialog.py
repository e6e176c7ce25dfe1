"""更正: correct a saved item's requester, phone, category, grade or content.

The dialog opens with the item as saved; the clerk changes what was wrong and gives a reason.
The store checks the fields as the intake form does, keeps the old and new values in the
item's history and syncs both; a refusal is shown above the buttons, the field marked, and
nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core import phone
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.corrections import REASON_LIMIT, ItemFix
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    mark_invalid,
    message_area,
    show_messages,
)
from qunzhong_desktop.ui.common.session import Clock, operator_name
from qunzhong_desktop.ui.intake.requester_picker import RequesterPicker


class CorrectDialog(QDialog):
    """Correct one saved item (see the module docstring).

    Args:
        store: the station's store.
        item: the item as saved.
        parent: the Qt parent.
        clock: the current time (tests fix it).

    Attributes:
        corrected: the item after the correction, once saved.
    """

    def __init__(
        self, store: Store, item: ItemDetail, parent: QWidget | None = None, *, clock: Clock
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._item = item
        self._clock = clock
        self.corrected: ItemDetail | None = None
        self.setWindowTitle(self.tr("更正事项 {number}").format(number=item.number))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "只改登记错了的内容；编号、办理经过和期限不变。"
                "每次更正都记下经办人、时间、原值和新值，并随同步报送乡镇。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.requester = RequesterPicker(store, self)
        hit = store.register.person_hit(item.requester_person_id or "")
        self.requester.show_requester(hit, item.requester_name, item.requester_phone)
        layout.addWidget(self.requester)
        form = QFormLayout()
        self.domain = QComboBox(self)
        domains = list(store.items.domain_days())
        if item.domain not in domains:  # a category since taken off the list
            domains.insert(0, item.domain)
        self.domain.addItems(domains)
        self.domain.setCurrentText(item.domain)
        self.grade = QComboBox(self)
        for code, name in GRADES.items():
            self.grade.addItem(name, code)
        self.grade.setCurrentIndex(max(0, self.grade.findData(item.grade)))
        self.content = QPlainTextEdit(item.content, self)
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(100)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText(self.tr("例如：登记时选错了类别；群众来电更正电话"))
        form.addRow(self.tr("诉求类别(&L)"), self.domain)
        form.addRow(self.tr("等级(&G)"), self.grade)
        form.addRow(self.tr("诉求内容(&C)"), self.content)
        form.addRow(self.tr("更正原因(&Y)"), self.reason)
        layout.addLayout(form)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("保存更正"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, self.submit)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {
            "requester": self.requester.search,
            "name": self.requester.name,
            "phone": self.requester.phone,
            "domain": self.domain,
            "grade": self.grade,
            "content": self.content,
            "reason": self.reason,
        }
        self.content.setFocus()

    def fix(self) -> tuple[ItemFix, list[tuple[QWidget, str]]]:
        """What the dialog holds, and what is missing before asking the store."""
        problems: list[tuple[QWidget, str]] = []
        person = self.requester.person()
        outsider = self.requester.is_outsider()
        if outsider and not self.requester.name.text().strip():
            problems.append((self.requester.name, self.tr("请填写诉求人的姓名。")))
        elif not outsider and person is None:
            problems.append(
                (
                    self.requester.search,
                    self.tr("请在户籍中查找并选择诉求人；不在户籍中的人请勾选“外来人员”。"),
                )
            )
        number = self.requester.phone.text().strip()
        if number:
            try:
                number = phone.normalise(number)
            except ValidationError as exc:
                problems.append((self.requester.phone, exc.message))
        fix = ItemFix(
            requester_name=self.requester.name.text()
            if outsider or person is None
            else person.name,
            requester_phone=number,
            requester_person_id=None if outsider or person is None else person.id,
            domain=self.domain.currentText(),
            grade=str(self.grade.currentData()),
            content=self.content.toPlainText(),
        )
        return fix, problems

    def submit(self) -> None:
        """Save the correction; on a refusal show why and keep everything typed."""
        for widget in self._fields.values():
            clear_invalid(widget)
        fix, problems = self.fix()
        messages = [message for _widget, message in problems]
        if not problems:
            try:
                self.corrected = self._store.items.correct(
                    self._item.number,
                    fix,
                    actor=operator_name(self._store),
                    reason=self.reason.text(),
                    now=self._clock(),
                )
            except DomainError as exc:
                field = str(exc.data.get("field", ""))
                if field == "requester" and self.requester.is_outsider():
                    field = "name"
                messages.append(exc.message)
                if field in self._fields:  # "nothing changed" belongs to no field
                    problems.append((self._fields[field], exc.message))
        if not messages:
            self.accept()
            return
        for widget, message in problems:
            mark_invalid(widget, message)
        show_messages(self.messages, self.tr("不能保存更正："), messages)
        (problems[0][0] if problems else self.content).setFocus()


class ResponsibilityDialog(QDialog):
    """修改责任单位: an item's 主管部门 and 双联系单位, chosen from the township's register.

    Either may be left blank (不指定); a unit the register no longer holds stays offered
    while the item names it. It is not a correction (no reason is asked, no history entry);
    the changed item syncs to the township.

    Attributes:
        saved: the item after saving, once saved.
    """

    def __init__(self, store: Store, item: ItemDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._item = item
        self.saved: ItemDetail | None = None
        self.setWindowTitle(self.tr("修改责任单位 {number}").format(number=item.number))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "主管部门默认为主管该诉求类别的单位，双联系单位默认为联系本村的单位；"
                "乡镇交办后，以交办的责任单位为主管部门。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        names = [unit.name for unit in store.items.unit_register()]
        self.competent = self._combo(names, item.competent_unit)
        self.paired = self._combo(names, item.paired_unit)
        form = QFormLayout()
        form.addRow(self.tr("主管部门(&C)"), self.competent)
        form.addRow(self.tr("双联系单位(&P)"), self.paired)
        layout.addLayout(form)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _combo(self, names: list[str], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("（不指定）"), "")
        for name in names if current in names or not current else [current, *names]:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def submit(self) -> None:
        """Save both; on a refusal show why above the buttons and keep the choices."""
        fields = {"competent": self.competent, "paired": self.paired}
        for widget in fields.values():
            clear_invalid(widget)
        try:
            self.saved = self._store.items.set_responsibility(
                self._item.number,
                competent=str(self.competent.currentData()),
                paired=str(self.paired.currentData()),
            )
        except DomainError as exc:
            marked = fields.get(str(exc.data.get("field", "")))
            if marked is not None:
                mark_invalid(marked, exc.message)
            show_messages(self.messages, self.tr("不能保存责任单位："), [exc.message])
            return
        self.accept()
