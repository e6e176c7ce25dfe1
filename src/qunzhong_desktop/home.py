"""Where the station's data lives: ``--home DIR`` > ``QUNZHONG_HOME`` > platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_path(home: Path) -> Path:
    """The SQLite store inside a data directory."""
    return home / DB_FILENAME
