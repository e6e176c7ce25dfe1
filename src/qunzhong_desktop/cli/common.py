"""Helpers shared by the commands: opening the store of ``--home`` as its operator.

Once a data folder has operators' accounts, every command runs as one of them, as the
window does: ``qunzhong --operator 李秀英 …`` (or ``QUNZHONG_OPERATOR``), the password from
``QUNZHONG_PASSWORD`` or asked in a terminal. Their role limits the command and their name
goes into what it records. A folder without accounts yet (just set up with ``qunzhong
init``, or made before accounts existed and not yet opened in the window, which asks for the
head's account at its first start) runs without limits, as before.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from qunzhong_desktop.core.errors import SetupError
from qunzhong_desktop.home import resolve_home
from qunzhong_desktop.storage import keyring
from qunzhong_desktop.storage.store import Store, open_store

NO_OPERATOR = (
    "本机已设置操作员账号：请用 `qunzhong --operator 姓名 …`（或环境变量 QUNZHONG_OPERATOR）"
    "指明操作员。"
)
NO_PASSWORD = "请设置环境变量 QUNZHONG_PASSWORD，或在终端中运行以输入操作员密码。"


def store_of(args: argparse.Namespace, *, require_setup: bool = True) -> Store:
    """Open the store of ``--home`` as its operator; refuse politely before set-up.

    An encrypted store (it has a keyring) opens with the operator's password.
    """
    home = resolve_home(args.home)
    if keyring.exists(home):
        name, password = credentials(getattr(args, "as_operator", None))
        store = open_store(home, key=keyring.unwrap(home, name, password))
        try:
            store.accounts.sign_in(name, password)
        except BaseException:
            store.close()
            raise
        return store
    store = open_store(home)
    if require_setup and not store.is_set_up():
        store.close()
        raise SetupError(
            "本机还没有设置工作站（或乡镇群众工作办），请先运行 `qunzhong init station …`"
            "（或 `qunzhong init township …`），或启动桌面程序完成设置向导。",
            code="setup.missing",
        )
    try:
        _sign_in(store, getattr(args, "as_operator", None))
    except BaseException:
        store.close()
        raise
    return store


def _sign_in(store: Store, name: str | None) -> None:
    if store.accounts.count() == 0:
        return
    store.accounts.sign_in(*credentials(name))


def credentials(name: str | None) -> tuple[str, str]:
    """The operator's name and password: flag or environment, else asked in a terminal."""
    name = name or os.environ.get("QUNZHONG_OPERATOR", "")
    if not name:
        raise SetupError(NO_OPERATOR, code="cli.operator")
    password = os.environ.get("QUNZHONG_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise SetupError(NO_PASSWORD, code="cli.password")
        password = getpass.getpass(f"{name} 的密码：")
    return name, password
