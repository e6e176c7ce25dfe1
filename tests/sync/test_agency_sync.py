"""代办 travels: a 上门代办 item with its records, 上门服务, notification and collection reaches
the township, and only the station makes those steps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.intake.agency import AgencyEntry
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.agency_data import AGENCY, NOW, agency_item, resolve, seed_elders, visit
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import refused

DAY = dt.timedelta(days=1)


def test_an_agency_item_reaches_the_township_told_and_collected(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    people = seed_elders(one.store)
    number = agency_item(one.store, people)
    entry_id = visit(one.store, "E01", dt.date(2026, 11, 12))
    one.store.agency.set_at_home(number, True, diary_entry_id=entry_id)
    for kind, day, text in (
        ("收件", dt.date(2026, 11, 10), "户口本、身份证复印件"),
        ("进展", dt.date(2026, 11, 12), "已到县政务服务中心递交申请"),
    ):
        one.store.agency.add_entry(number, AgencyEntry(kind, day, text), actor="张华", now=NOW)
    resolve(one.store, number, dt.datetime(2026, 11, 13, 15))
    told = {"notified_on": "2026-11-16", "how": "短信"}
    one.store.items.move(number, State.NOTIFIED, actor="李秀英", data=told, now=NOW - 4 * DAY)
    # the first bundle: waiting for collection
    report = township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    there = township.store.agency.of(number)
    assert there.state is State.NOTIFIED and there.agency == AGENCY
    assert there.at_home and there.diary_entry_id == entry_id
    assert [(e.kind, e.text, e.actor) for e in there.entries] == [
        ("收件", "户口本、身份证复印件", "张华"), ("进展", "已到县政务服务中心递交申请", "张华"),
    ]  # fmt: skip
    assert there.notified is not None and there.notified.data == told
    # collected, the document returned; then the dispatch comes back
    taken = {"collected_on": "2026-11-18", "by": "配偶代领"}
    one.store.items.move(number, State.COLLECTED, actor="李秀英", data=taken, now=NOW - 2 * DAY)
    one.store.agency.add_entry(
        number, AgencyEntry("还件", dt.date(2026, 11, 18), "户口本原件"), actor="张华", now=NOW
    )
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    there = township.store.agency.of(number)
    assert there.state is State.COLLECTED and there.collected is not None
    assert there.collected.data == taken and there.collected.actor == "李秀英"
    assert [e.kind for e in there.entries] == ["收件", "进展", "还件"]
    assert there == one.store.agency.of(number)
    down = township.export(tmp_path / "down", one.code)[0]
    assert one.sync.import_bundle(down, one.keys).flagged == 0
    # the follow-up after collection travels too
    one.store.items.move(number, State.FOLLOWED_UP, actor="李秀英",
                         data={"satisfaction": "满意", "way": "当面"}, now=NOW)  # fmt: skip
    assert township.sync.import_bundle(one.export(tmp_path / "c")[0], township.keys).flagged == 0
    assert township.store.items.item(number).state is State.FOLLOWED_UP


def test_the_township_makes_no_collection_step_and_no_wrong_record(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    number = agency_item(one.store, seed_elders(one.store))
    resolve(one.store, number, dt.datetime(2026, 11, 13, 15))
    assert township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys).flagged == 0
    item_id = one.store.items.item(number).id
    # a dispatch saying the township told the resident: not the township's step
    event = {
        "item_id": item_id, "position": 3, "at": "2026-11-19T10:00:00", "actor": "乡镇",
        "actor_role": "township", "from_state": "resolved", "to_state": "notified", "note": "",
        "data": {"notified_on": "2026-11-19", "how": "电话"}, "deleted_at": None,
    }  # fmt: skip
    bundle = forge(
        township,
        one,
        tmp_path / "told.qzb",
        [change(township, 1, "item_event", new_id(), "insert", event)],
    )
    assert "乡镇无权" in refused(one, bundle, "not_owned").message
    # a station's record of a kind that does not exist
    record = {
        "item_id": item_id, "kind": "寄件", "day": "2026-11-19", "text": "x", "actor": "x",
        "deleted_at": None,
    }  # fmt: skip
    with one.store.db.session() as s:  # the line after the station's last change
        seq = int(s.scalar(select(func.max(m.SyncChange.seq))) or 0) + 1
    wrong = forge(
        one, township, tmp_path / "kind.qzb",
        [change(one, seq, "agency_entry", new_id(), "insert", record)],
    )  # fmt: skip
    refused(township, wrong, "wrong_type")
