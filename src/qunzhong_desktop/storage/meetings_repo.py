"""民情恳谈会 and 民情分析会 with their topics; problems raised become items (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlMeetings:
    """民情恳谈会 and 民情分析会 with their topics; problems raised become items."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
