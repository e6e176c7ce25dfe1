"""设置 (settings): station profile, working-day calendar, days per domain, card font.

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "RestoreFlow": "restore",
    "SettingsPage": "settings_page",
}
__all__ = ["RestoreFlow", "SettingsPage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.settings.restore import RestoreFlow
    from qunzhong_desktop.ui.settings.settings_page import SettingsPage
