"""Helpers shared by the commands: opening the store of ``--home``."""

from __future__ import annotations

import argparse

from qunzhong_desktop.core.errors import SetupError
from qunzhong_desktop.home import resolve_home
from qunzhong_desktop.storage.store import Store, open_store


def store_of(args: argparse.Namespace, *, require_setup: bool = True) -> Store:
    """Open the store of ``--home``; refuse politely before set-up (station or township)."""
    store = open_store(resolve_home(args.home))
    if require_setup and not store.is_set_up():
        store.close()
        raise SetupError(
            "本机还没有设置工作站（或乡镇群众工作办），请先运行 `qunzhong init station …`"
            "（或 `qunzhong init township …`），或启动桌面程序完成设置向导。",
            code="setup.missing",
        )
    return store
