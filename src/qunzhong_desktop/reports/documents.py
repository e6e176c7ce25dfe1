"""Every printout from a store, one function each: what the CLI and the window both call.

A function here gathers what its document shows from the store (the item and the station
for a receipt, a cadre's month for the diary…), looks the font up in the settings
(:func:`.fonts.store_font`) and writes the file through the document's renderer. The CLI
prints where the file went; the window writes into a scratch folder and shows the print
preview (``ui/common/printing.py``). Ledgers have theirs in :mod:`.ledger_export`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.assessment_scheme import OF
from qunzhong_desktop.core.card import CardContent
from qunzhong_desktop.core.diary import parse_month
from qunzhong_desktop.core.entities import Cadre, StationProfile
from qunzhong_desktop.core.errors import NotFoundError, SetupError, ValidationError
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.store import Store

if TYPE_CHECKING:  # the renderers load reportlab's page layout: imported when used
    from qunzhong_desktop.core.assessment import AssessmentSheet
    from qunzhong_desktop.core.cadre_record import CadreServiceRecord
    from qunzhong_desktop.core.monthly.period import Period
    from qunzhong_desktop.core.monthly.period_report import PeriodReport
    from qunzhong_desktop.core.monthly.report import Month, MonthlyReport
    from qunzhong_desktop.core.monthly.stations import TownshipReport
    from qunzhong_desktop.reports.cards_pdf import RenderResult
    from qunzhong_desktop.sync.views import EnrollmentInfo

__all__ = [
    "CadreRecordWritten",
    "CardsWritten",
    "DiaryWritten",
    "NoticeWritten",
    "assessment",
    "assistance_notice",
    "cadre_record",
    "cards",
    "diary",
    "enrollment_sheet",
    "monthly",
    "period",
    "receipt",
    "record_cards",
    "station_of",
]

MONTHLY_FORMATS = (".pdf", ".xlsx")


def station_of(store: Store) -> StationProfile:
    """The station's profile, which every station printout shows.

    Raises:
        SetupError: the station is not set up.
    """
    station = store.register.station()
    if station is None:
        raise SetupError("找不到工作站资料，请先完成设置向导。", code="setup.missing")
    return station


@dataclass(frozen=True, slots=True)
class CardsWritten:
    """Cards written to a PDF: the file, and the cards to record once they reach a resident."""

    result: RenderResult
    cards: list[CardContent]


def cards(
    store: Store,
    out: Path,
    *,
    household_ids: list[str] | None = None,
    stale_only: bool = False,
    layout: str = "a4-10",
    station: str | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> CardsWritten:
    """Write contact cards (便民服务联系卡); nothing is recorded as issued yet.

    Args:
        store: the station's store.
        out: the PDF to write.
        household_ids: these households' cards (None: every live household's).
        stale_only: only the cards never printed or out of date.
        layout: ``"a4-10"`` or ``"single"``.
        station: at a township, the station whose cards (None: every station's).
        progress: told (cards drawn, cards) after each page.
        cancel: checked after each page.

    Raises:
        NoCardsError: no card to print. FontNotFound, CardsOutputError, Cancelled.
    """
    from qunzhong_desktop.reports.cards_pdf import NoCardsError, render_cards

    require(store.db.operator, Permission.PRINT_CARDS)
    chosen = SqlCards(store.db, station).cards(household_ids, stale_only=stale_only)
    if not chosen:
        raise NoCardsError("没有需要打印的联系卡。", code="cards.empty")
    result = render_cards(
        chosen, out, font=store_font(store), layout=layout, progress=progress, cancel=cancel
    )
    record(store.db, "print_cards", station or "", len(chosen))
    return CardsWritten(result, chosen)


def record_cards(store: Store, written: CardsWritten) -> int:
    """Record the cards of ``written`` as issued today; returns how many."""
    return SqlCards(store.db).record_issues(written.cards)


def receipt(store: Store, number: str, out: Path) -> Path:
    """Write the intake receipt (受理回执) of item ``number``; returns ``out``.

    Raises:
        NotFoundError: no such item. SetupError, FontNotFound, ReportOutputError.
    """
    detail = store.items.item(number)
    from qunzhong_desktop.reports.receipt_pdf import render_receipt

    return render_receipt(detail, station_of(store), out, font=store_font(store))


@dataclass(frozen=True, slots=True)
class DiaryWritten:
    """A cadre's month of the resident diary, written."""

    path: Path
    entries: int


def diary(store: Store, cadre: Cadre, month: str, out: Path) -> DiaryWritten:
    """Write a cadre's month (``YYYY-MM``) of the resident diary (民情日记).

    Raises:
        ValidationError: the month is not ``YYYY-MM``. SetupError, FontNotFound,
            ReportOutputError.
    """
    from qunzhong_desktop.core.monthly.report import Month
    from qunzhong_desktop.reports.diary_pdf import render_diary

    require(store.db.operator, Permission.EXPORT)
    first, _last = parse_month(month)
    entries = store.diary.month_entries(cadre.id or "", month)
    figures = store.reports.cadre_month(cadre.id or "", Month.of(first))
    path = render_diary(
        cadre, station_of(store), first, entries, out, font=store_font(store), figures=figures
    )
    record(store.db, "print_list", f"{cadre.name} {month} 民情日记", len(entries))
    return DiaryWritten(path, len(entries))


@dataclass(frozen=True, slots=True)
class CadreRecordWritten:
    """A cadre's mass-work record, written: the file and what it says."""

    path: Path
    record: CadreServiceRecord


def cadre_record(
    store: Store,
    cadre: Cadre,
    start: dt.date,
    end: dt.date,
    out: Path,
    *,
    today: dt.date | None = None,
) -> CadreRecordWritten:
    """Write a cadre's mass-work record (群众工作实绩记录) for a period as a PDF.

    At the township the record covers every cadre row of the cadre's name
    (:mod:`qunzhong_desktop.storage.cadre_record_repo`).

    Raises:
        PermissionDenied: the operator may not export. NotFoundError: no such cadre.
        PeriodInvalid, FontNotFound, ReportOutputError.
    """
    from qunzhong_desktop.reports.cadre_record_pdf import render_cadre_record

    require(store.db.operator, Permission.EXPORT)
    record_ = store.cadre_records.record(cadre.id or "", start, end, today=today)
    path = render_cadre_record(record_, out, font=store_font(store), today=today)
    what = f"{record_.name} 群众工作实绩记录 {start.isoformat()}–{end.isoformat()}"
    record(store.db, "export", what, len(record_.months))
    return CadreRecordWritten(path, record_)


def monthly(
    store: Store,
    month: Month,
    out: Path,
    *,
    station_code: str | None = None,
    township_code: str | None = None,
    today: dt.date | None = None,
) -> MonthlyReport | TownshipReport:
    """Compute a month's report (民情月报) and write it as .pdf or .xlsx, by ``out``'s suffix.

    Returns:
        The report written (its key figures are what the CLI prints).

    Raises:
        ValidationError: the suffix is neither, or ``station_code`` is refused here.
        FontNotFound, ReportOutputError.
    """
    from qunzhong_desktop.reports.monthly_pdf import render_monthly_pdf
    from qunzhong_desktop.reports.monthly_xlsx import write_monthly_xlsx

    kind = Path(out).suffix.lower()
    if kind not in MONTHLY_FORMATS:
        raise ValidationError(
            f"输出文件应以 .pdf 或 .xlsx 结尾，现在是“{Path(out).name}”。", code="report.format"
        )
    require(store.db.operator, Permission.EXPORT)
    report = store.reports.report_for(
        month, today=today, station_code=station_code, township_code=township_code
    )
    if kind == ".pdf":
        render_monthly_pdf(report, out, font=store_font(store), today=today)
    else:
        write_monthly_xlsx(report, out)
    figures = report.overall if hasattr(report, "overall") else report
    record(store.db, "export", f"民情月报 {month.title}{station_code or ''}", figures.received)
    return report


def period(
    store: Store,
    period: Period,
    out: Path,
    *,
    station_code: str | None = None,
    township_code: str | None = None,
    since: dt.date | None = None,
    today: dt.date | None = None,
) -> PeriodReport:
    """Compute the report of any period (民情报表) and write it as .pdf or .xlsx, by suffix.

    Every figure beside the period before and a year before; at the township a row per
    station, or one station's report with ``station_code``; cumulative figures from
    ``since`` (default: the period's first day).

    Returns:
        The report written (its key figures are what the CLI prints).

    Raises:
        ValidationError: the suffix is neither, or ``station_code`` is refused here.
        PermissionDenied: the operator may not export. FontNotFound, ReportOutputError.
    """
    from qunzhong_desktop.reports.period_pdf import render_period_pdf
    from qunzhong_desktop.reports.period_xlsx import write_period_xlsx

    kind = Path(out).suffix.lower()
    if kind not in MONTHLY_FORMATS:
        raise ValidationError(
            f"输出文件应以 .pdf 或 .xlsx 结尾，现在是“{Path(out).name}”。", code="report.format"
        )
    require(store.db.operator, Permission.EXPORT)
    report = store.period_reports.period_report(
        period, today=today, station_code=station_code, township_code=township_code, since=since
    )
    if kind == ".pdf":
        render_period_pdf(report, out, font=store_font(store), today=today)
    else:
        write_period_xlsx(report, out)
    what = f"民情报表 {report.period.title}{station_code or ''}"
    record(store.db, "export", what, report.current.items.received)
    return report


def enrollment_sheet(
    store: Store, info: EnrollmentInfo, out: Path, *, file_name: str, above: str | None = None
) -> Path:
    """Write the enrollment sheet of a station (站点登记表) or a township (乡镇登记表).

    Args:
        store: the store that wrote the enrollment (its font).
        info: the enrollment as read back from its file (``role`` township: 乡镇登记表).
        out: the PDF to write.
        file_name: the enrollment file the sheet goes with.
        above: the name of the body enrolling it (the township's county); by default the
            station's township from its profile.

    Raises:
        FontNotFound, ReportOutputError.
    """
    from qunzhong_desktop.reports.enrollment_pdf import render_enrollment_sheet

    if above is None:
        station = store.register.station()
        above = station.township_name if station else ""
    return render_enrollment_sheet(
        info, out, font=store_font(store), township_name=above, file_name=file_name
    )


@dataclass(frozen=True, slots=True)
class NoticeWritten:
    """The 五公开 notice, written: the file and how many cases it lists."""

    path: Path
    rows: int


def assistance_notice(
    store: Store,
    out: Path,
    *,
    grid_id: str | None = None,
    year: int | None = None,
    today: dt.date | None = None,
) -> NoticeWritten:
    """Write the 五公开 notice (帮扶工作五公开公示) of the station's assistance cases.

    It lists the cases with help given that are in 实施中, or were closed in ``year`` (the
    year of ``today`` unless said), of every household or only ``grid_id``'s; amounts only
    when the township's options show them.

    Raises:
        PermissionDenied: the operator may not export. ValidationError: a year out of range.
        SetupError, FontNotFound, NoticeOutputError.
    """
    from qunzhong_desktop.reports.notice_pdf import Notice, listed, notice_row, render_notice
    from qunzhong_desktop.storage.assistance_cases import NeedFilter

    require(store.db.operator, Permission.EXPORT)
    today = today or dt.date.today()
    year = year or today.year
    if not 2000 <= year <= today.year:
        raise ValidationError(
            f"公示年份应在 2000–{today.year} 年之间，现在是 {year}。", code="notice.year"
        )
    station = station_of(store)
    grid_name = ""
    if grid_id is not None:
        grid_name = next((g.name for g in store.register.grids() if g.id == grid_id), "")
    amounts = store.settings.assistance_options().notice_amounts
    cases = listed(store.needs.cases(NeedFilter(grid_id=grid_id)), year)
    rows = []
    for case in cases:
        try:
            members = [p.name for p in store.register.household(case.need.household_id).members]
        except NotFoundError:  # its household left the register: its head is not named
            members = []
        rows.append(notice_row(case, amounts=amounts, names=members))
    notice = Notice(station, rows, year, today, amounts=amounts, grid_name=grid_name)
    path = render_notice(notice, out, font=store_font(store))
    record(store.db, "print_list", f"帮扶工作五公开公示 {year}{grid_name}", len(rows))
    return NoticeWritten(path, len(rows))


def assessment(
    store: Store,
    period: Period,
    out: Path,
    *,
    of: str = "stations",
    today: dt.date | None = None,
    township_code: str | None = None,
) -> AssessmentSheet:
    """Write the township's assessment ranking (考评排名) of a period as a PDF.

    Args:
        store: the township's store.
        period: the period (a half-year by custom; any period is scored).
        out: the PDF to write.
        of: ``"stations"`` or ``"units"``.
        today: a period under way stands at this day.
        township_code: at the county, rank this township's stations (default: the townships).

    Returns:
        The sheet written (the CLI prints its ranking).

    Raises:
        PermissionDenied: the operator may not export. ValidationError: at a station's
            store. FontNotFound, ReportOutputError.
    """
    from qunzhong_desktop.reports.assessment_pdf import render_assessment

    require(store.db.operator, Permission.EXPORT)
    sheet = store.assessment.sheet(period, of=of, today=today, township_code=township_code)
    render_assessment(sheet, out, font=store_font(store), today=today)
    record(store.db, "export", f"考评排名 {period.title} {OF.get(of, of)}", len(sheet.entries))
    return sheet
