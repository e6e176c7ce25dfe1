import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import SetupError
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage import items_repo
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2025, 6, 3)
CODE = "430121101201"


def _outbox(store: Store, table: str) -> int:
    with store.db.session() as s:
        stmt = (
            select(func.count()).select_from(m.SyncChange).where(m.SyncChange.table_name == table)
        )
        return int(s.scalar(stmt) or 0)


def test_items_load_with_numbers_history_and_change_capture(store: Store) -> None:
    village = generate(CODE, "白沙村", households=60, seed=2, today=TODAY)
    load_demo(store.db, village)
    items = generate_items(
        village, count=120, seed=2, today=TODAY, span_days=200, township_steps=True
    )
    # closed items reach back into last year, numbered in their own year
    assert {i.received_at.year for i in items} == {2024, 2025}
    assert load_items(store.db, items, village, batch=50) == 120
    with store.db.session() as s:
        calendar = items_repo.load_calendar(s)
        rows = list(s.scalars(select(m.IntakeItem).order_by(m.IntakeItem.received_at)))
        per_year = Counter(r.year for r in rows)
        for year, count in per_year.items():
            sequences = sorted(r.sequence for r in rows if r.year == year)
            assert sequences == list(range(1, count + 1))
            counter = s.get(m.ItemCounter, year)
            assert counter is not None and counter.last == count
        for row in rows:
            events = [items_repo.to_event(e) for e in row.events]
            assert row.state == events[-1].to_state.value
            today = events[-1].at.date()
            assert row.due_on == items_repo._due(row, events, calendar, today)
            assert row.number.startswith(f"{CODE}-{row.year}-")
        linked = [r for r in rows if r.requester_person_id]
        assert linked and all(r.requester_household_id for r in linked)
        person = s.get(m.Person, linked[0].requester_person_id)
        assert person is not None and person.name == linked[0].requester_name
        events = s.scalar(select(func.count()).select_from(m.ItemEvent))
    assert events == sum(len(i.events) for i in items)
    assert _outbox(store, "intake_item") == 120
    assert _outbox(store, "item_event") == events
    # 代办 items with their records (收件 …), captured for the township too
    records = sum(len(i.agency_entries) for i in items)
    assert records and _outbox(store, "agency_entry") == records
    waiting = next(r for r in rows if r.state == State.NOTIFIED.value)
    assert store.agency.of(waiting.number).entries[0].kind == "收件"
    # the work lists see them, with every state and some overdue
    ids = store.items.search_ids(ItemFilter(), today=TODAY)
    assert len(ids) == 120
    # every state a station's demo makes (the county's moves come from the county)
    county = {State.ESCALATED_COUNTY, State.COUNTY_ASSIGNED}
    assert {r.state for r in store.items.rows(ids, today=TODAY)} == set(State) - county
    assert store.items.counts(today=TODAY)["overdue"] > 0
    # numbering and moves go on from there
    new = NewItem("来访", "其他", "B", "承诺件", "咨询", "王大爷")
    after = store.items.register_item(new, actor="x", now=dt.datetime(2025, 6, 3, 10))
    assert after.number.endswith(f"-2025-{per_year[2025] + 1:05d}")
    resolved = next(r for r in rows if r.state == State.RESOLVED.value and not r.agency_mode)
    moved = store.items.move(
        resolved.number,
        State.FOLLOWED_UP,
        actor="x",
        data={"way": "电话", "satisfaction": "满意"},
        now=dt.datetime(2025, 6, 3, 11),
    )
    assert moved.events[-1].from_state is State.RESOLVED


def test_items_continue_existing_numbers(store: Store) -> None:
    new = NewItem("来访", "其他", "B", "承诺件", "咨询", "王大爷")
    store.items.register_item(new, actor="x", now=dt.datetime(2025, 5, 6, 9))
    village = generate(CODE, "白沙村", households=5, seed=1, today=TODAY)
    items = generate_items(village, count=30, seed=1, today=TODAY, span_days=30)
    load_items(store.db, items)  # without the village: names only
    with store.db.session() as s:
        sequences = sorted(s.scalars(select(m.IntakeItem.sequence)))
        assert not s.scalars(
            select(m.IntakeItem.requester_person_id).where(
                m.IntakeItem.requester_person_id.is_not(None)
            )
        ).all()
    assert sequences == list(range(1, 32))


def test_items_need_a_station(empty_store: Store) -> None:
    items = generate_items(generate(CODE, "白沙村", households=1, today=TODAY), count=3)
    with pytest.raises(SetupError):
        load_items(empty_store.db, items)
