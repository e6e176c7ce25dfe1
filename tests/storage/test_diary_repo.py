from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.diary import (
    CheckMark,
    DiaryDuplicate,
    DiaryEntry,
    DiaryInvalid,
    DiaryVisit,
)
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 16, 0)


@pytest.fixture
def village(store: Store) -> tuple[str, str, list[str]]:
    liu = store.register.save_cadre(Cadre(name="刘书记", unit="镇党委"))
    wang = store.register.save_cadre(Cadre(name="王队员", unit="驻村工作队"))
    ids = []
    for n, name in enumerate(("张三丰", "李桂兰", "赵德明")):
        household = store.register.save_household(
            Household(
                number=f"000{n + 1}",
                address=f"白沙村一组 {n + 1} 号",
                members=[Person(name=name + "子", relation="子女"), Person(name=name)],
            )
        )
        ids.append(household.id or "")
    return liu.id or "", wang.id or "", ids


def visit_entry(cadre: str, households: list[str], day: dt.date = TODAY) -> DiaryEntry:
    return DiaryEntry(
        cadre_id=cadre,
        day=day,
        kind="入户走访",
        text="走访结对户。\n\n\n赵家屋顶漏雨。",
        visits=[
            DiaryVisit(
                h, {"look_kitchen": CheckMark(True, "米缸满"), "ask_income": CheckMark(True)}
            )
            for h in households
        ],
    )


def changes(store: Store, table: str) -> list[m.SyncChange]:
    with store.db.session() as s:
        stmt = select(m.SyncChange).where(m.SyncChange.table_name == table)
        return list(s.scalars(stmt.order_by(m.SyncChange.seq)))


def test_save_and_read_back(store: Store, village: tuple[str, str, list[str]]) -> None:
    liu, _wang, ids = village
    saved = store.diary.save_entry(visit_entry(liu, ids[:2]), today=TODAY)
    assert saved.id and saved.cadre_name == "刘书记"
    assert saved.text == "走访结对户。\n\n赵家屋顶漏雨。"
    assert [v.household_number for v in saved.visits] == ["0001", "0002"]
    assert saved.visits[0].head_name == "张三丰"  # the 户主, not the first member
    assert saved.visits[0].checks["look_kitchen"] == CheckMark(True, "米缸满")
    assert store.diary.entry(saved.id).visits[1].done_count() == 2
    assert store.diary.entry_of(liu, TODAY) is not None

    with store.db.session() as s:
        visit = s.scalars(select(m.DiaryVisit)).first()
        assert visit is not None
        assert visit.checklist == {
            "look_kitchen": {"done": True, "note": "米缸满"},
            "ask_income": {"done": True, "note": ""},
        }
    assert [c.op for c in changes(store, "diary_entry")] == ["insert"]
    assert len(changes(store, "diary_visit")) == 2


def test_update_changes_visits_and_records_only_what_changed(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    liu, _wang, ids = village
    saved = store.diary.save_entry(visit_entry(liu, ids[:2]), today=TODAY)
    before = len(changes(store, "diary_visit"))
    assert store.diary.save_entry(saved, today=TODAY).visits == saved.visits
    assert len(changes(store, "diary_visit")) == before  # nothing changed, nothing recorded

    saved.visits[0].checks["leave_contact"] = CheckMark(True, "留了电话")
    saved.visits = [saved.visits[0], DiaryVisit(ids[2])]  # 0002 out, 0003 in
    again = store.diary.save_entry(saved, today=TODAY)
    assert [v.household_number for v in again.visits] == ["0001", "0003"]
    assert again.visits[0].checks["leave_contact"].note == "留了电话"
    ops = sorted(c.op for c in changes(store, "diary_visit")[before:])
    assert ops == ["delete", "insert", "update"]
    update = next(c for c in changes(store, "diary_visit") if c.op == "update")
    assert set(update.fields) == {"checklist"}


def test_second_entry_of_a_day_is_refused_naming_the_first(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    liu, wang, ids = village
    first = store.diary.save_entry(visit_entry(liu, ids[:1]), today=TODAY)
    duty = DiaryEntry(cadre_id=liu, day=TODAY, kind="坐班接待", text="接待来访群众两人。")
    with pytest.raises(DiaryDuplicate) as caught:
        store.diary.save_entry(duty, today=TODAY)
    assert "刘书记" in caught.value.message and "入户走访" in caught.value.message
    assert caught.value.data["existing_id"] == first.id
    duty.cadre_id = wang
    store.diary.save_entry(duty, today=TODAY)  # another cadre may
    store.diary.delete_entry(first.id or "")
    duty.cadre_id, duty.id = liu, None
    store.diary.save_entry(duty, today=TODAY)  # a tombstone frees the day
    with pytest.raises(NotFoundError):
        store.diary.entry(first.id or "")


def test_rules_and_missing_rows(store: Store, village: tuple[str, str, list[str]]) -> None:
    liu, _wang, ids = village
    with pytest.raises(DiaryInvalid):
        store.diary.save_entry(visit_entry(liu, ids, TODAY + dt.timedelta(days=1)), today=TODAY)
    with pytest.raises(NotFoundError):
        store.diary.save_entry(visit_entry("nobody", ids), today=TODAY)
    store.register.delete_household(ids[0])
    with pytest.raises(NotFoundError):
        store.diary.save_entry(visit_entry(liu, ids), today=TODAY)
    assert store.diary.entries() == []


def test_finding_becomes_an_item_linked_both_ways(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    liu, _wang, ids = village
    saved = store.diary.save_entry(visit_entry(liu, ids[:2]), today=TODAY)
    entry_id = saved.id or ""
    item = store.diary.finding_to_item(
        entry_id, ids[1], content="屋顶漏雨，需危房改造", domain="基础设施", grade="B",
        actor="刘书记", now=NOW,
    )  # fmt: skip
    assert item.channel == "走访" and item.requester_name == "李桂兰"
    assert item.diary_entry_id == entry_id
    assert store.items.item(item.number).diary_entry_id == entry_id
    linked = store.diary.items_of_entry(entry_id)
    assert [(i.number, i.household_id) for i in linked] == [(item.number, ids[1])]
    assert store.diary.entry(entry_id).items == linked
    rows = store.diary.entries(liu, month="2026-11")
    assert [(r.households, r.items) for r in rows] == [(2, 1)]
    assert changes(store, "intake_item")[0].fields["diary_entry_id"] == entry_id

    with pytest.raises(NotFoundError):  # not visited in this entry
        store.diary.finding_to_item(
            entry_id, ids[2], content="x", domain="其他", grade="B", actor="刘书记", now=NOW
        )
    with pytest.raises(ValidationError):  # the item's own checks still apply
        store.diary.finding_to_item(
            entry_id, ids[0], content=" ", domain="其他", grade="B", actor="刘书记", now=NOW
        )
    assert len(store.diary.items_of_entry(entry_id)) == 1


def test_register_item_checks_the_diary_link(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    liu, _wang, ids = village
    saved = store.diary.save_entry(visit_entry(liu, ids[:1]), today=TODAY)
    new = NewItem(
        channel="来访", domain="其他", grade="B", item_type="承诺件", content="x",
        requester_name="王大爷", diary_entry_id=saved.id,
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        store.items.register_item(new, actor="a", now=NOW)
    assert caught.value.data["field"] == "channel"
    new.channel, new.diary_entry_id = "走访", "missing"
    with pytest.raises(NotFoundError):
        store.items.register_item(new, actor="a", now=NOW)
    new.diary_entry_id = saved.id
    assert store.items.register_item(new, actor="a", now=NOW).diary_entry_id == saved.id


def test_lists_and_days_by_cadre(store: Store, village: tuple[str, str, list[str]]) -> None:
    liu, wang, ids = village
    kinds = ["入户走访", "集中工作日", "坐班接待", "民情恳谈会", "电话回访", "坐班接待"]
    for n, kind in enumerate(kinds):
        day = dt.date(2026, 11, 2 + n)
        visits = [DiaryVisit(ids[0])] if kind == "入户走访" else []
        store.diary.save_entry(
            DiaryEntry(cadre_id=liu, day=day, kind=kind, text="记事", visits=visits), today=TODAY
        )
    store.diary.save_entry(
        DiaryEntry(cadre_id=wang, day=dt.date(2026, 10, 30), kind="坐班接待", text="值班"),
        today=TODAY,
    )
    store.diary.save_entry(
        DiaryEntry(cadre_id=wang, day=dt.date(2026, 11, 3), kind="电话回访", text="回访"),
        today=TODAY,
    )
    # duty days are days in the village; a phone call is not
    assert store.diary.days_by_cadre("2026-11") == {
        liu: {"village": 5, "duty": 2},
        wang: {"village": 0, "duty": 0},
    }
    assert store.diary.days_by_cadre("2026-10") == {wang: {"village": 1, "duty": 1}}
    november = store.diary.entries(month="2026-11")
    assert [(r.day.day, r.cadre_name) for r in november][:3] == [
        (2, "刘书记"), (3, "刘书记"), (3, "王队员"),
    ]  # fmt: skip
    assert len(store.diary.entries(wang)) == 2
    assert len(store.diary.entries(start=dt.date(2026, 11, 5))) == 3
    assert [e.day.day for e in store.diary.month_entries(liu, "2026-11")] == [2, 3, 4, 5, 6, 7]


def test_a_deleted_entry_comes_back_without_visits_to_households_deleted_since(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    """撤销删除 (Ctrl+Z): the entry and its visits, unless a visited household left meanwhile."""
    liu, _wang, ids = village
    entry = store.diary.save_entry(
        DiaryEntry(cadre_id=liu, day=TODAY, kind="入户走访", text="走访",
                   visits=[DiaryVisit(household_id=h) for h in ids[:2]])
    )  # fmt: skip
    store.diary.delete_entry(entry.id or "")
    store.register.delete_household(ids[1])
    store.diary.restore_entry(entry.id or "")
    back = store.diary.entry(entry.id or "")
    assert [v.household_id for v in back.visits] == [ids[0]]
    with pytest.raises(NotFoundError):
        store.diary.restore_entry(entry.id or "")  # live already
    store.diary.delete_entry(entry.id or "")
    store.diary.save_entry(DiaryEntry(cadre_id=liu, day=TODAY, kind="坐班接待", text="另写"))
    with pytest.raises(DuplicateError) as taken:
        store.diary.restore_entry(entry.id or "")
    assert "刘书记" in taken.value.message


def test_a_phone_call_with_a_place_in_the_village_is_a_day_there(
    store: Store, village: tuple[str, str, list[str]]
) -> None:
    _liu, wang, _ids = village
    saved = store.diary.save_entry(
        DiaryEntry(
            cadre_id=wang, day=dt.date(2026, 11, 4), kind="电话回访", text="在村委会打的电话",
            place="  白沙村村委会 ",
        ),
        today=TODAY,
    )  # fmt: skip
    assert store.diary.entry(saved.id or "").place == "白沙村村委会"
    assert store.diary.days_by_cadre("2026-11") == {wang: {"village": 1, "duty": 0}}
