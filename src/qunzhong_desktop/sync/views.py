"""What the sync operations report to the window and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: How an import ended, for the import report.
APPLIED, ALREADY, REFUSED = "applied", "already", "refused"
STATUS_NAMES = {APPLIED: "已导入", ALREADY: "已导入过", REFUSED: "已拒绝"}


@dataclass(frozen=True)
class ExportResult:
    """A bundle just written.

    Attributes:
        path: the bundle file.
        kind: ``changes`` (station → township) or ``dispatch`` (township → station).
        recipient_code: the receiving township's or station's code.
        recipient_name: its name.
        seq_from: first outbox sequence carried (0 when empty).
        seq_to: last outbox sequence carried.
        changes: number of change lines.
        summary: counts by what a user recognises: ``households``, ``persons``, ``items``,
            ``events``, ``diary``, ``other``, and for dispatches ``config``.
    """

    path: Path
    kind: str
    recipient_code: str
    recipient_name: str
    seq_from: int
    seq_to: int
    changes: int
    summary: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportReport:
    """The outcome of importing one bundle file.

    Attributes:
        path: the file.
        status: :data:`APPLIED`, :data:`ALREADY` or :data:`REFUSED`.
        message: one Chinese sentence (the reason when refused).
        code: the refusal code (``bundle.*`` / ``sync.*``), "" otherwise.
        kind: the bundle kind, "" when unreadable.
        sender_code: the sending station's or township's code, "" when unknown.
        sender_name: its name.
        seq_from: first sequence in the bundle.
        seq_to: last sequence in the bundle.
        applied: changes applied.
        skipped: changes already had.
        flagged: changes logged as conflicts for review.
        imported_at: when it was (first) imported.
    """

    path: Path
    status: str
    message: str
    code: str = ""
    kind: str = ""
    sender_code: str = ""
    sender_name: str = ""
    seq_from: int = 0
    seq_to: int = 0
    applied: int = 0
    skipped: int = 0
    flagged: int = 0
    imported_at: dt.datetime | None = None


@dataclass(frozen=True)
class PeerStatus:
    """One row of the stations board (at the township) or the township (at a station).

    Attributes:
        node_id: the peer's node id.
        role: ``station`` or ``township``.
        code: its division code.
        name: its name.
        epoch: its current epoch.
        fingerprint: its current key fingerprint (8×4 hex digits).
        enrolled: whether the fingerprint was confirmed.
        received_through: the last sequence applied from it.
        last_received_at: when its last bundle was imported.
        missing: (first, last) sequence of bundles known to be missing, if any.
        acked_through: how far it acknowledged this PC's changes.
        pending_out: this PC's changes it has not acknowledged.
        last_sent_at: when a bundle for it was last written.
        open_items: its items not finished (township only).
        overdue_items: of those, past their deadline.
    """

    node_id: str
    role: str
    code: str
    name: str
    epoch: int
    fingerprint: str
    enrolled: bool
    received_through: int
    last_received_at: dt.datetime | None
    missing: tuple[int, int] | None
    acked_through: int
    pending_out: int
    last_sent_at: dt.datetime | None
    open_items: int = 0
    overdue_items: int = 0


@dataclass(frozen=True)
class ConflictView:
    """One entry of the conflicts page.

    Attributes:
        id: the conflict log id.
        at: when it was logged (UTC).
        kind: ``overwrite``, ``transition``, ``delete_edit`` or ``skew``.
        kind_name: the Chinese name of the kind.
        table_name: the table touched.
        row_id: the row.
        what: a human description of the row (``户 001 张三``, ``事项 …-00012``).
        field: the field, "" for whole-change conflicts.
        field_name: the field's Chinese label.
        kept_value: the value now in place.
        lost_value: the value that lost (what undo restores).
        kept_by: who wrote the kept value (a station/township name or 本机).
        lost_by: who wrote the lost value.
        kept_time: local time of the kept value (from its HLC).
        lost_time: local time of the lost value.
        note: a sentence explaining it.
        resolved_at: when it was undone or dismissed.
        resolution: ``undone``, ``dismissed`` or "".
        can_undo: whether undo applies to it.
    """

    id: int
    at: dt.datetime
    kind: str
    kind_name: str
    table_name: str
    row_id: str
    what: str
    field: str
    field_name: str
    kept_value: Any
    lost_value: Any
    kept_by: str
    lost_by: str
    kept_time: dt.datetime | None
    lost_time: dt.datetime | None
    note: str
    resolved_at: dt.datetime | None
    resolution: str
    can_undo: bool


@dataclass(frozen=True)
class KitInfo:
    """A station kit as the station sees it before accepting it.

    Attributes:
        township_code: the township's 9-digit code.
        township_name: its name.
        township_phone: its phone.
        node_id: the township node.
        fingerprint: the township's key fingerprint (compare with the kit sheet).
        units: the township's units (责任单位).
        domains: working days per domain.
        calendar_years: years of holiday data the kit carries.
    """

    township_code: str
    township_name: str
    township_phone: str
    node_id: str
    fingerprint: str
    units: list[str]
    domains: dict[str, int]
    calendar_years: list[int]


@dataclass(frozen=True)
class EnrollmentInfo:
    """A station's enrollment file as the township sees it before confirming.

    Attributes:
        station_code: the station's 12-digit code.
        station_name: its name.
        node_id: the station node.
        epoch: the station's epoch (2+ after re-enrollment).
        fingerprint: its key fingerprint, to compare with the printed sheet.
        continues: the last outbox sequence the station had made when it wrote the file
            (None in files of 0.1.0).
    """

    station_code: str
    station_name: str
    node_id: str
    epoch: int
    fingerprint: str
    continues: int | None = None
    role: str = "station"  # "township" when a township enrols with its county


@dataclass(frozen=True)
class CountyKitInfo:
    """A county kit as the township sees it before accepting it.

    Attributes:
        county_code: the county's 6-digit code.
        county_name: its name (…群众工作部).
        node_id: the county node.
        epoch: the county's key epoch.
        fingerprint: its key fingerprint, read out by the county and typed in.
    """

    county_code: str
    county_name: str
    node_id: str
    epoch: int
    fingerprint: str


@dataclass(frozen=True)
class TownshipBoard:
    """One township on the county's sync board, with the stations on its signed list.

    Attributes:
        township: the township as a peer (its bundles, sequences, acknowledgements).
        stations: its stations as the county knows them (no keys: ``enrolled`` is False,
            ``fingerprint`` empty), each with its open and overdue items here.
        open_items: the stations' open items, summed.
        overdue_items: of those, past their deadline.
    """

    township: PeerStatus
    stations: list[PeerStatus]
    open_items: int
    overdue_items: int
