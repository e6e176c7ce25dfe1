"""主窗口：程序、主窗口、工作台、每个数据目录一个窗口 (the shell around the pages).

Other features use only the names below (lazily imported: a page's modules load
when it is first shown); the modules of this folder are its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

PUBLIC = {
    "MainWindow": "main_window",
    "DashboardPage": "dashboard_page",
    "SingleWindow": "single_window",
    "make_application": "application",
    "run": "application",
}
__all__ = ["DashboardPage", "MainWindow", "SingleWindow", "make_application", "run"]


def __getattr__(name: str) -> Any:
    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.shell.application import make_application, run
    from qunzhong_desktop.ui.shell.dashboard_page import DashboardPage
    from qunzhong_desktop.ui.shell.main_window import MainWindow
    from qunzhong_desktop.ui.shell.single_window import SingleWindow
