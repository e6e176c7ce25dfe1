"""What the PC did wrong, in one sentence (a full disk, a read-only folder, a busy database).

Also a damaged file or a newer program's data (issue 10: all of these were tracebacks).

:func:`explain` turns an OS or SQLite error into a :class:`StoreUnavailable` with a sentence
that says what to do; the store, the units of work, the CLI and the window all use it, so
the user never sees a traceback for something the PC, not the program, got wrong. Nothing
was written when one is raised: SQLite rolled the transaction back.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.sqlite_files import DATABASE_ERRORS


class StoreUnavailable(DomainError):
    """The data folder or its database cannot be used as it is now."""

    code = "store.unavailable"


def explain(exc: BaseException, path: Path) -> StoreUnavailable | None:
    """The sentence for ``exc`` met on the database at ``path`` (None: not the PC's fault)."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).lower()
    number = getattr(original, "errno", None)
    folder = path.parent
    if "unable to open database" in text and not _writable(folder):
        number = errno.EROFS  # SQLite says only that it cannot open: the folder is read-only
    if number == errno.ENOSPC or "disk is full" in text or "no space" in text:
        return StoreUnavailable(
            f"磁盘空间已满，数据没有保存（{folder}）。请清理磁盘（或换一个U盘）后再试，"
            "已有的数据没有受到影响。",
            code="store.disk_full",
        )
    if (
        number in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or "read-only" in text
    ):
        return StoreUnavailable(
            f"数据目录 {folder} 是只读的或没有写入权限，数据没有保存。请检查文件夹权限，"
            "或用 --home 指定另一个数据目录。",
            code="store.read_only",
        )
    if "database is locked" in text or "database is busy" in text:
        return StoreUnavailable(
            "数据库正忙：另一个窗口或命令行正在写入，等了 15 秒仍未结束。本次没有保存，"
            "请稍后再试。",
            code="store.busy",
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreUnavailable(
            f"数据文件 {path} 已损坏，或不是本程序的数据文件，无法打开。请从 {folder / 'backups'} "
            "中找最近的备份，复制回来改名为 qunzhong.sqlite3，或联系技术支持。",
            code="store.damaged",
        )
    if "unable to open database" in text or isinstance(original, OSError):
        return StoreUnavailable(
            f"无法打开或写入数据目录 {folder}（{original}）。请确认文件夹存在、可写，"
            "U盘或网络盘已连接。",
            code="store.unreachable",
        )
    if isinstance(original, DATABASE_ERRORS):
        return StoreUnavailable(
            f"数据文件 {path} 无法读取（{original}）。请从 backups 文件夹恢复备份，或联系技术支持。",
            code="store.damaged",
        )
    return None


def _writable(folder: Path) -> bool:
    try:
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True
