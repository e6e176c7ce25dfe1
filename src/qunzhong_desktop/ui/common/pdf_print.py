"""Preview and print a PDF file with Qt: pages rendered by QtPdf, painted on the printer.

The PDF the reports write is the one source of truth: preview and print show exactly the
pages of the file, at true size (the page is painted at the paper's origin, full page, so
what is 90 mm in the PDF is 90 mm on paper when the printer's scaling is off).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, QSizeF
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QDialog, QToolBar, QWidget

from qunzhong_desktop.core.errors import DomainError

# Pages are rasterised at the printer's resolution, capped: an A4 page at 600 dpi is
# already 140 MB of pixels, and 600 dpi is sharper than any office printer's toner.
MAX_PRINT_DPI = 600
# The preview only needs to look right on screen.
MAX_PREVIEW_DPI = 200


class PdfOpenError(DomainError):
    """The PDF file could not be opened by QtPdf."""

    code = "pdf.open"


def open_pdf(path: Path, parent: QObject) -> QPdfDocument:
    """Load a PDF document (synchronously).

    Raises:
        PdfOpenError: the file is missing or not a PDF.
    """
    doc = QPdfDocument(parent)
    error = doc.load(str(path))
    if error != QPdfDocument.Error.None_ or doc.pageCount() == 0:
        # the name only: a scratch folder's path means nothing to a clerk
        raise PdfOpenError(
            QCoreApplication.translate(
                "pdf_print", "无法打开 PDF 文件“{0}”：文件不完整或不是 PDF。请重新生成后再试。"
            ).format(path.name)
        )
    return doc


def fit_printer_to(printer: QPrinter, doc: QPdfDocument) -> None:
    """Give the printer the paper size and orientation of the document's first page."""
    points = doc.pagePointSize(0)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)


def _page_range(printer: QPrinter, count: int) -> range:
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return range(first - 1, last)
    return range(count)


def paint_pdf(printer: QPrinter, doc: QPdfDocument, *, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Paint the document's pages on a printer (or a preview), each at true size.

    Returns:
        The number of pages painted.
    """
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painted = 0
    try:
        printer_dpi = printer.resolution()
        dpi = min(printer_dpi, max_dpi)
        for index in _page_range(printer, doc.pageCount()):
            if painted:
                printer.newPage()
            points = doc.pagePointSize(index)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = doc.render(index, pixels)
            if image.format() != QImage.Format.Format_RGB32:
                # flatten on white paper (QtPdf renders with transparency)
                flat = QImage(image.size(), QImage.Format.Format_RGB32)
                flat.fill(0xFFFFFF)
                with_painter = QPainter(flat)
                with_painter.drawImage(0, 0, image)
                with_painter.end()
                image = flat
            # the page origin is the paper's corner when the printer is in full-page mode
            target = QRectF(
                0, 0, points.width() * printer_dpi / 72, points.height() * printer_dpi / 72
            )
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
    return painted


class PdfPreviewDialog(QPrintPreviewDialog):
    """A print preview of a PDF file; its print button prints the same pages.

    ``exec`` returns ``Accepted`` when the user printed from the preview.
    """

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        save: Callable[[Path], None] | None = None,
    ) -> None:
        self.pdf_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self.pdf_printer, parent)
        self.document = open_pdf(path, self)
        self.save_action: QAction | None = None
        toolbar = self.findChild(QToolBar)
        if save is not None and toolbar is not None:
            toolbar.addSeparator()
            self.save_action = toolbar.addAction(
                QCoreApplication.translate("pdf_print", "另存为 PDF…")
            )
            self.save_action.triggered.connect(lambda: save(path))
        fit_printer_to(self.pdf_printer, self.document)
        self.setWindowTitle(
            QCoreApplication.translate("pdf_print", "打印预览 — {0}").format(path.name)
        )
        self.paintRequested.connect(self._paint)

    def _paint(self, target: QPrinter) -> None:
        engine = target.paintEngine()
        # the preview paints into pictures: screen quality is enough there
        previewing = engine is not None and engine.type() == QPaintEngine.Type.Picture
        paint_pdf(target, self.document, max_dpi=MAX_PREVIEW_DPI if previewing else MAX_PRINT_DPI)


def preview_pdf(
    path: Path,
    parent: QWidget | None = None,
    *,
    title: str = "",
    save: Callable[[Path], None] | None = None,
) -> bool:
    """Show the print preview (``title``: its window title); True if the user printed.

    ``save``: the 另存为 PDF button of its toolbar, given the file.

    A file QtPdf cannot open is explained in a message box (and False returned).
    """
    from qunzhong_desktop.ui.common.errors import show_error

    try:
        dialog = PdfPreviewDialog(path, parent, save)
    except PdfOpenError as exc:
        show_error(parent, exc)
        return False
    if title:
        dialog.setWindowTitle(
            QCoreApplication.translate("pdf_print", "{0} — 打印预览").format(title)
        )
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.document.close()
        dialog.deleteLater()


def print_pdf(path: Path, parent: QWidget | None = None, *, title: str = "") -> bool:
    """Ask for a printer (QPrintDialog) and print the file; True if it was printed."""
    owner = QObject(parent)
    doc = open_pdf(path, owner)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        fit_printer_to(printer, doc)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("pdf_print", "打印 — {0}").format(title or path.name)
        )
        dialog.setMinMax(1, doc.pageCount())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        finally:
            dialog.deleteLater()
        return paint_pdf(printer, doc) > 0
    finally:
        doc.close()
        owner.deleteLater()
