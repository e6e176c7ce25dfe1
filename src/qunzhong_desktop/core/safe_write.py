"""Writing an output file safely: to a temporary name next to the target, renamed when complete.

A failure (disk full, no permission, the file open in Excel or WPS, a cancelled export)
never leaves half a file behind, and the previous file stays as it was. Every PDF and
spreadsheet the app writes goes through :func:`write_atomically`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from qunzhong_desktop.core.errors import DomainError

T = TypeVar("T")


class OutputError(DomainError):
    """A file cannot be written where the user asked; subclasses name the kind of file."""

    code = "output"


_REASONS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
}


def reason(exc: OSError) -> str:
    """A short Chinese reason for an OS error."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


@contextlib.contextmanager
def atomic_path(out: Path, *, error: type[OutputError] = OutputError) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; move it onto ``out`` if the block succeeds.

    The temporary file is created with mode 0600 (private keys are never readable by
    others, even for a moment). On any error it is removed and ``out`` stays as it was.

    Raises:
        OutputError: (as ``error``) the folder is missing, ``out`` is a folder, or
            writing failed (disk full, no permission, file open elsewhere).
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"无法保存到 {out}：文件夹 {folder} 不存在，请选择其他位置。", path=str(out))
    if out.is_dir():
        raise error(f"无法保存：{out} 是一个文件夹，请输入文件名。", path=str(out))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise error(
            f"无法在 {folder} 中写入文件（{reason(exc)}），请检查权限或选择其他位置。",
            path=str(out),
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        raise error(
            f"无法写入 {out}（{reason(exc)}）。如果文件正在 Excel、WPS 或其他程序中打开，"
            "请先关闭它，或选择其他位置。",
            path=str(out),
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomically(
    out: Path, write: Callable[[Path], T], *, error: type[OutputError] = OutputError
) -> T:
    """Call ``write(temporary path)``, then move the temporary file onto ``out``.

    Args:
        out: the file the user asked for.
        write: writes the whole file to the path it is given.
        error: the error class to raise (e.g. the cards' or the ledger's).

    Returns:
        What ``write`` returned.

    Raises:
        OutputError: (as ``error``) see :func:`atomic_path`; nothing is left behind.
    """
    with atomic_path(out, error=error) as tmp:
        return write(tmp)
