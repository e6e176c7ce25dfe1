"""Open the receipt (受理回执) of an item from the intake form or the item page.

The preview lives in :mod:`.receipt_preview` (reportlab is heavy): it is imported only when
the clerk asks for a receipt, so the intake page opens fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from qunzhong_desktop.ui.common import form_feedback

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store

RECEIPT_MODULE = "qunzhong_desktop.ui.intake.receipt_preview"


def show_receipt(store: Store, number: str, parent: QWidget | None) -> None:
    """Show the receipt of item ``number`` for printing (``receipt_preview.show_receipt``)."""
    try:
        module = importlib.import_module(RECEIPT_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != RECEIPT_MODULE:
            raise
        form_feedback.inform(
            parent,
            QCoreApplication.translate("receipt_link", "打印回执"),
            QCoreApplication.translate(
                "receipt_link", "本版本还不能打印回执。事项 {number} 已经保存。"
            ).format(number=number),
        )
        return
    module.show_receipt(store, number, parent)
