"""One way a document reaches paper: written off the GUI thread, previewed, cleaned up.

:func:`print_document` runs a writer (a function of ``reports/documents.py``) on the task
runner — progress dialog after a moment, 取消 — into a private scratch folder of the data
directory; then the print preview (or the system print dialog) shows that very file, and
the folder is removed when the preview closes, or at once when the work failed or was
cancelled. Errors are shown under the document's title.

The preview and the print dialog are modal and wait for a person: tests swap them for a
recorder with :func:`use_output`.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from qunzhong_desktop.core.safe_write import OutputError, atomic_path
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.home import scratch_dir
from qunzhong_desktop.storage.settings_repo import SqlSettings
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.tasks import Task, run_task

T = TypeVar("T")
FOLDER_KEY = "ui.last_folder"  # + "." + kind: where files of that kind were last saved


SaveCopy = Callable[[Path], None]


class Output(Protocol):
    """Where a written PDF goes: the print preview or the system print dialog."""

    def preview(
        self, path: Path, parent: QWidget | None, title: str, save: SaveCopy | None = None
    ) -> bool:
        """Show the print preview (``save``: its 另存为 PDF); True if the user printed."""

    def print(self, path: Path, parent: QWidget | None, title: str) -> bool:
        """Ask for a printer and print; True if printed."""


class QtOutput:
    """The real preview and print dialog (``ui/common/pdf_print.py``)."""

    def preview(
        self, path: Path, parent: QWidget | None, title: str, save: SaveCopy | None = None
    ) -> bool:
        """See :func:`.pdf_print.preview_pdf`."""
        from qunzhong_desktop.ui.common.pdf_print import preview_pdf

        return preview_pdf(path, parent, title=title, save=save)

    def print(self, path: Path, parent: QWidget | None, title: str) -> bool:
        """See :func:`.pdf_print.print_pdf`."""
        from qunzhong_desktop.ui.common.pdf_print import print_pdf

        return print_pdf(path, parent, title=title)


_output: Output = QtOutput()


def use_output(output: Output | None) -> None:
    """Send every later printout to ``output`` (``None``: the real dialogs again)."""
    global _output  # noqa: PLW0603 - one switch for the whole UI, set by tests
    _output = output if output is not None else QtOutput()


def current_output() -> Output:
    """Where printouts go now."""
    return _output


def show_pdf(
    path: Path,
    parent: QWidget | None,
    *,
    title: str = "",
    direct: bool = False,
    save: SaveCopy | None = None,
) -> bool:
    """Preview (or, ``direct``, print) a PDF that exists already; True if printed."""
    output = current_output()
    if direct:
        return output.print(path, parent, title)
    return output.preview(path, parent, title, save)


# saving files ------------------------------------------------------------------------------
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(text: str) -> str:
    """``text`` as a file name on Windows and Linux (no slashes, colons, quotes …)."""
    return _UNSAFE.sub("-", text).strip(" .-") or "文件"


def document_name(store: Store, *parts: object, suffix: str = ".pdf") -> str:
    """A file name that says what it is: ``新塘村群众工作站-民情月报-2026年11月.pdf``.

    The parts follow this PC's name (the station's, or the township office's).
    """
    # a township's store holds its stations' profiles too: its own name is in its settings
    owner = township_profile(store.db)[1]
    if not owner:
        station = store.register.station()
        owner = station.name if station is not None else ""
    words = [str(p) for p in (owner, *parts) if str(p)]
    return safe_file_name("-".join(words)) + suffix


def start_folder(settings: SqlSettings, kind: str) -> Path:
    """The folder a file chooser for ``kind`` opens in.

    The last one used for that kind, else the user's Documents folder (never the program's
    folder or a system folder).
    """
    stored = settings.get(f"{FOLDER_KEY}.{kind}")
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_file(
    parent: QWidget | None,
    settings: SqlSettings,
    *,
    kind: str,
    title: str,
    file_name: str,
    file_filter: str,
) -> Path | None:
    """Ask where to save; None if cancelled.

    The suffix of ``file_name`` is kept, and the folder chosen is offered first next time
    for the same ``kind`` ("pdf", "ledger" …).
    """
    suffix = Path(file_name).suffix
    start = start_folder(settings, kind) / safe_file_name(file_name)
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if not name:
        return None
    path = Path(name)
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    settings.set(f"{FOLDER_KEY}.{kind}", str(path.parent))
    return path


def save_copy(
    parent: QWidget | None, settings: SqlSettings, path: Path, file_name: str, title: str
) -> Path | None:
    """Ask where, and copy the PDF ``path`` there (另存为 PDF); the copy, or None."""
    dest = ask_save_file(
        parent,
        settings,
        kind="pdf",
        title=QCoreApplication.translate("printing", "另存为 PDF"),
        file_name=file_name,
        file_filter=QCoreApplication.translate("printing", "PDF 文件 (*.pdf)"),
    )
    if dest is None:
        return None
    try:
        with atomic_path(dest) as tmp:
            shutil.copyfile(path, tmp)
    except OutputError as exc:
        show_error(parent, exc, title=title)
        return None
    return dest


def print_document(
    parent: QWidget | None,
    store: Store,
    write: Callable[[Path, Progress, CancelToken], T],
    *,
    file_name: str,
    save_name: str = "",
    label: str,
    title: str,
    direct: bool = False,
    on_printed: Callable[[T], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
) -> Task:
    """Write a document in the background, then preview (or print) it.

    Args:
        parent: the widget the progress, the preview and any error box belong to.
        store: the store (its data directory's private scratch folder takes the file,
            its settings remember where copies were saved).
        write: ``write(path, progress, cancel)`` writes the PDF at ``path`` and returns
            what the caller wants back (e.g. the cards written, to record them).
        file_name: the PDF's name in the scratch folder (never personal data).
        save_name: the name 另存为 PDF offers (e.g. 新塘村群众工作站-民情月报-2026年11月.pdf);
            ``title``.pdf when empty.
        label: what the progress dialog says, e.g. "正在生成受理回执……".
        title: the preview's window title and the error box's title.
        direct: the system print dialog instead of the preview.
        on_printed: called with ``write``'s result once the user printed.
        on_failed: called (after the error box) when the document could not be written.

    Returns:
        The task; the scratch folder is gone once it and the preview are done.
    """
    folder = scratch_dir(store.home, "print-")
    path = folder / file_name

    def save(written: Path) -> None:
        save_copy(parent, store.settings, written, save_name or f"{title}.pdf", title)

    def work(progress: Progress, cancel: CancelToken) -> T:
        return write(path, progress, cancel)

    def written(result: Any) -> None:
        try:
            printed = show_pdf(path, parent, title=title, direct=direct, save=save)
        except Exception as exc:  # the file could not be opened: the same box as a failure
            failed(exc)
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if printed and on_printed is not None:
            on_printed(result)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        show_error(parent, exc, title=title)
        if on_failed is not None:
            on_failed(exc)

    def cancelled(_exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return run_task(
        parent, work, label=label, on_done=written, on_error=failed, on_cancel=cancelled
    )
