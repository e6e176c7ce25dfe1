"""The receipt (受理回执) of an item, written and shown for printing.

The file comes from :func:`qunzhong_desktop.reports.documents.receipt`, the one the CLI's
``qunzhong receipt`` writes; :func:`.printing.print_document` writes it in the background,
opens the print preview and removes the file when the preview closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.tasks import Task


def show_receipt(store: Store, number: str, parent: QWidget | None = None) -> Task:
    """Write the receipt of item ``number`` and open its print preview.

    Errors (no such item, no font, no station) are shown in a message box.
    """

    def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
        return documents.receipt(store, number, path)

    return print_document(
        parent,
        store,
        write,
        file_name=f"receipt-{number}.pdf",
        save_name=document_name(
            store, QCoreApplication.translate("receipt_preview", "受理回执"), number
        ),
        label=QCoreApplication.translate("receipt_preview", "正在生成受理回执……"),
        title=QCoreApplication.translate("receipt_preview", "受理回执 {0}").format(number),
    )
