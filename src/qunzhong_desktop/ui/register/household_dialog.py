"""Add or edit a household and its members (户籍登记表).

The form never rebuilds its widgets from what the register returns on an error: every save
collects a fresh :class:`Household` from the widgets, so a refused save leaves everything the
clerk typed where it was, with the wrong fields in red and the reasons listed at the top.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.entities import Household
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError
from qunzhong_desktop.core.register import FieldError, HouseholdInvalid
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback, stale_dialog
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, message_area
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.register.member_editor import MemberRow, MembersEditor

TAGS_PER_LINE = 4


class HouseholdDialog(QDialog):
    """The household form.

    Args:
        store: the station's store.
        household_id: the household to edit, or None to add one.
        parent: the Qt parent.

    Attributes:
        saved_id: the id of the household once saved (None before).
    """

    def __init__(
        self, store: Store, household_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.saved_id: str | None = None
        self._household = (
            store.register.household(household_id) if household_id else Household(number="")
        )
        self.setWindowTitle(
            self.tr("编辑户 {0}").format(self._household.number)
            if household_id
            else self.tr("新增户")
        )
        self.setMinimumSize(760, 540)  # the members scroll: usable on a 1024×768 screen
        fit_to_screen(self, 1060, 640)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        # the messages go under the form, above the buttons: showing them never moves a
        # field from under the pointer (a clerk typed into 户号 aiming at 户电话)
        self.messages = message_area(self)
        layout.addWidget(self._household_box())
        layout.addWidget(self._flags_box())
        layout.addWidget(self._members_box(), 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        for person in self._household.members:
            self.members.add_member(person)
        if not self._household.members:
            self.members.add_member()
        self._fix_tab_order()
        self._initial = self.snapshot()
        self.number.setFocus()

    # building -----------------------------------------------------------------------------
    def _household_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("户信息"), self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        h = self._household
        self.number = QLineEdit(h.number, box)
        self.number.setPlaceholderText(self.tr("如 1-001"))
        self.grid = QComboBox(box)
        self.grid.addItem(self.tr("（未分网格）"), None)
        for g in self._store.register.grids():
            if not g.retired or g.id == h.grid_id:  # a retired grid only where it is kept
                self.grid.addItem(g.name + (self.tr("（已停用）") if g.retired else ""), g.id)
        self._select(self.grid, h.grid_id, self.tr("（已删除的网格）"))
        self.address = QLineEdit(h.address, box)
        self.phone = QLineEdit(h.phone, box)
        self.phone.setPlaceholderText(self.tr("留空则用户主电话"))
        self.cadre = QComboBox(box)
        self.cadre.addItem(self.tr("（未结对）"), None)
        for c in self._store.register.cadres():
            if c.retired and c.id != h.cadre_id:
                continue
            text = f"{c.name}（{c.unit}）" if c.unit else c.name
            self.cadre.addItem(text + (self.tr("（已停用）") if c.retired else ""), c.id)
        self._select(self.cadre, h.cadre_id, self.tr("（已删除的干部）"))
        tags_box = QWidget(box)
        tags_grid = QGridLayout(tags_box)
        tags_grid.setContentsMargins(0, 0, 0, 0)
        self.tag_boxes: list[QCheckBox] = []
        offered = self._store.settings.support_tags()  # the township's list
        choices = [*offered, *(t for t in h.tags if t not in offered)]
        for i, tag in enumerate(choices):
            check = QCheckBox(tag, tags_box)
            check.setChecked(tag in h.tags)
            tags_grid.addWidget(check, i // TAGS_PER_LINE, i % TAGS_PER_LINE)
            self.tag_boxes.append(check)
        self.note = QLineEdit(h.note, box)
        rows: list[tuple[str, QWidget, str | None, QWidget | None]] = [
            (self.tr("户号(&H)"), self.number, self.tr("网格(&G)"), self.grid),
            (self.tr("住址(&A)"), self.address, None, None),
            (self.tr("户电话(&P)"), self.phone, self.tr("结对干部(&C)"), self.cadre),
            (self.tr("帮扶标签"), tags_box, None, None),
            (self.tr("备注"), self.note, None, None),
        ]
        for r, (text, widget, text2, widget2) in enumerate(rows):
            label = QLabel(text, box)
            label.setBuddy(widget)
            align = Qt.AlignmentFlag.AlignRight | (
                Qt.AlignmentFlag.AlignTop if widget is tags_box else Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(label, r, 0, align)
            if widget2 is None or text2 is None:
                grid.addWidget(widget, r, 1, 1, 3)
                continue
            grid.addWidget(widget, r, 1)
            label2 = QLabel(text2, box)
            label2.setBuddy(widget2)
            grid.addWidget(
                label2, r, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(widget2, r, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        return box

    def _flags_box(self) -> QWidget:
        """What the roster import flagged on the members (需核对), with a way to clear it."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        lines = [f"· {p.name}：{'；'.join(p.flags)}" for p in self._household.members if p.flags]
        self.flags_label = QLabel(
            self.tr("导入时标记为需核对，请核实后改正：") + "\n" + "\n".join(lines), box
        )
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(
            "background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 6px;"
        )
        self.clear_flags = QCheckBox(self.tr("已核实，保存时清除这些标记"), box)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.clear_flags)
        box.setVisible(bool(lines))
        self.flags_box = box
        return box

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("家庭成员"), self)
        layout = QVBoxLayout(box)
        self.members = MembersEditor(self._store.settings.support_tags(), self._confirm_remove, box)
        self.members.changed.connect(self._fix_tab_order)
        scroll = QScrollArea(box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.members)
        layout.addWidget(scroll, 1)
        self.add_member_button = QPushButton(self.tr("添加成员(&M)"), box)
        self.add_member_button.clicked.connect(self._add_member)
        layout.addWidget(self.add_member_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    @staticmethod
    def _select(combo: QComboBox, value: str | None, missing_text: str) -> None:
        if value is None:
            combo.setCurrentIndex(0)
            return
        index = combo.findData(value)
        if index < 0:
            combo.addItem(missing_text, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.number,
            self.grid,
            self.address,
            self.phone,
            self.cadre,
            *self.tag_boxes,
            self.note,
            *self.members.focus_order(),
            self.add_member_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _add_member(self) -> None:
        row = self.members.add_member()
        row.name.setFocus()

    def _confirm_remove(self, row: MemberRow) -> bool:
        name = row.name.text().strip() or self.tr("这名成员")
        return form_feedback.confirm(
            self,
            self.tr("移除成员"),
            self.tr("确定从本户移除“{0}”吗？保存后生效。").format(name),
            self.tr("移除"),
        )

    # reading the form -----------------------------------------------------------------------
    def collect(self) -> tuple[Household, list[MemberRow]]:
        """A fresh household from the widgets, and the member line of each member."""
        lines = [row for row in self.members.rows if not row.is_blank()]
        members = [row.person() for row in lines]
        if self.clear_flags.isChecked():
            for person in members:
                person.flags = []
        household = Household(
            id=self._household.id,
            number=self.number.text(),
            address=self.address.text(),
            grid_id=self.grid.currentData(),
            phone=self.phone.text(),
            cadre_id=self.cadre.currentData(),
            tags=[c.text() for c in self.tag_boxes if c.isChecked()],
            note=self.note.text(),
            members=members,
        )
        return household, lines

    def snapshot(self) -> tuple[object, ...]:
        """Everything the form shows, to tell whether it was changed."""
        return (
            self.number.text(),
            self.address.text(),
            self.grid.currentIndex(),
            self.phone.text(),
            self.cadre.currentIndex(),
            tuple(c.isChecked() for c in self.tag_boxes),
            self.note.text(),
            tuple(row.snapshot() for row in self.members.rows if not row.is_blank()),
            self.clear_flags.isChecked(),
        )

    # saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        """Check and store the household; on a refusal mark what is wrong and keep the form."""
        household, lines = self.collect()
        self._clear_marks()
        base = self._household if self._household.id else None
        try:
            saved = stale_dialog.save_merging(
                self,
                lambda keep: self._store.register.save_household(household, base=base, keep=keep),
            )
        except HouseholdInvalid as exc:
            self._show_field_errors(exc.errors, lines)
            return False
        except DuplicateError as exc:
            self._show_duplicate(exc, lines)
            return False
        except NotFoundError as exc:  # deleted meanwhile: say so, keep the form
            form_feedback.show_messages(self.messages, self.tr("不能保存："), [exc.message])
            return False
        if saved is None:  # the clerk went back to the form
            return False
        self.saved_id = saved.id
        super().accept()
        return True

    def accept(self) -> None:
        """Enter in a field saves (through the checks) rather than closing the form."""
        self.save()

    def reject(self) -> None:
        """Close; if something was typed, ask first so nothing is lost by accident."""
        if self.snapshot() != self._initial and not form_feedback.confirm(
            self,
            self.tr("放弃修改"),
            self.tr("刚才填写的内容还没有保存。确定关闭并放弃这些修改吗？"),
            self.tr("放弃修改"),
        ):
            return
        super().reject()

    def _clear_marks(self) -> None:
        for widget in (self.number, self.address, self.phone, self.grid, self.cadre):
            clear_invalid(widget)
        self.members.clear_marks()
        self.messages.hide()

    def field_widget(self, field: str, lines: list[MemberRow]) -> QWidget:
        """The widget a field error names (``"members.1.id_number"`` → that line's ID)."""
        parts = field.split(".")
        if parts[0] == "members":
            if len(parts) == 3 and int(parts[1]) < len(lines):
                return lines[int(parts[1])].field(parts[2])
            return self.members.rows[0].name if self.members.rows else self.add_member_button
        return {"number": self.number, "phone": self.phone, "address": self.address}.get(
            parts[0], self.number
        )

    def _show_field_errors(self, errors: list[FieldError], lines: list[MemberRow]) -> None:
        messages: list[str] = []
        first: QWidget | None = None
        for error in errors:
            widget = self.field_widget(error.field, lines)
            if widget is not self.add_member_button:
                mark_invalid(widget, error.message)
            messages.append(self._where(error.field, lines) + error.message)
            first = first or widget
        form_feedback.show_messages(
            self.messages,
            self.tr("还不能保存，请改正标红的 {0} 处：").format(len(errors)),
            messages,
        )
        if first is not None:
            first.setFocus()

    def _where(self, field: str, lines: list[MemberRow]) -> str:
        parts = field.split(".")
        if parts[0] == "members" and len(parts) == 3 and int(parts[1]) < len(lines):
            return self.tr("第 {0} 名成员：").format(int(parts[1]) + 1)
        return ""

    def _show_duplicate(self, exc: DuplicateError, lines: list[MemberRow]) -> None:
        widget: QWidget = self.number
        if exc.code == "person.id_taken":
            taken = str(exc.data.get("id_number", ""))
            for row in lines:
                if citizen_id.normalise(row.id_number.text()) == taken:
                    widget = row.id_number
                    break
        mark_invalid(widget, exc.message)
        form_feedback.show_messages(self.messages, self.tr("还不能保存："), [exc.message])
        widget.setFocus()
