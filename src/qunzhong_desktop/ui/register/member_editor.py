"""The members part of the household form: one line of real widgets per member.

Each member is a row of line edits and combos (not a table with delegates), so Tab walks
through a member's fields in reading order, a wrong field can get a red border, and what a
clerk typed stays in the widget whatever the save does. Gender and birth date are derived
from the ID number as it is typed and shown read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.entities import RELATIONS, Person
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid

COLUMNS = ("name", "relation", "id_number", "gender", "birth", "phone", "tags", "note", "remove")


class MemberRow:
    """The widgets of one member and the stored values the form does not show."""

    def __init__(self, parent: QWidget, person: Person, tag_choices: Sequence[str]) -> None:
        self.person_id = person.id
        self.flags = list(person.flags)
        self._stored_gender = person.gender
        self._stored_birth = person.birth_date
        self.name = QLineEdit(person.name, parent)
        self.name.setPlaceholderText(QCoreApplication.translate("MemberRow", "姓名"))
        self.name.setMinimumWidth(84)  # a four-character name; narrower, the rows scroll
        self.relation = QComboBox(parent)
        self.relation.addItems(list(RELATIONS))
        if person.relation not in RELATIONS:
            self.relation.addItem(person.relation)
        self.relation.setCurrentText(person.relation)
        self.id_number = QLineEdit(person.id_number, parent)
        self.id_number.setPlaceholderText(
            QCoreApplication.translate("MemberRow", "18 位，末位可为 X")
        )
        self.id_number.setMinimumWidth(190)
        self.gender = QLabel(parent)
        self.birth = QLabel(parent)
        for label in (self.gender, self.birth):
            label.setStyleSheet("color: #37474f;")
            label.setToolTip(QCoreApplication.translate("MemberRow", "由身份证号自动得出"))
        self.phone = QLineEdit(person.phone, parent)
        self.phone.setPlaceholderText(QCoreApplication.translate("MemberRow", "手机或带区号固话"))
        self.phone.setMinimumWidth(124)  # 13 digits of a landline with its area code
        self.tags = QToolButton(parent)
        self.tags.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.tags)
        self.tag_actions: list[QAction] = []
        for tag in [*tag_choices, *(t for t in person.tags if t not in tag_choices)]:
            action = menu.addAction(tag)
            action.setCheckable(True)
            action.setChecked(tag in person.tags)
            action.toggled.connect(self._show_tags)
            self.tag_actions.append(action)
        self.tags.setMenu(menu)
        self.tags.setMinimumWidth(120)
        self.tags.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.note = QLineEdit(person.note, parent)
        self.note.setMinimumWidth(80)
        self.remove = QPushButton(QCoreApplication.translate("MemberRow", "移除"), parent)
        self.remove.setToolTip(
            QCoreApplication.translate("MemberRow", "从本户移除这名成员（保存后生效）")
        )
        self.remove.setMaximumWidth(70)
        self._show_tags()
        self.id_number.textChanged.connect(self.derive)
        self.derive()

    def widgets(self) -> list[QWidget]:
        """The widgets in column order."""
        return [
            self.name,
            self.relation,
            self.id_number,
            self.gender,
            self.birth,
            self.phone,
            self.tags,
            self.note,
            self.remove,
        ]

    def inputs(self) -> list[QWidget]:
        """The widgets that take keyboard focus, in Tab order."""
        return [self.name, self.relation, self.id_number, self.phone, self.tags, self.note]

    def field(self, attr: str) -> QWidget:
        """The widget of a :class:`Person` attribute named in a field error."""
        return {
            "name": self.name,
            "relation": self.relation,
            "id_number": self.id_number,
            "phone": self.phone,
            "tags": self.tags,
            "note": self.note,
        }.get(attr, self.name)

    def chosen_tags(self) -> list[str]:
        """The member's ticked support tags."""
        return [a.text() for a in self.tag_actions if a.isChecked()]

    def is_blank(self) -> bool:
        """Whether nothing at all was typed on this line (it is then ignored)."""
        return not (
            self.person_id
            or self.name.text().strip()
            or self.id_number.text().strip()
            or self.phone.text().strip()
            or self.note.text().strip()
            or self.chosen_tags()
        )

    def person(self) -> Person:
        """A new :class:`Person` from what the line shows (the save normalises it)."""
        return Person(
            id=self.person_id,
            name=self.name.text(),
            relation=self.relation.currentText(),
            id_number=self.id_number.text(),
            gender=self._stored_gender,
            birth_date=self._stored_birth,
            phone=self.phone.text(),
            tags=self.chosen_tags(),
            note=self.note.text(),
            flags=list(self.flags),
        )

    def snapshot(self) -> tuple[object, ...]:
        """What the line shows, to tell whether the form was changed."""
        return (
            self.person_id,
            self.name.text(),
            self.relation.currentText(),
            self.id_number.text(),
            self.phone.text(),
            tuple(self.chosen_tags()),
            self.note.text(),
        )

    def derive(self) -> None:
        """Show gender and birth date from the ID number as soon as it is complete and valid."""
        number = citizen_id.normalise(self.id_number.text())
        clear_invalid(self.id_number)
        if not number:
            self._show_derived(self._stored_gender, self._stored_birth)
            return
        if len(number) < 18:
            self._show_derived("", None)
            self.birth.setText(
                QCoreApplication.translate("MemberRow", "还差 {0} 位").format(18 - len(number))
            )
            return
        try:
            checked = citizen_id.parse(number)
        except ValidationError as exc:
            self._show_derived("", None)
            mark_invalid(self.id_number, exc.message)
            return
        self._show_derived(checked.gender, checked.birth_date)

    def _show_derived(self, gender: str, birth: dt.date | None) -> None:
        self.gender.setText(gender or "—")
        self.birth.setText(birth.isoformat() if birth else "—")

    def _show_tags(self) -> None:
        chosen = self.chosen_tags()
        self.tags.setText(
            "、".join(chosen) if chosen else QCoreApplication.translate("MemberRow", "无")
        )
        self.tags.setToolTip("、".join(chosen))


class MembersEditor(QWidget):
    """The grid of member lines with a header; emits ``changed`` when lines come or go."""

    changed = Signal()

    def __init__(
        self,
        tag_choices: Sequence[str],
        confirm_remove: Callable[[MemberRow], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tag_choices = list(tag_choices)
        self._confirm_remove = confirm_remove
        self.rows: list[MemberRow] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        headers = (
            self.tr("姓名"),
            self.tr("与户主关系"),
            self.tr("身份证号"),
            self.tr("性别"),
            self.tr("出生日期"),
            self.tr("电话"),
            self.tr("标签"),
            self.tr("备注"),
            "",
        )
        for column, text in enumerate(headers):
            label = QLabel(text, self)
            label.setStyleSheet("font-weight: bold;")
            self._grid.addWidget(label, 0, column)
        for column, stretch in ((0, 2), (2, 4), (5, 3), (6, 2), (7, 2)):
            self._grid.setColumnStretch(column, stretch)
        self._grid.setRowStretch(1000, 1)

    def add_member(self, person: Person | None = None) -> MemberRow:
        """Append a line for a person (an empty line if None)."""
        if person is None:
            relation = (
                "子女" if any(r.relation.currentText() == "户主" for r in self.rows) else "户主"
            )
            person = Person(name="", relation=relation)
        row = MemberRow(self, person, self._tag_choices)
        row.remove.clicked.connect(lambda: self.remove_member(row))
        self.rows.append(row)
        self._place(len(self.rows) - 1, row)
        self.changed.emit()
        return row

    def remove_member(self, row: MemberRow) -> None:
        """Drop a line, asking first if something was typed on it."""
        if not row.is_blank() and not self._confirm_remove(row):
            return
        index = self.rows.index(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        del self.rows[index]
        for position in range(index, len(self.rows)):
            for widget in self.rows[position].widgets():
                self._grid.removeWidget(widget)
            self._place(position, self.rows[position])
        self.changed.emit()

    def _place(self, position: int, row: MemberRow) -> None:
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, position + 1, column)
            widget.show()

    def focus_order(self) -> list[QWidget]:
        """Every member input in Tab order."""
        return [w for row in self.rows for w in row.inputs()]

    def clear_marks(self) -> None:
        """Remove red borders from every member field (the ID hint is recomputed)."""
        for row in self.rows:
            for widget in row.inputs():
                clear_invalid(widget)
            row.derive()
