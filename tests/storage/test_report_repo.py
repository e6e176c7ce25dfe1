"""The monthly report's records gathered from a real store match what the core is given."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from qunzhong_desktop.core.cadre_rules import DiaryDay
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.monthly.report import Month, Rate, UnitScore, compute
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

NOV = Month(2026, 11)


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour)


def add(store: Store, when: dt.datetime, item_type: str = "承诺件", result: str = "") -> str:
    new = NewItem("来访", "社会保障", "B", item_type, "反映低保待遇问题", "王大爷", result=result)
    return store.items.register_item(new, actor="李秀英", now=when).number


def move(store: Store, number: str, target: State, when: dt.datetime, **data: str) -> None:
    role = Role.TOWNSHIP if target is State.ASSIGNED else Role.STATION
    store.items.move(number, target, actor="李秀英", role=role, data=data, now=when)


def fill(store: Store) -> dict[str, str]:
    numbers: dict[str, str] = {}
    # finished in October, nothing since: cannot change November's figures, not gathered
    numbers["done"] = x = add(store, at(10, 20))
    move(store, x, State.RESOLVED, at(10, 22), result="已办")
    move(store, x, State.FOLLOWED_UP, at(10, 23), satisfaction="满意")
    move(store, x, State.CLOSED, at(10, 25))
    # open since October: in progress at the end of November
    numbers["open"] = y = add(store, at(10, 5))
    move(store, y, State.IN_PROGRESS, at(10, 5, 10))
    # received and resolved in November
    numbers["resolved"] = add(store, at(11, 3), "即办件", result="当场答复")
    # resolved in October, followed up in November
    numbers["followed"] = v = add(store, at(10, 10))
    move(store, v, State.RESOLVED, at(10, 12), result="已办")
    move(store, v, State.FOLLOWED_UP, at(11, 3), satisfaction="基本满意")
    # escalated in November, assigned to 镇民政办 by the township
    numbers["assigned"] = u = add(store, at(11, 5), "上报件")
    move(store, u, State.ASSIGNED, at(11, 6), unit="镇民政办", deadline="2026-11-20")
    # received in December
    numbers["later"] = add(store, at(12, 2))
    return numbers


def households(store: Store) -> tuple[str, str]:
    reg = store.register
    a = reg.save_cadre(Cadre("甲", unit="村两委", role="干部"))
    b = reg.save_cadre(Cadre("乙", unit="村两委", role="党员"))
    assert a.id and b.id

    def household(number: str, tags: list[str], member_tags: list[str]) -> str:
        h = reg.save_household(
            Household(number, tags=tags, members=[Person("户主" + number, tags=member_tags)])
        )
        assert h.id
        return h.id

    tagged = household("001", ["低保户"], [])
    member_tagged = household("002", [], ["残疾人"])
    untagged = household("003", [], [])
    deleted = household("004", ["低保户"], [])
    other = household("005", ["孤寡老人"], [])
    reg.pair(a.id, [tagged, member_tagged, untagged, deleted])
    reg.pair(b.id, [other])
    reg.delete_household(deleted)
    with store.db.session() as s:
        for day, kind in [
            (dt.date(2026, 11, 2), "入户走访"),
            (dt.date(2026, 11, 3), "坐班接待"),
            (dt.date(2026, 11, 30), "集中工作日"),
            (dt.date(2026, 10, 31), "入户走访"),  # October
            (dt.date(2026, 12, 1), "坐班接待"),  # December
        ]:
            s.add(m.DiaryEntry(cadre_id=a.id, day=day, kind=kind))
        s.add(
            m.DiaryEntry(
                cadre_id=a.id, day=dt.date(2026, 11, 5), kind="入户走访", deleted_at=m.utcnow()
            )
        )
        # 乙 was there in October (registered today, but wrote a diary day then)
        s.add(m.DiaryEntry(cadre_id=b.id, day=dt.date(2026, 10, 20), kind="电话回访"))
    return a.id, b.id


def test_items_gathered_are_those_that_matter_with_whole_histories(store: Store) -> None:
    numbers = fill(store)
    items, _ = store.reports.records(NOV)
    wanted = {numbers[k] for k in ("open", "resolved", "followed", "assigned")}
    assert {r.number for r in items} == wanted
    for record in items:
        detail = store.items.item(record.number)
        assert record.events == tuple(detail.events)
        assert (record.received_at, record.channel, record.domain, record.grade) == (
            detail.received_at,
            detail.channel,
            detail.domain,
            detail.grade,
        )
        assert (record.item_type, record.promised_days) == (detail.item_type, detail.promised_days)


@pytest.mark.usefixtures("direct_writes")
def test_cadre_figures_from_diary_and_pairing(store: Store) -> None:
    households(store)
    _, cadres = store.reports.records(NOV)
    # 甲: Nov 2 and Nov 30 in the village, Nov 3 on duty (Oct 31, Dec 1 and the deleted
    # entry do not count); paired 001 (household tag) and 002 (member tag) — 003 has no
    # tag, 004 is deleted
    november = (
        DiaryDay(dt.date(2026, 11, 2), "入户走访"),
        DiaryDay(dt.date(2026, 11, 3), "坐班接待"),
        DiaryDay(dt.date(2026, 11, 30), "集中工作日"),
    )
    assert [(c.name, c.category, c.difficult_households) for c in cadres] == [
        ("甲", "乡驻村干部", 2),
        ("乙", "党员", 1),
    ]
    assert sorted(cadres[0].days, key=lambda d: d.day) == list(november)
    assert sorted(cadres[0].year_days, key=lambda d: d.day) == [
        DiaryDay(dt.date(2026, 10, 31), "入户走访"),
        *november,
    ]  # January to November, for a rule counted over the year
    assert cadres[1].days == ()
    assert (cadres[0].since, cadres[1].since) == (dt.date(2026, 10, 31), dt.date(2026, 10, 20))
    # a cadre registered after the month, with no diary day in it, is not judged on it
    store.register.save_cadre(Cadre("丙", unit="村两委"))
    assert [c.name for c in store.reports.records(NOV)[1]] == ["甲", "乙"]


@pytest.mark.usefixtures("direct_writes")
def test_monthly_report_is_the_core_computation_of_the_records(store: Store) -> None:
    fill(store)
    households(store)
    report = store.reports.monthly_report(NOV, today=dt.date(2026, 12, 1))
    items, cadres = store.reports.records(NOV)
    expected = compute(
        NOV, items, cadres, calendar=store.calendar.calendar(), station_name="白沙村群众工作站"
    )
    assert dataclasses.replace(report, assistance=None, voice=None) == expected
    # the 帮扶 section is the assistance figures of the month
    assert report.assistance == store.assistance_figures.figures(
        NOV.first, NOV.last, today=dt.date(2026, 12, 1)
    )
    # received: the 即办件 and the 上报件; resolved: the 即办件; open: since October and
    # the assigned one; one escalation (at intake); one follow-up, 基本满意
    assert (report.received, report.resolved, report.in_progress) == (2, 1, 2)
    assert report.escalations == 1
    assert report.satisfaction == Rate(1, 1)
    assert report.first_time == Rate(1, 1)
    assert report.units == (UnitScore("镇民政办", 0, 1),)
    assert [c.name for c in report.shortfalls] == ["甲"]
