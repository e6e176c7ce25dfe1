"""Matters escalated to the county (重大疑难事项, issue 19), on both engines.

上报县, the county's departments, its assignment with a working-day deadline, 退回乡镇, the
result, coordination meetings and its lists (``store``: tests/storage/conftest.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.county import Meeting
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.derive import refresh_derived
from tests.helpers.county_data import at_township, escalated, set_role, station_item

EVE = dt.datetime(2026, 9, 30, 10)  # a Wednesday before the National Day week (10-01…10-07)


def test_the_township_escalates_only_what_it_holds_and_with_a_reason(store: Store) -> None:
    number = station_item(store, "宅基地边界纠纷", now=EVE)
    with pytest.raises(ValidationError) as refused:  # a station does not escalate to the county
        store.items.escalate_to_county(number, "理由", actor="站务员", now=EVE)
    assert refused.value.code == "county.escalate_role" and "乡镇" in refused.value.message
    open_at_station = station_item(store, "承诺件", now=EVE, escalate=False)
    set_role(store, "township")
    with pytest.raises(ValidationError) as refused:
        store.items.escalate_to_county(open_at_station, "理由", actor="乡镇干部", now=EVE)
    assert refused.value.code == "county.not_at_township" and "已受理" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        store.items.escalate_to_county(number, "  ", actor="乡镇干部", now=EVE)
    assert refused.value.data["field"] == "reason"
    with pytest.raises(NotFoundError):
        store.items.escalate_to_county("430121101201-2026-99999", "理由", actor="x", now=EVE)
    assert store.items.item(number).state is State.ESCALATED  # nothing written by a refusal
    # from 已上报 straight away, and from 已交办 (the township's unit could not settle it)
    detail = store.items.escalate_to_county(number, "跨乡镇权属", actor="乡镇干部", now=EVE)
    assert detail.state is State.ESCALATED_COUNTY
    last = detail.events[-1]
    assert (last.note, last.from_state) == ("跨乡镇权属", State.ESCALATED)
    other = station_item(store, "河道采砂", now=EVE)
    at_township(store, other, now=EVE)
    store.items.move(other, State.ASSIGNED, actor="乡镇干部", role=Role.TOWNSHIP,
                     data={"unit": "水利站", "deadline": "2026-10-09"}, now=EVE)  # fmt: skip
    assert store.items.escalate_to_county(other, "需县水利局", actor="乡镇干部").state is (
        State.ESCALATED_COUNTY
    )
    with store.db.session() as s:
        roles = s.scalars(
            select(m.ItemEvent.actor_role).where(m.ItemEvent.to_state == "escalated_county")
        )
        assert set(roles) == {"township"}


def test_departments_are_the_countys_and_retire_rather_than_vanish(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:  # a station keeps no county departments
        store.county.add_department("县人社局")
    assert refused.value.code == "county.role"
    set_role(store, "county")
    store.county.add_department(" 县人社局 ", "社保、就业")
    store.county.add_department("县住建局")
    with pytest.raises(ValidationError) as refused:
        store.county.add_department("县人社局")
    assert refused.value.code == "county.department_exists"
    with pytest.raises(ValidationError):
        store.county.add_department("   ")
    with pytest.raises(ValidationError):
        store.county.add_department("局" * 51)
    store.county.retire_department("县住建局")
    assert [d.name for d in store.county.departments()] == ["县人社局"]
    assert [d.retired for d in store.county.departments(retired=True)] == [False, True]
    with pytest.raises(NotFoundError):
        store.county.retire_department("县住建局")
    store.county.add_department("县住建局")  # back into service: the same row
    with store.db.session() as s:
        assert s.query(m.CountyDepartment).count() == 2


def test_assignment_sets_the_due_date_in_working_days_across_the_holiday(store: Store) -> None:
    first, second, third = escalated(store, ["甲", "乙", "丙"], now=EVE - dt.timedelta(days=2))
    detail = store.county.assign(first, "县自然资源局", 5, actor="县干部", now=EVE)
    # 10-01…10-07 off, 10-10 (a Saturday) a working day: 10-08, 09, 10, 12, 13
    assert detail.state is State.COUNTY_ASSIGNED and detail.due_on == dt.date(2026, 10, 13)
    event = detail.events[-1]
    assert event.data == {"department": "县自然资源局", "days": 5, "deadline": "2026-10-13"}
    friday = dt.datetime(2026, 11, 20, 9)
    assert store.county.assign(second, "县人社局", 1, actor="县干部", now=friday).due_on == (
        dt.date(2026, 11, 23)  # Friday + 1 working day: the Monday
    )
    for days in (0, -1, 61):
        with pytest.raises(ValidationError) as refused:
            store.county.assign(third, "县人社局", days, actor="县干部", now=EVE)
        assert refused.value.data["field"] == "days"
    with pytest.raises(ValidationError) as refused:
        store.county.assign(third, "县教育局", 5, actor="县干部", now=EVE)
    assert refused.value.code == "county.unknown_department" and "县教育局" in refused.value.message
    store.county.retire_department("县信访局")
    with pytest.raises(ValidationError):
        store.county.assign(third, "县信访局", 5, actor="县干部", now=EVE)
    with pytest.raises(ValidationError) as refused:  # assigned already
        store.county.assign(first, "县人社局", 5, actor="县干部", now=EVE)
    assert refused.value.code == "county.wrong_state"
    assert store.items.item(third).state is State.ESCALATED_COUNTY
    with store.db.session() as s:
        roles = s.scalars(
            select(m.ItemEvent.actor_role).where(m.ItemEvent.to_state == "county_assigned")
        )
        assert set(roles) == {"county"}


class _Stale:
    def __init__(self, ids: set[str]) -> None:
        self.ids = ids

    def stale_items(self) -> set[str]:
        return self.ids


def test_every_pc_derives_the_countys_due_date_from_the_events(store: Store) -> None:
    (number,) = escalated(store, ["甲"], now=EVE - dt.timedelta(days=2))
    store.county.assign(number, "县人社局", 5, actor="县干部", now=EVE)
    with write_paths.scope("test setup"), store.db.writing() as s:  # as an import leaves it
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
        item.state, item.due_on = State.ESCALATED.value, None
        refresh_derived(s, _Stale({item.id}))
    after = store.items.item(number)
    assert (after.state, after.due_on) == (State.COUNTY_ASSIGNED, dt.date(2026, 10, 13))


def test_send_back_and_result_and_who_may_do_them(store: Store) -> None:
    first, second = escalated(store, ["甲", "乙"], now=EVE - dt.timedelta(days=2))
    with pytest.raises(ValidationError) as refused:
        store.county.record_result(first, "已解决", actor="县干部", now=EVE)
    assert refused.value.code == "county.wrong_state" and "已上报县" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        store.county.send_back(first, "", actor="县干部", now=EVE)
    assert refused.value.data["field"] == "reason"
    back = store.county.send_back(first, "属乡镇职责，请乡镇交办", actor="县干部", now=EVE)
    assert back.state is State.AWAITING_ASSIGNMENT and back.events[-1].note.startswith("属乡镇")
    store.county.assign(second, "县人社局", 3, actor="县干部", now=EVE)
    with pytest.raises(ValidationError):
        store.county.send_back(second, "理由", actor="县干部", now=EVE)
    with pytest.raises(ValidationError) as refused:
        store.county.record_result(second, " ", actor="县干部", now=EVE)
    assert refused.value.data["field"] == "result"
    done = store.county.record_result(second, "县人社局已补发养老金", actor="县干部", now=EVE)
    assert done.state is State.RESOLVED and done.events[-1].data == {
        "result": "县人社局已补发养老金"
    }
    # the station follows up and closes as ever
    set_role(store, "station")
    store.items.move(second, State.FOLLOWED_UP, actor="站务员",
                     data={"way": "电话", "satisfaction": "满意"}, now=EVE)  # fmt: skip
    assert store.items.move(second, State.CLOSED, actor="站务员", now=EVE).state is State.CLOSED
    with pytest.raises(ValidationError) as refused:  # a station cannot act as the county
        store.county.send_back(first, "理由", actor="站务员", now=EVE)
    assert refused.value.code == "county.role"


def test_meetings_and_the_countys_lists(store: Store) -> None:
    first, second, third = escalated(store, ["甲", "乙", "丙"], now=EVE - dt.timedelta(days=2))
    store.county.assign(first, "县人社局", 1, actor="县干部", now=EVE - dt.timedelta(days=1))
    store.county.assign(second, "县住建局", 10, actor="县干部", now=EVE)
    today = dt.date(2026, 10, 9)  # first due 09-30, past by 10-08 and 10-09
    assert [r.number for r in store.county.waiting(today=today)] == [third]
    waiting = store.county.waiting(today=today)[0]
    assert waiting.reason.startswith("涉及跨乡镇") and waiting.township == waiting.station[:9]
    rows = store.county.assigned(today=today)
    assert [(r.number, r.department, r.overdue_days) for r in rows] == [
        (first, "县人社局", 2), (second, "县住建局", 0)
    ]  # fmt: skip
    assert [r.number for r in store.county.assigned(today=today, overdue=True)] == [first]
    meeting = Meeting(held_on=dt.date(2026, 10, 9), items=(first, second, first), lead="县住建局",
                      cooperating=("县人社局", "县住建局"), attendees="王局长、李主任",
                      decisions="县住建局牵头，十日内拿出方案", topic="安置协调")  # fmt: skip
    kept = store.county.add_meeting(meeting, today=today)
    assert (kept.items, kept.cooperating) == ((first, second), ("县人社局",))
    assert store.county.meeting(kept.id[:8]) == kept
    assert store.county.meetings(first) == [kept] and store.county.meetings(third) == []
    assert store.county.assigned(today=today)[0].meetings == 1
    bad = [
        (dict(lead="县教育局"), "lead"), (dict(cooperating=("县教育局",)), "cooperating"),
        (dict(items=()), "items"), (dict(decisions=""), "decisions"),
        (dict(held_on=today + dt.timedelta(days=1)), "held_on"),
        (dict(items=("430121101201-2026-99999",)), "items"),
    ]  # fmt: skip
    for change, name in bad:
        wrong = dataclasses.replace(meeting, **change)  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as refused:
            store.county.add_meeting(wrong, today=today)
        assert refused.value.data["field"] == name, change
    assert len(store.county.meetings()) == 1
    with pytest.raises(NotFoundError):
        store.county.meeting("nothing")
