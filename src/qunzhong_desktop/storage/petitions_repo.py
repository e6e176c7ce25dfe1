"""Items marked 信访: the mark, repeats suggested, the 阅办率 (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlPetitions:
    """Items marked 信访: the mark, repeats suggested, the 阅办率."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
