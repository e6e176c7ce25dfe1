"""What the 同步 page and its two panels (station, township) share.

:class:`SyncHost` is what a panel asks of the page it sits on: the store and the sync
service, this PC's keys (the passphrase is asked once per session), the status line, the
dialog tests look at, the bundle import and export both roles do. :class:`SyncFiles` asks
for files and folders starting in the folder last used (a USB stick, usually). What the
panels do alike one tier apart (a station with its township, a township with its county)
is written once: :func:`export_kit`, :func:`enroll_from_file` and
:func:`export_enrollment` (the enrollment file and its printed sheet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.settings_repo import SqlSettings
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import EnrollmentInfo
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import FlowLayout
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task
from qunzhong_desktop.ui.sync.key_dialogs import FingerprintDialog

FOLDER_SETTING = "sync.last_folder"
BUNDLE_SUFFIX, KIT_SUFFIX, ENROLL_SUFFIX = ".qzb", ".qzkit", ".qzenroll"


class SyncHost(Protocol):
    """The page a sync panel sits on (:class:`.SyncPage`)."""

    store: Store
    sync: SyncService
    files: SyncFiles

    def ensure_keys(self) -> NodeKeys | None:
        """This PC's keys, asking for the passphrase the first time; None if not given."""

    def show_status(self, text: str) -> None:
        """Say what just happened on the page's status line."""

    def open_dialog(self, dialog: QDialog) -> None:
        """Show a dialog window-modally without blocking."""

    def refresh(self) -> None:
        """Reload what the page shows."""

    def export_to_folder(self, title: str, station_code: str | None = None) -> None:
        """Choose a folder and write the bundles due there."""

    def import_files(self, title: str) -> None:
        """Choose bundle files and import them."""

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Verify and import bundle files, then show the report."""

    def import_folder(self, title: str) -> None:
        """Import every bundle in a chosen folder (a USB stick from many senders)."""


class SyncFiles:
    """File and folder choosers that start in, and remember, the last folder used.

    Args:
        parent: the widget the file dialogs belong to.
        settings: where the last folder is kept (``sync.last_folder``).
    """

    def __init__(self, parent: QWidget, settings: SqlSettings) -> None:
        self.parent = parent
        self.settings = settings

    def last_folder(self) -> Path:
        """The folder last used for sync files (a USB stick, usually); home otherwise."""
        stored = self.settings.get(FOLDER_SETTING)
        folder = Path(stored) if stored else Path.home()
        return folder if folder.is_dir() else Path.home()

    def remember_folder(self, folder: Path) -> None:
        """Offer ``folder`` first next time."""
        self.settings.set(FOLDER_SETTING, str(folder))

    def choose_file(self, title: str, file_filter: str) -> Path | None:
        """Ask for a file to read."""
        name, _ = QFileDialog.getOpenFileName(
            self.parent, title, str(self.last_folder()), file_filter
        )
        if not name:
            return None
        self.remember_folder(Path(name).parent)
        return Path(name)

    def choose_files(self, title: str, file_filter: str) -> list[Path]:
        """Ask for files to read (none if cancelled)."""
        names, _ = QFileDialog.getOpenFileNames(
            self.parent, title, str(self.last_folder()), file_filter
        )
        paths = [Path(n) for n in names]
        if paths:
            self.remember_folder(paths[0].parent)
        return paths

    def choose_save(self, title: str, default_name: str, file_filter: str) -> Path | None:
        """Ask for a file to write; the suffix of ``default_name`` is added if left out."""
        name, _ = QFileDialog.getSaveFileName(
            self.parent, title, str(self.last_folder() / default_name), file_filter
        )
        if not name:
            return None
        path, suffix = Path(name), Path(default_name).suffix
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.remember_folder(path.parent)
        return path

    def choose_folder(self, title: str) -> Path | None:
        """Ask for a folder (a USB stick, usually)."""
        folder = QFileDialog.getExistingDirectory(self.parent, title, str(self.last_folder()))
        if not folder:
            return None
        self.remember_folder(Path(folder))
        return Path(folder)


def mono_label(parent: QWidget) -> QLabel:
    """A selectable label in the fixed-width font, for key fingerprints."""
    label = QLabel(parent)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), label.font().pointSizeF()))
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def push_button(parent: QWidget, text: str, slot: Callable[[], object]) -> QPushButton:
    """A button that calls ``slot()`` when clicked."""
    button = QPushButton(text, parent)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def button_bar(left: list[QPushButton], right: list[QPushButton]) -> QHBoxLayout:
    """A row of buttons: ``left`` on the left, ``right`` on the right; both wrap if narrow."""
    bar = QHBoxLayout()
    start, end = FlowLayout(), FlowLayout(align_right=True)
    for button in left:
        start.addWidget(button)
    for button in right:
        end.addWidget(button)
    bar.addLayout(start, 3)
    bar.addLayout(end, 2)
    return bar


# what the panels do alike, one tier apart ----------------------------------------------------
def export_kit(
    panel: QWidget,
    host: SyncHost,
    *,
    title: str,
    file_name: str,
    file_filter: str,
    write: Callable[[Path, NodeKeys], object],
    label: str,
    said: str,
) -> None:
    """Choose where, open the keys, write a kit in the background; ``said`` ({0}: the file)."""
    out = host.files.choose_save(title, file_name, file_filter)
    keys = host.ensure_keys() if out is not None else None
    if out is None or keys is None:
        return
    run_task(
        panel,
        lambda _p, _c: write(out, keys),
        label=label,
        on_done=lambda path: host.show_status(said.format(path)),
        cancellable=False,
    )


def enroll_from_file(
    panel: QWidget,
    host: SyncHost,
    *,
    title: str,
    file_filter: str,
    done: Callable[[EnrollmentInfo], None],
) -> None:
    """Choose an enrollment file, show who it is from, enrol once its fingerprint is typed."""
    path = host.files.choose_file(title, file_filter)
    if path is None:
        return
    sync = host.sync
    try:
        info = sync.read_enrollment(path)
    except DomainError as exc:
        show_error(panel, exc, title=title)
        return
    dialog = FingerprintDialog(info, lambda typed: sync.enroll(path, typed), panel)
    dialog.accepted.connect(lambda: done(info))
    host.open_dialog(dialog)


Sheet = Path | DomainError
"""The sheet written, or why it was not (the enrollment file is written either way)."""


def export_enrollment(
    panel: QWidget,
    host: SyncHost,
    *,
    title: str,
    file_name: str,
    file_filter: str,
    above: str | None,
    label: str,
    done: Callable[[Path, EnrollmentInfo, Sheet], None],
) -> None:
    """Write this PC's enrollment file, read it back and print its sheet beside it (.pdf).

    ``above``: the body the sheet names (the township's county; None: the station's
    township from its profile). ``done(file, info, sheet)`` runs on the GUI thread.
    """
    out = host.files.choose_save(title, file_name, file_filter)
    keys = host.ensure_keys() if out is not None else None
    if out is None or keys is None:
        return
    store, sync = host.store, host.sync
    township = sync.role == "township"

    def work(_progress: Progress, _cancel: CancelToken) -> tuple[EnrollmentInfo, Sheet]:
        from qunzhong_desktop.reports import documents  # reportlab: only when asked

        sync.write_enrollment(out, keys)
        info = (sync.read_township_enrollment if township else sync.read_enrollment)(out)
        try:
            pdf = documents.enrollment_sheet(
                store, info, out.with_suffix(".pdf"), file_name=out.name, above=above
            )
        except DomainError as exc:  # the file is written; only the sheet failed
            return info, exc
        return info, pdf

    def finished(result: Any) -> None:
        info, sheet = result
        done(out, info, sheet)

    run_task(panel, work, label=label, on_done=finished, cancellable=False)
