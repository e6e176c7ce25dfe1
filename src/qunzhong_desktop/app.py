"""Wiring of the desktop app: paths, logging, backup + migrate, then the window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from qunzhong_desktop.home import resolve_home


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """``qunzhong-desktop [--home DIR]``."""
    parser = argparse.ArgumentParser(prog="qunzhong-desktop", description="群众工作站桌面版")
    parser.add_argument("--home", metavar="DIR", help="数据目录")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the window on the store of ``--home``; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    home = resolve_home(args.home)
    logging.basicConfig(
        filename=home / "qunzhong.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from qunzhong_desktop.ui.application import claim_or_wake, run

    guard = claim_or_wake(home)  # one window per data directory, before any migration
    if guard is None:
        return 0
    from qunzhong_desktop.storage.store import open_store

    try:
        store = open_store(home)
        try:
            return int(run(store, guard))
        finally:
            store.close()
    finally:
        guard.release()
