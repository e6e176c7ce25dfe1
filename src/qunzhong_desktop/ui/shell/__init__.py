"""主窗口：程序、主窗口、工作台、每个数据目录一个窗口 (the shell around the pages).

Other features use only the names below (``ui/__init__.py``); the modules of this
folder are its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "MainWindow": "main_window",
    "DashboardPage": "dashboard_page",
    "SingleWindow": "single_window",
    "make_application": "application",
    "run": "application",
}
__all__ = ["DashboardPage", "MainWindow", "SingleWindow", "make_application", "run"]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.shell.application import make_application, run
    from qunzhong_desktop.ui.shell.dashboard_page import DashboardPage
    from qunzhong_desktop.ui.shell.main_window import MainWindow
    from qunzhong_desktop.ui.shell.single_window import SingleWindow
