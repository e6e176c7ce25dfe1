"""台账 (ledgers and the monthly report), and the assistance records they list.

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "LedgerPage": "ledger_page",
    "ReportPage": "report_page",
    "AssistanceDialog": "assistance_dialog",
}
__all__ = ["AssistanceDialog", "LedgerPage", "ReportPage"]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog
    from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
    from qunzhong_desktop.ui.ledgers.report_page import ReportPage
