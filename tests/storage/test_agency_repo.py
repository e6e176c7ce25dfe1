"""代办 on a real store: marking, records, collection, 上门服务, the due list and its items."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.errors import DomainError, NotFoundError, ValidationError
from qunzhong_desktop.core.intake.agency import Agency, AgencyEntry
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.rules import MoveRefused
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.intake.worklists import view_filter
from qunzhong_desktop.core.ledger import ITEM_COLUMNS, LedgerFilter
from qunzhong_desktop.core.monthly.report import Month, MonthlyReport
from qunzhong_desktop.core.register_due import window
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from tests.helpers.agency_data import (
    AGENCY,
    NOW,
    RECEIVED,
    TODAY,
    TURNING_70,
    agency_item,
    resolve,
    seed_elders,
    visit,
)
from tests.helpers.backends import Built, built_store, prebuilt

DAY = dt.timedelta(days=1)
TOLD = {"notified_on": "2026-11-16", "how": "电话"}
TAKEN = {"collected_on": "2026-11-18", "by": "本人"}


built = prebuilt(seed_elders)  # once per engine; each test on its own copy
store = built_store


@pytest.fixture
def people(built: Built[dict[str, str]]) -> dict[str, str]:
    return built.value


def outbox(store: Store, table: str) -> list[m.SyncChange]:
    with store.db.session() as s:
        return list(s.scalars(select(m.SyncChange).where(m.SyncChange.table_name == table)))


def test_an_item_taken_as_home_agency_to_collection(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)
    agency = store.agency.of(number)
    assert agency.agency == AGENCY and agency.active and agency.received_on == RECEIVED.date()
    for kind, day, text in (
        ("收件", dt.date(2026, 11, 10), "户口本、身份证复印件"),
        ("进展", dt.date(2026, 11, 12), "已到县政务服务中心递交申请"),
    ):
        store.agency.add_entry(number, AgencyEntry(kind, day, text), actor="张华", now=NOW)
    resolve(store, number, dt.datetime(2026, 11, 13, 15))
    store.items.move(number, State.NOTIFIED, actor="李秀英", data=TOLD, now=NOW - 4 * DAY)
    store.items.move(number, State.COLLECTED, actor="李秀英", data=TAKEN, now=NOW - 2 * DAY)
    store.agency.add_entry(
        number, AgencyEntry("还件", dt.date(2026, 11, 18), "户口本原件"), actor="张华", now=NOW
    )
    store.items.move(number, State.FOLLOWED_UP, actor="李秀英",
                     data={"satisfaction": "满意", "way": "当面"}, now=NOW)  # fmt: skip
    store.items.move(number, State.CLOSED, actor="李秀英", now=NOW)
    done = store.agency.of(number)
    assert [(e.kind, e.text) for e in done.entries] == [
        ("收件", "户口本、身份证复印件"), ("进展", "已到县政务服务中心递交申请"),
        ("还件", "户口本原件"),
    ]  # fmt: skip
    assert done.entries[0].actor == "张华"
    assert done.notified is not None and done.notified.data == TOLD
    assert done.collected is not None and done.collected.data == TAKEN
    assert done.state is State.CLOSED
    # everything travels: the item's fields and the records, in the outbox
    assert len(outbox(store, "agency_entry")) == 3
    fields = [c.fields for c in outbox(store, "intake_item") if c.op == "update"]
    assert any(
        f.get("agency_mode") == "上门代办" and f.get("agency_agent") == "张华" for f in fields
    )


def test_changing_and_clearing_the_agency(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)
    later = dataclasses.replace(AGENCY, mode="定点代办", agent="", office="镇便民服务中心")
    assert store.agency.set_agency(number, later, now=NOW).agency.office == "镇便民服务中心"
    cleared = store.agency.clear_agency(number)
    assert not cleared.active and cleared.agency == Agency()
    # 委托待补: marked before the resident signed
    pending = Agency(mode="定点代办")
    assert not store.agency.set_agency(number, pending, now=NOW).agency.authorised


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"auth_on": TODAY + DAY}, "auth_on", "不能晚于今天"),
        ({"auth_on": RECEIVED.date() - DAY}, "auth_on", "不能早于事项受理日期"),
        ({"mode": "代跑"}, "mode", "代办方式"),
        ({"agent": ""}, "agent", "须填写代办干部"),
    ],
)
def test_wrong_agency_fields_change_nothing(
    store: Store, people: dict[str, str], values: dict[str, object], field: str, words: str
) -> None:
    number = agency_item(store, people)
    before = len(outbox(store, "intake_item"))
    with pytest.raises(ValidationError) as info:
        store.agency.set_agency(number, dataclasses.replace(AGENCY, **values), now=NOW)  # type: ignore[arg-type]
    assert info.value.data["field"] == field and words in info.value.message
    assert store.agency.of(number).agency == AGENCY
    assert len(outbox(store, "intake_item")) == before


def test_records_need_an_agency_item_and_a_good_day(store: Store, people: dict[str, str]) -> None:
    plain = store.items.register_item(_plain(people), actor="李秀英", now=RECEIVED).number
    with pytest.raises(ValidationError, match="不是代办事项"):
        store.agency.add_entry(plain, AgencyEntry("收件", TODAY, "户口本"), actor="x", now=NOW)
    number = agency_item(store, people)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        store.agency.add_entry(
            number, AgencyEntry("收件", TODAY + DAY, "户口本"), actor="x", now=NOW
        )
    with pytest.raises(ValidationError, match="收件、还件或进展"):
        store.agency.add_entry(number, AgencyEntry("寄件", TODAY, "户口本"), actor="x", now=NOW)
    assert store.agency.of(number).entries == [] and outbox(store, "agency_entry") == []
    with pytest.raises(NotFoundError):
        store.agency.add_entry("430121101201-2026-09999", AgencyEntry("收件", TODAY, "x"),
                               actor="x", now=NOW)  # fmt: skip


def _plain(people: dict[str, str]) -> NewItem:
    return NewItem(channel="来访", domain="社会保障", grade="B", item_type="承诺件",
                   content="x", requester_person_id=people["赵桂兰"])  # fmt: skip


def test_follow_up_waits_for_collection(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)
    resolve(store, number, dt.datetime(2026, 11, 13, 15))
    with pytest.raises(MoveRefused) as info:
        store.items.move(number, State.FOLLOWED_UP, actor="x", data={"satisfaction": "满意"},
                         now=NOW)  # fmt: skip
    assert info.value.code == "item.collect_first" and "领取后再回访" in info.value.message
    # nobody collects on a day before being told, nor on a day to come
    store.items.move(number, State.NOTIFIED, actor="x", data=TOLD, now=NOW)
    early = {"collected_on": "2026-11-15", "by": "本人"}
    with pytest.raises(MoveRefused, match="不能早于通知领取的日期"):
        store.items.move(number, State.COLLECTED, actor="x", data=early, now=NOW)
    with pytest.raises(MoveRefused, match="不能晚于今天"):
        store.items.move(number, State.COLLECTED, actor="x",
                         data={"collected_on": "2026-11-21", "by": "本人"}, now=NOW)  # fmt: skip
    assert store.items.item(number).state is State.NOTIFIED
    # once told, the agency stays
    with pytest.raises(ValidationError, match="不能取消代办"):
        store.agency.clear_agency(number)


def test_an_item_that_is_not_agency_is_not_collected(store: Store, people: dict[str, str]) -> None:
    number = store.items.register_item(_plain(people), actor="x", now=RECEIVED).number
    resolve(store, number, dt.datetime(2026, 11, 13, 15))
    with pytest.raises(MoveRefused) as info:
        store.items.move(number, State.NOTIFIED, actor="x", data=TOLD, now=NOW)
    assert info.value.code == "item.not_agency"
    store.items.move(number, State.FOLLOWED_UP, actor="x", data={"satisfaction": "满意"}, now=NOW)


def test_collected_items_count_as_resolved_in_reports(store: Store, people: dict[str, str]) -> None:
    told, taken = agency_item(store, people), agency_item(store, people, "赵桂兰")
    working = agency_item(store, people, "孙德明")
    for number in (told, taken):
        resolve(store, number, dt.datetime(2026, 11, 13, 15))
    store.items.move(working, State.IN_PROGRESS, actor="x", now=NOW)
    store.items.move(told, State.NOTIFIED, actor="x", data=TOLD, now=NOW)
    store.items.move(taken, State.COLLECTED, actor="x", data=TAKEN, now=NOW)
    report = store.reports.report_for(Month(2026, 11), today=dt.date(2026, 11, 30))
    assert isinstance(report, MonthlyReport)
    assert (report.received, report.resolved, report.in_progress) == (3, 2, 1)
    assert report.on_time.numerator == 2
    # the work lists: 待领取 has the one told; 已办结 both; 待回访 the one collected
    ids = {n: store.items.item(n).id for n in (told, taken, working)}
    assert store.items.search_ids(view_filter("collect"), today=TODAY) == [ids[told]]
    assert set(store.items.search_ids(view_filter("done"), today=TODAY)) == {ids[told], ids[taken]}
    assert store.items.search_ids(view_filter("follow_up"), today=TODAY) == [ids[taken]]
    assert store.items.counts(today=TODAY)["open"] == 1
    # the ledger shows the result as for any settled item
    headers = [c.header for c in ITEM_COLUMNS]
    rows = [dict(zip(headers, r, strict=True)) for r in SqlLedger(store.db).stream(LedgerFilter())]
    settled = [r for r in rows if r["编号"] in (told, taken)]
    assert [r["办理情况"] for r in settled] == ["已办好", "已办好"]
    assert all(r["办结日期"] == "2026-11-13" for r in settled)
    assert store.items.search_ids(ItemFilter(states=(State.COLLECTED,))) == [ids[taken]]


def test_waiting_too_long_for_collection(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)
    resolve(store, number, dt.datetime(2026, 11, 13, 15))
    store.items.move(number, State.NOTIFIED, actor="x", data=TOLD, now=NOW)  # told Monday 16th
    item_id = store.items.item(number).id
    assert store.agency.collection_days() == 5
    assert store.agency.waiting_too_long(today=dt.date(2026, 11, 23)) == {}  # 5 working days
    assert store.agency.waiting_too_long(today=dt.date(2026, 11, 24)) == {item_id: 6}
    assert store.agency.set_collection_days(6) == 6
    assert store.agency.waiting_too_long(today=dt.date(2026, 11, 24)) == {}
    with pytest.raises(ValidationError, match="待领取提醒天数"):
        store.agency.set_collection_days(0)
    store.items.move(number, State.COLLECTED, actor="x", data=TAKEN, now=NOW)
    assert store.agency.waiting_too_long(today=dt.date(2026, 12, 24)) == {}


def test_home_service_linked_to_the_diary_visit(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)  # 王建明, household E01
    elsewhere = visit(store, "E02", dt.date(2026, 11, 11))
    meeting = visit(store, "E01", dt.date(2026, 11, 12), kind="坐班接待")
    there = visit(store, "E01", dt.date(2026, 11, 13))
    for entry_id, words in ((elsewhere, "没有走访诉求人这一户"), (meeting, "入户走访或集中工作日")):
        with pytest.raises(ValidationError, match=words):
            store.agency.set_at_home(number, True, diary_entry_id=entry_id)
    assert not store.agency.of(number).at_home
    assert [link.id for link in store.agency.visits_of(number)] == [there]
    served = store.agency.set_at_home(number, True, diary_entry_id=there)
    assert served.at_home and served.diary_entry_id == there
    assert [i.number for i in store.diary.entry(there).items] == [number]
    with pytest.raises(ValidationError, match="已关联另一篇民情日记"):
        store.agency.set_at_home(number, True, diary_entry_id=elsewhere)
    assert not store.agency.set_at_home(number, False).at_home
    # any item may be served at home, 代办 or not
    plain = store.items.register_item(_plain(people), actor="x", now=RECEIVED).number
    assert store.agency.set_at_home(plain, True).at_home


def test_an_ended_item_or_a_township_changes_nothing(store: Store, people: dict[str, str]) -> None:
    number = agency_item(store, people)
    store.items.move(number, State.WITHDRAWN, actor="x", note="群众自行办理", now=NOW)
    for write in (
        lambda: store.agency.set_agency(number, AGENCY, now=NOW),
        lambda: store.agency.clear_agency(number),
        lambda: store.agency.set_at_home(number, True),
    ):
        with pytest.raises(ValidationError, match="不能再改代办"):
            write()


def test_a_township_refuses(empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办", "0731-84560000")
    with pytest.raises(DomainError, match="乡镇和县里不能修改"):
        empty_store.agency.set_agency("430121101201-2026-00001", AGENCY, now=NOW)


def test_turning_70_creates_three_agency_items(store: Store, people: dict[str, str]) -> None:
    due = store.agency.due([70], window(TODAY))
    assert [d.resident.name for d in due.found] == TURNING_70
    assert due.without_birth == 0 and due.window.first == dt.date(2026, 11, 1)
    made = store.agency.create_for(
        due.found, dataclasses.replace(AGENCY, auth_on=None, auth_kind=""),
        domain="社会保障", actor="李秀英", now=NOW,
    )  # fmt: skip
    assert made.skipped == [] and len(made.numbers) == 3
    assert [n[-5:] for n in made.numbers] == ["00001", "00002", "00003"]
    for number, name in zip(made.numbers, TURNING_70, strict=True):
        item = store.items.item(number)
        assert item.requester_name == name and item.requester_person_id == people[name]
        assert item.content.startswith(f"为{name}代办高龄津贴（") and "年满 70 周岁" in item.content
        assert item.state is State.REGISTERED and item.handler == "张华"
        assert item.events[0].note == "受理登记" and item.channel == "走访"
        assert store.agency.of(number).agency.mode == "上门代办"
    # the list now says who has an open 代办 item; making them again skips them
    again = store.agency.due([70], window(TODAY))
    assert again.open_items == {
        people[n]: num for n, num in zip(TURNING_70, made.numbers, strict=True)
    }
    signed = dataclasses.replace(AGENCY, auth_on=TODAY)
    twice = store.agency.create_for(again.found, signed, domain="社会保障", actor="x", now=NOW)
    assert twice.numbers == [] and [name for name, _ in twice.skipped] == TURNING_70


def test_the_due_query_by_tag_and_refusals(store: Store, people: dict[str, str]) -> None:
    tagged = store.agency.due([60, 70, 80], window(TODAY), tag="低保户")
    assert [(d.resident.name, d.age) for d in tagged.found] == [("王建明", 70), ("刘春花", 60)]
    assert "低保户" in tagged.found[0].resident.tags
    everyone = store.agency.due([60, 70, 80], window(TODAY))
    assert {d.resident.name for d in everyone.found} == {*TURNING_70, "陈秋生", "刘春花"}
    signed = dataclasses.replace(AGENCY, auth_on=TODAY)
    with pytest.raises(ValidationError, match="请先勾选"):
        store.agency.create_for([], signed, domain="社会保障", actor="x", now=NOW)
    with pytest.raises(ValidationError, match="诉求类别"):
        store.agency.create_for(everyone.found, signed, domain="民政服务", actor="x", now=NOW)
    with pytest.raises(ValidationError, match="不能早于事项受理日期"):  # signed before today
        store.agency.create_for(everyone.found, AGENCY, domain="社会保障", actor="x", now=NOW)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        store.agency.create_for(
            everyone.found, dataclasses.replace(AGENCY, auth_on=TODAY + DAY),
            domain="社会保障", actor="x", now=NOW,
        )  # fmt: skip
    assert store.items.search_ids(ItemFilter()) == []  # nothing was made
