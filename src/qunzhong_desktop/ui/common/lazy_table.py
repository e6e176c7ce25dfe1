"""A table model over a list of ids whose rows are fetched lazily, a block at a time.

Big lists hold only ids; the records of a block of rows are fetched the first time one of
them is painted, and only the most recent blocks are kept (Anki's browser table does the
same). The register and the work lists build on it; subclasses provide ``data``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
FetchRecords = Callable[[Sequence[str]], Sequence[Any]]


class LazyIdTableModel(QAbstractTableModel):
    """Rows are ids; their records (anything with an ``id``) come from ``fetch_records``.

    Subclasses set ``self._headers`` (translated in their own context) and implement
    ``data`` with :meth:`record`.
    """

    BLOCK_SIZE = 100
    MAX_BLOCKS = 20  # about 2,000 rows kept; older blocks are dropped and fetched again

    def __init__(self, fetch_records: FetchRecords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_records = fetch_records
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._headers: list[str] = []
        self.fetch_count = 0  # how many blocks were fetched; tests prove laziness with it

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these ids, in this order; nothing is fetched until painted."""
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        """The ids shown, in order."""
        return list(self._ids)

    def row_of(self, row_id: str) -> int | None:
        """The row showing an id, or None."""
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def record(self, row: int) -> Any:
        """The fetched record of a row (fetching its block if needed), or None if gone."""
        block = row // self.BLOCK_SIZE
        records = self._blocks.get(block)
        if records is None:
            start = block * self.BLOCK_SIZE
            fetched = self._fetch_records(self._ids[start : start + self.BLOCK_SIZE])
            records = {r.id: r for r in fetched}
            self.fetch_count += 1
            self._blocks[block] = records
            while len(self._blocks) > self.MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return records.get(self._ids[row])

    def refresh(self) -> None:
        """Forget fetched records (after an edit) and repaint; the ids stay."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    # Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per id (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per header."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows are numbered from 1."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)
