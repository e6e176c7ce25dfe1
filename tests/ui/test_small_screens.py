"""Every page fits a 1024×768 screen (and 1366×768, the commonest village laptop).

The window is resized to the screen and each page shown in turn: the window must not have
grown past the screen, and no visible widget may reach beyond the window's edges (a
button off screen cannot be clicked). Rows of filters, buttons and tiles wrap instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.node import keys_dir
from qunzhong_desktop.ui.intake.correct_dialog import CorrectDialog
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.cards_data import populate
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.sealed import SealedKeys

SCREENS = [(1024, 768), (1366, 768)]


def outside(window: MainWindow) -> list[str]:
    """The visible widgets that reach beyond the window, described."""
    frame = QRect(QPoint(0, 0), window.size())
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 1:
            continue
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not frame.contains(rect) and _not_clipped_by_a_scroller(widget, window):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {rect}")
    return found


def _not_clipped_by_a_scroller(widget: QWidget, window: MainWindow) -> bool:
    # a widget inside a scroll area's viewport may be larger than the window: it scrolls
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.objectName() == "qt_scrollarea_viewport":
            return False
        parent = parent.parentWidget()
    return True


def check_every_page(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    for key in window.page_keys():
        window.show_page(key)
        QApplication.processEvents()
        assert window.width() <= size[0], (key, window.width(), window.minimumSizeHint())
        assert window.height() <= size[1], (key, window.height(), window.minimumSizeHint())
        assert outside(window) == [], key


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_station_pages_fit_the_screen(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    populate(store, 12)
    check_every_page(qtbot, store, size)


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_township_pages_fit_the_screen(
    qtbot: QtBot,
    empty_store: Store,
    sealed_keys: tuple[SealedKeys, SealedKeys],
    size: tuple[int, int],
) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    sealed_keys[0].copy_to(keys_dir(empty_store.home))  # with keys: the fingerprint row
    check_every_page(qtbot, empty_store, size)


def test_the_check_sees_a_widget_off_the_edge(qtbot: QtBot, store: Store) -> None:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert outside(window) == []
    stray = QWidget(window.centralWidget())
    stray.setGeometry(1000, 10, 200, 30)
    stray.show()
    assert len(outside(window)) == 1


def test_dialogs_fit_the_screen(qtbot: QtBot, store: Store) -> None:
    """Each dialog's smallest usable size fits 1024×768 less a taskbar."""
    from qunzhong_desktop.ui.register import (
        CardsDialog,
        GridsCadresDialog,
        HouseholdDialog,
        RosterImportDialog,
    )
    from qunzhong_desktop.ui.register.grids_cadres_dialog import PairDialog

    ids = populate(store, 3)
    dialogs = [
        HouseholdDialog(store),
        HouseholdDialog(store, ids[0]),
        CardsDialog(store),
        GridsCadresDialog(store),
        RosterImportDialog(store),
        PairDialog(store, ids[:2]),
    ]
    number = register(store, FRIDAY)
    page = ItemDialog(store, number)
    dialogs += [page, CorrectDialog(store, page.item, clock=lambda: FRIDAY)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        fits(dialog)
    dialogs[-1].show()
    keys = mnemonics(dialogs[-1])
    assert len(keys) == len(set(keys)) == 8, keys  # 更正: no Alt key twice


def test_the_setup_wizard_fits_the_screen(qtbot: QtBot, empty_store: Store) -> None:
    from qunzhong_desktop.ui.setup import SetupWizard

    wizard = SetupWizard(empty_store)
    qtbot.addWidget(wizard)
    for _page in range(3):
        fits(wizard)
        wizard.next()


def fits(dialog: QWidget) -> None:
    hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 728, (type(dialog).__name__, hint)


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt+letter keys of the visible labels, buttons and boxes in ``widget``."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    found = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            text = child.text()
        elif isinstance(child, QGroupBox):
            text = child.title()
        else:
            continue
        # "(&S)", not the "&nbsp;" of a rich-text legend
        found += [m.upper() for m in re.findall(r"&([A-Za-z])(?![A-Za-z]*;)", text)]
    return found


def test_alt_keys_do_not_clash_with_the_menus_or_each_other(qtbot: QtBot, store: Store) -> None:
    """查找(&F) on 户籍 took Alt+F from the 文件 menu, 干部(&G) on 日记 the 转到 menu."""
    check_alt_keys(qtbot, store)


def test_township_alt_keys_do_not_clash(qtbot: QtBot, empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    check_alt_keys(qtbot, empty_store)


def check_alt_keys(qtbot: QtBot, store: Store) -> None:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    taken = {m.split("&")[1][0].upper() for m in menus if "&" in m}
    assert taken == {"F", "E", "G", "H"}
    for key in window.page_keys():
        window.show_page(key)
        keys = mnemonics(window.page(key))
        assert not taken & set(keys), (key, keys)
        assert len(keys) == len(set(keys)), (key, sorted(keys))
