"""民意 (issue 18): evaluations of the cadres, 民情 meetings and 民情信息, on one page.

Other features use only the names below (``ui/__init__.py``); the modules of this folder are
its own. :class:`VoicePage` is the page (a tab per register; other features add theirs with
:meth:`VoicePage.add_tab`, the window adds 信访 and 信访值班 there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {"VoicePage": "voice_page"}
__all__ = ["VoicePage"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.voice.voice_page import VoicePage
