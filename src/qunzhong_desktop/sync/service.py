"""One facade over sync for the window and the command line (SYNC.md).

The window and ``qunzhong`` call these methods only; the work is in the modules named in
each method. Long operations take ``progress`` and ``cancel`` (core/work.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.sync import (
    conflicts,
    county_enrollment,
    enrollment,
    exporter,
    importer,
    node,
    peers,
)
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.views import (
    ConflictView,
    CountyKitInfo,
    EnrollmentInfo,
    ExportResult,
    ImportReport,
    KitInfo,
    PeerStatus,
    TownshipBoard,
)


class SyncService:
    """Keys, enrollment, bundles, peers and conflicts of one data directory."""

    def __init__(self, db: Database, home: Path) -> None:
        """Wrap an open store's database and its data directory (where the keys are)."""
        self.db = db
        self.home = Path(home)
        # missing sequences seen by refused imports this session, for the stations board
        self.gaps: dict[str, tuple[int, int]] = {}

    # identity ----------------------------------------------------------------------------
    @property
    def role(self) -> str:
        """``station``, ``township``, ``county`` or "" before set-up."""
        return node_role(self.db)

    def _may_sync(self) -> None:
        require(self.db.operator, Permission.SYNC)

    def has_keys(self) -> bool:
        """Whether this PC has its keys yet."""
        return node.has_keys(self.home)

    def create_keys(self, passphrase: str) -> str:
        """Create this PC's keys sealed with ``passphrase``; returns the fingerprint."""
        self._may_sync()
        return node.create_keys(self.home, passphrase).fingerprint

    def rekey(self, passphrase: str) -> str:
        """New keys and a new epoch (SYNC.md, key loss); returns the new fingerprint.

        The peer must enroll this PC again (a new enrollment file or station kit); it
        keeps the old public key to verify the bundles signed before.
        """
        self._may_sync()
        keys = node.replace_keys(self.home, passphrase)
        self.start_new_epoch()
        return keys.fingerprint

    def start_new_epoch(self) -> int:
        """Bump this PC's epoch (its keys were just replaced); returns the new epoch."""
        with self.db.writing() as s:
            local = s.scalars(select(m.LocalNode)).one()
            local.epoch += 1
            epoch = local.epoch
        return epoch

    def load_keys(self, passphrase: str) -> NodeKeys:
        """Open this PC's keys (raises KeyStoreError on a wrong passphrase)."""
        return node.load_keys(self.home, passphrase)

    def fingerprint(self) -> str:
        """This PC's key fingerprint (no passphrase needed)."""
        return node.public_keys(self.home).fingerprint

    # enrollment (sync/enrollment.py) -----------------------------------------------------
    def write_station_kit(self, out: Path, keys: NodeKeys) -> Path:
        """Township: write the signed station kit (identity, keys, units, domains, calendar)."""
        self._may_sync()
        return enrollment.write_station_kit(self.db, out, keys)

    def read_station_kit(self, path: Path) -> KitInfo:
        """Station: check a kit file and say what it holds, without storing anything."""
        return enrollment.read_station_kit(path)

    def accept_station_kit(self, path: Path, fingerprint: str = "") -> KitInfo:
        """Station: store the kit's township as this PC's peer and apply its configuration.

        ``fingerprint``: typed in when the kit brings the township's new key (its rekey).
        """
        return enrollment.accept_station_kit(self.db, path, fingerprint)

    def write_enrollment(self, out: Path, keys: NodeKeys) -> str:
        """Station or township: write the signed enrollment file; the fingerprint to print.

        A station enrols with its township, a township with its county.
        """
        self._may_sync()
        if self.role == "township":
            return county_enrollment.write_township_enrollment(self.db, out, keys)
        return enrollment.write_enrollment(self.db, out, keys)

    def read_enrollment(self, path: Path) -> EnrollmentInfo:
        """Check an enrollment file and say who it is from (nothing stored).

        At a township: a station's file; at a county: a township's (a station's is refused).
        """
        if self.role == "county":
            return county_enrollment.read_township_enrollment(path)
        return enrollment.read_enrollment(path)

    def read_township_enrollment(self, path: Path) -> EnrollmentInfo:
        """A township's enrollment file (the one it wrote for its county: its printed sheet)."""
        return county_enrollment.read_township_enrollment(path)

    def enroll(self, path: Path, fingerprint: str) -> EnrollmentInfo:
        """Accept an enrollment once the fingerprint typed matches the file's.

        At a township: a station of the township; at a county: a township of the county.
        """
        self._may_sync()
        if self.role == "county":
            return county_enrollment.enroll_township(self.db, path, fingerprint)
        return enrollment.enroll(self.db, path, fingerprint)

    # the county tier (sync/county_enrollment.py) -------------------------------------------
    def write_county_kit(self, out: Path, keys: NodeKeys) -> Path:
        """County: write the signed county kit (identity and keys) for its townships."""
        self._may_sync()
        return county_enrollment.write_county_kit(self.db, out, keys)

    def read_county_kit(self, path: Path) -> CountyKitInfo:
        """Township: check a county kit and say whose it is, without storing anything."""
        return county_enrollment.read_county_kit(path)

    def accept_county_kit(self, path: Path, fingerprint: str) -> CountyKitInfo:
        """Township: make the kit's county its peer above, its fingerprint typed in."""
        self._may_sync()
        return county_enrollment.accept_county_kit(self.db, path, fingerprint)

    # bundles (sync/exporter.py, sync/importer.py) ----------------------------------------
    def export_bundles(
        self, out_dir: Path, keys: NodeKeys, *, station_code: str | None = None
    ) -> list[ExportResult]:
        """Write the bundles due.

        A station writes its changes bundle to its township; the township writes a dispatch
        bundle to one station (``station_code``) or to every enrolled station.
        """
        require(self.db.operator, Permission.SYNC)
        results = exporter.export_bundles(self.db, out_dir, keys, station_code=station_code)
        record(self.db, "sync_export", station_code or "", sum(r.changes for r in results))
        return results

    def import_bundle(
        self,
        path: Path,
        keys: NodeKeys,
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        """Verify and apply one bundle in one transaction.

        Returns:
            The report (``applied`` or ``already``).

        Raises:
            BundleRefused: the bundle is refused; nothing was written.
            ImportCancelled: ``cancel`` was set; nothing was written.
        """
        require(self.db.operator, Permission.SYNC)
        backups.before_import(self.db)  # a copy to go back to (storage/backups.py)
        try:
            report = importer.import_bundle(self.db, path, keys, progress=progress, cancel=cancel)
        except BundleRefused as exc:
            self._note_gap(exc)
            raise
        record(self.db, "sync_import", report.sender_name, report.applied)
        return report

    def _note_gap(self, exc: BundleRefused) -> None:
        if exc.code == "bundle.sequence_gap":
            self.gaps[str(exc.data["node_id"])] = exc.data["missing"]

    def import_bundles(
        self,
        paths: Sequence[Path],
        keys: NodeKeys,
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> list[ImportReport]:
        """Import several files (a USB folder), oldest sequence first.

        A refusal becomes a ``refused`` report and the others go on; cancel stops before
        the next file (the file under way is not written).
        """
        require(self.db.operator, Permission.SYNC)
        backups.before_import(self.db)
        reports = importer.import_many(
            self.db, paths, keys, progress=progress, cancel=cancel, on_refused=self._note_gap
        )
        record(self.db, "sync_import", f"{len(reports)} 个文件", sum(r.applied for r in reports))
        return reports

    # overview (sync/peers.py, sync/conflicts.py) -----------------------------------------
    def township_name(self) -> str | None:
        """Station: the name of the township whose kit it imported (None before any)."""
        with self.db.session() as s:
            return s.scalar(select(SyncPeer.name).where(SyncPeer.role == "township"))

    def peers(self) -> list[PeerStatus]:
        """The stations board (township) or the township's row (station)."""
        return peers.peer_statuses(self.db, self.gaps)

    def county_board(self) -> list[TownshipBoard]:
        """County: each enrolled township with the stations of its signed list."""
        statuses = peers.peer_statuses(self.db, self.gaps)
        boards = []
        for township in (p for p in statuses if p.role == "township"):
            stations = [p for p in statuses if p.role == "station" and p.code[:9] == township.code]
            boards.append(
                TownshipBoard(
                    township=township,
                    stations=stations,
                    open_items=sum(p.open_items for p in stations),
                    overdue_items=sum(p.overdue_items for p in stations),
                )
            )
        return boards

    def conflicts(self, *, open_only: bool = True) -> list[ConflictView]:
        """The conflict log, newest first."""
        return conflicts.list_conflicts(self.db, open_only=open_only)

    def undo_conflict(self, conflict_id: int) -> None:
        """Put the lost value back (it becomes the newest value) and close the entry."""
        conflicts.undo(self.db, conflict_id)

    def dismiss_conflict(self, conflict_id: int) -> None:
        """Close an entry after review, keeping what is in place."""
        self._may_sync()
        conflicts.dismiss(self.db, conflict_id)
