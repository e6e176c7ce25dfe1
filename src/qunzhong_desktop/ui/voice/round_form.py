"""新建测评 / 修改: a round's details and who is rated.

Who is rated is ticked from the registers' candidates (the township office, the station,
the paired units, the village's cadres by category — ``store.evaluations.candidates``) and
added by hand (a name, 个人 or 单位, what they are). Editing keeps the counts entered; a row
no longer ticked leaves the ballot. A refusal (more ballots returned than issued, a name
twice …) is said in the form, next to the field, and nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.evaluation import (
    CADRE,
    KINDS,
    MAX_BALLOTS,
    UNIT,
    Candidate,
    RatedRow,
    Round,
    StoredRound,
    Tally,
    period_text,
)
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import date_edit, mark_invalid, pydate, qdate
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.voice.parts import ROW_HEIGHT, VoiceForm, cell, item_button, period_choices

NAME, KIND, ROLE = 1, 2, 3


class RoundForm(VoiceForm):
    """新建测评 (or, with ``stored``, 修改测评).

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: today's date (the day and period offered).
        stored: the round to change, if any.

    Attributes:
        saved: the round as stored once saved.
        rows: what each table row stands for (the kept row, or a candidate).
    """

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Today | None = None,
        stored: StoredRound | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.stored = stored
        self.saved: StoredRound | None = None
        today = (clock or dt.date.today)()
        self.setWindowTitle(self.tr("修改测评") if stored else self.tr("新建测评"))
        self.ok.setText(self.tr("保存(&S)"))
        station = store.register.station()
        self.villages: tuple[str, ...] = (station.code,) if station is not None else ()
        if stored is not None:
            self.villages = stored.round.villages
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.period = QComboBox(self)
        periods = period_choices(today)
        if stored is not None and stored.round.period not in periods:
            periods.insert(0, stored.round.period)
        for period in periods:
            self.period.addItem(period_text(period) or self.tr("（不指定）"), period)
        self.day = date_edit(self, today, latest=today)
        self.village_label = QLabel(
            "、".join(dict(store.items.stations()).get(c, c) for c in self.villages), self
        )
        numbers = QWidget(self)
        line = QHBoxLayout(numbers)
        line.setContentsMargins(0, 0, 0, 0)
        self.participants = self._spin(numbers, line, self.tr("参会人数"))
        self.issued = self._spin(numbers, line, self.tr("发出选票"))
        self.returned = self._spin(numbers, line, self.tr("收回选票"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("可不填：默认为“期间 + 类型”"))
        self.row(self.tr("测评类型(&K)"), self.kind, "kind")
        self.row(self.tr("测评期间(&Q)"), self.period, "period")
        self.row(self.tr("测评日期(&D)"), self.day, "day")
        self.row(self.tr("测评的村"), self.village_label, "villages")
        self.row(self.tr("人数和选票(&U)"), numbers)
        self.row(self.tr("标题(&I)"), self.title, "title")
        self.fields.update(
            {
                "participants": self.participants,
                "ballots_issued": self.issued,
                "ballots_returned": self.returned,
            }
        )
        self.extra.addWidget(
            QLabel(self.tr("被测评人和单位（打勾的印在选票上，按列表顺序）："), self)
        )
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("测评"), self.tr("名称"), self.tr("个人/单位"), self.tr("身份或类别")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 48), (KIND, 80), (ROLE, 130)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.fields["name"] = self.table
        self.extra.addWidget(self.table, 1)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        self.extra.addWidget(self.notes)
        adding = QHBoxLayout()
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("名单外的人或单位"))
        self.new_kind = QComboBox(self)
        self.new_kind.addItem(self.tr("个人"), CADRE)
        self.new_kind.addItem(self.tr("单位"), UNIT)
        self.new_role = QLineEdit(self)
        self.new_role.setPlaceholderText(self.tr("身份，如 工作队员"))
        caption = QLabel(self.tr("添加(&A)："), self)
        caption.setBuddy(self.new_name)
        self.add_button = item_button(self, self.tr("加入名单"), self.add_by_hand)
        self.new_name.returnPressed.connect(self.add_by_hand)
        for widget in (caption, self.new_name, self.new_kind, self.new_role, self.add_button):
            adding.addWidget(widget, 1 if widget is self.new_name else 0)
        self.extra.addLayout(adding)
        self.rows: list[RatedRow] = []
        self._fill(today)
        fit_to_screen(self, 760, 700)

    def _spin(self, parent: QWidget, line: QHBoxLayout, caption: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(0, MAX_BALLOTS)
        spin.setAccelerated(True)
        label = QLabel(caption, parent)
        label.setBuddy(spin)
        line.addWidget(label)
        line.addWidget(spin)
        return spin

    def _fill(self, today: dt.date) -> None:
        stored = self.stored
        candidates: tuple[Candidate, ...] = ()
        notes: tuple[str, ...] = ()
        try:
            found = self.store.evaluations.candidates(self.villages[0] if self.villages else None)
            candidates, notes = found.rows, found.notes
        except DomainError as exc:
            notes = (exc.message,)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        if stored is None:
            for candidate in candidates:
                self._append(RatedRow(Tally(candidate.name, candidate.rated,
                                            role=candidate.role), candidate.cadre_id), True)  # fmt: skip
            return
        r = stored.round
        self.kind.setCurrentText(r.kind)
        self.period.setCurrentIndex(max(self.period.findData(r.period), 0))
        self.day.setDate(qdate(r.day))
        self.participants.setValue(r.participants)
        self.issued.setValue(r.ballots_issued)
        self.returned.setValue(r.ballots_returned)
        self.title.setText(stored.title)
        for row in stored.rows:
            self._append(row, True)
        listed = {(row.tally.name, row.tally.rated) for row in stored.rows}
        for candidate in candidates:
            if (candidate.name, candidate.rated) not in listed:
                self._append(RatedRow(Tally(candidate.name, candidate.rated,
                                            role=candidate.role), candidate.cadre_id), False)  # fmt: skip

    def _append(self, row: RatedRow, ticked: bool) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                      | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
        tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.table.setItem(index, 0, tick)
        kind = self.tr("个人") if row.tally.rated == CADRE else self.tr("单位")
        for column, text in ((NAME, row.tally.name), (KIND, kind), (ROLE, row.tally.role)):
            self.table.setItem(index, column, QTableWidgetItem(text))
        self.rows.append(row)

    def add_by_hand(self) -> None:
        """Put the name typed on the list, ticked."""
        name = self.new_name.text().strip()
        if not name:
            self.new_name.setFocus()
            return
        rated = str(self.new_kind.currentData())
        self._append(RatedRow(Tally(name, rated, role=self.new_role.text().strip())), True)
        self.new_name.clear()
        self.new_role.clear()
        self.table.scrollToBottom()
        self.new_name.setFocus()

    def ticked(self) -> list[RatedRow]:
        """The rows ticked, in list order."""
        return [
            row
            for index, row in enumerate(self.rows)
            if cell(self.table, index, 0).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, names: set[str]) -> None:
        """Tick exactly the rows named (tests, and a quick choice)."""
        for index, row in enumerate(self.rows):
            state = Qt.CheckState.Checked if row.tally.name in names else Qt.CheckState.Unchecked
            cell(self.table, index, 0).setCheckState(state)

    def round(self) -> Round:
        """The round as the form holds it."""
        return Round(
            kind=self.kind.currentText(),
            day=pydate(self.day.date()),
            villages=tuple(self.villages),
            participants=self.participants.value(),
            ballots_issued=self.issued.value(),
            ballots_returned=self.returned.value(),
            period=str(self.period.currentData() or ""),
        )

    def save(self) -> StoredRound:
        """Create the round, or change it and its rows."""
        rows = self.ticked()
        if not rows:
            raise ValidationError(
                self.tr("请至少勾选一名被测评人或一个单位。"), code="evaluation.rows", field="name"
            )
        evaluations = self.store.evaluations
        if self.stored is None:
            self.saved = evaluations.create(self.round(), rows, title=self.title.text())
        else:
            evaluations.update(self.stored.id, self.round(), title=self.title.text(),
                               note=self.stored.note)  # fmt: skip
            self.saved = evaluations.set_rows(self.stored.id, rows)
        return self.saved

    def refuse(self, exc: DomainError) -> None:
        """Say it; a row named by the refusal is selected."""
        super().refuse(exc)
        index = exc.data.get("index") if isinstance(exc, ValidationError) else None
        if isinstance(index, int):
            ticked = [i for i, _row in enumerate(self.rows)
                      if cell(self.table, i, 0).checkState() == Qt.CheckState.Checked]  # fmt: skip
            if 0 <= index < len(ticked):
                self.table.selectRow(ticked[index])
                mark_invalid(self.table, exc.message)
