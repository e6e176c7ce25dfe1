"""同步 (sync): the page for both roles, keys and passphrases, reports, conflicts.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "NewKeysDialog": "key_dialogs",
    "SyncPage": "sync_page",
    "ConflictsPage": "conflicts_page",
}
__all__ = ["ConflictsPage", "NewKeysDialog", "SyncPage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.sync.conflicts_page import ConflictsPage
    from qunzhong_desktop.ui.sync.key_dialogs import NewKeysDialog
    from qunzhong_desktop.ui.sync.sync_page import SyncPage
