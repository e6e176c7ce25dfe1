"""干部 at the township: every station's cadres and its own (包村), against the rules.

One row per person for the chosen month: where the cadre works (a station, or 乡镇本级 with
the village the cadre answers for), the category, days in the village and on duty, paired
households in difficulty and the verdict, as the monthly report's cadre table has them
(:meth:`.SqlReports.cadre_table`). The township registers and edits its own cadres here;
a station's cadres are the station's to edit, except the category they are judged by,
which the township may set (核定类别; it travels to the station). 全年… opens a cadre's year and from there the
printed mass-work record.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from qunzhong_desktop.core.cadre_rules import CATEGORIES, category_or_default, rule_for
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.monthly.report import CadreFigures, Month
from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.storage.ledger_repo import station_names
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.session import Today, limit
from qunzhong_desktop.ui.diary.year_dialog import CadreYearDialog
from qunzhong_desktop.ui.register import CadreForm

# the 所在 filter's entries that are not a station
ALL, OWN = "*", ""
SHORT = QColor("#fde2e1")


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally (a seam for the tests)."""
    return dialog.exec()


class CadresPage(QWidget):
    """干部 (township): the cadres of every station and the township's own, by month.

    Attributes:
        figures: the rows shown (after the filters), in the table's order.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, today: Today | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today: Today = today or dt.date.today
        self._all: list[CadreFigures] = []
        self.figures: list[CadreFigures] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("干部在村情况"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(self._bar())
        self.summary = QLabel(self)
        self.summary.setObjectName("cadreSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        headers = [
            self.tr("所在"), self.tr("姓名"), self.tr("类别"), self.tr("单位"),
            self.tr("在村天数"), self.tr("坐班天数"), self.tr("结对困难户"), self.tr("结论"),
            self.tr("说明"),
        ]  # fmt: skip
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 64, 122, 92, 64, 64, 76, 56)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.show_year())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.rule_note = QLabel(
            self.tr(
                "在村天数：入户走访、集中工作日、在村便民服务点坐班接待、在村召开的民情恳谈会，"
                "同一天只计一次；电话回访不计（记有在村地点的除外）。乡镇干部在站点登记的同名"
                "记录合并计入本行。"
            ),
            self,
        )
        self.rule_note.setWordWrap(True)
        self.rule_note.setStyleSheet("color: #666;")
        layout.addWidget(self.rule_note)
        self.refresh()

    def _bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        today = self._today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.setMaximumDate(QDate(today.year, today.month, today.day))
        self.month.dateChanged.connect(lambda _date: self.refresh())
        self.station = QComboBox(self)
        self.station.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.station.setMinimumContentsLength(10)
        self.station.currentIndexChanged.connect(lambda _index: self._show())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("姓名或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(150)
        self.search.textChanged.connect(lambda _text: self._show())
        for text, widget in (
            (self.tr("月份(&M)"), self.month),
            (self.tr("所在(&W)"), self.station),
            (self.tr("查找(&S)"), self.search),  # Alt+F is the 文件 menu,
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("登记本镇干部(&N)…"), self)
        self.new_button.setToolTip(self.tr("登记乡镇的干部，并写明包哪个村"))
        self.edit_button = QPushButton(self.tr("修改(&D)…"), self)  # Alt+E: 编辑
        self.year_button = QPushButton(self.tr("全年(&Y)…"), self)
        self.year_button.setToolTip(
            self.tr("所选干部一年中每个月的在村天数和考核结论，可打印实绩记录")
        )
        self.new_button.clicked.connect(self.new_cadre)
        self.edit_button.clicked.connect(self.edit_cadre)
        self.year_button.clicked.connect(self.show_year)
        for button in (self.new_button, self.edit_button, self.year_button):
            row.addWidget(button)
        row.addStretch(1)
        limit(
            self._store, (self.new_button, Permission.WRITE), (self.edit_button, Permission.WRITE)
        )
        return row

    # data -------------------------------------------------------------------------------
    def chosen_month(self) -> Month:
        """The month chosen."""
        date = self.month.date()
        return Month(date.year(), date.month())

    def refresh(self) -> None:
        """Read the month's figures again (after an edit, a new month, an import)."""
        self._all = self._store.reports.cadre_table(self.chosen_month(), today=self._today())
        self._fill_stations()
        self._show()

    def _fill_stations(self) -> None:
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("全部"), ALL)
        self.station.addItem(self.tr("乡镇本级"), OWN)
        for code, name in station_names(self._store.db).items():
            self.station.addItem(name or code, name or code)
        index = self.station.findData(chosen) if chosen is not None else 0
        self.station.setCurrentIndex(max(0, index))
        self.station.blockSignals(False)

    def _matches(self, c: CadreFigures) -> bool:
        where = self.station.currentData()
        if where == OWN and not c.station.startswith("乡镇本级"):
            return False
        if where not in (ALL, OWN, None) and c.station != where:
            return False
        needle = "".join(self.search.text().split()).lower()
        return not needle or needle in search_text(c.name, c.unit, names=(c.name,))

    def _show(self) -> None:
        self.figures = [c for c in self._all if self._matches(c)]
        self.table.setRowCount(len(self.figures))
        for r, c in enumerate(self.figures):
            values = (
                c.station, c.name, c.category, c.unit or "—", str(c.village_days),
                str(c.duty_days), str(c.difficult_households), c.verdict, c.remarks,
            )  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 4 <= column <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column >= 7 and c.assessed and not c.meets:
                    item.setBackground(QBrush(SHORT))
                if column in (0, 8):
                    item.setToolTip(value)
                self.table.setItem(r, column, item)
        assessed = [c for c in self.figures if c.assessed]
        short = [c for c in assessed if not c.meets]
        month = self.chosen_month()
        if not self._all:
            text = self.tr(
                "{month}没有需要统计的干部：站点的干部随站点数据包导入；乡镇的干部点“登记本镇干部”。"
            )
        elif short:
            text = self.tr("{month}：列出 {n} 人，考核 {assessed} 人，{short} 人未达标：{names}。")
        else:
            text = self.tr("{month}：列出 {n} 人，考核 {assessed} 人，均达标或待月末评定。")
        self.summary.setText(
            text.format(
                month=month.title, n=len(self.figures), assessed=len(assessed),
                short=len(short), names="、".join(c.name for c in short),
            )
        )  # fmt: skip
        self._update_buttons()

    def selected(self) -> CadreFigures | None:
        """The row chosen, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.figures[rows[0].row()] if rows else None

    def _own(self, c: CadreFigures | None) -> bool:
        return c is not None and c.station.startswith("乡镇本级")

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.year_button.setEnabled(chosen is not None)
        self.edit_button.setEnabled(chosen is not None)
        self.edit_button.setToolTip(
            self.tr("修改乡镇自己登记的干部")
            if chosen is None or self._own(chosen)
            else self.tr(
                "这位干部由{0}登记：乡镇可以核定考核所按的类别，其余请在该站点修改。"
            ).format(chosen.station)
        )

    # actions ----------------------------------------------------------------------------
    def _villages(self) -> list[tuple[str, str]]:
        return list(station_names(self._store.db).items())

    def new_cadre(self) -> None:
        """登记本镇干部…: a township cadre with the village it answers for."""
        self.dialog = CadreForm(self._store, parent=self, villages=self._villages())
        if run_dialog(self.dialog) == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_cadre(self) -> None:
        """修改…: one of the township's own cadres, or 核定类别 of a station's."""
        chosen = self.selected()
        if chosen is None:
            return
        cadre = next((c for c in self._store.register.cadres() if c.id == chosen.cadre_id), None)
        if cadre is None:
            return
        if self._own(chosen):
            self.dialog = CadreForm(self._store, cadre, parent=self, villages=self._villages())
        else:
            self.dialog = CategoryDialog(self._store, cadre, chosen.station, self)
        if run_dialog(self.dialog) == QDialog.DialogCode.Accepted:
            self.refresh()

    def show_year(self) -> None:
        """全年…: the chosen cadre's year, month by month, with the printed record."""
        chosen = self.selected()
        if chosen is None:
            return
        self.dialog = CadreYearDialog(self._store, chosen.cadre_id, self._today(), self)
        run_dialog(self.dialog)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page (after an import) shows the figures as they are now."""
        super().showEvent(event)
        self.refresh()


class CategoryDialog(QDialog):
    """核定类别: the category the township judges a station's cadre by."""

    def __init__(self, store: Store, cadre: Cadre, station: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self._cadre = cadre
        self.setWindowTitle(self.tr("核定干部类别"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        registered = category_or_default(cadre.category, cadre.role)
        intro = QLabel(
            self.tr(
                "{name}由{station}登记，类别为“{category}”。乡镇核定的类别随下发的数据包传到"
                "工作站，月报、日记和实绩记录都按它考核。"
            ).format(name=cadre.name, station=station, category=registered),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("按站点登记（{0}）").format(registered), "")
        for category in CATEGORIES:
            self.category.addItem(category, category)
        fixed = store.settings.category_fixes().get(cadre.id or "", "")
        self.category.setCurrentIndex(max(0, self.category.findData(fixed)))
        rules = store.settings.cadre_rules()
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: palette(dark);")

        def show_rule() -> None:
            chosen = str(self.category.currentData() or registered)
            self.rule.setText(rule_for(rules, chosen).text)

        self.category.currentIndexChanged.connect(lambda _index: show_rule())
        show_rule()
        form = QFormLayout()
        form.addRow(self.tr("核定类别"), self.category)
        form.addRow("", self.rule)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Keep the township's category (or go back to the station's)."""
        chosen = str(self.category.currentData() or "") or None
        try:
            self._store.settings.fix_category(self._cadre.id or "", chosen)
        except DomainError as exc:
            show_error(self, exc)
            return
        super().accept()
