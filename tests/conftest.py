"""Shared fixtures: migrate once, copy the file per test (Anki's getEmptyCol).

Markers: every test under ``tests/ui`` or using ``qtbot``/``qapp`` is marked ``gui`` here
(qutebrowser's conftest does the same); tests that take seconds carry ``slow`` themselves, so
``make test-fast`` can leave them out. Hypothesis runs a fixed profile, ``ci``: derandomized,
no example database, no deadline, so a run takes the same time everywhere and a failure
repeats; ``HYPOTHESIS_PROFILE=explore`` draws fresh examples, ten times as many.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import accounts, keyring, migrate
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.write_paths import require
from qunzhong_desktop.sync import sealing
from qunzhong_desktop.sync.keys import PRIVATE_FILE, NodeKeys
from tests.helpers.postgres import REQUIRE_ENV, Cluster, NoServer, throwaway_cluster
from tests.helpers.run_once import locked, run_root
from tests.helpers.sealed import PASSPHRASE, SealedKeys, seal
from tests.helpers.stations import STATION, copy_store

# A test run makes millions of short-lived objects (ORM rows, Qt wrappers) and keeps few: the
# young generation is collected less often (measured: 6 % less CPU over storage, reports and
# core). Only the test processes; the program keeps Python's defaults.
gc.set_threshold(100_000, 50, 50)

settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).parent

# every captured write must come from a marked write path (storage/write_paths.py): a new
# one that is not marked fails here, one that is marked fails the conformance harness
# until the harness drives it
require(True)


# (sha-256 of sealed bytes, passphrase) -> the plain bytes: what this process sealed or opened
_OPENED: dict[tuple[bytes, str], bytes] = {}
_REAL_SEAL = sealing._seal_here
_REAL_UNSEAL = sealing._unseal_here


def _seal_noted(plain: bytes, passphrase: str) -> bytes:
    """Seal with the real age code and note what the sealed bytes open to."""
    sealed = _REAL_SEAL(plain, passphrase)
    _OPENED[(hashlib.sha256(sealed).digest(), passphrase)] = plain
    return sealed


@pytest.fixture(autouse=True)
def _scrypt_once(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sealed blob costs scrypt once per test process, not once per opening.

    Every command of a CLI test opens the node's keys again: a second of scrypt each, 112 s
    of a run's CPU. Sealing and the first opening of a blob run the real age code; a later
    opening of the same bytes with the same passphrase returns what that gave. A wrong
    passphrase or changed bytes miss and run scrypt, so refusals are real. Tests marked
    ``real_scrypt`` (timing the window while scrypt runs) see no memo.
    """
    if request.node.get_closest_marker("real_scrypt") is not None:
        return
    real_unseal = sealing._unseal_here

    def unseal_once(sealed: bytes, passphrase: str) -> tuple[bool, bytes]:
        key = (hashlib.sha256(sealed).digest(), passphrase)
        if key in _OPENED:
            return True, _OPENED[key]
        ok, plain = real_unseal(sealed, passphrase)
        if ok:
            _OPENED[key] = plain
        return ok, plain

    monkeypatch.setattr(sealing, "_seal_here", _seal_noted)
    monkeypatch.setattr(sealing, "_unseal_here", unseal_once)


# Argon2id at its cheapest: the same code and format, 1 pass over 8 MiB on one lane
_CHEAP = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}
_CHEAP_HASHER = PasswordHasher(**_CHEAP)


@pytest.fixture(autouse=True)
def _cheap_argon2(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Operator passwords and the store's keyring at a low Argon2id cost in tests.

    The shipped cost (64 MiB, 3 passes, 4 lanes: ~0.1 s of both cores) was 190 password hashes
    and checks and ~50 keyring derivations a run, over 10 % of its CPU. A password hash names
    its own cost, so checking one made at either cost is the real check; the keyring's cost is
    the module's constant, the same for writing and reading in one test process. Tests marked
    ``real_argon2`` keep the shipped costs (tests/storage/test_accounts.py checks the password
    hashes' cost; tests/storage/test_encryption.py encrypts and opens a store at the shipped
    keyring cost).
    """
    if request.node.get_closest_marker("real_argon2") is None:
        monkeypatch.setattr(accounts, "_HASHER", _CHEAP_HASHER)
        monkeypatch.setattr(keyring, "_KDF", _CHEAP)


@pytest.fixture(autouse=True)
def _first_start_from_template(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A brand-new plain SQLite store gets the migrated template instead of 21 migrations.

    ``init station`` (the CLI tests start most modules with it, many every test) and a
    first ``open_store`` ran every migration on an empty file: ~1 s of CPU each. Here that
    file is a copy of the session's template, which the same migrations made once (Anki's
    getEmptyCol); what follows (setting the station up, the commands) is unchanged. The
    migrations themselves are tested from each previous revision (tests/storage/
    test_migrations.py and test_migration_*.py, marked ``real_migrations``, which see the
    real upgrade), and a first start in a real process (test_first_start_kills.py,
    tests/cli/test_setup.py) runs them all as a user's PC does.
    """
    if request.node.get_closest_marker("real_migrations") is not None:
        return
    template = database_path(request.getfixturevalue("_template_dirs")[0])
    real = migrate.upgrade

    def upgrade(db_path: Path, key: bytes | None = None) -> Path | None:
        fresh = not db_path.exists() or not db_path.stat().st_size
        if key is None and fresh:
            shutil.copyfile(template, db_path)
            return None
        return real(db_path, key)

    monkeypatch.setattr(migrate, "upgrade", upgrade)


@pytest.fixture(autouse=True)
def _umask_back() -> Iterator[None]:
    """The window sets umask 077 for good (app.py): give the worker's back after each test,
    or a later test's folders come out private and its permission checks see other files."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(scope="session")
def _template_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    empty = tmp_path_factory.mktemp("template-empty")
    migrate.upgrade(database_path(empty))
    station = tmp_path_factory.mktemp("template-station")
    shutil.copy(database_path(empty), database_path(station))
    db = Database(database_path(station))
    init_station(db, StationProfile(**STATION))
    db.close()
    return empty, station


@pytest.fixture
def empty_store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store with no station yet."""
    store = copy_store(_template_dirs[0], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store set up as 白沙村群众工作站."""
    store = copy_store(_template_dirs[1], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def sqlite_store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """The ``store`` of a test about the SQLite file itself (where ``store`` runs on both)."""
    store = copy_store(_template_dirs[1], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def sqlite_empty_store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """The ``empty_store`` of a test about the SQLite file itself."""
    store = copy_store(_template_dirs[0], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture(scope="session")
def _pg_templates(pg_cluster: Cluster) -> None:
    """The template databases server stores are copied from (tests/helpers/backends.py)."""
    from tests.helpers.backends import make_templates

    make_templates(pg_cluster)


@pytest.fixture
def direct_writes(request: pytest.FixtureRequest) -> Iterator[None]:
    """For tests that write synced rows with the ORM themselves, not through a write path."""
    from qunzhong_desktop.storage.write_paths import scope

    with scope(f"test: {request.node.name}"):
        yield


@pytest.fixture(scope="session")
def sealed_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[SealedKeys, SealedKeys]:
    """A township's and a station's keys, sealed once per run (by the first xdist worker that
    needs them, under a lock: tests/helpers/run_once.py; ~4 s of scrypt per worker before).

    Sealed before any test's ``_scrypt_once`` is in place, so what was sealed is noted here,
    and the sealing worker leaves what the files open to beside their folders for the others
    to note: the first opening of these files in any worker is then no second scrypt
    (``real_scrypt`` tests still run it, on the same files). The key folders themselves hold
    only the sealed and the public file.
    """
    shared = run_root(tmp_path_factory) / "sealed-keys"
    names = ("township", "station")
    with locked(run_root(tmp_path_factory) / "sealed-keys.lock"):
        plains = shared / "opened.json"
        if not plains.exists():
            sealing._seal_here = _seal_noted
            try:
                made = tuple(seal(shared / name) for name in names)
            finally:
                sealing._seal_here = _REAL_SEAL
            plains.write_text(json.dumps([one.keys._private_json().decode() for one in made]))
            return made[0], made[1]
    opened = []
    for name, plain in zip(names, json.loads(plains.read_text()), strict=True):
        sealed = (shared / name / PRIVATE_FILE).read_bytes()
        _OPENED[(hashlib.sha256(sealed).digest(), PASSPHRASE)] = plain.encode()
        sealing._unseal_here = lambda blob, passphrase: (
            True, _OPENED[(hashlib.sha256(blob).digest(), passphrase)]
        )  # fmt: skip
        try:
            opened.append(
                SealedKeys(shared / name, PASSPHRASE, NodeKeys.load(shared / name, PASSPHRASE))
            )
        finally:
            sealing._unseal_here = _REAL_UNSEAL
    return opened[0], opened[1]


@pytest.fixture
def keys_made_once(
    _scrypt_once: None, sealed_keys: tuple[SealedKeys, SealedKeys], monkeypatch: pytest.MonkeyPatch
) -> str:
    """Keys a test makes come from a pool, each sealed once per passphrase (helpers/ui_keys);
    returns the passphrase whose blobs are made already (keys made with it cost no scrypt)."""
    from tests.helpers import ui_keys

    ui_keys.keys_made_once(monkeypatch, sealed_keys)
    return PASSPHRASE


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the GUI tests: those in tests/ui and any that use a Qt application."""
    for item in items:
        in_ui = item.path.is_relative_to(TESTS / "ui")
        fixtures = getattr(item, "fixturenames", ())
        if in_ui or "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throw-away PostgreSQL cluster for this run (per xdist worker), started on first use.

    Skipped where no server is installed, unless QUNZHONG_REQUIRE_PG is set (CI): then it fails.
    """
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except NoServer as exc:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{exc}（{REQUIRE_ENV} 已设置：CI 必须测试 PostgreSQL）")
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """The URL of a new empty PostgreSQL database (one per test)."""
    return pg_cluster.create_database()
