"""Export a ledger of a store to .xlsx or PDF: the one path the CLI and the 台账 page share.

The format follows the file's extension. The rows stream from the database into the writer
(:class:`.ledger_repo.SqlLedger` for items, :class:`.assistance_repo.SqlAssistance` for
support), so a large ledger never sits in memory as a whole when written to Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import (
    ITEM_COLUMNS,
    ITEM_TITLE,
    SUPPORT_COLUMNS,
    SUPPORT_TITLE,
    Column,
    LedgerFilter,
    Row,
    SupportFilter,
    ledger_title,
    period_text,
)
from qunzhong_desktop.reports.fonts import FONT_SETTING, find_cjk_font
from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf
from qunzhong_desktop.reports.ledger_xlsx import write_ledger_xlsx
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.store import Store

KINDS = ("items", "support")
FORMATS = (".xlsx", ".pdf")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    rows: int
    title: str


def ledger_source(
    store: Store, filters: LedgerFilter | SupportFilter, *, today: dt.date | None = None
) -> tuple[str, tuple[Column, ...], Iterator[Row]]:
    """The ledger's name, columns and a stream of its rows."""
    if isinstance(filters, LedgerFilter):
        rows = SqlLedger(store.db).stream(filters, today=today or dt.date.today())
        return ITEM_TITLE, ITEM_COLUMNS, rows
    return SUPPORT_TITLE, SUPPORT_COLUMNS, store.assistance.ledger_rows(filters)


def export_ledger(
    store: Store,
    filters: LedgerFilter | SupportFilter,
    out: Path,
    *,
    today: dt.date | None = None,
    on_rows: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write a ledger to ``out`` (.xlsx or .pdf, by extension).

    Raises:
        ValidationError: the extension is neither .xlsx nor .pdf.
        FontNotFound: a PDF is asked for and no CJK font is available.
        LedgerOutputError: the file cannot be written there.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"不支持的文件类型“{out.suffix or '（无扩展名）'}”：请用 .xlsx 或 .pdf。",
            code="ledger.format",
        )
    name, columns, rows = ledger_source(store, filters, today=today)
    station = store.register.station()
    title = ledger_title(station.name if station else "", name)
    period = period_text(filters.date_from, filters.date_to)
    if suffix == ".pdf":
        font = find_cjk_font(store.settings.get(FONT_SETTING))
        count = write_ledger_pdf(
            out, title=title, period=period, columns=columns, rows=rows, font=font, on_rows=on_rows
        )
    else:
        count = write_ledger_xlsx(
            out,
            title=title,
            period=period,
            columns=columns,
            rows=rows,
            sheet_name=name,
            on_rows=on_rows,
        )
    return ExportResult(path=out, rows=count, title=name)
