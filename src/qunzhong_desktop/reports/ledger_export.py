"""Export a ledger of a store to .xlsx or PDF: the one path the CLI and the 台账 page share.

The format follows the file's extension. The rows stream from the database into the writer
(:class:`.ledger_repo.SqlLedger` for items, :class:`.assistance_repo.SqlAssistance` for
support), so a large ledger never sits in memory as a whole when written to Excel.

At the township and the county each row names its item's or household's station, and
the title says whose items or households a ledger lists: one station's, one township's, or
the whole township's (全乡镇) or county's (全县).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import (
    ITEM_COLUMNS,
    ITEM_TITLE,
    LEDGER_KINDS,
    SUPPORT_COLUMNS,
    SUPPORT_TITLE,
    TOWNSHIP_ITEM_COLUMNS,
    TOWNSHIP_SUPPORT_COLUMNS,
    Column,
    LedgerFilter,
    Row,
    SupportFilter,
    ledger_title,
    period_text,
    township_ledger_title,
)
from qunzhong_desktop.core.monthly.stations import COUNTY_WHOLE
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf
from qunzhong_desktop.reports.ledger_xlsx import write_ledger_xlsx
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.ledger_repo import SqlLedger, is_township, require_station
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.setup import county_profile, node_role, township_profile
from qunzhong_desktop.storage.store import Store

KINDS = LEDGER_KINDS
FORMATS = (".xlsx", ".pdf")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    rows: int
    title: str


def ledger_source(
    store: Store,
    filters: LedgerFilter | SupportFilter,
    *,
    today: dt.date | None = None,
    township: bool = False,
    full: bool = False,
) -> tuple[str, tuple[Column, ...], Iterator[Row]]:
    """The ledger's name, columns and a stream of its rows (with 工作站 at the township, county).

    ``full``: phones in full (the caller checked the role); masked otherwise.
    """
    if isinstance(filters, LedgerFilter):
        rows = SqlLedger(store.db, township=township).stream(
            filters, today=today or dt.date.today(), full=full
        )
        return ITEM_TITLE, TOWNSHIP_ITEM_COLUMNS if township else ITEM_COLUMNS, rows
    rows = store.assistance.ledger_rows(filters, full=full, township=township)
    return SUPPORT_TITLE, TOWNSHIP_SUPPORT_COLUMNS if township else SUPPORT_COLUMNS, rows


def export_title(store: Store, filters: LedgerFilter | SupportFilter, name: str) -> str:
    """The title line of an exported ledger.

    A station's: ``白沙村群众工作站民情台账``. A township's ledger says whose items or
    households it lists: ``白沙镇群众工作办民情台账（全乡镇）`` or ``…（第1村群众工作站）``;
    the county's ``（全县）``, a township's or a station's name.

    Raises:
        ValidationError: a station is asked for at a station's store, or is unknown.
    """
    station_code, township_code = filters.station_code, filters.township_code
    if node_role(store.db) == "county":  # the county's: 全县, a township or a station
        scope = resolve(store.db, township=township_code, station=station_code)
        county = county_profile(store.db)[1]
        return f"{ledger_title(county, name)}（{scope.name or COUNTY_WHOLE}）"
    if township_code:
        resolve(store.db, township=township_code)  # refused below the county
    station_name = require_station(store.db, station_code) if station_code else None
    if is_township(store.db):
        return township_ledger_title(township_profile(store.db)[1], station_name, name)
    station = store.register.station()
    return ledger_title(station.name if station else "", name)


def export_ledger(
    store: Store,
    filters: LedgerFilter | SupportFilter,
    out: Path,
    *,
    today: dt.date | None = None,
    full_numbers: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write a ledger to ``out`` (.xlsx or .pdf, by extension).

    Phones are masked unless ``full_numbers`` — which only a role that may see full numbers
    asks for; the export (and that choice) goes into the access log.

    Args:
        store: the station's or the township's store.
        filters: which items (:class:`LedgerFilter`) or support records.
        out: the file; its extension chooses the format.
        today: the day overdue items are counted against.
        full_numbers: phones in full (refused unless the role may see full numbers).
        progress: told the rows written of the ledger's rows (items) every 1,000 rows.
        cancel: checked every 1,000 rows; a cancelled export leaves no file.

    Raises:
        Cancelled: ``cancel`` was set; no file was written.
        ValidationError: the extension is neither .xlsx nor .pdf, or the filter names a
            station at a station's store or one the township does not know.
        FontNotFound: a PDF is asked for and no CJK font is available.
        LedgerOutputError: the file cannot be written there.
        PermissionDenied: the operator may not export (the export is logged).
    """
    require(store.db.operator, Permission.EXPORT)
    if full_numbers:
        require(store.db.operator, Permission.SHOW_FULL)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"不支持的文件类型“{out.suffix or '（无扩展名）'}”：请用 .xlsx 或 .pdf。",
            code="ledger.format",
        )
    township = is_township(store.db)
    name, columns, rows = ledger_source(
        store, filters, today=today, township=township, full=full_numbers
    )
    title = export_title(store, filters, name)
    period = period_text(filters.date_from, filters.date_to)
    if progress is not None and isinstance(filters, LedgerFilter):
        total, told = SqlLedger(store.db, township=township).count(filters), progress

        def progress(done: int, _total: int, text: str = "", /) -> None:
            told(done, total, text)

    if suffix == ".pdf":
        count = write_ledger_pdf(
            out, title=title, period=period, columns=columns, rows=rows,
            font=store_font(store), progress=progress, cancel=cancel,
        )  # fmt: skip
    else:
        count = write_ledger_xlsx(
            out,
            title=title,
            period=period,
            columns=columns,
            rows=rows,
            sheet_name=name,
            progress=progress,
            cancel=cancel,
        )
    what = f"{title}（{period}）" if period else title
    record(store.db, "export", what + ("（完整电话）" if full_numbers else ""), count)
    return ExportResult(path=out, rows=count, title=name)
