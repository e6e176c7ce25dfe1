"""A ledger as a table model: the ledger's columns, rows fetched one block at a time.

The item ledger may list 100,000 items: the model knows only how many rows there are and
asks a ``fetch(start, end)`` callable for a block of rows when the view first paints one
(the item tab hands it the ids of the filter and :meth:`.SqlLedger.rows_for`). A few blocks
are kept; the others are dropped and fetched again when scrolled back to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from qunzhong_desktop.core.ledger import Column, Row
from qunzhong_desktop.ui.common.lazy_table import BlockCache

FetchBlock = Callable[[int, int], list[Row]]
AnyIndex = QModelIndex | QPersistentModelIndex
CELL_CHARS = 60


class LedgerModel(QAbstractTableModel):
    """Rows of one ledger, fetched lazily in blocks.

    Args:
        columns: the ledger's columns (their headers are shown as they print).
        parent: the Qt parent.
    """

    BLOCK_SIZE = 200
    MAX_BLOCKS = 10

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._count = 0
        self._fetch: FetchBlock = lambda _start, _end: []
        self._cache: BlockCache[list[Row]] = BlockCache(self.BLOCK_SIZE, self.MAX_BLOCKS)

    @property
    def fetch_count(self) -> int:
        """Blocks fetched; tests prove laziness with it."""
        return self._cache.fetch_count

    def set_source(self, count: int, fetch: FetchBlock) -> None:
        """Show ``count`` rows, fetched by ``fetch(start, end)`` when needed."""
        self.beginResetModel()
        self._count = count
        self._fetch = fetch
        self._cache.clear()
        self.endResetModel()

    def row_values(self, row: int) -> Row | None:
        """The values of a row (fetching its block if needed)."""
        if not 0 <= row < self._count:
            return None
        rows, offset = self._cache.block_of(
            row, lambda start, end: self._fetch(start, min(end, self._count))
        )
        return rows[offset] if offset < len(rows) else None

    # Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows (none under a row: the model is flat)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """The ledger's columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (long text cut for the table; the tooltip has all of it)."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        values = self.row_values(index.row())
        if values is None or index.column() >= len(values):
            return None
        text = "" if values[index.column()] is None else str(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if self._columns[index.column()].wrap and text else None
        line = " ".join(text.split())
        return line if len(line) <= CELL_CHARS else line[: CELL_CHARS - 1] + "…"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers as the ledger prints them."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None
