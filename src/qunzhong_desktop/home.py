"""Where the station's data lives: ``--home DIR`` > ``QUNZHONG_HOME`` > platform data dir."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import platformdirs

from qunzhong_desktop.core.errors import SetupError

APP_NAME = "qunzhong-desktop"
DB_FILENAME = "qunzhong.sqlite3"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory, creating it if needed.

    Args:
        explicit: a directory given on the command line (``--home``); wins over everything.
    """
    if explicit:
        home = Path(explicit)
    elif os.environ.get("QUNZHONG_HOME"):
        home = Path(os.environ["QUNZHONG_HOME"])
    else:
        home = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home = home.expanduser().resolve()
    if home.exists() and not home.is_dir():
        raise SetupError(
            f"数据目录 {home} 是一个文件，不是文件夹。请用 --home 指定一个文件夹。",
            code="home.not_a_folder",
        )
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(
            f"无法创建数据目录 {home}（{exc.strerror or exc}）。请检查权限，或用 --home 指定"
            "另一个文件夹。",
            code="home.unwritable",
        ) from exc
    return home


def protect(home: Path) -> int:
    """Make the data directory and everything in it readable by its owner only (POSIX).

    The folder holds a village's personal data: 0700 for folders, 0600 for files (the
    database, its WAL and shared-memory files — SQLite gives those the database's mode —,
    the copies made before migrations, keys, kits, scratch). Run when a store is opened, so
    a folder made by an older version is closed up too. Symbolic links are left alone.

    Returns:
        How many entries had their mode changed.
    """
    if os.name != "posix":
        return 0  # Windows: the per-user profile folder (%LOCALAPPDATA%) is already private
    changed = _chmod(Path(home), 0o700)
    for root, dirs, files in os.walk(home):
        for name in dirs:
            changed += _chmod(Path(root) / name, 0o700)
        for name in files:
            changed += _chmod(Path(root) / name, 0o600)
    return changed


def _chmod(path: Path, mode: int) -> int:
    try:
        st = path.lstat()
        if path.is_symlink() or (st.st_mode & 0o777) == mode:
            return 0
        os.chmod(path, mode)
    except OSError:
        return 0  # gone meanwhile, or not ours: the next start tries again
    return 1


def database_path(home: Path) -> Path:
    """The SQLite store inside a data directory."""
    return home / DB_FILENAME


# scratch space ------------------------------------------------------------------------------
# Decrypted bundles, previews and printouts in progress hold personal data: they are written
# in a private folder inside the data directory, never in the system's temp folder, and
# whatever a killed process left there is removed at the next start.
SCRATCH = "tmp"
_STALE_SECONDS = 12 * 3600  # where a process cannot be asked whether it still runs


def scratch_root(home: Path) -> Path:
    """The private scratch folder of a data directory (owner-only on POSIX)."""
    root = Path(home) / SCRATCH
    root.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        os.chmod(root, 0o700)
    return root


def scratch_dir(home: Path, prefix: str) -> Path:
    """A new private folder for one piece of work, named after this process."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=scratch_root(home)))


def clean_scratch(home: Path) -> int:
    """Remove what processes that no longer run left in the scratch folder; how many."""
    root = Path(home) / SCRATCH
    if not root.is_dir():
        return 0
    removed = 0
    for entry in root.iterdir():
        if _in_use(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed


def _in_use(entry: Path) -> bool:
    match = re.search(r"(\d+)-[^-]*$", entry.name)
    if match is None:
        return False
    pid = int(match.group(1))
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0 only asks whether it runs
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:  # Windows: os.kill would end the process; go by age
        return time.time() - entry.stat().st_mtime < _STALE_SECONDS
    except OSError:
        return False
