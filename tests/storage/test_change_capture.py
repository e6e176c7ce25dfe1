import pytest
from sqlalchemy import select, text

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.hlc import Hlc
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import HardDeleteRefused
from qunzhong_desktop.storage.store import Store

pytestmark = pytest.mark.usefixtures("direct_writes")


def _changes(store: Store) -> list[m.SyncChange]:
    with store.db.session() as s:
        return list(s.scalars(select(m.SyncChange).order_by(m.SyncChange.seq)))


def test_setup_recorded_the_station(store: Store) -> None:
    changes = _changes(store)
    assert [(c.table_name, c.op) for c in changes] == [("station", "insert")]
    assert changes[0].fields["code"] == "430121101201"


def test_insert_update_and_tombstone_are_captured_with_increasing_hlc(store: Store) -> None:
    saved = store.register.save_household(
        Household(number="001", members=[Person(name="张三丰", id_number="11010519491231002X")])
    )
    person = saved.members[0]
    assert person.id is not None and len(person.id) == 36 and person.id[14] == "7"  # UUIDv7
    inserted = _changes(store)[1:]
    assert {(c.table_name, c.op) for c in inserted} == {
        ("household", "insert"),
        ("person", "insert"),
    }
    person_insert = next(c for c in inserted if c.table_name == "person")
    assert person_insert.fields["gender"] == "女"
    assert person_insert.fields["tags"] == []  # defaults are recorded as stored
    assert person_insert.user == "测试员"
    # the search text travels, so the township need not run pypinyin for every resident
    assert person_insert.fields["search_text"]

    saved.members[0].phone = "13812345678"
    store.register.save_household(saved)
    update = _changes(store)[-1]
    assert (update.table_name, update.op) == ("person", "update")
    assert update.fields["phone"] == "13812345678"
    # the phone is in the search text too, so it changed with it; nothing else did
    assert set(update.fields) == {"phone", "search_text"}

    store.register.delete_household(saved.id or "")
    ops = [(c.table_name, c.op) for c in _changes(store)[-2:]]
    assert sorted(ops) == [("household", "delete"), ("person", "delete")]

    stamps = [Hlc.decode(c.hlc) for c in _changes(store)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_saving_unchanged_household_records_nothing(store: Store) -> None:
    saved = store.register.save_household(Household(number="002", members=[Person(name="李四")]))
    before = len(_changes(store))
    store.register.save_household(saved)
    assert len(_changes(store)) == before


def test_hard_delete_is_refused_and_rolls_back(store: Store) -> None:
    store.register.save_household(Household(number="003", members=[Person(name="王五")]))
    with pytest.raises(HardDeleteRefused), store.db.session() as s:
        s.delete(s.scalars(select(m.Person)).one())
    assert store.register.search_households("王五")


def test_failed_transaction_leaves_no_change_rows(store: Store) -> None:
    before = len(_changes(store))
    with pytest.raises(RuntimeError), store.db.session() as s:
        s.add(m.Grid(name="一组"))
        s.flush()
        raise RuntimeError("power cut")
    assert len(_changes(store)) == before


def test_bulk_insert_and_update_by_id_are_captured(store: Store) -> None:
    from sqlalchemy import insert, update

    from qunzhong_desktop.core.ids import new_id

    hid = new_id()
    with store.db.session() as s:
        s.add(m.Household(id=hid, number="B-1"))
        rows = [{"household_id": hid, "name": f"成员{i}"} for i in range(3)]
        s.execute(insert(m.Person), rows)
    before = _changes(store)
    inserted = [c for c in before if c.table_name == "person"]
    assert [c.op for c in inserted] == ["insert"] * 3
    assert inserted[0].fields["relation"] == "户主" and inserted[0].fields["tags"] == []
    with store.db.session() as s:
        stored = {p.id: p for p in s.scalars(select(m.Person))}
    assert {c.row_id for c in inserted} == set(stored)  # the outbox names the rows written
    assert all(p.relation == "户主" for p in stored.values())  # defaults reached the table

    target = inserted[0].row_id
    with store.db.session() as s:
        s.execute(update(m.Person), [{"id": target, "phone": "13812345678"}])
    last = _changes(store)[-1]
    assert (last.op, last.row_id, last.fields) == ("update", target, {"phone": "13812345678"})


def test_bulk_statements_without_row_ids_are_refused(store: Store) -> None:
    from sqlalchemy import delete, update

    from qunzhong_desktop.core.errors import DomainError

    store.register.save_household(Household(number="001", members=[Person(name="甲")]))
    count = len(_changes(store))
    with pytest.raises(DomainError), store.db.session() as s:
        s.execute(update(m.Person).where(m.Person.name == "甲").values(phone="13812345678"))
    with pytest.raises(HardDeleteRefused), store.db.session() as s:
        s.execute(delete(m.Person))
    assert len(_changes(store)) == count
    with store.db.session() as s:
        assert s.scalars(select(m.Person.phone)).one() == ""


def _parents_first(changes: list[m.SyncChange]) -> None:
    """Every insert's references point at rows inserted earlier in the outbox."""
    from qunzhong_desktop.sync import schema

    seen: set[str] = set()
    for change in changes:
        if change.op == "insert":
            for column in schema.references(change.table_name):
                parent = change.fields.get(column)
                assert parent is None or parent in seen, (change.seq, change.table_name, column)
        seen.add(change.row_id)


def test_bulk_insert_follows_the_pending_parents_it_refers_to(store: Store) -> None:
    from sqlalchemy import insert

    with store.db.session() as s:
        grid = m.Grid(name="一组")
        household = m.Household(number="B-2", grid=grid)
        s.add(household)
        s.execute(insert(m.Person), [{"household_id": household.id, "name": "成员"}])
    changes = _changes(store)
    assert [c.table_name for c in changes[1:]] == ["grid", "household", "person"]
    _parents_first(changes)


def test_roster_import_outbox_is_in_dependency_order(store: Store) -> None:
    from pathlib import Path

    from qunzhong_desktop.storage.roster_import import import_roster

    for name in ("roster_messy.xlsx", "roster_messy.ods", "roster_messy.xls"):
        import_roster(store.db, Path(__file__).parents[1] / "data" / name)
    changes = _changes(store)
    assert {"grid", "household", "person"} <= {c.table_name for c in changes}
    _parents_first(changes)


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.execute(text("UPDATE household SET phone = '13800000000'")),
        lambda s: s.connection().exec_driver_sql("UPDATE person SET phone = ''"),
        lambda s: s.connection().exec_driver_sql(
            "INSERT INTO grid (id, name, leader_name, leader_phone, created_at, updated_at)"
            " VALUES ('x', '二组', '', '', '2026-01-01', '2026-01-01')"
        ),
        lambda s: s.execute(m.Grid.__table__.delete()),
        lambda s: s.connection().execute(m.Cadre.__table__.update().values(phone="13800000000")),
    ],
)
def test_raw_and_core_writes_to_synced_tables_are_refused(store: Store, write) -> None:  # type: ignore[no-untyped-def]
    from qunzhong_desktop.storage.changes import UncapturedWrite

    store.register.save_household(Household(number="001", members=[Person(name="甲")]))
    count = len(_changes(store))
    with pytest.raises(UncapturedWrite) as caught, store.db.session() as s:
        write(s)
    assert "绕过了变更记录" in caught.value.message
    assert len(_changes(store)) == count
    with store.db.session() as s:  # settings and other local tables stay writable
        s.execute(text("INSERT INTO setting (key, value) VALUES ('k', 'v')"))


def test_the_sync_importer_may_write_rows_from_a_peer(store: Store) -> None:
    from qunzhong_desktop.storage.changes import REMOTE

    with store.db.writing() as s:
        s.info[REMOTE] = True
        s.connection().exec_driver_sql("UPDATE station SET phone = '0731-1'")
    with store.db.session() as s:
        assert s.scalars(select(m.Station.phone)).one() == "0731-1"
    assert len(_changes(store)) == 1  # not captured: a peer's change does not go back out
