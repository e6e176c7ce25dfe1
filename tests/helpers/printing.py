"""Printing without a printer: a printer into a PDF file, and a recorder for the preview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter


def pdf_printer(path: Path) -> QPrinter:
    """A printer that writes a PDF: stands in for a real one."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


@dataclass
class Shown:
    """A PDF that reached the preview or the print dialog."""

    path: Path
    title: str
    direct: bool
    pdf: bytes
    save: Callable[[Path], None] | None = None  # the preview's 另存为 PDF


@dataclass
class RecordingOutput:
    """Stands in for the print preview and the print dialog (ui/common/printing.py).

    Records each PDF (its bytes: the file goes once the preview closes), runs ``check``
    on the file while it exists, and answers ``printed``.
    """

    printed: bool = False
    check: Callable[[Path], None] | None = None
    shown: list[Shown] = field(default_factory=list)

    def preview(
        self, path: Path, parent: object, title: str, save: Callable[[Path], None] | None = None
    ) -> bool:
        """Record a preview (``save``: its 另存为 PDF, run by ``check`` if it wants)."""
        return self._record(path, title, direct=False, save=save)

    def print(self, path: Path, parent: object, title: str) -> bool:
        """Record a print."""
        return self._record(path, title, direct=True)

    def _record(
        self, path: Path, title: str, *, direct: bool, save: Callable[[Path], None] | None = None
    ) -> bool:
        assert path.is_file(), path
        self.shown.append(Shown(path, title, direct, path.read_bytes(), save))
        if self.check is not None:
            self.check(path)
        return self.printed
