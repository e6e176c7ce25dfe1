"""县（市）群众工作部: the county's 协调 page (matters escalated by the townships).

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "CountyMattersPage": "matters_page",
    "CountyItemDialog": "matters_page",
}
__all__ = ["CountyItemDialog", "CountyMattersPage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.county.matters_page import CountyItemDialog, CountyMattersPage
