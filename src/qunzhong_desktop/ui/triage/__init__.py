"""分流交办 (the township's triage of escalated items).

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "TriagePage": "triage_page",
    "AssignDialog": "assign_dialog",
}
__all__ = ["AssignDialog", "TriagePage"]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.triage.assign_dialog import AssignDialog
    from qunzhong_desktop.ui.triage.triage_page import TriagePage
