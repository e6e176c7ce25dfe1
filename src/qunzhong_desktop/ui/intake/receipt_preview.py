"""Print preview of an item's receipt (受理回执), for the intake form and the item pages.

The receipt is rendered to a PDF in a private temporary folder, shown in the PDF print
preview (the user prints from there), and the folder is removed when the preview closes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from qunzhong_desktop.core.errors import DomainError, SetupError
from qunzhong_desktop.home import scratch_dir
from qunzhong_desktop.reports.fonts import FONT_SETTING, find_cjk_font
from qunzhong_desktop.reports.receipt_pdf import render_receipt
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.pdf_print import PdfPreviewDialog


def render_receipt_file(store: Store, number: str, folder: Path) -> Path:
    """Write the receipt of item ``number`` into ``folder``; returns the PDF's path.

    Raises:
        DomainError: the item, the station or a CJK font is missing, or the file
            cannot be written.
    """
    detail = store.items.item(number)
    station = store.register.station()
    if station is None:
        raise SetupError(
            QCoreApplication.translate("receipt_preview", "找不到工作站资料，请先完成设置向导。"),
            code="setup.missing",
        )
    font = find_cjk_font(store.settings.get(FONT_SETTING))
    return render_receipt(detail, station, folder / f"receipt-{detail.number}.pdf", font=font)


def run_preview(dialog: PdfPreviewDialog) -> bool:
    """Show the preview modally; True if the user printed from it (a seam for the tests)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_receipt(store: Store, number: str, parent: QWidget | None = None) -> bool:
    """Render the receipt of item ``number`` and open its print preview.

    Errors (no such item, no font, no station) are shown in a message box.

    Returns:
        True if the user printed the receipt from the preview.
    """
    folder = scratch_dir(store.home, "receipt-")
    try:
        try:
            path = render_receipt_file(store, number, folder)
            dialog = PdfPreviewDialog(path, parent)
        except DomainError as exc:
            show_error(parent, exc, title=QCoreApplication.translate("receipt_preview", "受理回执"))
            return False
        dialog.setWindowTitle(
            QCoreApplication.translate("receipt_preview", "受理回执打印预览 — {0}").format(number)
        )
        try:
            return run_preview(dialog)
        finally:
            # release the file before the folder goes (Windows keeps open files)
            dialog.document.close()
            dialog.deleteLater()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
