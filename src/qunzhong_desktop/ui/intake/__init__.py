"""受理 (intake): the work lists, the intake form, an item's page, its steps, receipts.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "IntakePage": "intake_page",
    "ItemDialog": "item_dialog",
    "ReadOnlyItemDialog": "item_dialog",
    "ItemFigures": "item_figures",
    "WorkListModel": "worklist_model",
    "FetchRows": "worklist_model",
    "WorkListColumn": "worklist_model",
    "show_receipt": "receipt_link",
}
ALIASES = {"WorkListColumn": "Column"}
__all__ = [
    "FetchRows",
    "IntakePage",
    "ItemDialog",
    "ItemFigures",
    "ReadOnlyItemDialog",
    "WorkListColumn",
    "WorkListModel",
    "show_receipt",
]


__getattr__ = lazy_names(__name__, PUBLIC, ALIASES)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.intake.intake_page import IntakePage
    from qunzhong_desktop.ui.intake.item_dialog import ItemDialog, ReadOnlyItemDialog
    from qunzhong_desktop.ui.intake.item_figures import ItemFigures
    from qunzhong_desktop.ui.intake.receipt_link import show_receipt
    from qunzhong_desktop.ui.intake.worklist_model import Column as WorkListColumn
    from qunzhong_desktop.ui.intake.worklist_model import FetchRows, WorkListModel
