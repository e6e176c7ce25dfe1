import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.clock import Urgency
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.rules import MoveRefused
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

MONDAY = dt.datetime(2026, 11, 16, 9, 30)


def _new(**kw: object) -> NewItem:
    values: dict[str, object] = dict(
        channel="来访", domain="社会保障", grade="B", item_type="承诺件",
        content="咨询城乡居民养老保险补缴", requester_name="王大爷", requester_phone="13812345678",
    )  # fmt: skip
    values.update(kw)
    return NewItem(**values)  # type: ignore[arg-type]


def test_numbers_are_sequential_per_year_and_due_in_working_days(store: Store) -> None:
    first = store.items.register_item(_new(), actor="李秀英", now=MONDAY)
    second = store.items.register_item(_new(), actor="李秀英", now=MONDAY)
    assert first.number == "430121101201-2026-00001"
    assert second.number == "430121101201-2026-00002"
    assert first.state is State.REGISTERED
    assert first.due_on == dt.date(2026, 11, 23)  # 5 working days after Monday 16th
    assert len(first.query_code) == 6 and first.handler == "李秀英"
    next_year = store.items.register_item(_new(), actor="x", now=dt.datetime(2027, 1, 4, 9))
    assert next_year.number.endswith("-2027-00001")


def test_failed_save_leaves_no_gap(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from qunzhong_desktop.storage import items_repo

    store.items.register_item(_new(), actor="x", now=MONDAY)

    def broken() -> str:
        raise OSError("disk full")

    monkeypatch.setattr(items_repo, "new_query_code", broken)
    with pytest.raises(OSError):
        store.items.register_item(_new(), actor="x", now=MONDAY)
    monkeypatch.undo()
    assert store.items.register_item(_new(), actor="x", now=MONDAY).number.endswith("-00002")


def test_item_types_make_their_first_move(store: Store) -> None:
    immediate = store.items.register_item(
        _new(item_type="即办件", result="当场答复补缴政策"), actor="x", now=MONDAY
    )
    assert [e.to_state for e in immediate.events] == [State.REGISTERED, State.RESOLVED]
    with pytest.raises(MoveRefused):
        store.items.register_item(_new(item_type="即办件"), actor="x", now=MONDAY)
    docs = store.items.register_item(_new(item_type="补办件"), actor="x", now=MONDAY)
    assert docs.state is State.AWAITING_DOCUMENTS and docs.urgency is Urgency.PAUSED
    up = store.items.register_item(_new(item_type="上报件"), actor="x", now=MONDAY)
    assert up.state is State.ESCALATED


def test_paused_clock_extends_the_deadline(store: Store) -> None:
    item = store.items.register_item(_new(item_type="补办件"), actor="x", now=MONDAY)
    # documents arrive the next Monday: five working days of waiting are added
    resumed = store.items.move(
        item.number,
        State.IN_PROGRESS,
        actor="x",
        note="材料已补齐",
        now=MONDAY + dt.timedelta(days=7),
    )
    assert resumed.due_on == dt.date(2026, 11, 30)


def test_full_path_to_closing_with_history(store: Store) -> None:
    n = store.items.register_item(_new(), actor="x", now=MONDAY).number
    store.items.move(n, State.IN_PROGRESS, actor="x", now=MONDAY)
    with pytest.raises(MoveRefused):
        store.items.move(n, State.CLOSED, actor="x", now=MONDAY)  # no follow-up yet
    store.items.move(n, State.RESOLVED, actor="x", data={"result": "已办理补缴"}, now=MONDAY)
    with pytest.raises(MoveRefused):
        store.items.move(n, State.FOLLOWED_UP, actor="x", data={"way": "电话"}, now=MONDAY)
    store.items.move(n, State.FOLLOWED_UP, actor="x", data={"way": "电话", "satisfaction": "满意"})
    with pytest.raises(MoveRefused):
        store.items.move(n, State.IN_PROGRESS, actor="x")  # only 不满意 reopens
    closed = store.items.move(n, State.CLOSED, actor="x")
    assert closed.state is State.CLOSED and closed.urgency is Urgency.DONE
    assert [e.to_state for e in closed.events][-1] is State.CLOSED
    assert [e.from_state for e in closed.events][1:] == [e.to_state for e in closed.events][:-1]
    with store.db.session() as s:
        outbox = s.scalars(select(m.SyncChange.table_name).where(m.SyncChange.op == "insert")).all()
    assert outbox.count("item_event") == 5


def test_rejection_needs_a_reason(store: Store) -> None:
    n = store.items.register_item(_new(), actor="x", now=MONDAY).number
    with pytest.raises(MoveRefused) as info:
        store.items.move(n, State.REJECTED, actor="x")
    assert "原因" in info.value.message
    assert (
        store.items.move(n, State.REJECTED, actor="x", note="不属于受理范围").state
        is State.REJECTED
    )


def test_requester_from_the_register_and_form_checks(store: Store) -> None:
    saved = store.register.save_household(
        Household(number="001", members=[Person(name="张三丰", phone="13900000000")])
    )
    person_id = saved.members[0].id
    item = store.items.register_item(
        _new(requester_name="", requester_phone="", requester_person_id=person_id),
        actor="x",
        now=MONDAY,
    )
    assert (item.requester_name, item.requester_phone) == ("张三丰", "13900000000")
    with pytest.raises(ValidationError) as info:
        store.items.register_item(_new(content="  "), actor="x", now=MONDAY)
    assert info.value.data["field"] == "content"


def test_work_lists_overdue_and_due_soon(store: Store) -> None:
    old = store.items.register_item(_new(), actor="x", now=MONDAY).number
    fresh = store.items.register_item(_new(), actor="y", now=dt.datetime(2026, 11, 20, 9))
    today = dt.date(2026, 11, 24)
    overdue = store.items.search_ids(ItemFilter(overdue=True), today=today)
    assert [r.number for r in store.items.rows(overdue, today=today)] == [old]
    assert store.items.rows(overdue, today=today)[0].urgency is Urgency.OVERDUE
    mine = store.items.search_ids(ItemFilter(handler="y"), today=today)
    assert store.items.rows(mine, today=today)[0].number == fresh.number
    soon = store.items.search_ids(ItemFilter(due_soon=True), today=dt.date(2026, 11, 26))
    assert store.items.rows(soon)[0].number == fresh.number  # due Friday 27th
    counts = store.items.counts(today=today)
    assert counts["overdue"] == 1 and counts["open"] == 2


def test_an_unsatisfied_follow_up_is_reopened_not_closed(store: Store) -> None:
    """Issue 12: after 回访“不满意”, 销号 is neither offered nor accepted."""
    from qunzhong_desktop.core.intake.rules import offered_targets

    n = store.items.register_item(_new(), actor="x", now=MONDAY).number
    store.items.move(n, State.IN_PROGRESS, actor="x", now=MONDAY)
    store.items.move(n, State.RESOLVED, actor="x", data={"result": "已答复"}, now=MONDAY)
    item = store.items.move(
        n, State.FOLLOWED_UP, actor="x", data={"way": "电话", "satisfaction": "不满意"}
    )
    assert State.CLOSED not in offered_targets(item.events, item.state)
    assert State.IN_PROGRESS in offered_targets(item.events, item.state)
    with pytest.raises(MoveRefused) as info:
        store.items.move(n, State.CLOSED, actor="x")
    assert info.value.code == "item.close_refused" and "重新办理" in info.value.message
    assert store.items.item(n).state is State.FOLLOWED_UP
    reopened = store.items.move(n, State.IN_PROGRESS, actor="x", note="群众不满意，重新办理")
    assert reopened.state is State.IN_PROGRESS
