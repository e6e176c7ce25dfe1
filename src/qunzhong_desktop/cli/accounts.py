"""``qunzhong accounts``: operators' accounts and the access log (访问记录).

``add`` on a data folder without accounts makes its head's (站长 / 管理员) account, as the
window's first start does; afterwards only a head (``qunzhong --operator 站长 …``) adds
accounts, resets a forgotten password (``password``) and reads the log (``log``). A new
password comes from ``QUNZHONG_NEW_PASSWORD`` or is asked twice in a terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import credentials, store_of
from qunzhong_desktop.core.access import LOG_ACTIONS, ROLE_NAMES, Role
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.home import resolve_home
from qunzhong_desktop.storage import access_log, encryption, keyring
from qunzhong_desktop.storage.accounts import Account
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store, open_store

ROLE_CODES = {"head": Role.HEAD, "clerk": Role.CLERK, "reader": Role.READER}


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``accounts`` with ``list``, ``add``, ``password`` and ``log``."""
    accounts = commands.add_parser(
        "accounts",
        help="操作员账号与访问记录",
        description="操作员账号：新建（第一个为站长账号）、列表、重设密码；查看访问记录。",
        parents=[home],
    )
    actions = accounts.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="列出操作员账号", parents=[home])
    listing.set_defaults(handler=run_list)
    add = actions.add_parser(
        "add", help="新建操作员账号（第一个为站长账号）", parents=[home],
        description="新建操作员账号；密码取自 QUNZHONG_NEW_PASSWORD，或在终端中输入两次。",
    )  # fmt: skip
    add.add_argument("name", metavar="NAME", help="姓名")
    add.add_argument(
        "--role", choices=sorted(ROLE_CODES), default="clerk",
        help="head：站长（乡镇：管理员）；clerk：工作人员；reader：查阅",
    )  # fmt: skip
    add.add_argument(
        "--plain",
        action="store_true",
        help="第一个（站长）账号：不加密数据库（默认加密，并显示须抄下的恢复码）",
    )
    add.set_defaults(handler=run_add)
    password = actions.add_parser(
        "password", help="重设某人的密码（站长；或本人）", parents=[home],
        description="重设密码；新密码取自 QUNZHONG_NEW_PASSWORD，或在终端中输入两次。",
    )  # fmt: skip
    password.add_argument("name", metavar="NAME", help="姓名")
    password.set_defaults(handler=run_password)
    recover = actions.add_parser(
        "recover", help="所有人都忘记密码时：用恢复码打开加密数据并重设某人的密码",
        description="用加密时抄下的恢复码打开数据，为这个操作员设新密码"
        "（QUNZHONG_NEW_PASSWORD 或在终端中输入两次）。",
        parents=[home],
    )  # fmt: skip
    recover.add_argument("name", metavar="NAME", help="要重设密码的操作员（通常是站长）")
    recover.add_argument("--code", required=True, metavar="CODE", help="恢复码")
    recover.set_defaults(handler=run_recover)
    encrypt = actions.add_parser(
        "encrypt", help="加密数据库（站长；第一个账号建立时未加密的）", parents=[home],
        description="把未加密的数据库加密，并显示须抄下的恢复码；以后用各人的密码打开。",
    )  # fmt: skip
    encrypt.set_defaults(handler=run_encrypt)
    log = actions.add_parser("log", help="查看访问记录（站长）", parents=[home])
    log.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="只看这天以后的")
    log.add_argument("--action", choices=sorted(LOG_ACTIONS), default=None, help="只看这一类")
    log.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    log.add_argument("--out", default=None, metavar="FILE.xlsx", help="另存为 Excel 文件")
    log.set_defaults(handler=run_log)


def new_password() -> str:
    """``QUNZHONG_NEW_PASSWORD``, else asked twice in a terminal.

    Raises:
        ValidationError: neither is available, or the two entries differ.
    """
    given = os.environ.get("QUNZHONG_NEW_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise ValidationError(
            "请设置环境变量 QUNZHONG_NEW_PASSWORD，或在终端中运行以输入新密码。",
            code="account.password_missing",
        )
    given = getpass.getpass("新密码：")
    if getpass.getpass("再次输入新密码：") != given:
        raise ValidationError("两次输入的密码不一致，请重新运行。", code="account.mismatch")
    return given


def account_named(store: Store, name: str) -> Account:
    """The live account of this name.

    Raises:
        NotFoundError: there is none.
    """
    found = [a for a in store.accounts.accounts() if a.name == name.strip()]
    if not found:
        raise NotFoundError(f"没有名为“{name}”的操作员账号。", code="account.missing")
    return found[0]


def run_list(args: argparse.Namespace) -> int:
    """One line per account: name, role, retired."""
    with store_of(args) as store:
        place = node_role(store.db) or "station"
        for account in store.accounts.accounts(with_retired=True):
            flag = "（已停用）" if account.retired else ""
            print(f"{account.name}　{ROLE_NAMES[place][account.role]}{flag}")
        if store.accounts.count() == 0:
            print("还没有操作员账号：请先用 `qunzhong accounts add 姓名 --role head` 建站长账号。")
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Make an account (the first: the head's)."""
    with store_of(args) as store:
        first = store.accounts.count() == 0
        password = new_password()
        account = store.accounts.create(args.name, password, ROLE_CODES[args.role])
        place = node_role(store.db) or "station"
        print(f"已建操作员账号：{account.name}（{ROLE_NAMES[place][account.role]}）")
        if first and not args.plain:
            code = encryption.enable(store, account.name, password)
            print(
                "数据库已加密。所有人都忘记密码时，只能用下面的恢复码打开数据，请抄下并妥善保管："
            )
            print(code)
    return 0


def run_password(args: argparse.Namespace) -> int:
    """Reset a password (a head for anyone, anyone for themselves)."""
    with store_of(args) as store:
        account = account_named(store, args.name)
        store.accounts.reset_password(account.id, new_password())
        print(f"已重设 {account.name} 的密码。")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    """Open the encrypted store with the recovery code and set someone's password again."""
    home = resolve_home(args.home)
    if not keyring.exists(home):
        raise ValidationError("这个数据目录没有加密，不需要恢复码。", code="keyring.plain")
    store = open_store(home, key=keyring.recover(home, args.code))
    with store:
        account = account_named(store, args.name)
        store.accounts.reset_password(account.id, new_password())
        print(f"已用恢复码重设 {account.name} 的密码，请用新密码登录。")
    return 0


def run_encrypt(args: argparse.Namespace) -> int:
    """Encrypt a plain store (the head, with their own password)."""
    with store_of(args) as store:
        operator = store.db.operator
        if operator is None or operator.role is not Role.HEAD:
            raise ValidationError(
                "请由站长加密：qunzhong --operator 站长姓名 accounts encrypt。",
                code="keyring.head_only",
            )
        if keyring.exists(store.home):
            print("数据库已经加密。")
            return 0
        code = encryption.enable(store, operator.name, credentials(operator.name)[1])
        print("数据库已加密。所有人都忘记密码时，只能用下面的恢复码打开数据，请抄下并妥善保管：")
        print(code)
        others = [a.name for a in store.accounts.accounts() if a.name != operator.name]
        if others:  # their passwords are not known here: the head sets new ones
            print(
                "以下账号须由站长重设密码（accounts password 姓名）后才能登录：" + "、".join(others)
            )
    return 0


def run_log(args: argparse.Namespace) -> int:
    """The access log, the latest first (a head only)."""
    since = dt.date.fromisoformat(args.since) if args.since else None
    with store_of(args) as store:
        lines = access_log.entries(store.db, since=since, action=args.action)
        if args.out:
            from qunzhong_desktop.reports.access_log_xlsx import write_access_log

            path = write_access_log(lines, Path(args.out), title="访问记录")
            access_log.record(store.db, "export", "访问记录", len(lines))
            print(f"已导出访问记录 {len(lines)} 条：{path.resolve()}")
            return 0
    if args.json:
        rows = [
            {"at": e.at.isoformat(timespec="seconds"), "operator": e.operator, "role": e.role,
             "action": e.action, "what": e.what, "count": e.count}
            for e in lines
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not lines:
        print("没有访问记录。")
    for e in lines:
        count = f"　{e.count} 条" if e.count else ""
        print(f"{e.at:%Y-%m-%d %H:%M}　{e.operator}（{e.role}）　{e.action_name}　{e.what}{count}")
    return 0
