"""分流交办 (the township's triage of escalated items).

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "TriagePage": "triage_page",
    "AssignDialog": "assign_dialog",
    "TownshipItemDialog": "triage_page",
}
__all__ = ["AssignDialog", "TownshipItemDialog", "TriagePage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.triage.assign_dialog import AssignDialog
    from qunzhong_desktop.ui.triage.triage_page import TownshipItemDialog, TriagePage
