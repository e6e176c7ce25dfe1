"""GUI fixtures: offscreen Qt, the app's font and Chinese, background work made synchronous."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QUNZHONG_LANG", "zh")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from qunzhong_desktop.ui.common import printing, tasks
from qunzhong_desktop.ui.shell.application import make_application
from qunzhong_desktop.ui.shell.sign_in import IdleWatch
from tests.helpers.printing import RecordingOutput

# Harmless notices of the offscreen platform (qutebrowser ignores the same ones).
QT_LOG_IGNORE = (
    r"^This plugin does not support propagateSizeHints\(\)",
    r"^This plugin does not support raise\(\)",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type[QApplication]) -> Iterator[QApplication]:
    """The application as ``run`` configures it (name, icon, CJK font, translators)."""
    del qapp_cls
    yield make_application(qapp_args)


@pytest.fixture(autouse=True)
def _closed_widgets_go(qapp: QApplication) -> Iterator[None]:
    """What a test closed is deleted when it ends, and no main window watches input after it.

    pytest-qt closes a test's widgets and asks Qt to delete them later, which happens at the
    next event loop a later test runs, if any; meanwhile their timers fire into that test
    (a picker's debounced search on a closed store) and each main window's idle watch
    (sign_in.IdleWatch, an event filter on the run's one QApplication) sees every event of
    the later tests: 1.3 million eventFilter calls in test_main_window + test_small_screens.
    Here the deletions happen now, and a window nobody closed stops watching.
    """
    yield
    for widget in qapp.topLevelWidgets():
        idle = getattr(widget, "idle", None) if isinstance(widget, QMainWindow) else None
        if isinstance(idle, IdleWatch):
            qapp.removeEventFilter(idle)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def sync_tasks() -> Iterator[tasks.FakeThreadPool]:
    """Run every background task synchronously (Picard's FakeThreadPool)."""
    pool = tasks.FakeThreadPool()
    tasks.use_pool(pool)
    yield pool
    tasks.use_pool(None)


@pytest.fixture(autouse=True)
def printed() -> Iterator[RecordingOutput]:
    """Printouts go to a recorder, never to a modal preview (which would wait forever)."""
    output = RecordingOutput()
    printing.use_output(output)
    yield output
    printing.use_output(None)
