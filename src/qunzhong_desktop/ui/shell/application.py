"""The Qt application: name, icon, a CJK font, the translator; wizard, then the main window.

Start-up is kept lean (the main window must be up within 1.5 s): pages and heavy modules
are imported when first needed, and nothing reads a big table before the window shows.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store
    from qunzhong_desktop.ui.shell.main_window import MainWindow
    from qunzhong_desktop.ui.shell.single_window import SingleWindow

APP_NAME = "qunzhong-desktop"
ORGANIZATION = "qunzhong"
FONT_POINT_SIZE = 11
LANG_ENV = "QUNZHONG_LANG"

# Fonts that show Chinese clearly, best first (Windows, macOS, Kylin/UOS, Debian/Ubuntu).
UI_FONTS: tuple[str, ...] = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "Droid Sans Fallback",
    "SimHei",
)

_translators: list[QTranslator] = []  # installed translators must stay alive


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (inside the wheel, else in the source tree)."""
    packaged = Path(str(resources.files("qunzhong_desktop"))) / "resources"
    if packaged.is_dir():
        return packaged.joinpath(*parts)
    return Path(__file__).resolve().parents[4].joinpath("resources", *parts)


def wants_english(env: dict[str, str] | None = None, locale: QLocale | None = None) -> bool:
    """English if ``QUNZHONG_LANG`` says so, else if the system language is English.

    Chinese is the source language, so every other case shows Chinese.
    """
    value = (env if env is not None else os.environ).get(LANG_ENV, "").strip().lower()
    if value:
        return value.startswith("en")
    system = locale if locale is not None else QLocale.system()
    return system.language() == QLocale.Language.English


def install_translators(app: QCoreApplication, english: bool) -> None:
    """Load our English catalogue, or Qt's own Chinese strings for its standard dialogs."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if english:
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "qunzhong_en.qm"))):
            app.installTranslator(ours)
            _translators.append(ours)
        return
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    extra = QTranslator(app)  # what qtbase_zh_CN lacks ("Look in:", "Files of type:")
    if extra.load(str(resource_path("translations", "qt_extra_zh_CN.qm"))):
        app.installTranslator(extra)
        _translators.append(extra)


def ui_font() -> QFont:
    """The first installed font of :data:`UI_FONTS` at a comfortable size."""
    font = QFont(QApplication.font())
    installed = set(QFontDatabase.families())
    for family in UI_FONTS:
        if family in installed:
            font.setFamilies([family])
            break
    font.setPointSize(FONT_POINT_SIZE)
    return font


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """Create (or reuse) the QApplication and give it name, icon, font and language."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(_version())
    app.setWindowIcon(QIcon(str(resource_path("icons", "qunzhong.svg"))))
    app.setFont(ui_font())
    install_translators(app, wants_english())
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "群众工作站"))
    return app


def _version() -> str:
    from qunzhong_desktop import __version__

    return __version__


def create_main_window(store: Store) -> MainWindow:
    """The main window on a set-up store (not yet shown).

    Changes are recorded under the station's operator unless the store names a user.
    """
    from qunzhong_desktop.ui.shell.main_window import MainWindow

    if not store.db.user:
        station = store.register.station()
        store.db.user = station.operator if station is not None else ""
    return MainWindow(store)


def show_fatal(message: str) -> None:
    """Tell the user why the program cannot start (before any window exists)."""
    from PySide6.QtWidgets import QMessageBox

    make_application()
    QMessageBox.critical(
        None, QCoreApplication.translate("Application", "群众工作站无法启动"), message
    )


def claim_or_wake(home: Path) -> SingleWindow | None:
    """Claim ``home`` for this window, or bring the window that has it to the front.

    Returns:
        The claim, or None when another window has the directory (it was asked to come to
        the front, or the user was told where it is open): this start should end.
    """
    import socket

    from PySide6.QtWidgets import QMessageBox

    from qunzhong_desktop.ui.shell.single_window import SingleWindow

    make_application()
    guard = SingleWindow(home)
    if guard.claim():
        return guard
    if not guard.wake_other():
        pid, host = guard.holder()
        if not host or host == socket.gethostname():
            where = QCoreApplication.translate("Application", "本机（进程 {pid}）").format(pid=pid)
        else:
            where = QCoreApplication.translate("Application", "电脑“{host}”（进程 {pid}）").format(
                host=host, pid=pid
            )
        QMessageBox.information(
            None,
            QCoreApplication.translate("Application", "群众工作站已经打开"),
            QCoreApplication.translate(
                "Application",
                "这个数据目录（{home}）已经在{where}的群众工作站窗口中打开，同一份数据只能开一个窗口。"
                "请切换到那个窗口继续工作；如果它已经关闭，请稍等几秒再启动。",
            ).format(home=home, where=where),
        )
    return None


def run(store: Store, guard: SingleWindow | None = None) -> int:
    """Run the app on ``store``: the set-up wizard on first start, then the main window.

    Args:
        store: the open store.
        guard: this window's claim on the data directory; another start raises the window.

    Returns:
        The exit status (0 also when the user cancels the set-up).
    """
    from qunzhong_desktop.sync import sealing

    app = make_application()
    install_error_hook()
    sealing.isolate(True)  # scrypt in a child process: pyrage would hold the GIL for a second
    if not store.is_set_up():
        from qunzhong_desktop.ui.setup import SetupWizard

        wizard = SetupWizard(store)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        store = wizard.store  # a county's set-up may have moved it to a database server
    from qunzhong_desktop.ui.shell.sign_in import sign_in_at_start

    # who is working: the head's account at the first start (after set-up, or after the
    # upgrade that brought accounts), else a name and password
    if store.db.operator is None and not sign_in_at_start(store):
        return 0
    from qunzhong_desktop.storage import backups

    try:
        backups.daily(store.db)  # the first start of the day: a copy (storage/backups.py)
    except (OSError, RuntimeError):
        logging.getLogger(__name__).warning("the daily backup could not be made", exc_info=True)
    window = create_main_window(store)
    if guard is not None:
        guard.raise_requested.connect(lambda: bring_to_front(window))
    window.show()
    return int(app.exec())


def install_error_hook() -> None:
    """An error nobody caught (a bug) is logged and explained; the window and its forms stay."""

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
            return
        from qunzhong_desktop.ui.common.errors import show_error

        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook


def bring_to_front(window: MainWindow) -> None:
    """Show a window restored, raised and active (another start asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def show_once(store: Store) -> tuple[bool, str, str]:
    """Show the main window until the event loop has turned once, then quit.

    For ``qunzhong-desktop --smoke`` (app.py): (whether it was visible, its class, its title).
    """
    app = make_application()
    window = create_main_window(store)
    window.show()
    seen: list[tuple[bool, str, str]] = []

    def look() -> None:
        seen.append((window.isVisible(), type(window).__name__, window.windowTitle()))
        app.quit()

    QTimer.singleShot(0, look)
    app.exec()
    window.close()
    return seen[0] if seen else (False, type(window).__name__, window.windowTitle())
