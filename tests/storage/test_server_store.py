"""The store on a PostgreSQL server (issue 19): what only a server has to get right.

The rest of the storage suite runs on both engines (tests/storage/conftest.py); here are the
pieces written twice — the natural order in SQL, the write lock, the outbox's last sequence,
the "live" unique indexes — and the data directory that points at a server.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, literal, select, text
from sqlalchemy.exc import IntegrityError

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import changes
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.environment import StoreUnavailable
from qunzhong_desktop.storage.server import (
    SERVER_FILE,
    checked_url,
    point_at_server,
    server_url,
    shown,
)
from qunzhong_desktop.storage.store import Store, open_store
from tests.helpers.backends import EMPTY
from tests.helpers.postgres import Cluster

pytestmark = pytest.mark.pg

SAMPLES = [
    "", "002", "0019", "2", "1-003", "十组", "第十一组", "九组", "二十", "一二", "两百零五",
    "  A12b ", "〇", "零十", "千千", "1000000000000000", "组3号楼12", "x九百九十九y", "百",
]  # fmt: skip


@pytest.fixture(scope="module")
def head_url(pg_cluster: Cluster, _pg_templates: None) -> str:
    return pg_cluster.create_database(template=EMPTY)


def _keys_on(url: str, values: list[str]) -> list[str]:
    db = Database(Path("unused"), url=url)
    try:
        with db.session() as s:
            return [s.execute(select(func.natural_key(literal(v)))).scalar_one() for v in values]
    finally:
        db.close()


def test_natural_key_in_sql_is_the_python_rule(head_url: str) -> None:
    assert _keys_on(head_url, SAMPLES) == [natural_key(v) for v in SAMPLES]
    db = Database(Path("unused"), url=head_url)
    try:
        with db.session() as s:
            assert s.execute(select(func.natural_key(None))).scalar_one() == ""
    finally:
        db.close()


@given(st.lists(st.text("0123456789一二两三十百千零〇组号-第 aBZ", max_size=12), max_size=20))
def test_natural_key_agrees_on_any_hand_typed_number(head_url: str, values: list[str]) -> None:
    assert _keys_on(head_url, values) == [natural_key(v) for v in values]


def test_the_register_sorts_naturally_on_the_server(store: Store) -> None:
    """``ORDER BY natural_key(number)`` in the database, whatever the server's collation."""
    from qunzhong_desktop.storage import write_paths

    numbers = ["0019", "002", "十组1", "九组1", "a10", "A9", "1-003"]
    with write_paths.scope("test setup"), store.db.session() as s:
        for number in numbers:
            s.add(m.Household(number=number, address="白沙村", origin=""))
    with store.db.session() as s:
        got = list(
            s.scalars(select(m.Household.number).order_by(func.natural_key(m.Household.number)))
        )
    assert got == sorted(numbers, key=natural_key)


def test_a_tombstone_frees_its_household_number(store: Store) -> None:
    """On both engines (0015 made the "live" unique indexes partial on PostgreSQL, as they are on SQLite)."""
    from qunzhong_desktop.storage import write_paths

    with write_paths.scope("test setup"):
        with store.db.session() as s:
            old = m.Household(number="007", address="旧址", origin="")
            s.add(old)
        with store.db.session() as s:
            s.get(m.Household, old.id).deleted_at = old.created_at  # type: ignore[union-attr]
        with store.db.session() as s:
            s.add(m.Household(number="007", address="新址", origin=""))
        with pytest.raises(IntegrityError), store.db.session() as s:
            s.add(m.Household(number="007", address="第三户", origin=""))


def test_every_foreign_key_can_wait_for_commit(head_url: str) -> None:
    """A bundle's rows may come before their parents: the import defers the checks."""
    db = Database(Path("unused"), url=head_url)
    try:
        with db.session() as s:
            stiff = s.execute(
                text("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable")
            ).scalar_one()
            total = s.execute(text("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"))
        assert stiff == 0
        assert total.scalar_one() > 20
    finally:
        db.close()


def test_the_outbox_remembers_its_last_sequence_after_pruning(store: Store) -> None:
    with store.db.session() as s:
        before = changes.outbox_reached(s)
    from qunzhong_desktop.storage import write_paths

    with write_paths.scope("test setup"), store.db.session() as s:
        s.add(m.Household(number="101", address="白沙村", origin=""))
    with store.db.session() as s:
        reached = changes.outbox_reached(s)
        last = s.scalar(select(func.max(m.SyncChange.seq)))
        assert reached == last and reached > before
        s.execute(m.SyncChange.__table__.delete())  # pruned: every peer acknowledged it
    with store.db.session() as s:
        assert changes.outbox_reached(s) == reached


def test_writers_queue_behind_the_advisory_lock(store: Store) -> None:
    """``writing`` on a server: what one writer checked still holds when it writes."""
    order: list[str] = []
    started = threading.Event()

    def first() -> None:
        with store.db.writing() as s:
            s.execute(text("SELECT 1"))
            started.set()
            time.sleep(0.3)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    started.wait(5)
    with store.db.writing() as s:
        s.execute(text("SELECT 1"))
        order.append("second in")
    thread.join()
    assert order == ["first done", "second in"]


def test_a_data_directory_points_at_its_server(pg_cluster: Cluster, tmp_path: Path) -> None:
    url = pg_cluster.create_database()
    home = tmp_path / "county"
    recorded = point_at_server(home, url)
    assert server_url(home) == recorded
    assert (home / SERVER_FILE).stat().st_mode & 0o077 == 0
    with open_store(home, user="管理员") as store:  # migrates the empty database
        assert store.db.on_server and store.db.dialect == "postgresql"
        assert not store.is_set_up()
    with open_store(home) as store, store.db.session() as s:  # again, nothing to migrate
        assert s.scalar(text("SELECT version_num FROM alembic_version"))


def test_server_addresses_are_checked_and_never_shown_with_the_password(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    for bad, words in [
        ("mysql://u@h/db", "只支持 PostgreSQL"),
        ("postgresql+psycopg://u@h", "缺少数据库名"),
        ("not a url", "格式不对"),
    ]:
        with pytest.raises(ValidationError, match=words):
            checked_url(bad)
    assert checked_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert "secret" not in shown("postgresql+psycopg://u:secret@h/db")
    missing = pg_cluster.url("no_such_db")
    with pytest.raises(StoreUnavailable) as info:
        point_at_server(tmp_path / "x", missing)
    assert info.value.code == "server.no_database"
    assert not (tmp_path / "x" / SERVER_FILE).exists()
    closed = "postgresql+psycopg://u:secret@127.0.0.1:1/db"
    with pytest.raises(StoreUnavailable) as info:
        point_at_server(tmp_path / "y", closed)
    assert info.value.code == "server.unreachable"
    assert "secret" not in str(info.value)


def test_a_database_with_a_language_collation_is_refused(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    """Ranges on numbers and codes compare bytes on SQLite: the server database must too."""
    import psycopg

    conninfo = (
        f"host={pg_cluster.socket_dir} port={pg_cluster.port} user={pg_cluster.user}"
        " dbname=postgres"
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(
            "CREATE DATABASE zh_sorted TEMPLATE template0 LOCALE_PROVIDER icu"
            " ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'"
        )
    with pytest.raises(StoreUnavailable) as info:
        point_at_server(tmp_path / "county", pg_cluster.url("zh_sorted"))
    assert info.value.code == "server.collation" and "--lc-collate C " in str(info.value)
    assert not (tmp_path / "county" / SERVER_FILE).exists()
