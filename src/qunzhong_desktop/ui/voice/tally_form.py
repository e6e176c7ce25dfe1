"""计票 (the counts per rated row) and 逐张录入 (one ballot at a time).

:class:`TallyForm` is a grid: one row per rated person or unit, three counts 满意 / 基本满意 /
不满意. Tab and Enter move through the counts row by row; each count's text is selected when
it is entered, so typing replaces it. A row whose votes exceed the ballots returned turns
red with a message and 保存 is disabled until it is right.

:class:`BallotForm` enters one ballot: a row of choices per rated row (空 = left blank);
下一张 counts it (the store refuses a ballot more than came back) and clears the choices.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.evaluation import ANSWERS, BLANK, CADRE, MAX_BALLOTS, StoredRound
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import ENTER_KEYS, confirm
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.palette import ERROR_STYLE, OVERDUE_TINT
from qunzhong_desktop.ui.voice.parts import VoiceForm, cell

COUNTS = (2, 3, 4)  # the columns of 满意, 基本满意, 不满意
TOTAL, CHECK = 5, 6


class _Moves(QObject):
    """Enter in a count goes to the next count (the last one: 保存); entering selects all."""

    def __init__(self, form: TallyForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QSpinBox):
            return False
        if event.type() == QEvent.Type.FocusIn:
            QTimer.singleShot(0, watched.selectAll)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in ENTER_KEYS
        ):
            self.form.next_after(watched)
            return True
        return False


class TallyForm(VoiceForm):
    """计票: the counts of every rated row, checked against the ballots returned as typed.

    Args:
        store: the station's store.
        stored: the round (its rows and their counts so far).
        parent: the Qt parent.

    Attributes:
        spins: per row, the three counts.
    """

    def __init__(self, store: Store, stored: StoredRound, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.stored = stored
        self.returned = stored.round.ballots_returned
        self.setWindowTitle(self.tr("计票 — {0}").format(stored.heading))
        self.ok.setText(self.tr("保存(&S)"))
        intro = QLabel(
            self.tr("收回选票 {0} 张。按行填写每人（单位）的满意、基本满意、不满意票数；"
                    "每行合计不能超过收回的选票。Tab 或回车到下一格。").format(self.returned),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.extra.addWidget(intro)
        self.table = QTableWidget(len(stored.rows), 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("被测评人（单位）"), self.tr("身份"), self.tr("满意"),
            self.tr("基本满意"), self.tr("不满意"), self.tr("合计"), self.tr("核对"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 100), (2, 74), (3, 84), (4, 74), (TOTAL, 56)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.moves = _Moves(self)
        self.spins: list[tuple[QSpinBox, QSpinBox, QSpinBox]] = []
        for index, row in enumerate(stored.rows):
            t = row.tally
            name = QTableWidgetItem(t.name if t.rated == CADRE else f"{t.name}（单位）")
            self.table.setItem(index, 0, name)
            self.table.setItem(index, 1, QTableWidgetItem(t.role))
            spins = []
            for column, value in zip(COUNTS, (t.satisfied, t.fair, t.unsatisfied), strict=True):
                spin = QSpinBox(self.table)
                spin.setRange(0, MAX_BALLOTS)
                spin.setValue(value)
                spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                spin.setAccessibleName(f"{t.name} {ANSWERS[COUNTS.index(column)]}")
                spin.installEventFilter(self.moves)
                spin.valueChanged.connect(lambda _v, i=index: self.check_row(i))
                self.table.setCellWidget(index, column, spin)
                spins.append(spin)
            self.spins.append((spins[0], spins[1], spins[2]))
            self.table.setItem(index, TOTAL, QTableWidgetItem())
            self.table.setItem(index, CHECK, QTableWidgetItem())
        self.extra.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.extra.addWidget(self.summary)
        order = [spin for trio in self.spins for spin in trio]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        if order:
            QWidget.setTabOrder(order[-1], self.ok)
            order[0].setFocus()
        for index in range(len(self.spins)):
            self.check_row(index)
        self.typed_from = self.counts()  # what closing without saving would lose
        fit_to_screen(self, 760, 560)

    def reject(self) -> None:
        """取消, Esc or closing: ask first when counts were typed and not saved."""
        if self.result_value is None and self.counts() != self.typed_from:
            leave = confirm(
                self, self.tr("计票"), self.tr("已录入的票数还没有保存，确定放弃吗？"),
                self.tr("放弃录入"),
            )  # fmt: skip
            if not leave:
                return
        super().reject()

    def counts(self) -> dict[str, tuple[int, int, int]]:
        """The counts typed, by row name."""
        return {
            row.tally.name: (a.value(), b.value(), c.value())
            for row, (a, b, c) in zip(self.stored.rows, self.spins, strict=True)
        }

    def over(self) -> list[int]:
        """The rows with more votes than ballots returned."""
        return [
            i for i, trio in enumerate(self.spins) if sum(s.value() for s in trio) > self.returned
        ]

    def check_row(self, index: int) -> None:
        """Show the row's total; a row over the ballots returned turns red, 保存 waits."""
        total = sum(s.value() for s in self.spins[index])
        too_many = total > self.returned
        cell(self.table, index, TOTAL).setText(str(total))
        check = cell(self.table, index, CHECK)
        if too_many:
            check.setText(
                self.tr("票数合计 {0} 张，超过收回的 {1} 张").format(total, self.returned)
            )
        elif total < self.returned:
            check.setText(self.tr("空票 {0} 张").format(self.returned - total))
        else:
            check.setText("")
        tint = QColor(OVERDUE_TINT) if too_many else QColor(Qt.GlobalColor.transparent)
        for column in (0, 1, TOTAL, CHECK):
            cell(self.table, index, column).setBackground(tint)
        for spin in self.spins[index]:
            spin.setStyleSheet("background: #ffcdd2;" if too_many else "")
        over = self.over()
        self.ok.setEnabled(not over)
        if over:
            names = "、".join(self.stored.rows[i].tally.name for i in over)
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(
                self.tr("{0} 的票数超过了收回的选票 {1} 张，请核对后再保存。").format(
                    names, self.returned
                )
            )
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr("每行票数都没有超过收回的选票。"))

    def next_after(self, spin: QSpinBox) -> None:
        """Enter: the next count, or 保存 after the last one."""
        order = [s for trio in self.spins for s in trio]
        index = order.index(spin)
        if index + 1 < len(order):
            order[index + 1].setFocus()
        else:
            self.ok.setFocus()

    def save(self) -> StoredRound:
        """Store the counts (the store checks them again)."""
        return self.store.evaluations.tally(self.stored.id, self.counts())


class BallotForm(VoiceForm):
    """逐张录入: one ballot at a time; 下一张 counts it and clears the choices.

    Args:
        store: the station's store.
        stored: the round.
        parent: the Qt parent.

    Attributes:
        entered: the ballots counted in this form.
    """

    def __init__(self, store: Store, stored: StoredRound, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.store = store
        self.stored = stored
        self.entered = 0
        self.setWindowTitle(self.tr("逐张录入 — {0}").format(stored.heading))
        self.ok.setText(self.tr("下一张(&N)"))
        self.buttons.buttons()[-1].setText(self.tr("完成"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.extra.addWidget(self.status)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        for column, text in enumerate((self.tr("被测评人（单位）"), self.tr("满意"), self.tr("基本满意"),
                                       self.tr("不满意"), self.tr("空"))):  # fmt: skip
            align = Qt.AlignmentFlag.AlignCenter if column else Qt.AlignmentFlag.AlignLeft
            grid.addWidget(QLabel(f"<b>{text}</b>", grid_host), 0, column, align)
        self.groups: list[QButtonGroup] = []
        for index, row in enumerate(stored.rows, start=1):
            grid.addWidget(QLabel(row.tally.name, grid_host), index, 0)
            group = QButtonGroup(self)
            for column, answer in enumerate((*ANSWERS, BLANK), start=1):
                radio = QRadioButton(grid_host)
                radio.setAccessibleName(f"{row.tally.name} {answer or '空'}")
                radio.setProperty("answer", answer)
                group.addButton(radio, column)
                grid.addWidget(radio, index, column, Qt.AlignmentFlag.AlignCenter)
            self.groups.append(group)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.extra.addWidget(scroll, 1)
        self.clear()
        self._show_status()
        fit_to_screen(self, 620, 520)

    def choose(self, name: str, answer: str) -> None:
        """Tick ``answer`` (满意 …, "" for 空) on ``name``'s row."""
        for row, group in zip(self.stored.rows, self.groups, strict=True):
            if row.tally.name == name:
                for button in group.buttons():
                    if button.property("answer") == answer:
                        button.setChecked(True)

    def answers(self) -> dict[str, str]:
        """The ballot as ticked: row name → 满意 / 基本满意 / 不满意 / "" (空)."""
        out = {}
        for row, group in zip(self.stored.rows, self.groups, strict=True):
            button = group.checkedButton()
            out[row.tally.name] = str(button.property("answer")) if button is not None else ""
        return out

    def clear(self) -> None:
        """Every row back to 空; the first row's choices get the focus."""
        for group in self.groups:
            group.button(len(ANSWERS) + 1).setChecked(True)
        if self.groups:
            self.groups[0].button(1).setFocus()

    def _show_status(self) -> None:
        self.status.setText(
            self.tr("收回选票 {0} 张；本次已录入 {1} 张。每张选票勾完后点“下一张”计入。").format(
                self.stored.round.ballots_returned, self.entered
            )
        )

    def save(self) -> StoredRound:
        """Count the ballot ticked."""
        return self.store.evaluations.add_ballot(self.stored.id, self.answers())

    def submit(self) -> None:
        """下一张: count the ballot and stay open for the next one."""
        self.messages.hide()
        try:
            self.save()
        except DomainError as exc:
            self.refuse(exc)
            return
        self.entered += 1
        self._show_status()
        self.clear()
