"""The township's petition duty roster (信访值周) and reception log (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlDuty:
    """The township's petition duty roster (信访值周) and reception log."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
