"""The 信访 row of the new-item form: the mark chosen while registering, with the hints.

:class:`PetitionFields` holds 不是信访 / 初信初访 / 重复信访, 来信 / 来访 and 到乡 … 赴京 (the
form follows the channel until the clerk picks it). While a petition is chosen it says, under
the row, when the same requester raised a similar matter within the year before
(``store.petitions.repeats_for``) — with 采纳建议 to make it 重复信访 — and who is in charge
of the domain (the township's 分管 areas). The mark is saved with the item
(``NewItem.petition*``), in the item's own transaction.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qunzhong_desktop.core.petitions import FORMS, LEVELS, REACHES, REPEAT, Earlier, Mark
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.petitions.parts import HINT_STYLE

SHOWN = 3  # earlier numbers named in the hint


class PetitionFields(QWidget):
    """信访类别, 信访形式, 信访层级 and the hints of the new-item form.

    Attributes:
        level, form, reach: the three choices.
        repeats: the earlier items the last :meth:`refresh` found.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.repeats: tuple[Earlier, ...] = ()
        self._form_chosen = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.level = QComboBox(self)
        self.level.addItem(self.tr("不是信访"), "")
        for level in LEVELS:
            self.level.addItem(level, level)
        self.form = QComboBox(self)
        self.form.addItems(list(FORMS))
        self.form.setToolTip(self.tr("信访形式"))
        self.reach = QComboBox(self)
        self.reach.addItems(list(REACHES))
        self.reach.setToolTip(self.tr("信访层级"))
        row.addWidget(self.level, 2)
        row.addWidget(self.form, 1)
        row.addWidget(self.reach, 1)
        layout.addLayout(row)
        hint_row = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("petitionHint")
        self.take_button = QPushButton(self.tr("采纳建议"), self)
        self.take_button.setToolTip(self.tr("标记为重复信访"))
        self.take_button.clicked.connect(self.take_suggestion)
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.take_button)
        layout.addLayout(hint_row)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.form.activated.connect(self._form_picked)
        self._context: tuple[str | None, str, str, str, str, dt.date] | None = None
        self._level_changed()

    # what the form tells it ------------------------------------------------------------------
    def follow_channel(self, channel: str) -> None:
        """A letter channel suggests 来信, any other 来访, until the clerk picks the form."""
        if not self._form_chosen:
            self.form.setCurrentText("来信" if channel == "来信" else "来访")

    def refresh(
        self,
        person_id: str | None,
        name: str,
        *,
        phone: str,
        domain: str,
        content: str,
        day: dt.date,
    ) -> None:
        """Look again for earlier items of this requester and say who is in charge."""
        self._context = (person_id, name, phone, domain, content, day)
        self._show_hints()

    def _show_hints(self) -> None:
        if not self.level.currentData() or self._context is None:
            self.repeats = ()
            self.hint.clear()
            self.hint.hide()
            self.take_button.hide()
            return
        person_id, name, phone, domain, content, day = self._context
        found: tuple[Earlier, ...] = ()
        if (person_id or name) and content.strip():
            found = self._store.petitions.repeats_for(
                person_id, name, phone=phone, domain=domain, content=content, received_on=day
            )
        self.repeats = found
        lines = []
        if found:
            numbers = "、".join(e.number for e in found[:SHOWN])
            more = self.tr(" 等 {n} 件").format(n=len(found)) if len(found) > SHOWN else ""
            lines.append(
                self.tr("同一诉求人一年内反映过相似问题（{numbers}{more}），建议标记为重复信访。")
                .format(numbers=numbers, more=more)
            )  # fmt: skip
        leader = self._store.petitions.proposed_handler(domain) if domain else ""
        if leader:
            lines.append(
                self.tr("分管领导：{leader}（{domain}）。").format(leader=leader, domain=domain)
            )
        self.hint.setText("\n".join(lines))
        self.hint.setStyleSheet(
            "color: #8a4b00; font-weight: bold;" if found else HINT_STYLE
        )  # fmt: skip
        self.hint.setVisible(bool(lines))
        self.take_button.setVisible(bool(found) and self.level.currentData() != REPEAT)

    def _level_changed(self) -> None:
        petition = bool(self.level.currentData())
        self.form.setEnabled(petition)
        self.reach.setEnabled(petition)
        self._show_hints()

    def _form_picked(self) -> None:
        self._form_chosen = True

    # what it gives ---------------------------------------------------------------------------
    def take_suggestion(self) -> None:
        """采纳建议: the level becomes 重复信访."""
        self.level.setCurrentIndex(self.level.findData(REPEAT))

    def mark(self) -> Mark:
        """The mark as chosen (nothing when it is no petition)."""
        level = str(self.level.currentData() or "")
        if not level:
            return Mark()
        return Mark(level, self.form.currentText(), self.reach.currentText())

    def clear(self) -> None:
        """Back to 不是信访 for the next resident."""
        self._form_chosen = False
        self._context = None
        self.level.setCurrentIndex(0)
        self.form.setCurrentIndex(FORMS.index("来访"))
        self.reach.setCurrentIndex(0)
