"""Today's intake figures on the start page (工作台): each opens its work list when clicked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.list_parts import FlowLayout

# a figure's key in ``store.items.counts()`` → the work list it opens
VIEW_OF = {
    "received_today": "all",
    "open": "all",
    "due_soon": "due_soon",
    "overdue": "overdue",
    "awaiting_documents": "documents",
    "escalated": "escalated",
    "to_follow_up": "follow_up",
}
ALERT_COLOURS = {"overdue": "#ffcdd2", "due_soon": "#ffe0a3"}


class ItemFigures(QWidget):
    """今日受理, 办理中, 即将到期, 已超期, 待补件, 已上报, 待回访/销号 as large clickable figures.

    Args:
        store: the station's store.
        parent: the Qt parent.
        today: the current date (tests fix it); ``date.today`` by default.

    Signals:
        open_view: a work list to show (``overdue`` …), or ``new`` for the intake form.
    """

    open_view = Signal(str)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today
        captions = {
            "received_today": self.tr("今日受理"),
            "open": self.tr("办理中"),
            "due_soon": self.tr("即将到期"),
            "overdue": self.tr("已超期"),
            "awaiting_documents": self.tr("待补件"),
            "escalated": self.tr("已上报"),
            "to_follow_up": self.tr("待回访/销号"),
        }
        self._captions = captions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("群众诉求"), self)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        grid = FlowLayout(spacing=10)  # wraps on a narrow screen
        self.buttons: dict[str, QPushButton] = {}
        for key in captions:
            button = QPushButton(self)
            button.setMinimumSize(104, 72)
            button.clicked.connect(lambda _=False, view=VIEW_OF[key]: self.open_view.emit(view))
            grid.addWidget(button)
            self.buttons[key] = button
        self.new_button = QPushButton(self.tr("受理登记"), self)
        self.new_button.setMinimumSize(104, 72)
        self.new_button.setToolTip(self.tr("登记一件新的群众诉求"))
        self.new_button.clicked.connect(lambda: self.open_view.emit("new"))
        grid.addWidget(self.new_button)
        layout.addLayout(grid)

    def refresh(self) -> None:
        """Count again."""
        counts = self._store.items.counts(today=self._today())
        for key, button in self.buttons.items():
            value = counts.get(key, 0)
            button.setText(f"{value}\n{self._captions[key]}")
            colour = ALERT_COLOURS.get(key) if value else None
            style = "QPushButton { font-size: 13pt; font-weight: bold; padding: 6px;"
            button.setStyleSheet(
                style + (f" background: {colour}; color: #212121;" if colour else "") + " }"
            )
