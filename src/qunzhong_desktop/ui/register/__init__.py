"""户籍 (the household register): the list, the household form, grids and cadres, roster import, contact cards.

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "RegisterPage": "register_page",
    "HouseholdDialog": "household_dialog",
    "CardsDialog": "cards_dialog",
    "RosterImportDialog": "roster_dialog",
    "GridsCadresDialog": "grids_cadres_dialog",
}
__all__ = [
    "CardsDialog",
    "GridsCadresDialog",
    "HouseholdDialog",
    "RegisterPage",
    "RosterImportDialog",
]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.register.cards_dialog import CardsDialog
    from qunzhong_desktop.ui.register.grids_cadres_dialog import GridsCadresDialog
    from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog
    from qunzhong_desktop.ui.register.register_page import RegisterPage
    from qunzhong_desktop.ui.register.roster_dialog import RosterImportDialog
