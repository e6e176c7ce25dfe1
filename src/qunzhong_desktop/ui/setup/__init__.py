"""设置向导 (the set-up wizard, station or township).

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "SetupWizard": "setup_wizard",
}
__all__ = ["SetupWizard"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.setup.setup_wizard import SetupWizard
