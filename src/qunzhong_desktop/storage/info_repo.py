"""民情信息: recorded, turned into items, grouped and answered once (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlMassInfo:
    """民情信息: recorded, turned into items, grouped and answered once."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
