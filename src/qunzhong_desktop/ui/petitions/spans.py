"""A span chooser (本月, 上月, 本季度, 今年, 去年, or two dates) for the tabs of this folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLayout, QWidget

from qunzhong_desktop.ui.common.form_feedback import date_edit, pydate, qdate
from qunzhong_desktop.ui.petitions.parts import translate


def month_span(day: dt.date, back: int = 0) -> tuple[dt.date, dt.date]:
    """The month of ``day`` (``back`` months before), first and last day."""
    index = day.year * 12 + day.month - 1 - back
    first = dt.date(index // 12, index % 12 + 1, 1)
    after = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def presets(today: dt.date) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """The spans offered, this month first."""
    quarter = (today.month - 1) // 3 * 3 + 1
    q_first = dt.date(today.year, quarter, 1)
    q_last = month_span(dt.date(today.year, quarter + 2, 1))[1]
    return [
        (translate("petitions", "本月"), month_span(today)),
        (translate("petitions", "上月"), month_span(today, 1)),
        (translate("petitions", "下月"), month_span(today, -1)),
        (translate("petitions", "本季度"), (q_first, q_last)),
        (translate("petitions", "今年"), (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))),
        (
            translate("petitions", "去年"),
            (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
        ),
    ]


class SpanChooser(QObject):
    """期间 combo and 从 … 至 … dates, added to a bar; ``changed`` when the span changes.

    ``offer``: only the first so many presets (本月, 上月, 下月 …); 0 all of them.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        bar: QLayout,
        today: Callable[[], dt.date],
        *,
        offer: int = 0,
    ) -> None:
        super().__init__(parent)
        offered = presets(today())[: offer or None]
        piece = QWidget(parent)
        row = QHBoxLayout(piece)
        row.setContentsMargins(0, 0, 4, 0)
        self.combo = QComboBox(piece)
        for text, span in offered:
            self.combo.addItem(text, span)
        self.combo.addItem(translate("petitions", "自定义"), None)
        caption = QLabel(translate("petitions", "期间(&Q)"), piece)
        caption.setBuddy(self.combo)
        first, last = offered[0][1]
        self.first: QDateEdit = date_edit(piece, first)
        self.last: QDateEdit = date_edit(piece, last)
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addWidget(self.first)
        row.addWidget(QLabel(translate("petitions", "至"), piece))
        row.addWidget(self.last)
        bar.addWidget(piece)
        self.combo.currentIndexChanged.connect(self._preset)
        self.first.dateChanged.connect(self._typed)
        self.last.dateChanged.connect(self._typed)

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day chosen."""
        return pydate(self.first.date()), pydate(self.last.date())

    def set_span(self, first: dt.date, last: dt.date) -> None:
        """Show ``first`` … ``last`` (as 自定义 unless a preset is that span)."""
        for widget in (self.first, self.last, self.combo):
            widget.blockSignals(True)
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        index = next(
            (i for i in range(self.combo.count()) if self.combo.itemData(i) == (first, last)),
            self.combo.count() - 1,
        )
        self.combo.setCurrentIndex(index)
        for widget in (self.first, self.last, self.combo):
            widget.blockSignals(False)
        self.changed.emit()

    def _preset(self) -> None:
        span = self.combo.currentData()
        if span is not None:
            self.set_span(*span)

    def _typed(self) -> None:
        self.set_span(*self.span())
