"""台账 (ledgers and the monthly report), the assistance cases and the help they list.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "LedgerPage": "ledger_page",
    "ReportPage": "report_page",
    "AssistanceDialog": "assistance_dialog",
}
__all__ = ["AssistanceDialog", "LedgerPage", "ReportPage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog
    from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
    from qunzhong_desktop.ui.ledgers.report_page import ReportPage
