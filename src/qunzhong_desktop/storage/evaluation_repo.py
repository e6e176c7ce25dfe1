"""Evaluation rounds (民意测评) and their tallies, at the station that holds them (issue 18; being built)."""

from __future__ import annotations

from qunzhong_desktop.storage.database import Database


class SqlEvaluations:
    """Evaluation rounds (民意测评) and their tallies, at the station that holds them."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db
