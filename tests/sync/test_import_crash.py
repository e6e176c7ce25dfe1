"""A process killed in the middle of an import leaves the database as it was (SYNC.md).

The child process imports a bundle and, at its first progress report (changes written,
transaction not committed), tells the parent and waits to be killed with SIGKILL. The
database must be intact and unchanged; importing again completes.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main as cli
from qunzhong_desktop.home import SCRATCH, database_path
from qunzhong_desktop.storage.store import open_store
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers import forked
from tests.helpers.dbhash import unchanged_mark
from tests.helpers.network import Node
from tests.helpers.sealed import SealedKeys

pytestmark = pytest.mark.slow

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from qunzhong_desktop.storage.store import open_store
    from qunzhong_desktop.sync.keys import NodeKeys
    from qunzhong_desktop.sync.service import SyncService

    home, keys_dir, bundle = (Path(a) for a in sys.argv[1:4])
    store = open_store(home)
    keys = NodeKeys.load(keys_dir, sys.argv[4])

    def progress(done, total):
        print("WRITING", done, total, flush=True)
        time.sleep(60)  # killed here, inside the import's transaction

    SyncService(store.db, home).import_bundle(bundle, keys, progress=progress)
    print("FINISHED", flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_import_leaves_the_database_intact(
    net: tuple[Node, Node, Node], tmp_path: Path, sealed_keys: tuple[SealedKeys, SealedKeys]
) -> None:
    township, one, _ = net
    assert cli(["--home", str(one.home), "demo", "--households", "60", "--items", "30"]) == 0
    bundle = one.export(tmp_path / "usb")[0]
    keys_dir = sealed_keys[0].folder  # the township's keys, sealed
    db = database_path(township.home)
    before = unchanged_mark(township.store)
    township.store.db.close()  # the child has the file to itself, as on a real PC

    # a fork of this process (tests/helpers/forked.py): a real process to kill, without a
    # new interpreter's imports and scrypt (the sealed keys' opening is this process's memo)
    with forked.start(
        CHILD, str(township.home), str(keys_dir), str(bundle), sealed_keys[0].passphrase
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("WRITING"), line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)

    if not township.store.db.on_server:  # a server rolls back a dropped client's work itself
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    assert unchanged_mark(township.store) == before
    # the decrypted payload (every resident's ID number) was never outside the data folder:
    # the killed import left it in the private scratch folder, which the next start empties
    left = [p for p in (township.home / SCRATCH).rglob("*") if p.is_file()]
    assert left and all(p.is_relative_to(township.home) for p in left)
    assert not [
        p
        # named as home.scratch_dir names them ("{prefix}{pid}-…"): a random temporary
        # name of another test may contain the pid's digits too
        for p in Path(tempfile.gettempdir()).glob(f"*{child.pid}-*")
        if p.name != township.home.name
    ]
    open_store(township.home).close()
    assert not list((township.home / SCRATCH).iterdir())

    township.store.db.engine.dispose()
    report = township.sync.import_bundle(bundle, township.keys)
    assert report.status == APPLIED and report.applied > 500
