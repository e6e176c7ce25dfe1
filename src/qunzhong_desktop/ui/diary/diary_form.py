"""One resident-diary entry (民情日记): cadre, day, kind, what was seen and heard, visits.

Households are added by search (户号、姓名、拼音首字母; ↓/↑ choose, Enter adds) or all of the
cadre's paired households at once. Each visit has the nine points of 三必看、三必问、三必留, a
tick and a note each, and a 问题转受理 button that turns a problem found there into an intake
item (channel 走访) linked to the entry. A 民情恳谈会 has no visits: its 问题转受理 button is
the entry's, and the item (channel 民情恳谈会) may be asked by a group or the whole village.
A refused save keeps everything typed, marks the wrong fields and lists the reasons.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.diary import (
    CHECK_GROUPS,
    KINDS,
    NOTE_LIMIT,
    PLACE_LIMIT,
    VISIT_KINDS,
    CheckMark,
    DiaryEntry,
    DiaryVisit,
    duplicate,
    problems,
)
from qunzhong_desktop.core.entities import HouseholdRow
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.rules import GROUP_FINDING_KINDS
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import (
    ENTER_KEYS,
    clear_invalid,
    enter_moves_on,
    mark_invalid,
    message_area,
    pydate,
    qdate,
    show_messages,
)
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.diary.finding_dialog import FindingDialog, run_finding_dialog

SEARCH_DELAY_MS = 150
HITS = 12
BANNER_STYLE = (
    "QLabel#savedBanner { background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px;"
    " padding: 6px; font-weight: bold; color: #1b5e20; }"
)


class VisitBox(QGroupBox):
    """One household visited: the nine points, each a tick and a note.

    Signals:
        finding: 问题转受理 was pressed.
        remove: 移除 was pressed.
    """

    finding = Signal()
    remove = Signal()

    def __init__(self, visit: DiaryVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household_id = visit.household_id
        self.label = f"{visit.household_number}　{visit.head_name}".strip("　")
        self.setTitle(
            self.tr("户号 {number}　{name}　{address}")
            .format(number=visit.household_number, name=visit.head_name, address=visit.address)
            .strip("　")
        )
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for column, (group, points) in enumerate(CHECK_GROUPS):
            title = QLabel(group, self)
            title.setStyleSheet("color: #b71c1c; font-weight: bold;")
            grid.addWidget(title, 0, column * 2, 1, 2)
            for row, (code, label) in enumerate(points, start=1):
                mark = visit.mark(code)
                box = QCheckBox(label, self)
                box.setChecked(mark.done)
                note = QLineEdit(mark.note, self)
                note.setPlaceholderText(self.tr("备注"))
                note.setMaxLength(NOTE_LIMIT)
                grid.addWidget(box, row, column * 2)
                grid.addWidget(note, row, column * 2 + 1)
                self.boxes[code] = box
                self.notes[code] = note
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.note = QLineEdit(visit.note, self)
        self.note.setPlaceholderText(self.tr("这一户的其他情况（可不填）"))
        self.finding_button = QPushButton(self.tr("问题转受理…"), self)
        self.finding_button.setToolTip(
            self.tr("把这一户反映或发现的问题登记为受理事项（来源：走访）")
        )
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.finding_button.clicked.connect(self.finding.emit)
        self.remove_button.clicked.connect(self.remove.emit)
        self.items_label = QLabel(self)
        self.items_label.setStyleSheet("color: #0d47a1;")
        self.items_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items_label.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.finding_button)
        bottom.addWidget(self.remove_button)
        grid.addLayout(bottom, 4, 0, 1, 6)
        grid.addWidget(self.items_label, 5, 0, 1, 6)

    def visit(self) -> DiaryVisit:
        """What the box holds."""
        checks = {
            code: CheckMark(box.isChecked(), self.notes[code].text().strip())
            for code, box in self.boxes.items()
            if box.isChecked() or self.notes[code].text().strip()
        }
        return DiaryVisit(self.household_id, checks, note=self.note.text().strip())

    def show_items(self, numbers: list[str]) -> None:
        """List the items turned from this household's findings."""
        self.items_label.setVisible(bool(numbers))
        self.items_label.setText(self.tr("已转受理：{numbers}").format(numbers="、".join(numbers)))


class DiaryForm(QDialog):
    """新建 / 编辑民情日记.

    Args:
        store: the station's store.
        entry: the entry to edit (None: a new one).
        cadre_id: the cadre a new entry is for.
        day: the day of a new entry (default: today).
        today: the current date (tests fix it).

    Signals:
        saved: the entry was saved (its id).
    """

    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        entry: DiaryEntry | None = None,
        parent: QWidget | None = None,
        *,
        cadre_id: str | None = None,
        day: dt.date | None = None,
        today: Today | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today: Today = today or dt.date.today
        self.entry_id = entry.id if entry else None
        self._entry_cadre = entry.cadre_id if entry else None
        self._day_taken = False  # the messages say the day is taken (check_day)
        self.visit_boxes: list[VisitBox] = []
        self.hits: list[HouseholdRow] = []
        self.last_number = ""
        self.setWindowTitle(self.tr("民情日记"))
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("savedBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.messages)
        layout.addWidget(self.banner)
        layout.addLayout(self._head())
        layout.addWidget(self._visits_box(), 1)
        layout.addLayout(self._buttons())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.save)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._fill(entry, cadre_id, day)
        fit_to_screen(self, 1060, 760)

    # building -----------------------------------------------------------------------------
    def _head(self) -> QGridLayout:
        grid = QGridLayout()
        self.cadre = QComboBox(self)
        for cadre in self._store.register.cadres():
            if cadre.retired and cadre.id != self._entry_cadre:
                continue  # a retired cadre writes no new diary
            unit = f"（{cadre.unit}）" if cadre.unit else ""
            self.cadre.addItem(f"{cadre.name}{unit}", cadre.id)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(qdate(self._today()))
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.place = QLineEdit(self)
        self.place.setMaxLength(PLACE_LIMIT)
        self.place.setPlaceholderText(self.tr("如 村委会、三组（电话回访记了村里的地点才算在村）"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("所见所闻：走访、座谈、接待中看到和听到的情况（Ctrl+回车 保存）")
        )
        self.text.setMaximumHeight(120)
        for column, (caption, widget) in enumerate(
            ((self.tr("干部(&G)"), self.cadre), (self.tr("日期(&D)"), self.day),
             (self.tr("类型(&K)"), self.kind))
        ):  # fmt: skip
            label = QLabel(caption, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        place_label = QLabel(self.tr("地点(&P)"), self)
        place_label.setBuddy(self.place)
        grid.addWidget(place_label, 1, 0)
        grid.addWidget(self.place, 1, 1, 1, 5)
        text_label = QLabel(self.tr("所见所闻(&T)"), self)
        text_label.setBuddy(self.text)
        grid.addWidget(text_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.text, 2, 1, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        return grid

    def _visits_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("走访户（三必看、三必问、三必留）"), self)
        self.visits_group = box
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.search = QLineEdit(box)
        self.search.setPlaceholderText(self.tr("户号 / 姓名 / 拼音首字母，↓ 选择，回车添加"))
        self.search.installEventFilter(self)
        search_label = QLabel(self.tr("添加走访户(&H)"), box)
        search_label.setBuddy(self.search)
        self.paired_button = QPushButton(self.tr("添加结对户(&J)"), box)
        self.paired_button.setToolTip(self.tr("把这名干部结对帮扶的户都加进来"))
        self.paired_button.clicked.connect(self.add_paired)
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        row.addWidget(self.paired_button)
        layout.addLayout(row)
        self.hit_list = QListWidget(box)
        self.hit_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hit_list.setMaximumHeight(110)
        self.hit_list.itemDoubleClicked.connect(lambda item: self.add_hit(self.hit_list.row(item)))
        self.hit_list.hide()
        layout.addWidget(self.hit_list)
        self.empty_label = QLabel(self.tr("还没有添加走访户。"), box)
        self.empty_label.setStyleSheet("color: #666;")
        self.visits_widget = QWidget()
        self.visits_layout = QVBoxLayout(self.visits_widget)
        self.visits_layout.setContentsMargins(0, 0, 0, 0)
        self.visits_layout.addWidget(self.empty_label)
        self.visits_layout.addStretch(1)
        self.visits_scroll = QScrollArea(box)
        self.visits_scroll.setWidgetResizable(True)
        self.visits_scroll.setWidget(self.visits_widget)
        layout.addWidget(self.visits_scroll, 1)
        self.items_label = QLabel(box)
        self.items_label.setWordWrap(True)
        self.items_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.items_label)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.meeting_button = QPushButton(self.tr("恳谈会问题转受理(&Z)…"), self)
        self.meeting_button.setToolTip(
            self.tr(
                "把恳谈会上群众提出的问题登记为受理事项（来源：民情恳谈会），可由群体或全村提出"
            )
        )
        self.meeting_button.setAutoDefault(False)
        self.meeting_button.clicked.connect(lambda _checked=False: self.finding(None))
        row.addWidget(self.meeting_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.save_button)
        return row

    def _fill(self, entry: DiaryEntry | None, cadre_id: str | None, day: dt.date | None) -> None:
        wanted = entry.cadre_id if entry else cadre_id
        index = self.cadre.findData(wanted) if wanted else -1
        self.cadre.setCurrentIndex(max(index, 0))
        self.day.setDate(qdate(entry.day if entry else day or self._today()))
        self.kind.setCurrentText(entry.kind if entry else "入户走访")
        self.text.setPlainText(entry.text if entry else "")
        self.place.setText(entry.place if entry else "")
        for visit in entry.visits if entry else []:
            self._add_box(visit)
        self._show_items(entry)
        self._kind_changed()
        # after the change is handled (a field's red border clears on any edit first)
        self.cadre.currentIndexChanged.connect(lambda *_: QTimer.singleShot(0, self.check_day))
        self.day.dateChanged.connect(lambda *_: QTimer.singleShot(0, self.check_day))
        self.check_day()

    def check_day(self) -> bool:
        """One entry per cadre and day: say so as soon as both are chosen (not at saving).

        Returns:
            Whether the day is free for this entry.
        """
        cadre_id = self.cadre.currentData()
        if not cadre_id:
            return True
        day = pydate(self.day.date())
        existing = self._store.diary.entry_of(str(cadre_id), day)
        if existing is None or existing.id == self.entry_id:
            if self._day_taken:
                self._day_taken = False
                clear_invalid(self.day)
                self.messages.hide()
            return True
        name = self.cadre.currentText().split("（")[0]
        error = duplicate(name, day, existing.kind, existing.id or "")
        mark_invalid(self.day, error.message)
        show_messages(self.messages, self.tr("请换一天或另一名干部："), [error.message])
        self._day_taken = True
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        """A search still waiting for its pause does not run once the form is gone."""
        self._timer.stop()
        super().hideEvent(event)

    # households ---------------------------------------------------------------------------
    def run_search(self) -> None:
        """Look the search box up in the register and list the households found."""
        self._timer.stop()
        query = self.search.text().strip()
        ids = self._store.register.find_households(query, limit=HITS).ids if query else []
        self.hits = self._store.register.household_rows(ids)
        self.hit_list.clear()
        for row in self.hits:
            QListWidgetItem(
                f"{row.number}　{row.head_name}　{row.address}".rstrip("　"), self.hit_list
            )
        self.hit_list.setVisible(bool(self.hits))
        if self.hits:
            self.hit_list.setCurrentRow(0)

    def add_hit(self, row: int) -> None:
        """Add the household in a row of the list as a visit."""
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        self._add_household(hit)
        self.search.clear()
        self.hits = []
        self.hit_list.clear()
        self.hit_list.hide()

    def add_paired(self) -> None:
        """Add every household paired with the cadre (those already listed stay once)."""
        cadre_id = self.cadre.currentData()
        if not cadre_id:
            return
        rows = self._store.register.household_rows(self._store.diary.paired_households(cadre_id))
        for row in rows:
            self._add_household(row)
        if not rows:
            self._say(self.tr("这名干部还没有结对户（可在户籍中设置结对干部）。"))

    def _add_household(self, row: HouseholdRow) -> None:
        if any(b.household_id == row.id for b in self.visit_boxes):
            return
        visit = DiaryVisit(
            row.id, household_number=row.number, head_name=row.head_name, address=row.address
        )
        self._add_box(visit)
        if self.kind.currentText() not in VISIT_KINDS:
            self.kind.setCurrentText("入户走访")
        clear_invalid(self.visits_group)

    def _add_box(self, visit: DiaryVisit) -> VisitBox:
        box = VisitBox(visit, self.visits_widget)
        box.remove.connect(lambda b=box: self.remove_box(b))
        box.finding.connect(lambda b=box: self.finding(b))
        self.visits_layout.insertWidget(len(self.visit_boxes), box)
        self.visit_boxes.append(box)
        self.empty_label.hide()
        return box

    def remove_box(self, box: VisitBox) -> None:
        """Take a household off the visits (saved with the entry)."""
        self.visit_boxes.remove(box)
        box.hide()
        box.deleteLater()
        self.empty_label.setVisible(not self.visit_boxes)

    def _kind_changed(self) -> None:
        visits = self.kind.currentText() in VISIT_KINDS
        self.search.setEnabled(visits)
        self.paired_button.setEnabled(visits)
        self.meeting_button.setVisible(self.kind.currentText() in GROUP_FINDING_KINDS)

    # saving -------------------------------------------------------------------------------
    def collect(self) -> DiaryEntry:
        """What the form holds."""
        return DiaryEntry(
            cadre_id=str(self.cadre.currentData() or ""),
            day=pydate(self.day.date()),
            kind=self.kind.currentText(),
            text=self.text.toPlainText(),
            visits=[box.visit() for box in self.visit_boxes],
            id=self.entry_id,
            place=self.place.text(),
        )

    def save(self) -> str | None:
        """Save the entry; its id, or None when something must be corrected."""
        self._clear_marks()
        entry = self.collect()
        wrong: list[DomainError] = list(problems(entry, today=self._today()))
        if not wrong:
            try:
                saved = self._store.diary.save_entry(entry, today=self._today())
            except DomainError as exc:
                wrong = [exc]
            else:
                self.entry_id = saved.id
                self._show_items(saved)
                self._say(
                    self.tr("已保存：{name} {day} {kind}").format(
                        name=saved.cadre_name, day=saved.day.isoformat(), kind=saved.kind
                    )
                )
                self.saved.emit(saved.id or "")
                return saved.id
        fields = {
            "cadre": self.cadre,
            "day": self.day,
            "kind": self.kind,
            "text": self.text,
            "place": self.place,
            "visits": self.visits_group,
        }
        for error in wrong:
            widget = fields.get(str(error.data.get("field", "")), self.text)
            mark_invalid(widget, error.message)
        show_messages(self.messages, self.tr("还不能保存："), [e.message for e in wrong])
        self.banner.hide()
        first = fields.get(str(wrong[0].data.get("field", "")), self.text)
        (self.search if first is self.visits_group else first).setFocus()
        return None

    def _clear_marks(self) -> None:
        for widget in (self.cadre, self.day, self.kind, self.text, self.visits_group):
            clear_invalid(widget)
        self.messages.hide()

    def finding(self, box: VisitBox | None) -> str | None:
        """问题转受理 for one visit, or for a meeting (``box`` None): save, then create the item."""
        if self.save() is None or self.entry_id is None:
            return None
        kind = self.kind.currentText()
        if box is None:
            label = self.tr("{kind} {day}").format(kind=kind, day=pydate(self.day.date()))
            household_id = None
        else:
            label, household_id = box.label, box.household_id
        dialog = FindingDialog(self._store, self.entry_id, household_id, label, self, kind=kind)
        try:
            if not run_finding_dialog(dialog):
                return None
        finally:
            dialog.deleteLater()
        self.last_number = dialog.number
        self._show_items(self._store.diary.entry(self.entry_id))
        self._say(
            self.tr("已转受理事项：{number}（来源：{channel}），可在“受理”工作列表中查看。").format(
                number=dialog.number, channel=dialog.channel
            )
        )
        return dialog.number

    def _show_items(self, entry: DiaryEntry | None) -> None:
        items = entry.items if entry else []
        by_household: dict[str, list[str]] = {}
        for item in items:
            by_household.setdefault(item.household_id or "", []).append(item.number)
        for box in self.visit_boxes:
            box.show_items(by_household.get(box.household_id, []))
        lines = []
        for item in items:
            try:
                state = STATE_NAMES[State(item.state)]
            except ValueError:
                state = item.state
            lines.append(f"{item.number}（{state}）{item.content[:30]}")
        self.items_label.setVisible(bool(lines))
        self.items_label.setText(self.tr("本篇日记已转受理事项：") + "；".join(lines))

    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    # keyboard -----------------------------------------------------------------------------
    def eventFilter(self, watched: object, event: object) -> bool:
        """In the search box: ↓/↑ move in the hits, Enter adds, Esc closes the list."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            key = event.key()
            if key in ENTER_KEYS:
                if self._timer.isActive() or not self.hits:
                    self.run_search()
                self.add_hit(self.hit_list.currentRow())
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.hit_list.currentRow() + step, self.hit_list.count() - 1))
                self.hit_list.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.hit_list.isVisible():
                self.hit_list.hide()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field goes to the next one (buttons: presses them), never closes."""
        if enter_moves_on(self, event):
            return
        super().keyPressEvent(event)

    def is_dirty(self) -> bool:
        """Whether something typed is not saved yet."""
        if self.entry_id is None:
            return bool(self.text.toPlainText().strip() or self.visit_boxes)
        try:
            stored = self._store.diary.entry(self.entry_id)
        except DomainError:
            return True
        mine = self.collect()
        return (
            mine.text.strip() != stored.text
            or mine.kind != stored.kind
            or mine.day != stored.day
            or [v.checks for v in mine.visits] != [v.checks for v in stored.visits]
        )
