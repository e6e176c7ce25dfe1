import pytest
from sqlalchemy import select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.hlc import Hlc
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import HardDeleteRefused
from qunzhong_desktop.storage.store import Store


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
