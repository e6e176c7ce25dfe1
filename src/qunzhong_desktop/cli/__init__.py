"""Headless commands (``qunzhong``). Never imports PySide6.

Every command takes ``--home DIR`` (or ``QUNZHONG_HOME``). Errors the user can fix print one
Chinese line on stderr and exit with status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from qunzhong_desktop import __version__
from qunzhong_desktop.cli import (
    accounts,
    assessment,
    assistance,
    backup,
    cadres,
    calendar,
    cards,
    county,
    demo,
    diary,
    duty,
    evaluation,
    info,
    items,
    ledger,
    meetings,
    petitions,
    receipt,
    register,
    report,
    roster,
    setup,
    sync,
    units,
)
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.text import strip_controls
from qunzhong_desktop.core.work import Cancelled

Handler = Callable[[argparse.Namespace], int]


def describe_os_error(exc: OSError) -> str:
    """One sentence for an error of the operating system met by a command."""
    where = f"（{exc.filename}）" if exc.filename else ""
    return f"读写文件时出错{where}：{exc.strerror or exc}。请检查文件、文件夹和磁盘空间后重试。"


class _Shown:
    """A text stream that drops control characters (terminal escapes, bells) on the way."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(strip_controls(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _home_parent(default: object) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--home",
        metavar="DIR",
        default=default,
        help="数据目录（默认：QUNZHONG_HOME 或系统数据目录）",
    )
    return parent


class _Version(argparse.Action):
    """``qunzhong --version``: the version, and where this PC's data, schema and log are."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:  # fmt: skip
        from qunzhong_desktop.home import database_path, resolve_home
        from qunzhong_desktop.storage import keyring
        from qunzhong_desktop.storage.migrate import HEAD_REVISION, current_revision

        home = resolve_home(getattr(namespace, "home", None))
        if keyring.exists(home):
            file_revision = "（已加密，登录后可见）"
        else:
            file_revision = current_revision(database_path(home)) or "（尚未建立）"
        print(f"qunzhong {__version__}")
        print(f"数据目录：{home}")
        print(f"数据库版本：程序 {HEAD_REVISION}，数据文件 {file_revision}")
        print(f"日志文件：{home / 'qunzhong.log'}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The full ``qunzhong`` command line."""
    # `--home` is accepted before and after the command; a sub-command's copy must not
    # overwrite the value given before it, hence SUPPRESS there.
    home = _home_parent(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="qunzhong", description="群众工作站桌面版 命令行工具", parents=[_home_parent(None)]
    )
    parser.add_argument(
        "--operator",
        dest="as_operator",
        metavar="NAME",
        default=None,
        help="以这个操作员的身份运行（本机已设操作员账号时必须；也可用环境变量 "
        "QUNZHONG_OPERATOR）；密码取自 QUNZHONG_PASSWORD，或在终端中输入",
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help="显示版本、数据目录、数据库版本和日志文件的位置",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    setup.register(commands, home)
    demo.register(commands, home)
    roster.register(commands, home)
    cards.register(commands, home)
    calendar.register(commands, home)
    items.register(commands, home)
    register.register(commands, home)
    receipt.register(commands, home)
    ledger.register(commands, home)
    diary.register(commands, home)
    assistance.register(commands, home)
    cadres.register(commands, home)
    units.register(commands, home)
    report.register(commands, home)
    assessment.register(commands, home)
    sync.register(commands, home)
    accounts.register(commands, home)
    backup.register(commands, home)
    evaluation.register(commands, home)
    meetings.register(commands, home)
    info.register(commands, home)
    petitions.register(commands, home)
    duty.register(commands, home)
    county.register(commands, home)
    return parser


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The command line, built once per process (about 25 ms).

    Nothing in it depends on the moment: every default is resolved when a command runs. A
    process running ``main`` many times (the test suite) reuses it.
    """
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    out, err = sys.stdout, sys.stderr
    # what the register holds is shown, never obeyed: no control characters reach the terminal
    sys.stdout, sys.stderr = _Shown(out), _Shown(err)
    # what a command writes holds personal data: owner-only files (given back afterwards,
    # for a caller that runs main() in its own process, as the tests do)
    umask = os.umask(0o077)
    try:
        return handler(args)
    except Cancelled as exc:  # Ctrl+C during long work: it stopped at a step, cleanly
        print(exc.message, file=sys.stderr)
        return 130
    except DomainError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # before OSError, of which it is one
        # the output went into a pipe that stopped reading (`… | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 0
    except OSError as exc:  # the PC's fault (a file, a folder, a disk): a sentence too
        print(f"错误：{describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:
        os.umask(umask)
        sys.stdout, sys.stderr = out, err
