"""Correcting a saved item (更正, issue 12 item 3): fields change, the history keeps old and new."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from alembic import command
from sqlalchemy import select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake import corrections
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate, write_paths
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from tests.helpers.intake_data import FRIDAY, register

LATER = FRIDAY + dt.timedelta(hours=2)


def fix_of(item: ItemDetail, **changes: object) -> ItemFix:
    fix = ItemFix(item.requester_name, item.requester_phone, item.requester_person_id,
                  item.domain, item.grade, item.content)  # fmt: skip
    return dataclasses.replace(fix, **changes)  # type: ignore[arg-type]


def test_a_correction_changes_the_item_and_keeps_who_when_old_and_new(store: Store) -> None:
    number = register(store, FRIDAY)
    before = store.items.item(number)
    after = store.items.correct(
        number, fix_of(before, grade="A", domain="教育", content="  申请助学金  "),
        actor="李秀英", reason="登记时选错了类别", now=LATER,
    )  # fmt: skip
    assert (after.grade, after.domain, after.content) == ("A", "教育", "申请助学金")
    # the number, steps, deadline and promised days stay
    assert (after.number, after.state, after.due_on) == (number, before.state, before.due_on)
    assert after.events == before.events
    [entry] = after.corrections
    assert (entry.at, entry.actor, entry.reason) == (LATER, "李秀英", "登记时选错了类别")
    assert entry.changes == {
        "grade": ("B", "A"), "domain": ("社会保障", "教育"),
        "content": ("咨询城乡居民养老保险补缴", "申请助学金"),
    }  # fmt: skip
    text = corrections.describe(entry)
    assert "等级：B 一般 → A 重大紧急" in text and "原因：登记时选错了类别" in text
    # read back from the file, the lists show the corrected values
    assert store.items.item(number).corrections == [entry]
    row = store.items.rows([after.id])[0]
    assert (row.grade, row.domain) == ("A", "教育")


def test_the_phone_is_checked_and_masked_in_the_history(store: Store) -> None:
    number = register(store, FRIDAY)
    item = store.items.item(number)
    with pytest.raises(ValidationError) as wrong:
        store.items.correct(number, fix_of(item, requester_phone="1381234"), actor="x")
    assert wrong.value.data["field"] == "phone"
    fixed = store.items.correct(number, fix_of(item, requester_phone="139 0000 1111"), actor="x")
    assert fixed.requester_phone == "13900001111"
    text = corrections.describe(fixed.corrections[-1])
    assert "13900001111" not in text and "13812345678" not in text and "联系电话" in text
    assert "13900001111" in corrections.describe(fixed.corrections[-1], reveal=True)


def test_the_requester_can_be_linked_to_the_register(store: Store) -> None:
    household = store.register.save_household(
        Household(number="007", phone="0731-84561234", members=[Person(name="张三丰")])
    )
    person = household.members[0]
    number = register(store, FRIDAY, requester_name="张三风")
    item = store.items.item(number)
    fixed = store.items.correct(
        number,
        fix_of(item, requester_name="张三丰", requester_person_id=person.id, requester_phone=""),
        actor="x",
    )
    assert fixed.requester_person_id == person.id
    assert fixed.requester_phone == "0731-84561234"  # the register's, as at intake
    assert fixed.corrections[-1].changes["requester_person_id"] == (None, person.id)
    with store.db.session() as s:
        row = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
        assert row.requester_household_id == household.id
    store.register.delete_household(household.id or "")
    with pytest.raises(NotFoundError):
        store.items.correct(number, fix_of(fixed, content="又改"), actor="x")


def test_refusals_change_nothing(store: Store) -> None:
    number = register(store, FRIDAY)
    item = store.items.item(number)
    cases = [
        (fix_of(item), "correction.nothing"),
        (fix_of(item, content="   "), "item.content"),
        (fix_of(item, grade="D"), "item.grade"),
        (fix_of(item, domain="不存在的类别"), "item.domain"),
        (fix_of(item, requester_name=""), "item.requester"),
    ]
    for fix, code in cases:
        with pytest.raises(ValidationError) as refused:
            store.items.correct(number, fix, actor="x")
        assert refused.value.code == code, fix
        assert refused.value.message
    with pytest.raises(NotFoundError):
        store.items.correct(number, fix_of(item, requester_person_id="no-such-person"), actor="x")
    with pytest.raises(ValidationError) as long_reason:
        store.items.correct(number, fix_of(item, grade="A"), actor="x", reason="长" * 201)
    assert long_reason.value.code == "correction.reason"
    assert store.items.item(number) == item
    with store.db.session() as s:
        assert not s.scalars(select(m.ItemCorrection)).all()


def test_a_closed_item_can_be_corrected_but_a_void_one_cannot(store: Store) -> None:
    number = register(store, FRIDAY, item_type="即办件", result="当场答复")
    store.items.move(number, State.FOLLOWED_UP, actor="x", data={"satisfaction": "满意"})
    store.items.move(number, State.CLOSED, actor="x")
    item = store.items.item(number)
    assert store.items.correct(number, fix_of(item, grade="C"), actor="x").grade == "C"
    with write_paths.scope("test: a void item"), store.db.writing() as s:
        s.scalars(select(m.IntakeItem)).one().deleted_at = dt.datetime(2026, 11, 21)
    with pytest.raises(ValidationError) as void:
        store.items.correct(number, fix_of(item, grade="A"), actor="x")
    assert void.value.code == "correction.void"


def test_upgrade_from_0006_keeps_items_and_they_can_be_corrected(sqlite_store: Store) -> None:
    store = sqlite_store  # the SQLite file's migrations
    number = register(store, FRIDAY)
    path = database_path(store.home)
    store.db.close()
    command.downgrade(migrate.alembic_config(path), "0006")
    assert migrate.upgrade(path) is not None  # copied first
    db = Database(path)
    try:
        items = SqlItems(db)
        item = items.item(number)
        assert item.corrections == []
        assert items.correct(number, fix_of(item, grade="A"), actor="x").corrections
    finally:
        db.close()


def test_the_township_cannot_correct_a_stations_item(empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    with pytest.raises(ValidationError) as refused:
        empty_store.items.correct(
            "430121101201-2026-00001", ItemFix("甲", "", None, "教育", "B", "x"), actor="乡镇"
        )
    assert refused.value.code == "correction.role"
