"""The register list as a table model: it holds household ids and fetches rows in blocks.

A station has a few thousand households; building every row up front would make each
keystroke in the search box slow. The model keeps only the ids a search returned and asks
the register for :class:`HouseholdRow` objects one block at a time, when the view first
paints a row of that block (Anki's browser ``table/model.py`` does the same).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)

from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.entities import HouseholdRow
from qunzhong_desktop.ui.common.lazy_table import AnyIndex, LazyIdTableModel

FetchRows = Callable[[Sequence[str]], list[HouseholdRow]]

COL_NUMBER, COL_HEAD, COL_ID, COL_MEMBERS, COL_PHONE, COL_GRID, COL_TAGS, COL_CADRE, COL_ADDRESS = (
    range(9)
)
#: The columns that sort (in the database: ``SqlRegister.search_households``).
SORT_KEYS = {
    COL_NUMBER: "number", COL_HEAD: "head", COL_MEMBERS: "members", COL_PHONE: "phone",
    COL_GRID: "grid", COL_CADRE: "cadre", COL_ADDRESS: "address",
}  # fmt: skip


class HouseholdTableModel(LazyIdTableModel):
    """Households found by a search, one per row, fetched lazily in blocks.

    Args:
        fetch_rows: returns the rows for some ids (``store.register.household_rows``).
        parent: the Qt parent.
    """

    def __init__(self, fetch_rows: FetchRows, parent: QObject | None = None) -> None:
        super().__init__(fetch_rows, parent)
        self._show_full = False
        self._headers = [
            self.tr("户号"),
            self.tr("户主"),
            self.tr("身份证号"),
            self.tr("人数"),
            self.tr("电话"),
            self.tr("网格"),
            self.tr("帮扶标签"),
            self.tr("结对干部"),
            self.tr("住址"),
        ]

    # contents ----------------------------------------------------------------------------
    def household_id(self, row: int) -> str:
        """The id of the household in a row."""
        return self._ids[row]

    def household_row(self, row: int) -> HouseholdRow | None:
        """The fetched record of a row (fetching its block if needed), or None if gone."""
        found: HouseholdRow | None = self.record(row)
        return found

    def show_full(self) -> bool:
        """Whether ID numbers and phones are shown unmasked."""
        return self._show_full

    def set_show_full(self, show: bool) -> None:
        """Show ID numbers and phones in full (True) or masked (False)."""
        if show == self._show_full:
            return
        self._show_full = show
        if self._ids:
            for column in (COL_ID, COL_PHONE):
                self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell; the full address and tags also as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == COL_MEMBERS:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.household_row(index.row())
        if record is None:
            return self.tr("（已删除）") if index.column() == COL_HEAD else ""
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column not in (COL_ADDRESS, COL_TAGS):
            return None
        return self._cell(record, column)

    def _cell(self, record: HouseholdRow, column: int) -> str:
        full = self._show_full
        values: dict[int, str] = {
            COL_NUMBER: record.number,
            COL_HEAD: record.head_name,
            COL_ID: record.head_id_number if full else citizen_id.mask(record.head_id_number),
            COL_MEMBERS: str(record.members),
            COL_PHONE: record.phone if full else phone.mask(record.phone),
            COL_GRID: record.grid_name,
            COL_TAGS: "、".join(record.tags),
            COL_CADRE: record.cadre_name,
            COL_ADDRESS: record.address,
        }
        return values.get(column, "")
