"""``qunzhong-desktop --smoke``: the main window shown, then quit; it never skips signing in."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop import app
from qunzhong_desktop.core.access import Role
from qunzhong_desktop.storage.store import Store


@pytest.fixture(autouse=True)
def _no_log_left_open() -> Iterator[None]:
    before = list(logging.getLogger().handlers)
    yield
    for handler in list(logging.getLogger().handlers):
        if handler not in before:
            handler.close()
            logging.getLogger().removeHandler(handler)


def _home(store: Store) -> Path:
    home = store.db.path.parent
    store.close()
    return home


@pytest.mark.slow
def test_smoke_shows_the_main_window_and_quits(store: Store) -> None:
    # its own process: app.exec() and quit() in the test process would leave the shared
    # QApplication quitting for the tests after it
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QUNZHONG_LANG="zh")
    done = subprocess.run(
        [sys.executable, "-m", "qunzhong_desktop", "--home", str(_home(store)), "--smoke"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("SMOKE MainWindow ") and "群众工作站" in line


def test_smoke_refuses_a_store_with_accounts(
    qapp, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    store.accounts.create("王站长", "长城长江黄河", Role.HEAD)
    assert app.main(["--home", str(_home(store)), "--smoke"]) == 2
    assert "不跳过登录" in capsys.readouterr().err


def test_smoke_refuses_a_store_not_set_up(
    qapp, empty_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    assert app.main(["--home", str(_home(empty_store)), "--smoke"]) == 2
    assert "已设置" in capsys.readouterr().err
