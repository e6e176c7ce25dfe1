"""Wiring of the desktop app: paths, logging, backup + migrate, then the window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.redact import redact
from qunzhong_desktop.home import resolve_home

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """``qunzhong-desktop [--home DIR] [--smoke]``."""
    parser = argparse.ArgumentParser(prog="qunzhong-desktop", description="群众工作站桌面版")
    parser.add_argument("--home", metavar="DIR", help="数据目录")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="自检（安装包测试用）：打开主窗口，显示后打印“SMOKE 类名 标题”并退出；"
        "只用于已设置、未加密、没有操作员账号的数据目录",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the window on the store of ``--home``; returns the exit status."""
    multiprocessing.freeze_support()  # a frozen build's scrypt child starts here (sealing.py)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        home = resolve_home(args.home)
    except DomainError as exc:  # the data folder is a file, or cannot be made
        return _cannot_start(exc)
    os.umask(0o077)  # everything this process writes holds personal data: owner-only
    setup_logging(home)
    from qunzhong_desktop.ui.shell.application import claim_or_wake, run

    guard = claim_or_wake(home)  # one window per data directory, before any migration
    if guard is None:
        return 0
    from qunzhong_desktop.storage import keyring
    from qunzhong_desktop.storage.store import open_store

    try:
        if args.smoke and keyring.exists(home):
            return _smoke_refused()
        try:
            if keyring.exists(home):  # encrypted: a password opens the data (sign_in.py)
                from qunzhong_desktop.ui.shell.application import make_application
                from qunzhong_desktop.ui.shell.sign_in import unlock_at_start

                make_application()
                unlocked: Store | None = unlock_at_start(home)
                if unlocked is None:
                    return 0
                store = unlocked
            else:
                store = open_store(home)
        except DomainError as exc:  # read-only, full, damaged, a newer program's data
            return _cannot_start(exc)
        try:
            return smoke(store) if args.smoke else int(run(store, guard))
        finally:
            store.close()
    finally:
        guard.release()


def smoke(store: Store) -> int:
    """``--smoke``: show the main window, say so once the event loop runs, and quit.

    For the frozen build's smoke test (packaging/smoke_test.py). It never skips signing in:
    a store with operators' accounts (or encrypted) is refused, so the window it shows is
    one anybody at the PC would see anyway. The line ``SMOKE <class> <title>`` goes to
    stdout (stderr when a windowed Windows build has none); exit 0 when the window shows.
    """
    from qunzhong_desktop.ui.shell.application import show_once

    if not store.is_set_up() or store.accounts.count():
        return _smoke_refused()
    shown, window_class, title = show_once(store)
    _say(f"SMOKE {window_class} {title}")
    return 0 if shown else 3


def _smoke_refused() -> int:
    _say(
        "错误：--smoke 只用于已设置、未加密、没有操作员账号的数据目录（它不跳过登录）。", error=True
    )
    return 2


def _say(line: str, *, error: bool = False) -> None:
    stream = (sys.stderr if error else sys.stdout) or sys.stderr
    if stream is not None:  # a windowed build started without pipes has neither
        print(line, file=stream, flush=True)


LOG_FILE = "qunzhong.log"


class _Redacting(logging.Formatter):
    """Format, then mask ID numbers and phones (core/redact.py): the log is for support."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(home: Path) -> Path:
    """A rotating log in the data folder (1 MB × 5), personal numbers masked; its path."""
    path = home / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(_Redacting("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _cannot_start(exc: DomainError) -> int:
    """Say why the window cannot open (a message box; the sentence on stderr too)."""
    print(f"错误：{exc.message}", file=sys.stderr)
    from qunzhong_desktop.ui.shell.application import show_fatal

    show_fatal(exc.message)
    return 1
