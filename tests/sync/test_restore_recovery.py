"""A station put back from a backup syncs again (issue 14, item 5; SYNC.md "Epochs").

A restore turns the item counter back: without care the station hands out numbers the
township already holds for other items, and the township refuses its bundles for good.
On the same PC the counter is carried past the replaced store's; on a new PC the township's
next dispatch says how far it holds the station's numbers and the station renumbers.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import backups, item_numbers
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import TOWNSHIP_CODE, Node
from tests.helpers.refusals import refused
from tests.helpers.stations import copy_store


def _enrol_again(township: Node, station: Node, tmp_path: Path) -> None:
    """New keys and a new epoch after the restore, enrolled again by fingerprint."""
    station.keys = NodeKeys.generate()
    station.sync.start_new_epoch()
    enrollment = tmp_path / f"{station.home.name}-again.qzenroll"
    township.sync.enroll(enrollment, station.sync.write_enrollment(enrollment, station.keys))


def _numbers(node: Node) -> dict[str, str]:
    with node.store.db.session() as s:
        rows = s.execute(select(m.IntakeItem.content, m.IntakeItem.number))
        return {content: number for content, number in rows}


def _synced_twice(township: Node, one: Node, tmp_path: Path) -> Path:
    """Item 一 in the backup; item 二 registered after it and already at the township."""
    register(one.store, FRIDAY, content="一")
    copy = backups.make_backup(one.store.db, tmp_path / "copies", "daily")
    register(one.store, FRIDAY, content="二")
    township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    return copy


def test_on_the_same_pc_the_next_number_follows_the_replaced_store(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    copy = _synced_twice(township, one, tmp_path)

    done = backups.restore(one.store.db, copy, tmp_path / "scratch")
    one.store = Store(home=one.home, db=Database(database_path(one.home), user="测试员"))
    one.sync.db = one.store.db
    _enrol_again(township, one, tmp_path)
    register(one.store, FRIDAY, content="三")

    assert done.numbers_safe and done.aside.is_file()
    assert _numbers(one) == {"一": f"{one.code}-2026-00001", "三": f"{one.code}-2026-00003"}
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert report.status == APPLIED, report.message
    assert _numbers(township) == {
        "一": f"{one.code}-2026-00001",
        "二": f"{one.code}-2026-00002",
        "三": f"{one.code}-2026-00003",
    }


def _new_pc(template: Path, home: Path, old: Node) -> Node:
    """The disk died: a fresh installation set up as the same station."""
    store = copy_store(template, home)
    profile = StationProfile(
        code=old.code, name=old.name, township_code=TOWNSHIP_CODE, township_name="白沙镇"
    )
    init_station(store.db, profile)
    return Node(home, store, NodeKeys.generate(), old.code, old.name)


def test_on_a_new_pc_the_townships_dispatch_renumbers_what_clashes(
    net: tuple[Node, Node, Node], tmp_path: Path, _template_dirs: tuple[Path, Path]
) -> None:
    township, one, _ = net
    copy = _synced_twice(township, one, tmp_path)
    one.close()
    fresh = _new_pc(_template_dirs[0], tmp_path / "new pc 新电脑", one)

    done = backups.restore(fresh.store.db, copy, tmp_path / "scratch")
    fresh.store = Store(home=fresh.home, db=Database(database_path(fresh.home), user="测试员"))
    fresh.sync.db = fresh.store.db
    assert not done.numbers_safe  # another PC's store was replaced: numbers unconfirmed
    _enrol_again(township, fresh, tmp_path)
    register(fresh.store, FRIDAY, content="三")  # takes 00002, which the township holds
    assert _numbers(fresh)["三"] == f"{one.code}-2026-00002"

    # the township refuses it, says why and what to do, and changes nothing
    early = fresh.export(tmp_path / "b")[0]
    refusal = refused(township, early, "item_number_reused")
    assert "00002" in refusal.message and "备份" in refusal.message

    # its dispatch says how far it holds the station's numbers: the station renumbers
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    report = fresh.sync.import_bundle(dispatch, fresh.keys)
    assert report.status == APPLIED, report.message
    assert f"{one.code}-2026-00002 → {one.code}-2026-00003" in report.message
    assert _numbers(fresh)["三"] == f"{one.code}-2026-00003"
    with fresh.store.db.session() as s:
        assert item_numbers.unconfirmed(s) is None
    register(fresh.store, FRIDAY, content="四")
    assert _numbers(fresh)["四"] == f"{one.code}-2026-00004"

    again = township.sync.import_bundle(fresh.export(tmp_path / "c")[0], township.keys)
    assert again.status == APPLIED, again.message
    assert _numbers(township) == {
        "一": f"{one.code}-2026-00001",
        "二": f"{one.code}-2026-00002",
        "三": f"{one.code}-2026-00003",
        "四": f"{one.code}-2026-00004",
    }
    # the stale file of the refused bundle, found on the stick later, changes nothing
    stale = township.sync.import_bundle(early, township.keys)
    assert (stale.status, stale.applied, stale.flagged) == (ALREADY, 0, 0)
    assert _numbers(township)["三"] == f"{one.code}-2026-00003"


def test_a_dispatch_raises_the_counter_even_without_a_restore(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    register(one.store, FRIDAY, content="一")
    township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    with one.store.db.writing() as s:  # a counter behind the township's, however it came
        counter = s.get(m.ItemCounter, 2026)
        assert counter is not None
        counter.last = 0
    one.sync.import_bundle(dispatch, one.keys)
    assert register(one.store, FRIDAY, content="二") == f"{one.code}-2026-00002"


def test_an_acknowledgement_of_the_old_epoch_prunes_nothing_of_the_new(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    copy = _synced_twice(township, one, tmp_path)
    backups.restore(one.store.db, copy, tmp_path / "scratch")
    one.store = Store(home=one.home, db=Database(database_path(one.home), user="测试员"))
    one.sync.db = one.store.db
    _enrol_again(township, one, tmp_path)
    third = one.store.items.item(register(one.store, FRIDAY, content="三")).id
    (sent,) = one.export(tmp_path / "b")  # on its way to the township
    # the township's dispatch crosses it: it has seen sequence numbers of the old epoch
    # this far, which must not count as received in the new one
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    with one.store.db.session() as s:
        kept = s.scalars(select(m.SyncChange.row_id).where(m.SyncChange.row_id == third))
        assert list(kept)  # item 三 still waits in the outbox
    assert township.sync.import_bundle(sent, township.keys).status == APPLIED
    (later,) = one.export(tmp_path / "c")
    assert township.sync.import_bundle(later, township.keys).status in (APPLIED, ALREADY)
    assert "三" in _numbers(township)
