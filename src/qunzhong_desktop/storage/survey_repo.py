"""The township's surveys of a cadre's served households before a promotion (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlSurveys:
    """The township's surveys of a cadre's served households before a promotion."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
