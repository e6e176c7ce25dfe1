"""A throw-away PostgreSQL cluster for the tests that need a real server (issue 19).

``initdb`` into a temporary folder, ``pg_ctl start`` listening only on a Unix socket in that
folder (no TCP port to collide with), one fresh database per test, ``pg_ctl stop`` at the
end. The server programs come from Debian's ``postgresql`` package (``.ci/run`` installs
it) or from ``PG_BINDIR``. As root (the CI runs so) the cluster belongs to the ``postgres``
user the package creates, since PostgreSQL refuses to run as root.

Where no server is installed the tests that need one are skipped with the reason — unless
``QUNZHONG_REQUIRE_PG`` is set (``.ci/run`` sets it), and then they fail: a CI run must not
pass by skipping the county tier.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REQUIRE_ENV = "QUNZHONG_REQUIRE_PG"


class NoServer(Exception):
    """No PostgreSQL server programs on this machine."""


def bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` are (the newest Debian cluster version, or PG_BINDIR).

    Raises:
        NoServer: none found.
    """
    given = os.environ.get("PG_BINDIR")
    candidates = [Path(given)] if given else []
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted(
            (p for p in debian.iterdir() if p.name.isdigit()), key=lambda p: int(p.name)
        )
        candidates += [v / "bin" for v in reversed(versions)]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise NoServer("找不到 PostgreSQL 服务器程序（Debian 软件包 postgresql，或设置 PG_BINDIR）")


@dataclass(frozen=True)
class Cluster:
    """A running throw-away cluster."""

    folder: Path
    socket_dir: Path
    port: int
    user: str

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` (psycopg 3, over the Unix socket)."""
        return (
            f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}&port={self.port}"
        )

    def create_database(self, *, template: str = "", name: str = "") -> str:
        """A new database, empty or a copy of ``template`` (a file copy: fast); its URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        conninfo = f"host={self.socket_dir} port={self.port} user={self.user} dbname=postgres"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)


def _as_owner(args: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *args] if owner else args


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a cluster in a temporary folder; stop and remove it afterwards.

    Raises:
        NoServer: no server programs here.
    """
    programs = bindir()
    owner = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="qunzhong-pg-"))
    data, socket_dir = folder / "data", folder / "socket"
    socket_dir.mkdir()
    if owner:
        shutil.chown(folder, owner)
        shutil.chown(socket_dir, owner)
    user = owner or os.environ.get("USER", "postgres")
    port = 5432 + os.getpid() % 1000  # on the socket only: the number names the socket file
    run = lambda *a: subprocess.run(_as_owner([str(x) for x in a], owner), check=True,  # noqa: E731
                                    capture_output=True, text=True)  # fmt: skip
    try:
        run(programs / "initdb", "-D", data, "-U", user, "-A", "trust", "-E", "UTF8",
            "--no-locale", "--no-sync")  # fmt: skip
        # a throw-away cluster: nothing it writes must survive a crash, so no flushing,
        # no WAL beyond what recovery of a clean stop needs, no background vacuum
        options = (
            f"-k {socket_dir} -c listen_addresses='' -p {port} -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal"
            " -c max_wal_senders=0 -c autovacuum=off -c jit=off"
        )
        run(programs / "pg_ctl", "-D", data, "-o", options, "-w", "-l", folder / "log", "start")
        try:
            yield Cluster(folder, socket_dir, port, user)
        finally:
            run(programs / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fk_key(fk: Any) -> tuple[str, tuple[str, ...], str]:
    return (fk.table.name, tuple(c.name for c in fk.columns), fk.referred_table.name)


def without_deferrable(drift: list[Any]) -> list[Any]:
    """alembic's differences less the foreign keys that differ only in being DEFERRABLE.

    On a server every foreign key is made DEFERRABLE INITIALLY IMMEDIATE after each
    migration run (migrations/env.py) so an import can defer the checks to COMMIT; the
    models leave it unsaid (SQLite defers by a pragma). A removed and an added key on the
    same columns and table is that, and nothing else.
    """
    removed = {_fk_key(d[1]) for d in drift if isinstance(d, tuple) and d[0] == "remove_fk"}
    added = {_fk_key(d[1]) for d in drift if isinstance(d, tuple) and d[0] == "add_fk"}
    same = removed & added
    return [
        d
        for d in drift
        if not (isinstance(d, tuple) and d[0] in ("remove_fk", "add_fk") and _fk_key(d[1]) in same)
    ]
