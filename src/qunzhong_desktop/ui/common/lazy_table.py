"""A table model over a list of ids whose rows are fetched lazily, a block at a time.

Big lists hold only ids; the records of a block of rows are fetched the first time one of
them is painted, and only the most recent blocks are kept (Anki's browser table does the
same). The register and the work lists build on it; subclasses provide ``data``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
FetchRecords = Callable[[Sequence[str]], Sequence[Any]]
FetchPage = Callable[[int, int], Sequence[Any]]  # the records of rows start … end - 1
B = TypeVar("B")


class BlockCache(Generic[B]):
    """The most recently used blocks of a long list, fetched a block at a time.

    Args:
        block_size: rows per block.
        max_blocks: blocks kept; the least recently used is dropped beyond that.
    """

    def __init__(self, block_size: int, max_blocks: int) -> None:
        self.block_size = block_size
        self.max_blocks = max_blocks
        self._blocks: OrderedDict[int, B] = OrderedDict()
        self.fetch_count = 0  # blocks fetched; tests prove laziness with it

    def block_of(self, row: int, fetch: Callable[[int, int], B]) -> tuple[B, int]:
        """The block holding ``row`` (``fetch(start, end)`` if not kept) and the row's offset."""
        number = row // self.block_size
        block = self._blocks.get(number)
        start = number * self.block_size
        if block is None:
            block = fetch(start, start + self.block_size)
            self.fetch_count += 1
            self._blocks[number] = block
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block, row - start

    def clear(self) -> None:
        """Forget every block (the rows changed)."""
        self._blocks.clear()

    def kept(self) -> list[tuple[int, B]]:
        """The blocks kept, each with its first row, in the order of the rows."""
        return [(n * self.block_size, block) for n, block in sorted(self._blocks.items())]


class LazyIdTableModel(QAbstractTableModel):
    """Rows are ids; their records (anything with an ``id``) come from ``fetch_records``.

    Two ways to fill it: :meth:`set_ids` (the ids of every row, in order: short lists) or
    :meth:`set_pages` (how many rows, and a function reading the records of a window of
    them: the long lists, whose ids are never all read). Subclasses set ``self._headers``
    (translated in their own context) and implement ``data`` with :meth:`record`.
    """

    BLOCK_SIZE = 100
    MAX_BLOCKS = 20  # about 2,000 rows kept; older blocks are dropped and fetched again

    def __init__(self, fetch_records: FetchRecords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_records = fetch_records
        self._ids: list[str] = []
        self._count = 0
        self._fetch_page: FetchPage | None = None  # set by set_pages
        self._cache: BlockCache[list[Any]] = BlockCache(self.BLOCK_SIZE, self.MAX_BLOCKS)
        self._headers: list[str] = []

    @property
    def fetch_count(self) -> int:
        """How many blocks were fetched; tests prove laziness with it."""
        return self._cache.fetch_count

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these ids, in this order; nothing is fetched until painted."""
        self.beginResetModel()
        self._ids = list(ids)
        self._count = len(self._ids)
        self._fetch_page = None
        self._cache.clear()
        self.endResetModel()

    def set_pages(self, count: int, fetch_page: FetchPage) -> None:
        """Show ``count`` rows whose records ``fetch_page(start, end)`` reads, in order.

        Nothing is read until painted, and never the ids of every row: a block of rows is
        one ``fetch_page`` of :attr:`BLOCK_SIZE` rows. A row the window no longer reaches (the
        list shrank since it was counted) shows as gone.
        """
        self.beginResetModel()
        self._ids = []
        self._count = max(count, 0)
        self._fetch_page = fetch_page
        self._cache.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        """The ids shown, in order (by pages: those of the blocks read so far, in order)."""
        if self._fetch_page is None:
            return list(self._ids)
        return [r.id for _start, block in self._cache.kept() for r in block if r is not None]

    def id_at(self, row: int) -> str | None:
        """The id shown in a row (by pages: reading its block if needed), or None."""
        if not 0 <= row < self._count:
            return None
        if self._fetch_page is None:
            return self._ids[row]
        found = self.record(row)
        return str(found.id) if found is not None else None

    def row_of(self, row_id: str, near: int | None = None) -> int | None:
        """The row showing an id, or None.

        By pages only the blocks already read are searched, and the block of row ``near``
        with the blocks either side (where a row selected before a refresh is likely to be).
        """
        if self._fetch_page is None:
            try:
                return self._ids.index(row_id)
            except ValueError:
                return None
        nearby = [] if near is None else [near, near - self.BLOCK_SIZE, near + self.BLOCK_SIZE]
        for row in [row for row in nearby if 0 <= row < self._count]:
            self.record(row)  # read the blocks around ``near`` (kept ones cost nothing)
        for start, block in self._cache.kept():
            for offset, r in enumerate(block):
                if r is not None and r.id == row_id:
                    return start + offset
        return None

    def record(self, row: int) -> Any:
        """The fetched record of a row (fetching its block if needed), or None if gone."""
        records, offset = self._cache.block_of(row, self._fetch_block)
        return records[offset] if offset < len(records) else None

    def _fetch_block(self, start: int, end: int) -> list[Any]:
        end = min(end, self._count)
        if self._fetch_page is not None:
            return list(self._fetch_page(start, end))[: end - start]
        found = {r.id: r for r in self._fetch_records(self._ids[start:end])}
        return [found.get(row_id) for row_id in self._ids[start:end]]

    def refresh(self) -> None:
        """Forget fetched records (after an edit) and repaint; the ids stay."""
        self._cache.clear()
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1)
            )

    # Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per id (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else self._count

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
