"""日记 (the resident diary): the list, an entry's form, findings turned into items.

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "DiaryPage": "diary_page",
    "DiaryForm": "diary_form",
}
__all__ = ["DiaryForm", "DiaryPage"]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.diary.diary_form import DiaryForm
    from qunzhong_desktop.ui.diary.diary_page import DiaryPage
