"""The item page's 代办 tab: the agency, 上门服务, the records, and the authorisation form.

代办方式, the resident's authorisation (written or verbal, and its day — or 待补 until the
resident signs), the agent cadre (a cadre of the register, or a name typed) and the office;
上门服务 with the diary visit it links to; the records of documents received and returned
and of progress, each added with its day; 打印委托书… writes the form the resident signs.
A refusal of the store is shown at the top of the tab and the field it names is marked;
nothing typed is lost. The two moves of collection (通知领取, 已领取) are the item page's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.agency import AGENCY_MODES, AUTH_KINDS, Agency, AgencyEntry
from qunzhong_desktop.core.intake.records import ItemAgency
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import (
    clear_invalid,
    date_edit,
    mark_invalid,
    message_area,
    pydate,
    qdate,
)
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Clock, operator_name, permitted

PENDING = ""  # 委托待补: the authorisation is not recorded yet


class AgencyPanel(QWidget):
    """代办 and 上门服务 of one item (see the module docstring).

    Args:
        store: the station's store.
        number: the item's number.
        parent: the Qt parent.
        clock: the current time (tests fix it).
        changed: called after every change the store accepted (the page offers other moves).
    """

    def __init__(
        self,
        store: Store,
        number: str,
        parent: QWidget | None = None,
        *,
        clock: Clock,
        changed: Callable[[ItemAgency], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._number = number
        self._clock = clock
        self._changed = changed
        today = clock().date()
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        top = QHBoxLayout()
        top.addWidget(self._agency_box(today), 3)
        top.addWidget(self._home_box(), 2)
        layout.addLayout(top)
        layout.addWidget(self._entries_box(today), 1)
        writer = permitted(store, Permission.WRITE)
        for widget in (self.save_button, self.clear_button, self.home_button, self.entry_row):
            widget.setVisible(writer)
        self.show_agency(store.agency.of(number))

    # building -----------------------------------------------------------------------------
    def _agency_box(self, today: dt.date) -> QGroupBox:
        box = QGroupBox(self.tr("代办"), self)
        form = QFormLayout(box)
        self.mode = QComboBox(box)
        self.mode.addItem(self.tr("（不代办）"), "")
        for mode in AGENCY_MODES:
            self.mode.addItem(mode, mode)
        self.auth_kind = QComboBox(box)
        self.auth_kind.addItem(self.tr("待补（群众尚未委托）"), PENDING)
        for kind in AUTH_KINDS:
            self.auth_kind.addItem(self.tr("{kind}委托").format(kind=kind), kind)
        self.auth_on = date_edit(box, today)
        self.auth_kind.currentIndexChanged.connect(
            lambda _i: self.auth_on.setEnabled(self.auth_kind.currentData() != PENDING)
        )
        auth = QHBoxLayout()
        auth.addWidget(self.auth_kind, 1)
        auth.addWidget(self.auth_on)
        self.agent = QComboBox(box)
        self.agent.setEditable(True)
        self.agent.addItem("")
        for cadre in self._store.register.cadres():
            if not cadre.retired:
                self.agent.addItem(cadre.name)
        line = self.agent.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("上门、流动代办必填"))
        self.office = QLineEdit(box)
        self.office.setPlaceholderText(self.tr("如 县政务服务中心"))
        form.addRow(self.tr("代办方式(&M)"), self.mode)
        form.addRow(self.tr("群众委托"), auth)
        form.addRow(self.tr("代办干部(&G)"), self.agent)
        form.addRow(self.tr("办理部门"), self.office)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存代办"), box)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("取消代办"), box)
        self.clear_button.clicked.connect(self.clear)
        self.print_button = QPushButton(self.tr("打印委托书…"), box)
        self.print_button.clicked.connect(self.print_form)
        self.full_numbers = QCheckBox(self.tr("印完整号码"), box)
        self.full_numbers.setToolTip(self.tr("委托书上印出完整的身份证号和电话（记入访问记录）"))
        self.full_numbers.setVisible(permitted(self._store, Permission.SHOW_FULL))
        for widget in (self.save_button, self.clear_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.full_numbers)
        buttons.addWidget(self.print_button)
        form.addRow(buttons)
        return box

    def _home_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("上门服务"), self)
        column = QVBoxLayout(box)
        self.at_home = QCheckBox(self.tr("在群众家中办理（上门服务）"), box)
        self.visit = QComboBox(box)
        self.visit_label = QLabel(box)
        self.visit_label.setWordWrap(True)
        self.home_button = QPushButton(self.tr("保存上门服务"), box)
        self.home_button.clicked.connect(self.save_home)
        column.addWidget(self.at_home)
        column.addWidget(QLabel(self.tr("关联的走访（民情日记）："), box))
        column.addWidget(self.visit)
        column.addWidget(self.visit_label)
        column.addStretch(1)
        column.addWidget(self.home_button)
        return box

    def _entries_box(self, today: dt.date) -> QGroupBox:
        box = QGroupBox(self.tr("代办记录：收件、还件、进展"), self)
        column = QVBoxLayout(box)
        self.entries = QTableWidget(0, 4, box)
        self.entries.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("类型"), self.tr("内容"), self.tr("记录人")]
        )
        self.entries.verticalHeader().hide()
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.entries.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 96), (1, 56), (3, 90)):
            self.entries.setColumnWidth(col, width)
        column.addWidget(self.entries, 1)
        self.entry_row = QWidget(box)
        row = QHBoxLayout(self.entry_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.entry_day = date_edit(self.entry_row, today)
        self.entry_text = QLineEdit(self.entry_row)
        self.entry_text.setPlaceholderText(self.tr("收到或退还的材料，或办理进展"))
        row.addWidget(self.entry_day)
        row.addWidget(self.entry_text, 1)
        self.entry_buttons: dict[str, QPushButton] = {}
        for kind, caption in (
            ("收件", self.tr("记收件")),
            ("还件", self.tr("记还件")),
            ("进展", self.tr("记进展")),
        ):
            button = QPushButton(caption, self.entry_row)
            button.clicked.connect(lambda _=False, k=kind: self.add_entry(k))
            row.addWidget(button)
            self.entry_buttons[kind] = button
        column.addWidget(self.entry_row)
        return box

    # showing ------------------------------------------------------------------------------
    def show_agency(self, agency: ItemAgency) -> None:
        """Fill the tab from the store's record of the item."""
        self.agency = agency
        a = agency.agency
        self.mode.setCurrentIndex(max(0, self.mode.findData(a.mode)))
        self.auth_kind.setCurrentIndex(max(0, self.auth_kind.findData(a.auth_kind)))
        self.auth_on.setEnabled(a.auth_kind != PENDING)
        if a.auth_on is not None:
            self.auth_on.setDate(qdate(a.auth_on))
        self.agent.setCurrentText(a.agent)
        self.office.setText(a.office)
        self.clear_button.setEnabled(a.active and agency.notified is None)
        self.print_button.setEnabled(a.active)
        self.entry_row.setEnabled(a.active)
        self.at_home.setChecked(agency.at_home)
        self._fill_visits(agency)
        self.entries.setRowCount(len(agency.entries))
        for row, entry in enumerate(agency.entries):
            values = (entry.day.isoformat(), entry.kind, entry.text, entry.actor)
            for col, value in enumerate(values):
                self.entries.setItem(row, col, QTableWidgetItem(value))
        self.entries.resizeRowsToContents()

    def _fill_visits(self, agency: ItemAgency) -> None:
        self.visit.clear()
        self.visit.addItem(self.tr("（不关联）"), None)
        if agency.diary_entry_id:
            try:
                entry = self._store.diary.entry(agency.diary_entry_id)
                text = f"{entry.day.isoformat()} {entry.cadre_name} {entry.kind}"
            except DomainError:
                text = self.tr("（已删除的日记）")
            self.visit.addItem(text, agency.diary_entry_id)
            self.visit.setCurrentIndex(1)
            self.visit.setEnabled(False)
            self.visit_label.setText(self.tr("事项已关联这篇民情日记。"))
            return
        links = self._store.agency.visits_of(agency.number)
        for link in links:
            self.visit.addItem(f"{link.day.isoformat()} {link.cadre_name} {link.kind}", link.id)
        self.visit.setEnabled(bool(links))
        self.visit_label.setText(
            "" if links else self.tr("民情日记中还没有走访过诉求人这一户的记录。")
        )

    # acting -------------------------------------------------------------------------------
    def typed(self) -> Agency:
        """The agency fields as typed."""
        kind = str(self.auth_kind.currentData() or "")
        return Agency(
            mode=str(self.mode.currentData() or ""),
            auth_on=pydate(self.auth_on.date()) if kind else None,
            auth_kind=kind,
            agent=self.agent.currentText(),
            office=self.office.text(),
        )

    def save(self) -> bool:
        """Save the agency fields (or clear them, with 不代办); True when the store took them."""
        typed = self.typed()
        if not typed.mode:
            return self.clear()
        return self._write(lambda: self._store.agency.set_agency(
            self._number, typed, now=self._clock()
        ))  # fmt: skip

    def clear(self) -> bool:
        """The item is not 代办 after all (asked first)."""
        if not self.agency.active:
            return True
        if not form_feedback.confirm(
            self,
            self.tr("取消代办"),
            self.tr("确定这件事项不再代办吗？已有的代办记录仍保留在事项中。"),
            self.tr("取消代办"),
        ):
            return False
        return self._write(lambda: self._store.agency.clear_agency(self._number))

    def save_home(self) -> bool:
        """Save 上门服务 and the visit it links to."""
        link = self.visit.currentData() if self.visit.isEnabled() else None
        return self._write(lambda: self._store.agency.set_at_home(
            self._number, self.at_home.isChecked(), diary_entry_id=link
        ))  # fmt: skip

    def add_entry(self, kind: str) -> bool:
        """Add a record of ``kind`` (收件, 还件, 进展) with the day and text typed."""
        entry = AgencyEntry(kind, pydate(self.entry_day.date()), self.entry_text.text())

        def write() -> ItemAgency:
            return self._store.agency.add_entry(
                self._number, entry, actor=operator_name(self._store), now=self._clock()
            )

        if self._write(write):
            self.entry_text.clear()
            return True
        return False

    def _write(self, write: Callable[[], ItemAgency]) -> bool:
        for widget in (self.mode, self.auth_kind, self.auth_on, self.agent, self.office,
                       self.visit, self.entry_day, self.entry_text):  # fmt: skip
            clear_invalid(widget)
        self.messages.hide()
        try:
            agency = write()
        except DomainError as exc:
            self.messages.setText(exc.message)
            self.messages.show()
            field = self._field(str(exc.data.get("field", "")))
            if field is not None:
                mark_invalid(field, exc.message)
                field.setFocus()
            return False
        self.show_agency(agency)
        if self._changed is not None:
            self._changed(agency)
        return True

    def _field(self, name: str) -> QWidget | None:
        fields: dict[str, QWidget] = {
            "mode": self.mode, "auth_on": self.auth_on, "auth_kind": self.auth_kind,
            "agent": self.agent, "office": self.office, "diary": self.visit,
            "kind": self.entry_text, "day": self.entry_day, "text": self.entry_text,
        }  # fmt: skip
        return fields.get(name)

    def print_form(self) -> None:
        """Write the authorisation form (代办委托书) and open its print preview."""
        number, full = self._number, self.full_numbers.isChecked()
        store = self._store

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            from qunzhong_desktop.reports import agency_documents

            return agency_documents.authorisation(store, number, path, full=full)

        print_document(
            self,
            store,
            write,
            file_name=f"authorisation-{number}.pdf",
            save_name=document_name(store, self.tr("代办委托书"), number),
            label=self.tr("正在生成代办委托书……"),
            title=self.tr("代办委托书 {0}").format(number),
        )
