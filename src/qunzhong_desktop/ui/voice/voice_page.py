"""The 民意 page: 民意测评, 民情会议 and 民情信息 as tabs (issue 18).

At a station the clerk records its rounds, meetings and information; at the township every
station's arrive with the sync and are shown read only (the township cannot change a
station's rows). Other features add their tabs with :meth:`VoicePage.add_tab` (the window
adds 信访 and, at the township, 信访值班). The tab shown is read again whenever the page
or the tab comes into view, so what other pages changed is never stale.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.voice.info_tab import InfoTab
from qunzhong_desktop.ui.voice.meetings_tab import MeetingsTab
from qunzhong_desktop.ui.voice.rounds_tab import RoundsTab


class VoicePage(QTabWidget):
    """民意: a tab per register (测评, 会议, 信息) and the tabs other features add.

    Args:
        store: the station's or the township's store.
        parent: the Qt parent.
        clock: today's date (tests fix it).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.rounds_tab = RoundsTab(store, self, clock=self.clock)
        self.meetings_tab = MeetingsTab(store, self, clock=self.clock)
        self.info_tab = InfoTab(store, self, clock=self.clock)
        self.addTab(self.rounds_tab, self.tr("民意测评"))
        self.addTab(self.meetings_tab, self.tr("民情会议"))
        self.addTab(self.info_tab, self.tr("民情信息"))
        self.currentChanged.connect(lambda _index: self.refresh())

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (信访, 信访值班 …); returns its index."""
        return self.addTab(widget, title)

    def refresh(self) -> None:
        """Read the tab shown again."""
        refresh = getattr(self.currentWidget(), "refresh", None)
        if callable(refresh):
            refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what changed meanwhile."""
        super().showEvent(event)
        self.refresh()
