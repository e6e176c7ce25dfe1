"""同步 (sync): the page for both roles, keys and passphrases, reports, conflicts.

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "SyncPage": "sync_page",
    "ConflictsPage": "conflicts_page",
}
__all__ = ["ConflictsPage", "SyncPage"]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.sync.conflicts_page import ConflictsPage
    from qunzhong_desktop.ui.sync.sync_page import SyncPage
