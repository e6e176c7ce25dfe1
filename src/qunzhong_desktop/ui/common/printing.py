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

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.home import scratch_dir
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.tasks import Task, run_task

T = TypeVar("T")


class Output(Protocol):
    """Where a written PDF goes: the print preview or the system print dialog."""

    def preview(self, path: Path, parent: QWidget | None, title: str) -> bool:
        """Show the print preview; True if the user printed from it."""

    def print(self, path: Path, parent: QWidget | None, title: str) -> bool:
        """Ask for a printer and print; True if printed."""


class QtOutput:
    """The real preview and print dialog (``ui/common/pdf_print.py``)."""

    def preview(self, path: Path, parent: QWidget | None, title: str) -> bool:
        """See :func:`.pdf_print.preview_pdf`."""
        from qunzhong_desktop.ui.common.pdf_print import preview_pdf

        return preview_pdf(path, parent, title=title)

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


def show_pdf(path: Path, parent: QWidget | None, *, title: str = "", direct: bool = False) -> bool:
    """Preview (or, ``direct``, print) a PDF that exists already; True if printed."""
    output = current_output()
    return (output.print if direct else output.preview)(path, parent, title)


def print_document(
    parent: QWidget | None,
    home: Path,
    write: Callable[[Path, Progress, CancelToken], T],
    *,
    file_name: str,
    label: str,
    title: str,
    direct: bool = False,
    on_printed: Callable[[T], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
) -> Task:
    """Write a document in the background, then preview (or print) it.

    Args:
        parent: the widget the progress, the preview and any error box belong to.
        home: the data directory (its private scratch folder takes the file).
        write: ``write(path, progress, cancel)`` writes the PDF at ``path`` and returns
            what the caller wants back (e.g. the cards written, to record them).
        file_name: the PDF's name in the scratch folder (never personal data).
        label: what the progress dialog says, e.g. "正在生成受理回执……".
        title: the preview's window title and the error box's title.
        direct: the system print dialog instead of the preview.
        on_printed: called with ``write``'s result once the user printed.
        on_failed: called (after the error box) when the document could not be written.

    Returns:
        The task; the scratch folder is gone once it and the preview are done.
    """
    folder = scratch_dir(home, "print-")
    path = folder / file_name

    def work(progress: Progress, cancel: CancelToken) -> T:
        return write(path, progress, cancel)

    def written(result: Any) -> None:
        try:
            printed = show_pdf(path, parent, title=title, direct=direct)
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
