"""The yellow banner shown while this year's holidays (or, in December, next year's) are unknown.

Deadlines count working days; for a year the calendar does not know they count weekends
only, which is wrong around Spring Festival and National Day. The banner says so and leads
to 设置 › 工作日历, where the year's schedule is loaded.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from qunzhong_desktop.storage.store import Store

translate = QCoreApplication.translate

BANNER_STYLE = (
    "QFrame#calendarBanner { background: #fff4c2; border: 1px solid #e0b400;"
    " border-radius: 4px; }"
    " QFrame#calendarBanner QLabel { color: #5c4400; }"
)


def today() -> dt.date:
    """Today (a function, so tests can move the clock)."""
    return dt.date.today()


def missing_years(store: Store) -> list[int]:
    """The years whose schedule should be loaded now (see ``WorkCalendar.missing_years``)."""
    return store.calendar.calendar().missing_years(today())


def warning_text(years: list[int]) -> str:
    """“2027 年节假日安排未导入，期限暂按周末计算” ("" when nothing is missing)."""
    if not years:
        return ""
    return translate("CalendarBanner", "{years} 年节假日安排未导入，期限暂按周末计算").format(
        years="、".join(str(year) for year in years)
    )


class CalendarBanner(QFrame):
    """A warning with a button to 设置 › 工作日历; hidden while every needed year is known."""

    open_settings = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("calendarBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("导入节假日安排…"), self)
        self.button.setToolTip(self.tr("转到“设置 › 工作日历”导入该年的节假日安排"))
        self.button.clicked.connect(self.open_settings)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.refresh()

    def refresh(self) -> None:
        """Check the calendar again; show or hide."""
        years = missing_years(self.store)
        if years:
            self.label.setText(
                self.tr(
                    "⚠ {warning}。国务院办公厅发布该年节假日安排后，请在设置中导入，"
                    "受理事项的承诺期限才能算准。"
                ).format(warning=warning_text(years))
            )
        self.setVisible(bool(years))
