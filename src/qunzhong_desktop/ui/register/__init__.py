"""户籍 (the household register): the list, the household form, grids and cadres, roster import, contact cards.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "RegisterPage": "register_page",
    "HouseholdDialog": "household_dialog",
    "CardsDialog": "cards_dialog",
    "RosterImportDialog": "roster_dialog",
    "GridsCadresDialog": "grids_cadres_dialog",
    "CadreForm": "grids_cadres_dialog",
}
__all__ = [
    "CadreForm",
    "CardsDialog",
    "GridsCadresDialog",
    "HouseholdDialog",
    "RegisterPage",
    "RosterImportDialog",
]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.register.cards_dialog import CardsDialog
    from qunzhong_desktop.ui.register.grids_cadres_dialog import CadreForm, GridsCadresDialog
    from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog
    from qunzhong_desktop.ui.register.register_page import RegisterPage
    from qunzhong_desktop.ui.register.roster_dialog import RosterImportDialog
