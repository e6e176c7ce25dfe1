"""The printouts of 代办, from a store: what the CLI and the window both call.

Like :mod:`.documents` (one function per document): the authorisation form a resident signs
(代办委托书) and the list of residents turning an age soon (即将到龄名单). ID numbers and
phones are masked unless the operator may see them and asked (``full``), which the access
log records; the list is an export, logged with its size.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.reports.documents import station_of
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.store import Store

if TYPE_CHECKING:
    from qunzhong_desktop.storage.agency_repo import DueList

AGENCY_FORM = "代办委托书"


def authorisation(store: Store, number: str, out: Path, *, full: bool = False) -> Path:
    """Write the authorisation form (代办委托书) of 代办 item ``number``; returns ``out``.

    Args:
        store: the station's store.
        number: the item's number.
        out: the PDF to write.
        full: the ID number and phone in full (the role must allow it; logged); else masked.

    Raises:
        NotFoundError: no such item. ValidationError: the item is not 代办.
        PermissionDenied: ``full`` for a role that may not. SetupError, FontNotFound,
        AuthorisationOutputError.
    """
    from qunzhong_desktop.reports.authorisation_pdf import AuthorisationForm, render_authorisation

    detail = store.items.item(number)
    agency = store.agency.of(number)
    if not agency.active:
        raise ValidationError(
            "这件事项不是代办事项，请先登记代办方式，再打印委托书。", code="agency.not_agency"
        )
    station = station_of(store)
    if full:
        store.register.reveal(f"事项 {detail.number} 的{AGENCY_FORM}")
    id_number, address = store.agency.requester(number)
    form = AuthorisationForm(
        station_name=station.name,
        number=detail.number,
        content=detail.content,
        resident_name=detail.requester_name,
        id_number=id_number if full else citizen_id.mask(id_number),
        phone=detail.requester_phone if full else phone.mask(detail.requester_phone),
        address=address,
        mode=agency.agency.mode,
        agent=agency.agency.agent,
        office=agency.agency.office,
        auth_kind=agency.agency.auth_kind,
        auth_on=agency.agency.auth_on,
        papers=[e for e in agency.entries if e.kind == "收件"],
        station_phone=station.phone,
    )
    return render_authorisation(form, out, font=store_font(store))


def due_title(due: DueList) -> str:
    """What the list is: 即将到龄名单（年满 70 周岁，低保户）."""
    ages = "、".join(str(age) for age in due.ages)
    return f"即将到龄名单（年满 {ages} 周岁{'，' + due.tag if due.tag else ''}）"


def due_list(store: Store, due: DueList, out: Path, *, full: bool = False) -> int:
    """Write the list of residents turning an age soon (即将到龄名单) as an A4 table.

    Args:
        store: the station's store.
        due: the list, as :meth:`.SqlAgency.due` found it.
        out: the PDF to write.
        full: ID numbers and phones in full (the role must allow it; logged); else masked.

    Returns:
        How many residents were listed.

    Raises:
        PermissionDenied: the operator may not export (or see full numbers, for ``full``).
        FontNotFound, LedgerOutputError.
    """
    from qunzhong_desktop.core.register_due import DUE_COLUMNS, due_rows
    from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf

    require(store.db.operator, Permission.EXPORT)
    what = due_title(due)
    if full:
        store.register.reveal(what, len(due.found))
    station = store.register.station()
    written = write_ledger_pdf(
        out,
        title=f"{station.name if station else ''}{what}",
        period=due.window.title,
        period_label="到龄日期",
        columns=DUE_COLUMNS,
        rows=due_rows(due.found, due.open_items, full=full),
        font=store_font(store),
    )
    record(store.db, "print_list", what, written)
    return written
