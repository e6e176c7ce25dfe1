"""即将到龄: residents turning an age soon, from the register; their list printed; 代办 made.

The clerk gives the ages (60、70、80), the window (this month and the next, or the next N
days) and perhaps a support tag; the table lists who turns one of the ages then, with the
day, the service it opens and any open 代办 item they have. 打印名单… prints the list (A4);
生成代办事项… registers one 代办 item for each resident ticked, after the clerk confirmed the
names. A refusal is shown at the top and the field marked; nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.agency import AGENCY_MODES, Agency
from qunzhong_desktop.core.register_due import WITHIN_MAX, DueResident, window
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.storage.agency_repo import DueList
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, message_area
from qunzhong_desktop.ui.common.list_parts import FlowLayout, count_label, fit_to_screen
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Clock, operator_name, permitted

DEFAULT_AGES = "60、70、80"
NAMES_SHOWN = 20  # the confirmation names this many, then "…等 N 人"


def parse_ages(text: str) -> list[int]:
    """The ages typed (``60、70 80``), or a refusal.

    Raises:
        ValidationError: no number in the text.
    """
    ages = [
        int(n) for n in re.findall(r"\d+", text.translate({0xFF10 + d: 48 + d for d in range(10)}))
    ]
    if not ages:
        raise ValidationError("年满周岁请填写数字，如 60、70、80。", code="due.ages", field="ages")
    return ages


class DueDialog(QDialog):
    """即将到龄 (see the module docstring).

    Args:
        store: the station's store.
        parent: the Qt parent.
        clock: the current time (tests fix it).

    Attributes:
        due: the list found last.
        made: the numbers of the items made so far.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock: Clock = clock or dt.datetime.now
        self.due: DueList | None = None
        self.made: list[str] = []
        self.setWindowTitle(self.tr("即将到龄的居民"))
        layout = QVBoxLayout(self)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        layout.addLayout(self._filters())
        self.table = QTableWidget(0, 9, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("选"), self.tr("姓名"), self.tr("户号"), self.tr("出生日期"),
             self.tr("年满"), self.tr("到龄日期"), self.tr("可办事项"), self.tr("重点帮扶"),
             self.tr("已有代办事项")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((34, 80, 60, 92, 62, 92, 90)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(8, 200)
        self.table.itemChanged.connect(lambda _item: self._count())
        layout.addWidget(self.table, 1)
        self.count = count_label(self)
        layout.addWidget(self.count)
        layout.addLayout(self._create_row())
        layout.addLayout(self._buttons())
        fit_to_screen(self, 980, 640)
        self.search()

    # building -----------------------------------------------------------------------------
    def _filters(self) -> FlowLayout:
        bar = FlowLayout()
        self.ages = QLineEdit(DEFAULT_AGES, self)
        self.ages.setMaximumWidth(120)
        self.ages.setToolTip(self.tr("可填几个年龄，用顿号或空格隔开"))
        self.within = QSpinBox(self)
        self.within.setRange(0, WITHIN_MAX)
        self.within.setSpecialValueText(self.tr("本月和下月"))
        self.within.setPrefix(self.tr("今后 "))
        self.within.setSuffix(self.tr(" 天内"))
        self.within.setMinimumWidth(130)
        self.tag = QComboBox(self)
        self.tag.addItem(self.tr("全部居民"), "")
        for tag in self._store.settings.support_tags():
            self.tag.addItem(tag, tag)
        self.search_button = QPushButton(self.tr("查询(&Q)"), self)
        self.search_button.clicked.connect(self.search)
        for caption, widget in (
            (self.tr("年满"), self.ages), (self.tr("周岁，到龄时间"), self.within),
            (self.tr("重点帮扶"), self.tag),
        ):  # fmt: skip
            bar.addWidget(QLabel(caption, self))
            bar.addWidget(widget)
        bar.addWidget(self.search_button)
        return bar

    def _create_row(self) -> FlowLayout:
        bar = FlowLayout()
        self.domain = QComboBox(self)
        self.domain.addItems(list(self._store.items.domain_days()))
        self.domain.setCurrentText("社会保障")
        self.mode = QComboBox(self)
        self.mode.addItems(list(AGENCY_MODES))
        self.agent = QComboBox(self)
        self.agent.setEditable(True)
        self.agent.addItems(["", *(c.name for c in self._store.register.cadres() if not c.retired)])
        self.agent.setMinimumWidth(100)
        self.service = QLineEdit(self)
        self.service.setPlaceholderText(self.tr("默认按年龄：老年优待证、高龄津贴"))
        self.service.setMinimumWidth(260)
        for caption, widget in (
            (self.tr("诉求类别"), self.domain), (self.tr("代办方式"), self.mode),
            (self.tr("代办干部"), self.agent), (self.tr("代办事项"), self.service),
        ):  # fmt: skip
            bar.addWidget(QLabel(caption, self))
            bar.addWidget(widget)
        return bar

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("全选"), self)
        self.all_button.clicked.connect(lambda: self.tick_all(True))
        self.none_button = QPushButton(self.tr("全不选"), self)
        self.none_button.clicked.connect(lambda: self.tick_all(False))
        self.print_button = QPushButton(self.tr("打印名单…"), self)
        self.print_button.clicked.connect(self.print_list)
        self.print_button.setVisible(permitted(self._store, Permission.EXPORT))
        self.create_button = QPushButton(self.tr("生成代办事项…"), self)
        self.create_button.clicked.connect(self.create_items)
        self.create_button.setVisible(permitted(self._store, Permission.WRITE))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        for button in (self.all_button, self.none_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.print_button, self.create_button, close):
            row.addWidget(button)
        return row

    # the list -----------------------------------------------------------------------------
    def search(self) -> bool:
        """Run the query with what is typed; False (and why, at the top) if refused."""
        self._clear_marks()
        try:
            ages = parse_ages(self.ages.text())
            span = window(self._clock().date(), self.within.value() or None)
            due = self._store.agency.due(ages, span, tag=str(self.tag.currentData() or ""))
        except DomainError as exc:
            self._refused(exc)
            return False
        self.due = due
        self._fill(due)
        return True

    def _fill(self, due: DueList) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(due.found))
        for row, d in enumerate(due.found):
            r = d.resident
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            number = due.open_items.get(r.person_id, "")
            tick.setCheckState(Qt.CheckState.Unchecked if number else Qt.CheckState.Checked)
            self.table.setItem(row, 0, tick)
            values = (r.name, r.household_number, d.birth_date.isoformat(),
                      self.tr("{0} 周岁").format(d.age), d.on.isoformat(), d.service,
                      "、".join(r.tags), number)  # fmt: skip
            for column, value in enumerate(values, start=1):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self._count()

    def _count(self) -> None:
        if self.due is None:
            return
        text = self.tr("{first} 至 {last}：共 {n} 人，已选 {chosen} 人").format(
            first=self.due.window.first.isoformat(), last=self.due.window.last.isoformat(),
            n=len(self.due.found), chosen=len(self.chosen()),
        )  # fmt: skip
        if self.due.without_birth:
            text += self.tr("（另有 {0} 人没有出生日期，无法判断）").format(self.due.without_birth)
        self.count.setText(text)

    def chosen(self) -> list[DueResident]:
        """The residents ticked, in the list's order."""
        if self.due is None:
            return []
        return [
            d
            for row, d in enumerate(self.due.found)
            if (tick := self.table.item(row, 0)) is not None
            and tick.checkState() == Qt.CheckState.Checked
        ]

    def tick_all(self, on: bool) -> None:
        """Tick (or untick) every row."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            tick = self.table.item(row, 0)
            if tick is not None:
                tick.setCheckState(state)
        self.table.blockSignals(False)
        self._count()

    # acting -------------------------------------------------------------------------------
    def create_items(self) -> bool:
        """Register a 代办 item for each resident ticked, once the clerk confirmed the names."""
        self._clear_marks()
        chosen = self.chosen()
        if not chosen:
            self._refused(ValidationError("请先勾选要代办的居民。", code="agency.none_chosen"))
            return False
        names = [
            self.tr("{name}　{day} 年满 {age} 周岁").format(
                name=d.resident.name, day=d.on.isoformat(), age=d.age
            )
            for d in chosen[:NAMES_SHOWN]
        ]
        if len(chosen) > NAMES_SHOWN:
            names.append(self.tr("……等 {0} 人").format(len(chosen)))
        question = self.tr("将为以下 {n} 位居民各登记一件代办事项（{mode}，{domain}）：").format(
            n=len(chosen), mode=self.mode.currentText(), domain=self.domain.currentText()
        )
        if not form_feedback.confirm(
            self,
            self.tr("生成代办事项"),
            question + "\n\n" + "\n".join(names) + "\n\n" + self.tr("确定登记吗？"),
            self.tr("登记 {0} 件").format(len(chosen)),
        ):
            return False
        agency = Agency(mode=self.mode.currentText(), agent=self.agent.currentText())
        try:
            made = self._store.agency.create_for(
                chosen, agency, domain=self.domain.currentText(), service=self.service.text(),
                actor=operator_name(self._store), now=self._clock(),
            )  # fmt: skip
        except DomainError as exc:
            self._refused(exc)
            return False
        self.made += made.numbers
        lines = [self.tr("已登记 {0} 件代办事项。").format(len(made.numbers))]
        lines += [
            self.tr("{name}已有同样的代办事项 {number}，未重复登记。").format(name=n, number=num)
            for n, num in made.skipped
        ]
        form_feedback.inform(self, self.tr("生成代办事项"), "\n".join(lines))
        self.search()
        return True

    def print_list(self) -> None:
        """Print the list found last (A4)."""
        if self.due is None:
            return
        due, store = self.due, self._store

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> int:
            from qunzhong_desktop.reports import agency_documents

            return agency_documents.due_list(store, due, path)

        print_document(
            self,
            store,
            write,
            file_name="due-list.pdf",
            save_name=document_name(store, self.tr("即将到龄名单"), due.window.first.isoformat()),
            label=self.tr("正在生成名单……"),
            title=self.tr("即将到龄名单"),
        )

    def _fields(self) -> dict[str, QWidget]:
        return {
            "ages": self.ages, "within": self.within, "domain": self.domain,
            "mode": self.mode, "agent": self.agent, "requester": self.table,
            "content": self.service,
        }  # fmt: skip

    def _clear_marks(self) -> None:
        self.messages.hide()
        for widget in self._fields().values():
            clear_invalid(widget)

    def _refused(self, exc: DomainError) -> None:
        self.messages.setText(exc.message)
        self.messages.show()
        field = self._fields().get(str(exc.data.get("field", "")))
        if field is not None:
            mark_invalid(field, exc.message)
            field.setFocus()
