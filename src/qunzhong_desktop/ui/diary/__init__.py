"""日记 (the resident diary): the list, an entry's form, findings; the township's 干部 page.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "DiaryPage": "diary_page",
    "DiaryForm": "diary_form",
    "CadresPage": "cadres_page",
}
__all__ = ["CadresPage", "DiaryForm", "DiaryPage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.diary.cadres_page import CadresPage
    from qunzhong_desktop.ui.diary.diary_form import DiaryForm
    from qunzhong_desktop.ui.diary.diary_page import DiaryPage
