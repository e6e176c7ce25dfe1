"""日记 › 年度情况…: a cadre's year month by month against the rule, and the year figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.monthly.cadre_year import CadreYear
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import limit
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress


class CadreYearDialog(QDialog):
    """One cadre's year: each month's days and verdict, then the year figure."""

    def __init__(
        self, store: Store, cadre_id: str, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._cadre_id = cadre_id
        self._today = today
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年份："), self))
        self.year = QSpinBox(self)
        self.year.setRange(2000, today.year)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.refresh)
        row.addWidget(self.year)
        row.addStretch(1)
        layout.addLayout(row)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("月份"),
                self.tr("在村天数"),
                self.tr("坐班天数"),
                self.tr("结论"),
                self.tr("说明"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.total = QLabel(self)
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        self.record_button = buttons.addButton(
            self.tr("打印实绩记录(&R)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.record_button.setToolTip(
            self.tr("这一年的群众工作实绩记录（在村天数、走访户、经办事项、结对户，是否满一年）")
        )
        self.record_button.clicked.connect(self.print_record)
        limit(store, (self.record_button, Permission.EXPORT))
        layout.addWidget(buttons)
        self.view: CadreYear | None = None
        self.refresh()

    def refresh(self) -> None:
        """Show the chosen year."""
        view = self._store.reports.cadre_year(self._cadre_id, self.year.value(), today=self._today)
        self.view = view
        if view is None:  # registered later than that year
            self.table.setRowCount(0)
            self.total.setText(self.tr("这一年该干部还没有登记，也没有民情日记。"))
            return
        self.setWindowTitle(
            self.tr("{name} {year}年在村情况").format(name=view.name, year=view.year)
        )
        self.rule.setText(
            self.tr("{category}：{rule}").format(category=view.category, rule=view.rule)
        )
        self.table.setRowCount(len(view.months))
        for r, (month, figures) in enumerate(view.months):
            values = (
                self.tr("{0}月").format(month.month),
                str(figures.village_days),
                str(figures.duty_days),
                figures.verdict,
                figures.remarks,
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if view.required is not None:
            text = self.tr(
                "截至 {date}，本年在村 {days} 天；全年工作日 {workdays} 天，须满 {required} 天：{verdict}。"
            ).format(
                date=f"{view.as_of:%m-%d}", days=view.village_days, workdays=view.workdays,
                required=view.required, verdict=view.verdict,
            )  # fmt: skip
        else:
            short = "、".join(self.tr("{0}月").format(m.month) for m in view.shortfall_months)
            text = self.tr("截至 {date}，本年在村 {days} 天；未达标的月份：{months}。").format(
                date=f"{view.as_of:%m-%d}", days=view.village_days, months=short or self.tr("无")
            )
        self.total.setText(text)

    def print_record(self) -> None:
        """打印实绩记录…: the cadre's mass-work record for the chosen year (previewed first)."""
        store, year = self._store, self.year.value()
        cadre = next((c for c in store.register.cadres() if c.id == self._cadre_id), None)
        if cadre is None:
            return
        start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), self._today)
        today = self._today

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return documents.cadre_record(store, cadre, start, end, path, today=today).path

        print_document(
            self,
            store,
            write,
            file_name=f"record-{year}.pdf",
            save_name=document_name(store, self.tr("群众工作实绩记录"), cadre.name, str(year)),
            label=self.tr("正在生成实绩记录……"),
            title=self.tr("群众工作实绩记录 {cadre} {year}").format(cadre=cadre.name, year=year),
        )
