"""The work lists read a page at a time (issue 19): the same rows in the same order as before.

A small store whose items tie on every column somewhere (the same minute, domain, grade,
handler, a missing deadline), read in windows of 3 for every order of ``ITEM_SORTS`` both
ways and the two orders of receipt, under several filters: the windows put together are
the whole ordered list, that list is the order a plain Python sort gives, and the count is
its length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.sorting import Sort, natural_key
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.item_order import ITEM_SORTS
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.write_paths import scope
from tests.helpers.intake_data import new_item

MONDAY = dt.datetime(2026, 3, 2, 9, 0)
TODAY = dt.date(2026, 4, 20)
DOMAINS = ["社会保障", "基础设施", "矛盾纠纷"]
NAMES = ["王大爷", "李四", "张三", "李四", "赵六"]
WINDOW = 3
FILTERS = {
    "all": ItemFilter(),
    "oldest first": ItemFilter(newest_first=False),
    "open": ItemFilter(states=tuple(CLOCK_RUNNING)),
    "overdue": ItemFilter(overdue=True),
    "domain": ItemFilter(domain="基础设施"),
    "text": ItemFilter(text="路灯"),
    "nothing": ItemFilter(handler="无此人"),
}


def fill(store: Store, *, odd: bool = True) -> list[str]:
    """23 items: pairs received in the same minute, every domain, grade and state.

    ``odd``: one number of another shape ("…-123": 编号 sorts by ``natural_key``), else
    numbers of the program's shape past 99,999 (0024's index on SQLite).
    """
    numbers = []
    for i in range(23):
        when = MONDAY + dt.timedelta(days=i // 2)  # pairs received in the same minute
        kind = "即办件" if i % 7 == 3 else "承诺件"
        item = store.items.register_item(
            new_item(
                domain=DOMAINS[i % 3],
                grade="ABC"[i % 3 if i % 4 else 1],
                item_type=kind,
                result="当场答复" if kind == "即办件" else "",
                content="路灯不亮" if i % 5 == 0 else f"诉求 {i}",
                requester_name=NAMES[i % len(NAMES)],
                handler=["李秀英", "王芳", ""][i % 3] or None,
            ),
            actor="李秀英",
            now=when,
        )
        numbers.append(item.number)
        if i % 6 == 1:
            store.items.move(item.number, State.IN_PROGRESS, actor="李秀英", now=when)
    with scope("test setup: numbers out of natural order, deadlines tie"), store.db.writing() as s:

        def row(number: str) -> m.IntakeItem:
            return s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()

        # a number of another width, so that 编号's natural order differs from its text
        prefix = numbers[4].rsplit("-", 1)[0]
        if odd:
            row(numbers[4]).number = prefix + "-123"
        else:  # the 100,000th item of a year after the 99,999th
            row(numbers[4]).number = prefix + "-100000"
            row(numbers[5]).number = prefix + "-99999"
        row(numbers[8]).due_on = row(numbers[9]).due_on
    return numbers


@pytest.fixture(params=["odd", "program"])
def filled(store: Store, request: pytest.FixtureRequest) -> Store:
    fill(store, odd=request.param == "odd")
    return store


def paged(store: Store, f: ItemFilter, sort: Sort | None) -> list[str]:
    """Every id, read a window at a time as the work list reads them."""
    found: list[str] = []
    while True:
        window = store.items.page_ids(f, offset=len(found), limit=WINDOW, today=TODAY, sort=sort)
        found += window
        if len(window) < WINDOW:
            return found


def expected(rows: list[ItemRow], f: ItemFilter, sort: Sort | None) -> list[str]:
    """The order the list must have, by a plain Python sort of the rows."""
    if sort is None:
        by_number = sorted(rows, key=lambda r: r.number, reverse=True)
        return [
            r.id for r in sorted(by_number, key=lambda r: r.received_at, reverse=f.newest_first)
        ]
    values: dict[str, Callable[[ItemRow], Any]] = {
        "number": lambda r: natural_key(r.number),
        "received": lambda r: r.received_at,
        "requester": lambda r: r.requester_name,
        "domain": lambda r: r.domain,
        "grade": lambda r: r.grade,
        "type": lambda r: r.item_type,
        "state": lambda r: r.state.value,
        "due": lambda r: r.due_on or dt.date.min,
        "overdue": lambda r: r.due_on or dt.date.min,
    }
    value = values.get(sort.key, lambda r: getattr(r, sort.key))
    down = sort.descending != (sort.key == "overdue")
    ordered = sorted(rows, key=lambda r: (value(r), r.number), reverse=down)
    if sort.key in ("due", "overdue"):  # no deadline: last either way
        ordered.sort(key=lambda r: r.due_on is None)
    return [r.id for r in ordered]


SORTS = [None] + [Sort(key, descending=down) for key in ITEM_SORTS for down in (False, True)]


def test_pages_are_the_whole_list_in_order_for_every_sort_and_filter(filled: Store) -> None:
    items = filled.items
    everything = items.rows(items.search_ids(ItemFilter(), today=TODAY), today=TODAY)
    assert len(everything) == 23
    assert len({r.received_at for r in everything}) < 23  # ties that the number breaks
    checked = 0
    for name, f in FILTERS.items():
        whole = items.search_ids(f, today=TODAY)
        assert items.count(f, today=TODAY) == len(whole), name
        chosen = items.rows(whole, today=TODAY)
        for sort in SORTS:
            label = f"{name} / {sort}"
            ordered = items.search_ids(f, today=TODAY, sort=sort)
            assert sorted(ordered) == sorted(whole), label
            assert paged(filled, f, sort) == ordered, label
            assert ordered == expected(chosen, f, sort), label
            checked += 1
    assert checked == len(FILTERS) * (1 + 2 * len(ITEM_SORTS))
    numbers = [r.number for r in everything]
    assert any(n.endswith("-123") for n in numbers) != any(n.endswith("-100000") for n in numbers)
    assert items.count(FILTERS["overdue"], today=TODAY) > 0
    assert items.count(FILTERS["nothing"], today=TODAY) == 0


def test_a_window_past_the_end_or_of_nothing_is_empty(filled: Store) -> None:
    items = filled.items
    total = items.count(ItemFilter(), today=TODAY)
    assert items.page_ids(ItemFilter(), offset=total, limit=10, today=TODAY) == []
    assert items.page_ids(ItemFilter(), offset=0, limit=0, today=TODAY) == []
    last = items.page_ids(ItemFilter(), offset=total - 2, limit=10, today=TODAY)
    assert last == items.search_ids(ItemFilter(), today=TODAY)[-2:]
    assert items.rows([], today=TODAY) == []
    assert items.rows(["no such id", last[0]], today=TODAY)[0].id == last[0]


@pytest.mark.parametrize(("offset", "limit"), [(-1, 10), (0, -5)])
def test_negative_windows_are_refused(store: Store, offset: int, limit: int) -> None:
    with pytest.raises(ValueError):
        store.items.page_ids(ItemFilter(), offset=offset, limit=limit, today=TODAY)


ITEM_ROW = (
    "INSERT INTO intake_item (id, number, year, sequence, received_at, channel,"
    " requester_name, requester_phone, domain, grade, item_type, content, handler,"
    " promised_days, query_code, state, agency_mode, agency_auth_kind, agency_agent,"
    " agency_office, at_home, competent_unit, paired_unit, petition, petition_form,"
    " petition_reach, created_at, updated_at) VALUES (:id, :number, 2026, :seq, :now, '来访',"
    " '张三', '', '社会保障', 'B', '承诺件', '申请低保', '', 5, :code, 'registered', '', '', '',"
    " '', false, '', '', '', '', '', :now, :now)"
)


@pytest.mark.pg
def test_0021_gives_the_number_order_an_index_on_the_server(pg_url: str) -> None:
    """From 0020 with items: the 编号 order's first page walks the index both ways; then
    0023's orders (:func:`_check_0023`) on the same database."""
    from alembic import command
    from sqlalchemy import create_engine, text
    from sqlalchemy.dialects import postgresql

    from qunzhong_desktop.storage import migrate
    from qunzhong_desktop.storage.item_order import SERVER_INDEXES, item_order

    config = migrate.server_config(pg_url)
    command.upgrade(config, "0020")
    engine = create_engine(pg_url)
    suffixes = ["00010", "9", "00002", "123", "0100"]  # text order ≠ natural order
    indexes = text("SELECT indexname FROM pg_indexes WHERE tablename = 'intake_item'")
    try:
        with engine.begin() as conn:
            for i, suffix in enumerate(suffixes):
                conn.execute(
                    text(ITEM_ROW),
                    {
                        "id": f"i{i}",
                        "number": f"430121101201-2026-{suffix}",
                        "seq": i + 1,
                        "now": MONDAY,
                        "code": f"CODE{i:04d}",
                    },
                )
        command.upgrade(config, "0021")
        with engine.connect() as conn:
            assert SERVER_INDEXES[0] in set(conn.execute(indexes).scalars())
            conn.exec_driver_sql("SET enable_seqscan = off")  # the index if it can serve
            conn.exec_driver_sql("SET enable_sort = off")
            for down in (False, True):
                stmt = (
                    select(m.IntakeItem.number)
                    .order_by(*item_order(Sort("number", descending=down)))
                    .limit(3)
                )
                sql = str(
                    stmt.compile(
                        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
                    )
                )
                plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
                assert SERVER_INDEXES[0] in plan and "Sort" not in plan, plan
                found = [n.rsplit("-", 1)[1] for n in conn.execute(stmt).scalars()]
                natural = sorted(suffixes, key=natural_key, reverse=down)
                assert found == natural[:3]  # the rows' natural order, not their text's
        command.downgrade(config, "0020")
        with engine.begin() as conn:
            assert SERVER_INDEXES[0] not in set(conn.execute(indexes).scalars())
            assert conn.execute(text("SELECT count(*) FROM intake_item")).scalar() == 5
            conn.execute(text("DELETE FROM intake_item"))
        command.upgrade(config, "0022")  # and 0023 on the same database
        _check_0023(config, engine, server=True)
    finally:
        engine.dispose()


#: 0023's index of each order (going up; going down the same walked backwards, but for the
#: deadlines' mixed directions)
ORDER_INDEX = {
    "requester": "ix_intake_item_requester_number",
    "type": "ix_intake_item_type_number",
    "domain": "ix_intake_item_domain_number",
    "grade": "ix_intake_item_grade_number",
    "state": "ix_intake_item_state_number",
    "handler": "ix_intake_item_handler_number",
    "due": "ix_intake_item_due_order",
    "overdue": "ix_intake_item_due_order",
}
#: the one-column indexes 0023 replaces
REPLACED = ("ix_intake_item_domain", "ix_intake_item_grade", "ix_intake_item_handler")


def _sort_rows() -> list[dict[str, Any]]:
    """Seven items tying on every column somewhere, two without a deadline."""
    rows = []
    for i in range(7):
        rows.append({
            "id": f"i{i}", "number": f"430121101201-2026-{7 - i:06d}", "year": 2026,
            "sequence": i + 1, "received_at": MONDAY, "channel": "来访",
            "requester_name": NAMES[i % 5], "requester_phone": "", "domain": DOMAINS[i % 3],
            "grade": "AB"[i % 2], "item_type": ["承诺件", "即办件"][i % 2], "content": "诉求",
            "handler": ["李秀英", "王芳", ""][i % 3], "promised_days": 5,
            "query_code": f"C{i:05d}", "state": ["registered", "in_progress", "closed"][i % 3],
            "due_on": None if i % 3 == 2 else TODAY + dt.timedelta(days=i % 4),
            "created_at": MONDAY, "updated_at": MONDAY,
        })  # fmt: skip
    return rows


def _in_order(rows: list[dict[str, Any]], sort: Sort) -> list[str]:
    column = {
        "requester": "requester_name",
        "type": "item_type",
        "due": "due_on",
        "overdue": "due_on",
    }
    key = column.get(sort.key, sort.key)
    down = sort.descending != (sort.key == "overdue")
    missing = dt.date.min if key == "due_on" else ""

    def value(r: dict[str, Any]) -> Any:
        return r[key] if r[key] is not None else missing

    ordered = sorted(rows, key=lambda r: (value(r), r["number"]), reverse=down)
    ordered.sort(key=lambda r: key == "due_on" and r["due_on"] is None)
    return [r["number"] for r in ordered]


def _check_0023(config: Any, db: Any, server: bool) -> None:
    """From 0022 with items: each order's first page is an index walk, both ways, no sort;
    back to 0022, 0002's indexes again and the rows kept."""
    from alembic import command
    from sqlalchemy import insert, text

    from qunzhong_desktop.storage.item_order import ORDER_INDEXES, item_order

    if server:
        indexes = "SELECT indexname FROM pg_indexes WHERE tablename = 'intake_item'"
        explain = "EXPLAIN "
    else:
        indexes = "SELECT name FROM sqlite_master WHERE type = 'index'"
        explain = "EXPLAIN QUERY PLAN "
    rows = _sort_rows()
    with db.begin() as conn:
        conn.execute(insert(m.IntakeItem.__table__), rows)
    command.upgrade(config, "0023")
    with db.connect() as conn:
        names = set(conn.execute(text(indexes)).scalars())
        assert set(ORDER_INDEX.values()) | set(ORDER_INDEXES) <= names
        assert not names & set(REPLACED)
        if server:  # the index whenever it can serve
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_sort = off")
        for key, index in ORDER_INDEX.items():
            for down in (False, True):
                sort = Sort(key, descending=down)
                stmt = select(m.IntakeItem.number).order_by(*item_order(sort)).limit(3)
                sql = str(stmt.compile(db, compile_kwargs={"literal_binds": True}))
                plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(explain + sql))
                mixed = key in ("due", "overdue") and down != (key == "overdue")
                walked = ORDER_INDEXES[1] if mixed else index  # mixed directions: its own
                assert walked in plan, (sort, plan)
                assert "TEMP B-TREE" not in plan and "Sort" not in plan, (sort, plan)
                assert list(conn.execute(stmt).scalars()) == _in_order(rows, sort)[:3]
    command.downgrade(config, "0022")
    with db.connect() as conn:
        names = set(conn.execute(text(indexes)).scalars())
        assert not names & (set(ORDER_INDEX.values()) | set(ORDER_INDEXES))
        assert set(REPLACED) <= names
        assert conn.execute(text("SELECT count(*) FROM intake_item")).scalar() == 7


def test_0023_walks_an_index_for_every_order(tmp_path: Any) -> None:
    """On SQLite (on a server: with 0021's test, one migrated database for both)."""
    from alembic import command
    from sqlalchemy import create_engine

    from qunzhong_desktop.storage import migrate

    config = migrate.alembic_config(tmp_path / "q.sqlite3")
    command.upgrade(config, "0022")
    db = create_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    try:
        _check_0023(config, db, server=False)
    finally:
        db.dispose()


def _migration_0024() -> Any:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[2] / "migrations/versions/0024_sqlite_number_order.py"
    spec = importlib.util.spec_from_file_location("migration_0024", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_0024s_shape_is_the_natural_order_and_the_lists_probe_is_its_index() -> None:
    """For every number 0024 does not call odd, ``(substr 18, length, number)`` is exactly
    ``natural_key``'s order; numbers near the shape (a leading 0 past five digits, 13
    digits, letters, a short code) are odd. The list's condition is the migration's."""
    import random
    import sqlite3

    from qunzhong_desktop.storage.item_order import ODD_NUMBER

    migration = _migration_0024()
    assert migration.ODD_NUMBER == ODD_NUMBER  # word for word, or SQLite skips the index
    rng = random.Random(24)
    numbers = {f"430121101{rng.randrange(1000):03d}-{rng.choice([2025, 2026])}-{seq}"
               for seq in ("00001", "00009", "00010", "99999", "100000", "123456",
                           "999999999999", "000001", "0999999", "1000000000000", "12a45",
                           "1234", "")}  # fmt: skip
    numbers |= {f"43012110{rng.randrange(10000):04d}-2026-{rng.randrange(10**7):05d}"
                for _ in range(300)}  # fmt: skip
    numbers |= {"4301211012-2026-00001", "430121101201-26-00001", "430121101201-2026-0000１",
                "A30121101201-2026-00001", "430121101201—2026-00001", "１-2", "", "十组"}  # fmt: skip
    conn = sqlite3.connect(":memory:")
    conn.create_function("natural_key", 1, natural_key, deterministic=True)
    conn.execute("CREATE TABLE intake_item (number TEXT)")
    conn.executemany("INSERT INTO intake_item VALUES (?)", [(n,) for n in numbers])
    conn.execute(f"CREATE INDEX {migration.ODD_INDEX} ON intake_item (number) WHERE {ODD_NUMBER}")
    odd = {r[0] for r in conn.execute(f"SELECT number FROM intake_item WHERE {ODD_NUMBER}")}
    assert odd == {n for n in numbers if not n.split("-")[-1].isascii() or not _shaped(n)}
    shaped = numbers - odd
    assert len(shaped) > 300
    got = [r[0] for r in conn.execute(
        "SELECT number FROM intake_item WHERE NOT " + ODD_NUMBER
        + f" ORDER BY {migration.ORDER_TERMS}"
    )]  # fmt: skip
    assert got == sorted(shaped, key=lambda n: (natural_key(n), n))
    plan = " ".join(
        str(r[-1])
        for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT 1 FROM intake_item WHERE {ODD_NUMBER}")
    )
    assert migration.ODD_INDEX in plan, plan


def _shaped(number: str) -> bool:
    """The program's shape, spelled in Python (the test's own reading of 0024)."""
    parts = number.split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return False
    code, year, seq = parts
    return (
        len(code) == 12
        and len(year) == 4
        and 5 <= len(seq) <= 12
        and (len(seq) == 5 or seq[0] != "0")
    )


def test_0024_walks_an_index_for_the_number_order_on_sqlite(tmp_path: Any) -> None:
    """From 0023 with items of the program's shape: the 编号 page is an index walk both ways
    in natural order; one odd number and the list sorts by ``natural_key`` again (still
    natural); back to 0023, the indexes gone and the rows kept."""
    from alembic import command
    from sqlalchemy import create_engine, event, text
    from sqlalchemy.orm import Session

    from qunzhong_desktop.storage import migrate
    from qunzhong_desktop.storage.item_order import SQLITE_INDEXES, item_order, plain_numbers

    migration = _migration_0024()
    assert (migration.ORDER_INDEX, migration.ODD_INDEX) == SQLITE_INDEXES
    config = migrate.alembic_config(tmp_path / "q.sqlite3")
    command.upgrade(config, "0023")
    db = create_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    event.listen(  # as the store registers it on each connection
        db, "connect", lambda c, _r: c.create_function("natural_key", 1, natural_key)
    )
    suffixes = ["00010", "100000", "00002", "99999", "123456", "00100"]  # text ≠ natural
    indexes = text("SELECT name FROM sqlite_master WHERE type = 'index'")
    try:
        with db.begin() as conn:
            for i, suffix in enumerate(suffixes):
                number = f"43012110120{i % 2}-2026-{suffix}"
                conn.execute(
                    text(ITEM_ROW), {"id": f"i{i}", "number": number, "seq": i + 1,
                                     "now": MONDAY, "code": f"CODE{i:04d}"}
                )  # fmt: skip
        command.upgrade(config, "0024")
        with db.connect() as conn:
            assert set(SQLITE_INDEXES) <= set(conn.execute(indexes).scalars())
            numbers = list(conn.execute(text("SELECT number FROM intake_item")).scalars())
        for odd in (False, True):
            with Session(db) as s:
                if odd:
                    s.execute(text("UPDATE intake_item SET number = number || 'x' WHERE id='i0'"))
                    s.commit()
                    numbers = [n + "x" if n.endswith("-00010") else n for n in numbers]
                plain = plain_numbers(s, Sort("number"))
                assert plain is not odd
                assert not plain_numbers(s, Sort("received"))
                for down in (False, True):
                    stmt = (
                        select(m.IntakeItem.number)
                        .order_by(*item_order(Sort("number", descending=down), plain=plain))
                        .limit(4)
                    )
                    sql = str(stmt.compile(db, compile_kwargs={"literal_binds": True}))
                    plan = " ".join(
                        str(r[-1]) for r in s.execute(text("EXPLAIN QUERY PLAN " + sql))
                    )
                    if plain:
                        assert SQLITE_INDEXES[0] in plan and "TEMP B-TREE" not in plan, plan
                    else:
                        assert "TEMP B-TREE" in plan, plan
                    natural = sorted(numbers, key=natural_key, reverse=down)
                    assert list(s.scalars(stmt)) == natural[:4], (odd, down)
        command.downgrade(config, "0023")
        with db.connect() as conn:
            assert not set(SQLITE_INDEXES) & set(conn.execute(indexes).scalars())
            assert conn.execute(text("SELECT count(*) FROM intake_item")).scalar() == 6
    finally:
        db.dispose()
