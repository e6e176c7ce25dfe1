"""The round trip users make: stations → township → stations (SYNC.md, "Protocol")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node

ASSIGN = {"unit": "民政办", "deadline": "2026-12-04"}


def _household(node: Node, number: str, name: str, id_number: str) -> str:
    return node.store.register.save_household(
        Household(number=number, address="一组", members=[Person(name=name, id_number=id_number)])
    ).id


def _outbox(node: Node) -> int:
    with node.store.db.session() as s:
        return s.scalar(select(func.count()).select_from(m.SyncChange)) or 0


def test_round_trip_escalate_assign_resolve_and_results_back(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, two = net
    # both villages have a household 001 and the same resident: per-origin unique numbers
    _household(one, "001", "张三", "430121196404135417")
    _household(two, "001", "张三", "430121196404135417")
    number = register(one.store, FRIDAY, item_type="上报件", content="桥梁损坏需要维修")
    register(two.store, FRIDAY, content="咨询医保")
    bundles = one.export(tmp_path / "usb") + two.export(tmp_path / "usb")

    reports = township.sync.import_bundles(bundles, township.keys)

    assert [r.status for r in reports] == [APPLIED, APPLIED]
    assert all(r.applied > 0 for r in reports)
    # the same resident registered in two villages: applied, and put up for review
    assert [r.flagged for r in reports] == [0, 1]
    (duplicate,) = township.sync.conflicts()
    assert duplicate.kind_name == "同一居民两处登记" and duplicate.field == "id_number"
    assert duplicate.kept_value == "4301**********5417" and one.code in duplicate.note
    with township.store.db.session() as s:
        origins = s.execute(select(m.Household.origin, m.Household.number)).all()
        assert sorted(origins) == sorted([(one.node_id, "001"), (two.node_id, "001")])
    assert township.store.items.item(number).state is State.ESCALATED
    # the register search works at the township (search text is derived there)
    assert len(township.store.register.search_persons("张三")) == 2

    township.store.items.move(
        number, State.ASSIGNED, actor="王乡长", role=Role.TOWNSHIP, data=ASSIGN
    )
    township.store.items.move(
        number, State.RESOLVED, actor="民政办", role=Role.TOWNSHIP, note="已修复",
        data={"result": "桥梁已修复"},
    )  # fmt: skip
    dispatches = township.export(tmp_path / "back")
    assert len(dispatches) == 2
    mine = [p for p in dispatches if p.stem.endswith(one.code)]
    assert one.sync.import_bundles(mine, one.keys)[0].status == APPLIED

    detail = one.store.items.item(number)
    assert detail.state is State.RESOLVED
    assert [e.to_state for e in detail.events][-2:] == [State.ASSIGNED, State.RESOLVED]
    assert detail.due_on == dt.date(2026, 12, 4)
    # the dispatch acknowledged everything: the station's outbox is empty
    assert _outbox(one) == 0
    # the station follows up; the township sees it
    one.store.items.move(
        number, State.FOLLOWED_UP, actor="李秀英", data={"satisfaction": "满意", "way": "电话"}
    )
    again = one.export(tmp_path / "usb2")
    assert township.sync.import_bundles(again, township.keys)[0].status == APPLIED
    assert township.store.items.item(number).state is State.FOLLOWED_UP


def test_reimport_says_already_and_changes_nothing(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    first = township.sync.import_bundle(bundle, township.keys)
    second = township.sync.import_bundle(bundle, township.keys)
    assert first.status == APPLIED
    assert second.status == ALREADY
    assert "导入过" in second.message
    assert second.applied == first.applied


def test_bundles_are_cumulative_until_acknowledged(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    lost = one.export(tmp_path / "lost")[0]  # this stick never reaches the township
    register(one.store, FRIDAY + dt.timedelta(hours=1))
    later = one.export(tmp_path / "usb")[0]
    report = township.sync.import_bundle(later, township.keys)
    assert report.seq_from == 1
    with township.store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.IntakeItem)) == 2
    # the lost stick turns up: everything in it is already there
    assert township.sync.import_bundle(lost, township.keys).status == ALREADY


def test_new_keys_new_epoch_old_bundles_still_verify(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    old = one.export(tmp_path / "old")[0]
    assert township.sync.import_bundle(old, township.keys).status == APPLIED
    # the station's passphrase is lost: new keys, epoch 2, enrolled again (the sealing
    # itself, SyncService.rekey, is tested through the CLI in tests/cli/test_sync.py)
    _new_epoch(township, one, tmp_path, "again")
    register(one.store, FRIDAY + dt.timedelta(hours=2))
    new = one.export(tmp_path / "new")[0]
    report = township.sync.import_bundle(new, township.keys)
    # the unacknowledged changes of epoch 1 come again in epoch 2: had, not applied twice
    assert report.status == APPLIED and report.applied > 0 and report.skipped > 0
    with township.store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.IntakeItem)) == 2
    # the old bundle, signed with the old key, still verifies (and is already there)
    assert township.sync.import_bundle(old, township.keys).status == ALREADY


def _new_epoch(township: Node, station: Node, tmp_path: Path, name: str) -> None:
    from qunzhong_desktop.sync.keys import NodeKeys

    station.keys = NodeKeys.generate()
    station.sync.start_new_epoch()
    enrollment = tmp_path / f"{name}.qzenroll"
    township.sync.enroll(enrollment, station.sync.write_enrollment(enrollment, station.keys))


def _conflicts(node: Node) -> int:
    from qunzhong_desktop.storage.models_sync import SyncConflict

    with node.store.db.session() as s:
        return s.scalar(select(func.count()).select_from(SyncConflict)) or 0


def test_new_keys_on_the_same_pc_carry_its_history_on_without_conflicts(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    hid = _household(one, "001", "张三", "")
    township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    household = one.store.register.household(hid)
    household.phone = "0731-84560001"
    one.store.register.save_household(household)  # made in epoch 1, not yet sent
    _new_epoch(township, one, tmp_path, "rekey")
    one.store.register.delete_household(hid)  # and a delete in epoch 2
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert (report.status, report.flagged) == (APPLIED, 0), report.message
    assert _conflicts(township) == 0
    with township.store.db.session() as s:
        row = s.get(m.Household, hid)
        assert row is not None and row.phone == "0731-84560001" and row.deleted_at is not None


def test_a_pc_restored_from_an_old_backup_is_a_rival_history_and_is_flagged(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    import shutil

    from qunzhong_desktop.home import database_path
    from qunzhong_desktop.storage.database import Database
    from qunzhong_desktop.storage.store import Store

    township, one, _ = net
    hid = _household(one, "001", "张三", "")
    township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    one.store.close()
    shutil.copy(database_path(one.home), tmp_path / "backup.sqlite3")  # the old backup
    one.store = Store(home=one.home, db=Database(database_path(one.home), user="测试员"))
    one.sync.db = one.store.db
    household = one.store.register.household(hid)
    household.phone = "0731-84560001"
    one.store.register.save_household(household)
    township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    # the disk fails; the PC comes back from the backup, with new keys
    one.store.close()
    shutil.copy(tmp_path / "backup.sqlite3", database_path(one.home))
    one.store = Store(home=one.home, db=Database(database_path(one.home), user="测试员"))
    one.sync.db = one.store.db
    _new_epoch(township, one, tmp_path, "restored")
    household = one.store.register.household(hid)
    household.phone = "0731-84560002"  # typed again, differently
    one.store.register.save_household(household)
    report = township.sync.import_bundle(one.export(tmp_path / "c")[0], township.keys)
    assert report.flagged > 0 and _conflicts(township) > 0  # visible, not silent
