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

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.redact import redact
from qunzhong_desktop.home import resolve_home


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """``qunzhong-desktop [--home DIR]``."""
    parser = argparse.ArgumentParser(prog="qunzhong-desktop", description="群众工作站桌面版")
    parser.add_argument("--home", metavar="DIR", help="数据目录")
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
    from qunzhong_desktop.storage.store import Store, open_store

    try:
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
            return int(run(store, guard))
        finally:
            store.close()
    finally:
        guard.release()


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
