"""The search indexes (storage/search_index.py) keep the search's meaning: every needle finds
exactly what a plain substring test over the same rows finds, on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from qunzhong_desktop.core.citizen_id import check_digit
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import encryption, migrate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.search_index import (
    grams_of,
    item_text_condition,
    persons_matching,
)
from qunzhong_desktop.storage.store import Store, open_store

ID = "43012119491231002" + check_digit("43012119491231002")

#: needles of every length and kind: initials, names, pinyin, ID and phone parts, household
#: numbers, LIKE's wildcards, full-width digits, upper case, a double quote, no hit
NEEDLES = (
    "z", "张", "zs", "ZS", "sf", "张三", "三丰", "zsf", "zhang", "angsan", "1-0", "-001",
    ID[-4:], ID[-6:].lower(), "１３８", "138123", "5678", "%", "_", "\\", "a%b", "\"", "zx",
    "王", "wf", "王芳", "wangfang", "3912", "shan", "sh", "qq", "无此人", "0731", "  z s ",
)  # fmt: skip


def _seed(store: Store) -> None:
    register = store.register
    register.save_household(Household(number="1-001", phone="0731-84561234", members=[
        Person(name="张三丰", id_number=ID, phone="13812345678"),
        Person(name="张小宝", relation="子女")]))  # fmt: skip
    register.save_household(
        Household(number="2-001", members=[Person(name="单志生", phone="13912345678")])
    )
    register.save_household(Household(number="3-1_%", members=[Person(name="王芳")]))
    gone = register.save_household(Household(number="4-001", members=[Person(name="张三")]))
    register.delete_household(gone.id)  # its person tombstoned with it
    moved = register.save_household(
        Household(
            number="5-001", members=[Person(name="王小芳"), Person(name="赵四", relation="子女")]
        )
    )
    base = copy.deepcopy(moved)
    moved.members = [p for p in moved.members if p.name != "赵四"]  # a member removed
    moved.members[0].name = "王晓方"  # and one renamed: the index follows
    register.save_household(moved, base=base)


def _expected(store: Store, query: str) -> set[str]:
    """Live persons of live households whose search text holds the needle (no index)."""
    needle = compact(query).lower()
    with store.db.session() as s:
        rows = s.execute(
            select(m.Person.id, m.Person.search_text)
            .join(m.Household, m.Household.id == m.Person.household_id)
            .where(m.Person.deleted_at.is_(None), m.Household.deleted_at.is_(None))
        ).all()
    return {pid for pid, haystack in rows if needle and needle in haystack}


@pytest.fixture
def seeded(store: Store) -> Store:
    _seed(store)
    return store


def test_every_needle_finds_what_a_substring_test_finds(seeded: Store) -> None:
    register = seeded.register
    for query in NEEDLES:
        expected = _expected(seeded, query)
        found = {h.id for h in register.search_persons(query, limit=1000)}
        assert found == expected, query
        households = set(register.search_households(query))
        with seeded.db.session() as s:
            of = set(s.scalars(select(m.Person.household_id).where(m.Person.id.in_(expected))))
        assert households == of if compact(query) else len(households) == 4, query
    # the meaning in words: the renamed member by the new name only, tombstones never
    assert [h.name for h in register.search_persons("王晓方")] == ["王晓方"]
    assert register.search_persons("王小芳") == []
    assert (
        register.search_persons("赵四") == []
        and register.search_persons("张三")[0].name == "张三丰"
    )
    assert [h.household_number for h in register.search_persons("_%")] == ["3-1_%"]
    hit = register.search_persons("zsf")[0]
    assert hit.id_masked == "4301**********" + ID[-4:]  # masked as before


def test_the_sqlite_index_holds_exactly_the_live_persons_and_every_item(
    sqlite_store: Store,
) -> None:
    _seed(sqlite_store)
    _item(sqlite_store, "申请低保", "李四")
    with sqlite_store.db.session() as s:
        indexed = set(s.execute(text("SELECT person_id, text FROM search_person")).all())
        live = s.execute(
            select(m.Person.id, m.Person.search_text).where(m.Person.deleted_at.is_(None))
        ).all()
        assert indexed == {(pid, haystack + " ") for pid, haystack in live}
        items = s.scalar(text("SELECT count(*) FROM search_item"))
        assert items == s.scalar(select(m.IntakeItem.id).with_only_columns(text("count(*)")))
        for table in ("search_person_fts", "search_item_fts"):
            s.execute(text(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')"))


def _item(store: Store, content: str, requester: str) -> str:
    new = NewItem(channel="来访", domain="社会保障", grade="B", item_type="承诺件",
                  content=content, requester_name=requester, requester_phone="13800000000")  # fmt: skip
    return store.items.register_item(new, actor="李秀英", now=dt.datetime(2026, 11, 20, 9)).number


def test_item_search_by_number_requester_and_content(store: Store) -> None:
    numbers = [
        _item(store, "申请低保 Road Repair", "李四"),
        _item(store, "路灯不亮", "王低保"),
        _item(store, "100%_完成", "Zhang"),
    ]

    def found(query: str) -> set[str]:
        condition = item_text_condition(store.db.engine.dialect.name, query)
        assert condition is not None
        with store.db.session() as s:
            return set(s.scalars(select(m.IntakeItem.number).where(condition)))

    assert found("低保") == {numbers[0], numbers[1]}  # content or requester, 2 characters
    assert found("road") == found("ROAD") == {numbers[0]}  # ASCII in any case
    assert found("zhang") == {numbers[2]}
    assert found("%_") == {numbers[2]} and found("%") == {numbers[2]}  # taken as typed
    assert found(numbers[1][-5:]) == {numbers[1]}
    assert found("四路") == set()  # no match across the fields' border
    assert found("低 保") == {numbers[0], numbers[1]}  # spaces removed, as before
    assert found("无此事") == set() and found("灯") == {numbers[1]}


def test_the_index_survives_encryption_and_a_restart(sqlite_store: Store) -> None:
    _seed(sqlite_store)
    encryption.enable(sqlite_store, "王站长", "站长密码123")
    assert [h.name for h in sqlite_store.register.search_persons("zsf")] == ["张三丰"]
    assert {h.name for h in sqlite_store.register.search_persons("王")} == {"王芳", "王晓方"}


def test_upgrade_from_0015_fills_the_index_from_the_rows_there(sqlite_store: Store) -> None:
    _seed(sqlite_store)
    _item(sqlite_store, "申请低保", "李四")
    path = database_path(sqlite_store.home)
    sqlite_store.db.close()
    command.downgrade(migrate.alembic_config(path), "0015")
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert not {n for n in names if n.startswith("search_")}  # all gone at 0015
    assert migrate.upgrade(path) is not None
    store = open_store(sqlite_store.home)
    try:
        assert [h.name for h in store.register.search_persons("dzs")] == ["单志生"]
        condition = item_text_condition("sqlite", "低保")
        assert condition is not None
        with store.db.session() as s:
            assert len(s.scalars(select(m.IntakeItem.id).where(condition)).all()) == 1
    finally:
        store.close()


# -- PostgreSQL: the queries use the indexes they were made for ---------------------------------
@pytest.fixture
def pg_session(pg_url: str) -> Iterator[Session]:
    command.upgrade(migrate.server_config(pg_url), "head")
    engine = create_engine(pg_url)
    now = dt.datetime(2026, 11, 20, 9)
    rows = [("h1", "p1", "张三丰 43012119491231002x 13812345678 1-001 zhangsanfeng zsf"),
            ("h1", "p2", "王芳 wangfang wf"), ("h2", "p3", "单志生 shanzhisheng dzs")]  # fmt: skip
    with engine.begin() as conn:
        for hid in ("h1", "h2"):
            conn.execute(
                text("INSERT INTO household (id, number, address, phone, tags, note, origin,"
                     " created_at, updated_at) VALUES (:id, :id, '', '', '[]', '', '', :t, :t)"),
                {"id": hid, "t": now},
            )  # fmt: skip
        for hid, pid, haystack in rows:
            conn.execute(
                text("INSERT INTO person (id, household_id, position, name, relation, origin,"
                     " gender, phone, tags, flags, note, search_text, created_at, updated_at)"
                     " VALUES (:id, :h, 0, 'x', '户主', '', '', '', '[]', '[]', '', :s, :t, :t)"),
                {"id": pid, "h": hid, "s": haystack, "t": now},
            )  # fmt: skip
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.mark.pg
def test_postgresql_search_keeps_the_meaning_and_uses_its_indexes(pg_session: Session) -> None:
    s = pg_session

    def ids(query: str) -> set[str]:
        stmt = persons_matching("postgresql", query)
        assert stmt is not None
        return {pid for pid, _ in s.execute(stmt)}

    assert ids("zsf") == ids("1381") == {"p1"}
    assert ids("wf") == {"p2"} and ids("sh") == {"p3"} and ids("zs") == {"p1", "p3"}
    assert ids("z") == {"p1", "p3"} and ids("无此人") == set() and ids("%") == set()
    # Chinese and 1-2 characters: the gram index (0020), the same meaning
    assert ids("张") == ids("张三丰") == ids("三丰") == {"p1"} and ids("芳") == {"p2"}
    assert ids("志生") == {"p3"} and ids("丰王") == set() and ids("生 ") == {"p3"}
    assert ids("a") == {"p1", "p2", "p3"} and ids("9x") == set() and ids("2x") == {"p1"}
    s.execute(  # a register of some size, so that the planner's choice is the real one
        text("INSERT INTO person (id, household_id, position, name, relation, origin, gender,"
             " phone, tags, flags, note, search_text, created_at, updated_at)"
             " SELECT 'q' || i, 'h2', 0, 'x', '户主', '', '', '', '[]', '[]', '',"
             " md5(i::text) || ' 1390000' || i, now(), now() FROM generate_series(1, 5000) i")
    )  # fmt: skip
    s.execute(text("ANALYZE person"))
    s.execute(text("SET enable_seqscan = off"))  # 5,000 rows are still read faster in full
    for query, index in (
        ("zsf", "ix_person_search_trgm"), ("3900012", "ix_person_search_trgm"),
        ("张", "ix_person_search_grams"), ("zs", "ix_person_search_grams"),
        ("张三丰", "ix_person_search_grams"), ("9", "ix_person_search_grams"),
    ):  # fmt: skip
        stmt = persons_matching("postgresql", query)
        assert stmt is not None
        compiled = stmt.compile(dialect=s.get_bind().dialect)
        explained = s.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
        plan = "\n".join(r[0] for r in explained)
        assert index in plan, plan
    for query in ("低保", "road"):
        condition = item_text_condition("postgresql", query)
        assert condition is not None
        s.execute(select(m.IntakeItem.id).where(condition)).all()  # runs
        # ILIKE only where a letter has a case (LIKE reads a Chinese needle's scan twice as fast)
        sql = str(condition.compile(dialect=s.get_bind().dialect))
        assert ("ILIKE" in sql) == (query == "road"), sql


def test_the_item_list_filters_its_text_through_the_index(store: Store) -> None:
    """ItemLists' text filter (count, pages, ids) is item_text_condition: same meaning."""
    numbers = [
        _item(store, "申请低保 Road Repair", "李四"),
        _item(store, "路灯不亮", "王低保"),
        _item(store, "100%_完成", "Zhang"),
    ]
    items = store.items
    today = dt.date(2026, 11, 20)
    for query, expected in (
        ("低保", numbers[:2]), ("ROAD", numbers[:1]), ("%", numbers[2:]), ("_", numbers[2:]),
        ("灯", numbers[1:2]), ("四路", []), (numbers[0][-4:], numbers[:1]), ("无此事", []),
    ):  # fmt: skip
        f = ItemFilter(text=query)
        ids = items.search_ids(f, today=today)
        assert items.count(f, today=today) == len(ids) == len(expected), query
        assert items.page_ids(f, offset=0, limit=10, today=today) == ids, query
        assert {r.number for r in items.rows(ids, today=today)} == set(expected), query
    assert items.count(ItemFilter(text="  "), today=today) == 3  # no text: every item


@pytest.mark.pg
def test_qz_grams_are_the_single_characters_and_pairs_without_a_space(
    pg_session: Session,
) -> None:
    for haystack in ("张三丰 zsf 1-001", "", "a", "ab  c", "%_\\"):
        got = pg_session.scalar(text("SELECT qz_grams(:t)"), {"t": haystack})
        expected = {c for c in haystack if c != " "} | {
            haystack[i : i + 2] for i in range(len(haystack) - 1) if " " not in haystack[i : i + 2]
        }
        assert set(got) == expected, haystack  # a set: GIN and @> ignore repeats (0025)
    assert grams_of("张三丰") == ["三丰", "张三"] and grams_of("z") == ["z"] and grams_of("") == []


@pytest.mark.pg
def test_0020_from_0019_on_postgresql(pg_url: str) -> None:
    """0020 adds the gram function and index to a database at 0019 and takes them away."""
    config = migrate.server_config(pg_url)
    command.upgrade(config, "0019")
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT to_regprocedure('qz_grams(text)')")) is None
        command.upgrade(config, "0020")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT qz_grams('张三')")) == ["三", "张", "张三"]
            index = conn.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_person_search_grams'")
            )
            assert "gin" in index and "qz_grams(search_text)" in index
            assert "deleted_at IS NULL" in index
        command.downgrade(config, "0019")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT to_regprocedure('qz_grams(text)')")) is None
            assert not conn.scalar(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_person_search_grams'")
            )
    finally:
        engine.dispose()
