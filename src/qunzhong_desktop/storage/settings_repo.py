"""Local preferences in the ``setting`` table (not synced)."""

from __future__ import annotations

from sqlalchemy import select

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database


class SqlSettings:
    """Key/value preferences of this PC."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        """A preference, or ``default`` when unset."""
        with self.db.session() as s:
            row = s.get(m.Setting, key)
            return row.value if row is not None else default

    def set(self, key: str, value: str) -> None:
        """Store a preference."""
        with self.db.session() as s:
            row = s.get(m.Setting, key)
            if row is None:
                s.add(m.Setting(key=key, value=value))
            else:
                row.value = value

    def all(self) -> dict[str, str]:
        """Every stored preference."""
        with self.db.session() as s:
            return {r.key: r.value for r in s.scalars(select(m.Setting))}
