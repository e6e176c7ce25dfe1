"""What the 同步 page and its two panels (station, township) share.

:class:`SyncHost` is what a panel asks of the page it sits on: the store and the sync
service, this PC's keys (the passphrase is asked once per session), the status line, the
dialog tests look at, the bundle import and export both roles do. :class:`SyncFiles` asks
for files and folders starting in the folder last used (a USB stick, usually).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from qunzhong_desktop.storage.settings_repo import SqlSettings
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.common.list_parts import FlowLayout

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
