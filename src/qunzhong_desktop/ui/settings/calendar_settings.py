"""设置 › 工作日历 and 承诺办结时限: load a year's holiday schedule; the days per domain.

A schedule is a short text file (format in :mod:`qunzhong_desktop.core.calendar_file`);
a bad file changes nothing and every problem is listed with its line. The promised days of
each domain are working days, 1–60, and those of a grade A item 1 to the domain's (default:
half); they apply to items registered afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.calendar_file import ScheduleError, read_schedule
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.rules import DAYS_MAX, DAYS_MIN, DOMAIN_DAYS, urgent_days
from qunzhong_desktop.core.workcalendar import bundled_years
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.calendar_banner import missing_years, warning_text
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.palette import ERROR_STYLE

MAX_SHOWN_PROBLEMS = 8
EXAMPLE = (
    "# 2027 年节假日安排（国务院办公厅通知）\n"
    "年份 2027\n"
    "2027-01-01 休 元旦\n"
    "2027-02-06..2027-02-12 休 春节\n"
    "2027-02-14 班 春节调休"
)
WARNING_STYLE = "color: #7a5b00; background: #fff4c2; padding: 4px 6px; border-radius: 3px;"
OK_STYLE = "color: #1b5e20;"


class CalendarBox(QGroupBox):
    """工作日历: which years are known, and 导入节假日安排…."""

    calendar_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("工作日历"), parent)
        self.store = store
        explain = QLabel(
            self.tr(
                "承诺期限按工作日计算：周末和法定节假日休息，调休上班日上班。"
                "软件内置了部分年份的节假日安排；之后的年份，请在国务院办公厅发布通知后，"
                "把安排写成文本文件（UTF-8）导入，每行一天或一段日期，例如："
            ),
            self,
        )
        explain.setWordWrap(True)
        example = QLabel(EXAMPLE, self)
        example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        example.setStyleSheet("font-family: monospace; padding: 4px 12px;")
        self.years_label = QLabel(self)
        self.years_label.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.import_button = QPushButton(self.tr("导入节假日安排…"), self)
        self.import_button.clicked.connect(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(example)
        layout.addWidget(self.years_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        self.refresh()

    def refresh(self) -> None:
        """Show the bundled range, the loaded years and what is missing."""
        bundled = bundled_years()
        sources = self.store.calendar.sources()
        if sources:
            loaded = self.tr("、").join(
                self.tr("{year} 年（{source}）").format(year=year, source=source)
                if source
                else self.tr("{year} 年").format(year=year)
                for year, source in sources.items()
            )
        else:
            loaded = self.tr("无")
        self.years_label.setText(
            self.tr("内置：{first}—{last} 年　　已导入：{loaded}").format(
                first=bundled[0], last=bundled[-1], loaded=loaded
            )
        )
        warning = warning_text(missing_years(self.store))
        self.warning_label.setText(warning + self.tr("。"))
        self.warning_label.setVisible(bool(warning))

    def browse(self) -> None:
        """导入节假日安排…: choose a file and load it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择节假日安排文件"),
            str(Path.home()),
            self.tr("文本文件 (*.txt);;所有文件 (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Load the schedule in ``path``; show what was loaded or every problem."""
        try:
            schedule = read_schedule(path)
            self.store.calendar.import_schedule(schedule)
        except ScheduleError as exc:
            self._show_problems(exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        lines = [
            self.tr("已导入 {year} 年节假日安排：休息日 {off} 天，调休上班日 {on} 天。").format(
                year=year,
                off=len(schedule.holidays(year)),
                on=len(schedule.makeup_days(year)),
            )
            for year in schedule.years
        ]
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText("\n".join(lines))
        self.result_label.show()
        self.refresh()
        self.calendar_changed.emit()
        return True

    def _show_problems(self, exc: ScheduleError) -> None:
        problems: list[tuple[int, str]] = exc.data.get("problems") or [(0, exc.message)]
        lines = [self.tr("没有导入，文件中有以下问题（改正后再导入）：")]
        lines += [f"• {text}" for _line, text in problems[:MAX_SHOWN_PROBLEMS]]
        if len(problems) > MAX_SHOWN_PROBLEMS:
            more = len(problems) - MAX_SHOWN_PROBLEMS
            lines.append(self.tr("……另有 {n} 处问题").format(n=more))
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText("\n".join(lines))
        self.result_label.show()


class DomainDaysBox(QGroupBox):
    """承诺办结时限: working days a promised item (承诺件) gets, per domain and for grade A.

    A grade A (重大紧急) item is handled first (急事急办): its days default to half the
    domain's, rounded up (:func:`.intake.rules.urgent_days`), and may be set per domain to
    any number from 1 to the domain's days. While an A box shows that default it follows the
    domain's box.
    """

    COLUMNS = 2

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("承诺办结时限"), parent)
        self.store = store
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "承诺件从受理之日起，在下列工作日数内办结（{low}–{high} 个工作日）。"
                "A 级（重大紧急）事项急事急办，时限默认为该类别的一半"
                "（向上取整，至少 1 个工作日），可以另行设定，但不超过该类别的时限。"
                "修改只影响以后受理的事项。"
            ).format(low=DAYS_MIN, high=DAYS_MAX),
            self,
        )
        explain.setWordWrap(True)
        self.spins: dict[str, QSpinBox] = {}
        self.urgent_spins: dict[str, QSpinBox] = {}
        self._shown: dict[str, int] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for column in range(self.COLUMNS):
            for offset, text in enumerate(
                (self.tr("类别"), self.tr("时限"), self.tr("A 级（重大紧急）"))
            ):
                header = QLabel(text, self)
                header.setStyleSheet("font-weight: bold;")
                grid.addWidget(header, 0, column * 3 + offset)
        deadlines = store.items.deadlines()
        for index, (domain, value) in enumerate(deadlines.domain_days.items()):
            row, column = divmod(index, self.COLUMNS)
            spin = self._spin(domain, DAYS_MAX)
            spin.setValue(value)
            urgent = self._spin(self.tr("{domain} A 级").format(domain=domain), value)
            urgent.setValue(deadlines.urgent(domain))
            label = QLabel(domain, self)
            label.setBuddy(spin)
            grid.addWidget(label, row + 1, column * 3)
            grid.addWidget(spin, row + 1, column * 3 + 1)
            grid.addWidget(urgent, row + 1, column * 3 + 2)
            self.spins[domain] = spin
            self.urgent_spins[domain] = urgent
            self._shown[domain] = value
            spin.valueChanged.connect(lambda days, d=domain: self._domain_edited(d, days))
        grid.setColumnStretch(self.COLUMNS * 3, 1)
        self.save_button = QPushButton(self.tr("保存办结时限"), self)
        self.save_button.clicked.connect(self.save)
        self.default_button = QPushButton(self.tr("恢复默认"), self)
        self.default_button.setToolTip(self.tr("恢复软件建议的时限（保存后生效）"))
        self.default_button.clicked.connect(self.restore_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def _spin(self, name: str, maximum: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(DAYS_MIN, maximum)
        spin.setSuffix(self.tr(" 个工作日"))
        spin.setAccessibleName(name)
        spin.valueChanged.connect(self._edited)
        return spin

    def _edited(self) -> None:
        self.saved_label.clear()

    def _domain_edited(self, domain: str, days: int) -> None:
        """A's box follows its domain's: never longer, and at the default while it was there."""
        urgent = self.urgent_spins[domain]
        was_default = urgent.value() == urgent_days(self._shown[domain])
        urgent.setMaximum(days)
        if was_default:
            urgent.setValue(urgent_days(days))
        self._shown[domain] = days

    def values(self) -> dict[str, int]:
        """The days as shown."""
        return {domain: spin.value() for domain, spin in self.spins.items()}

    def urgent_values(self) -> dict[str, int]:
        """The A days as shown."""
        return {domain: spin.value() for domain, spin in self.urgent_spins.items()}

    def restore_defaults(self) -> None:
        """Put the suggested days back in the boxes (not yet saved)."""
        for domain, spin in self.spins.items():
            if domain in DOMAIN_DAYS:
                spin.setValue(DOMAIN_DAYS[domain])
            self.urgent_spins[domain].setValue(urgent_days(spin.value()))

    def save(self) -> bool:
        """Check and store the days; returns whether they were saved."""
        try:
            self.store.items.set_deadlines(self.values(), self.urgent_values())
        except DomainError as exc:
            self.saved_label.setStyleSheet(ERROR_STYLE)
            self.saved_label.setText(exc.message)
            return False
        self.saved_label.setStyleSheet(OK_STYLE)
        self.saved_label.setText(self.tr("已保存。"))
        return True
