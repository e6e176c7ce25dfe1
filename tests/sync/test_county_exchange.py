"""Station data reaches the county through its township, each change keeping its origin.

Three tiers on SQLite with in-memory keys: a county, the township 白沙镇 and two of its
stations; station 1 worked before the township joined the county (the backfill), station 2
after (the relay). The county's rows equal the township's for every station table. The
county runs on both engines (``tiers``); one test has the township on PostgreSQL relaying to
a county on SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync import apply_sql, schema
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.backends import BACKENDS, EMPTY, empty_on_server, server_store
from tests.helpers.bundles import assemble, entries
from tests.helpers.county_data import at_township, station_item
from tests.helpers.dbhash import store_digest
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import (
    Frozen,
    Node,
    freeze,
    join_county,
    make_county,
    make_other_township,
    make_station,
    make_township,
    thaw,
)
from tests.helpers.refusals import HOUSEHOLD
from tests.helpers.refusals import refused as refused_file
from tests.helpers.register_data import seed

_SKIP = {"created_at", "updated_at"}


def rows(node: Node, cls: type[m.Base]) -> list[tuple[Any, ...]]:
    """Every row of a table, ordered by id, without the local times."""
    table: Any = cls.__table__  # type: ignore[attr-defined]
    cols = [c for c in table.columns if c.name not in _SKIP]
    with node.store.db.session() as s:
        return [tuple(r) for r in s.execute(select(*cols).order_by(table.c.id))]


def digest(node: Node) -> str:
    """Every row of every table of the models, in key order, on either engine."""
    return store_digest(node.store)


def refused(receiver: Node, bundle: Path, code: str) -> BundleRefused:
    """Refused with ``code``, every table unchanged (and the SQLite file, where one is)."""
    before = digest(receiver)
    if receiver.store.db.dialect == "sqlite":
        error = refused_file(receiver, bundle, code)
    else:
        with pytest.raises(BundleRefused) as caught:
            receiver.sync.import_bundle(bundle, receiver.keys)
        assert caught.value.code == f"bundle.{code}", caught.value.message
        error = caught.value
    assert digest(receiver) == before
    return error


def household_owners(node: Node) -> dict[str, int]:
    """How many households each owner has at ``node``."""
    with node.store.db.session() as s:
        return dict(
            s.execute(  # type: ignore[arg-type]
                select(SyncRowVersion.owner, func.count())
                .where(SyncRowVersion.table_name == "household")
                .group_by(SyncRowVersion.owner)
            ).all()
        )


def sync_up(township: Node, county: Node, stations: list[Node], usb: Path) -> list[Path]:
    """Each station's bundle into the township, then the township's export (all of it)."""
    for station in stations:
        for bundle in station.export(usb / station.code):
            assert township.sync.import_bundle(bundle, township.keys).status in (APPLIED, ALREADY)
    return township.export(usb / "township")


def county_bundle(paths: list[Path], county: Node) -> Path:
    (found,) = [p for p in paths if p.stem.endswith(county.code)]
    return found


# engine → the four nodes as the fixture leaves them: set up once per worker and engine
_TIERS: dict[str, Frozen] = {}


def _three_tiers(request: pytest.FixtureRequest, template: Path, root: Path) -> Frozen:
    on_server, databases = None, {}
    if request.param == "postgresql":
        databases["county"] = "tiers_county"
        on_server = empty_on_server(request, databases["county"], root / "county")
    county = make_county(template, root / "county", store=on_server)
    township = make_township(template, root / "township")
    one = make_station(template, root / "s1", township, 1)
    two = make_station(template, root / "s2", township, 2)
    seed(one.store, 3)
    register(one.store, FRIDAY)
    sync_up(township, county, [one], root / "before")
    join_county(county, township)
    seed(two.store, 2)
    register(two.store, FRIDAY)
    return freeze(root, [county, township, one, two], databases)


@pytest.fixture(params=BACKENDS)
def tiers(
    request: pytest.FixtureRequest,
    _template_dirs: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> Iterator[tuple[Node, Node, Node, Node]]:
    """(county, township, station 1, station 2); station 1 worked before the county.

    The county runs on SQLite and on PostgreSQL (the stations and the township on SQLite).
    Set up once per worker and engine; each test gets its own copy of the four.
    """
    if request.param not in _TIERS:
        root = tmp_path_factory.mktemp(f"tiers-{request.param}")
        _TIERS[request.param] = _three_tiers(request, _template_dirs[0], root)
    county, township, one, two = thaw(
        _TIERS[request.param],
        tmp_path,
        lambda database, home: server_store(request.getfixturevalue("pg_cluster"), database, home),
    )
    yield county, township, one, two
    for node in (county, township, one, two):
        node.close()


def test_station_rows_reach_the_county_with_their_origin(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one, two = tiers
    paths = sync_up(township, county, [one, two], tmp_path / "usb")
    bundle = county_bundle(paths, county)
    report = county.sync.import_bundle(bundle, county.keys)
    assert report.status == APPLIED and report.sender_code == township.code
    for cls in schema.STATION_TABLES:
        assert rows(county, cls) == rows(township, cls), cls.__tablename__
    owners = household_owners(county)
    assert owners == household_owners(township)  # each row under its station
    assert set(owners) == {one.node_id, two.node_id}
    with county.store.db.session() as s:
        listed = {p.code: p.role for p in s.scalars(select(SyncPeer))}
    assert listed == {township.code: "township", one.code: "station", two.code: "station"}
    # the same bundle again changes nothing
    assert county.sync.import_bundle(bundle, county.keys).status == ALREADY
    # more work at station 2, and a cumulative bundle: only the new lines are applied
    register(two.store, FRIDAY)
    paths = sync_up(township, county, [two], tmp_path / "usb2")
    again = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert again.status == APPLIED
    for cls in schema.STATION_TABLES:
        assert rows(county, cls) == rows(township, cls), cls.__tablename__


def test_the_county_acknowledges_and_the_township_prunes(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one, two = tiers
    paths = sync_up(township, county, [one, two], tmp_path / "usb")
    county.sync.import_bundle(county_bundle(paths, county), county.keys)
    for station in (one, two):  # the stations' acknowledgements of the township
        for path in paths:
            if path.stem.endswith(station.code):
                station.sync.import_bundle(path, station.keys)
    with township.store.db.session() as s:
        assert s.scalar(select(func.count(m.SyncChange.seq))) > 0  # the county has not acked
    (dispatch,) = county.export(tmp_path / "down")
    assert township.sync.import_bundle(dispatch, township.keys).status in (APPLIED, ALREADY)
    for station in (one, two):  # one more round of acknowledgements of the stations
        for bundle in station.export(tmp_path / "r2" / station.code):
            township.sync.import_bundle(bundle, township.keys)
    later = township.export(tmp_path / "r2" / "township")
    for station in (one, two):
        for path in later:
            if path.stem.endswith(station.code):
                station.sync.import_bundle(path, station.keys)
    county.sync.import_bundle(county_bundle(later, county), county.keys)
    (dispatch,) = county.export(tmp_path / "down2")
    township.sync.import_bundle(dispatch, township.keys)
    with township.store.db.session() as s:
        left = s.scalar(select(func.count(m.SyncChange.seq)))
    assert left == 0  # every peer acknowledged every line: the relay log is pruned


def _first(tiers: tuple[Node, Node, Node, Node], tmp_path: Path) -> tuple[Node, Node, Node]:
    county, township, one, two = tiers
    paths = sync_up(township, county, [one, two], tmp_path / "usb")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    return county, township, one


def _seq_after(township: Node, county: Node) -> int:
    with county.store.db.session() as s:
        peer = s.get(SyncPeer, township.node_id)
        assert peer is not None
        return peer.received_through + 1


def test_a_change_of_a_station_the_township_never_enrolled_is_refused(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, _ = _first(tiers, tmp_path)
    seq = _seq_after(township, county)
    stranger = new_id()
    lines = [
        change(township, 0, "stations", "", "update", {"stations": []}),
        change(township, seq, "household", new_id(), "insert", HOUSEHOLD, node_id=stranger),
    ]
    error = refused(
        county,
        forge(township, county, tmp_path / "x.qzb", lines, kind="changes", seq_from=seq),
        "unknown_origin",
    )
    assert "未登记的工作站" in error.message


def test_a_station_change_on_a_township_table_and_a_foreign_row_are_refused(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one = _first(tiers, tmp_path)
    seq = _seq_after(township, county)
    listing = change(township, 0, "stations", "", "update", {"stations": [
        {"node_id": one.node_id, "code": one.code, "name": one.name, "epoch": 1}]})  # fmt: skip
    duty = {"day": "2026-01-05", "person": "王", "note": ""}
    bad = forge(township, county, tmp_path / "a.qzb", [listing, change(township, seq, "duty_day", new_id(), "insert", duty, node_id=one.node_id)], kind="changes", seq_from=seq)  # fmt: skip
    refused(county, bad, "unknown_table")
    # station 1 may not change station 2's household (it is station 2's row at the county)
    with county.store.db.session() as s:
        theirs = s.scalars(
            select(SyncRowVersion.row_id).where(
                SyncRowVersion.table_name == "household", SyncRowVersion.owner != one.node_id
            )
        ).first()
    assert theirs is not None
    line = change(township, seq, "household", theirs, "update", {"note": "改"}, node_id=one.node_id)
    refused(county, forge(township, county, tmp_path / "b.qzb", [listing, line], kind="changes", seq_from=seq), "not_owned")  # fmt: skip


def test_a_list_without_stations_line_or_with_a_foreign_station_is_refused(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one = _first(tiers, tmp_path)
    seq = _seq_after(township, county)
    line = change(township, seq, "household", new_id(), "insert", HOUSEHOLD, node_id=one.node_id)
    refused(county, forge(township, county, tmp_path / "a.qzb", [line], kind="changes", seq_from=seq), "stations_missing")  # fmt: skip
    foreign = change(township, 0, "stations", "", "update", {"stations": [
        {"node_id": new_id(), "code": "430122101201", "name": "外县村", "epoch": 1}]})  # fmt: skip
    refused(county, forge(township, county, tmp_path / "b.qzb", [foreign, line], kind="changes", seq_from=seq), "stations_invalid")  # fmt: skip


def test_gap_clone_tamper_and_strangers_are_refused_at_the_county(
    _template_dirs: tuple[Path, Path], tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, _ = _first(tiers, tmp_path)
    seq = _seq_after(township, county)
    listing = change(township, 0, "stations", "", "update", {"stations": []})
    own = change(township, seq + 5, "duty_day", new_id(), "insert", {"day": "2026-01-05", "person": "王", "note": ""})  # fmt: skip
    refused(county, forge(township, county, tmp_path / "gap.qzb", [listing, own], kind="changes", seq_from=seq + 5), "sequence_gap")  # fmt: skip
    clone = change(township, seq - 1, "duty_day", new_id(), "insert", {"day": "2026-01-06", "person": "李", "note": ""})  # fmt: skip
    refused(county, forge(township, county, tmp_path / "clone.qzb", [listing, clone], kind="changes", seq_from=seq - 1), "cloned")  # fmt: skip
    good = forge(township, county, tmp_path / "ok.qzb", [listing], kind="changes", seq_from=seq, seq_to=seq - 1)  # fmt: skip
    parts = entries(good)  # the manifest edited after signing: a longer range
    parts["manifest.json"] = parts["manifest.json"].replace(b'"from":', b'"from":1')
    refused(county, assemble(tmp_path / "tampered.qzb", parts.items()), "signature_bad")
    stranger = make_other_township(_template_dirs[0], tmp_path / "t9", 9)
    try:
        bundle = forge(stranger, county, tmp_path / "s.qzb", [listing], kind="changes")
        assert "尚未在本县登记" in refused(county, bundle, "unknown_sender").message
    finally:
        stranger.close()


def test_a_major_matter_goes_up_to_the_county_and_its_result_comes_down(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one, two = tiers
    hour = dt.timedelta(hours=1)
    number = station_item(one.store, "跨乡镇土地权属纠纷", now=FRIDAY)
    sync_up(township, county, [one], tmp_path / "u1")
    at_township(township.store, number, now=FRIDAY + hour)
    township.store.items.escalate_to_county(
        number, "涉及跨乡镇土地权属，乡镇无法协调", actor="乡镇干部", now=FRIDAY + 2 * hour
    )
    paths = sync_up(township, county, [], tmp_path / "u2")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    assert county.store.items.item(number).state == State.ESCALATED_COUNTY
    county.store.county.add_department("县自然资源局")
    county.store.county.assign(number, "县自然资源局", 5, actor="县干部", now=FRIDAY + 3 * hour)
    county.store.county.record_result(number, "已协调确权", actor="县干部", now=FRIDAY + 4 * hour)
    (down,) = county.export(tmp_path / "d1")
    assert township.sync.import_bundle(down, township.keys).status == APPLIED
    assert township.store.items.item(number).state == State.RESOLVED
    for path in township.export(tmp_path / "d2"):
        for station in (one, two):
            if path.stem.endswith(station.code):
                assert station.sync.import_bundle(path, station.keys).status == APPLIED
    detail = one.store.items.item(number)
    assert detail.state == State.RESOLVED
    # the station follows up and closes as today
    one.store.items.move(number, State.FOLLOWED_UP, actor="站务员", now=FRIDAY + 5 * hour,
                         data={"way": "电话", "satisfaction": "满意"})  # fmt: skip
    one.store.items.move(number, State.CLOSED, actor="站务员", now=FRIDAY + 6 * hour)
    assert one.store.items.item(number).state == State.CLOSED
    with one.store.db.session() as s:
        roles = list(
            s.scalars(select(m.ItemEvent.actor_role).where(m.ItemEvent.item_id == detail.id))
        )
    assert roles.count(Role.COUNTY) == 2 and Role.TOWNSHIP in roles
    # station 2's dispatch carries none of it, and the county's own lines never go back up
    with two.store.db.session() as s:
        assert s.get(m.IntakeItem, detail.id) is None
    paths = sync_up(township, county, [one], tmp_path / "u3")
    again = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert again.status == APPLIED and not again.flagged
    assert county.store.items.item(number).state == State.CLOSED  # the close went up too


def test_a_relayed_county_step_on_another_stations_item_is_refused_at_the_station(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one, two = tiers
    number = station_item(two.store, "企业欠薪", now=FRIDAY)
    sync_up(township, county, [two], tmp_path / "u1")
    item_id = township.store.items.item(number).id
    for path in township.export(tmp_path / "d0"):
        if path.stem.endswith(one.code):
            one.sync.import_bundle(path, one.keys)
    with one.store.db.session() as s:
        seq = (s.get(SyncPeer, township.node_id) or SyncPeer()).received_through + 1
    event = {"item_id": item_id, "from_state": "escalated_county", "to_state": "county_assigned",
             "actor": "县干部", "actor_role": "county", "note": "", "at": "2026-01-09T10:00:00",
             "position": 9, "data": {}, "deleted_at": None}  # fmt: skip
    line = change(township, seq, "item_event", new_id(), "insert", event, node_id=county.node_id)
    bundle = forge(township, one, tmp_path / "x.qzb", [line], kind="dispatch", seq_from=seq)
    refused(one, bundle, "not_owned")


def test_the_county_board_shows_townships_and_their_stations(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    county, township, one, two = tiers
    paths = sync_up(township, county, [one, two], tmp_path / "usb")
    county.sync.import_bundle(county_bundle(paths, county), county.keys)
    (board,) = county.sync.county_board()
    assert board.township.code == township.code and board.township.enrolled
    assert board.township.received_through > 0 and board.township.last_received_at
    assert [s.code for s in board.stations] == [one.code, two.code]
    assert all(not s.enrolled and not s.fingerprint for s in board.stations)  # no keys here
    assert board.open_items == sum(s.open_items for s in board.stations) >= 2


@pytest.mark.pg
def test_a_township_on_postgresql_relays_its_stations_to_a_county_on_sqlite(
    _template_dirs: tuple[Path, Path], pg_cluster: Any, _pg_templates: None, tmp_path: Path
) -> None:
    """station → township (PostgreSQL) → county (SQLite) and back: station 1 worked before the
    township joined the county (backfill), station 2 after (relay); the county's rows equal
    the township's; a county move comes down through the server township to the station;
    a tampered county bundle is refused with the county unchanged."""
    template = _template_dirs[0]
    on_server = server_store(pg_cluster, EMPTY, tmp_path / "township")
    county = make_county(template, tmp_path / "county")
    township = make_township(template, tmp_path / "township", store=on_server)
    one = make_station(template, tmp_path / "s1", township, 1)
    two = make_station(template, tmp_path / "s2", township, 2)
    try:
        assert township.store.db.on_server and not county.store.db.on_server
        seed(one.store, 2)
        number = station_item(one.store, "跨乡镇土地权属纠纷", now=FRIDAY)
        sync_up(township, county, [one], tmp_path / "before")
        join_county(county, township)
        register(two.store, FRIDAY)  # (no residents: seed's people are station 1's)
        at_township(township.store, number, now=FRIDAY + dt.timedelta(hours=1))
        township.store.items.escalate_to_county(
            number, "涉及跨乡镇土地权属，乡镇无法协调", actor="乡镇干部",
            now=FRIDAY + dt.timedelta(hours=2),
        )  # fmt: skip
        bundle = county_bundle(sync_up(township, county, [two], tmp_path / "u1"), county)
        parts = entries(bundle)  # one byte of the encrypted payload changed
        payload = bytearray(parts["payload.age"])
        payload[len(payload) // 2] ^= 1
        parts["payload.age"] = bytes(payload)
        refused(county, assemble(tmp_path / "tampered.qzb", parts.items()), "payload_hash")
        report = county.sync.import_bundle(bundle, county.keys)
        assert report.status == APPLIED and not report.flagged, report.message
        for cls in (*schema.STATION_TABLES, *schema.TOWNSHIP_OWN):
            assert rows(county, cls) == rows(township, cls), cls.__tablename__
        assert household_owners(county) == household_owners(township)
        with county.store.db.session() as s:  # station 2's items came by the relay
            numbers = set(s.scalars(select(m.IntakeItem.number)))
        assert {n[:12] for n in numbers} == {one.code, two.code}
        # the county's move comes down through the township on the server to station 1
        county.store.county.add_department("县自然资源局")
        county.store.county.assign(number, "县自然资源局", 5, actor="县干部",
                                   now=FRIDAY + dt.timedelta(hours=3))  # fmt: skip
        (down,) = county.export(tmp_path / "d1")
        assert township.sync.import_bundle(down, township.keys).status == APPLIED
        for path in township.export(tmp_path / "d2"):
            if path.stem.endswith(one.code):
                assert one.sync.import_bundle(path, one.keys).status == APPLIED
        for node in (county, township, one):
            assert node.store.items.item(number).state == State.COUNTY_ASSIGNED, node.name
    finally:
        for node in (county, township, one, two):
            node.close()


def test_a_station_change_the_township_did_not_write_is_not_written_at_the_county(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rival history's older value loses at the township (logged as a conflict): the county
    must keep the township's value too, not take the relayed line as a later value."""
    import shutil
    import time
    from types import SimpleNamespace

    from qunzhong_desktop.storage import changes
    from qunzhong_desktop.sync.keys import NodeKeys

    county, township, one = _first(tiers, tmp_path)

    def reopen(source: Path | None = None) -> None:
        one.store.close()
        if source is not None:
            shutil.copy(source, database_path(one.home))
        one.store = Store(home=one.home, db=Database(database_path(one.home), user="测试员"))
        one.sync.db = one.store.db

    hid = one.store.register.search_households()[0]
    reopen()
    shutil.copy(database_path(one.home), tmp_path / "backup.sqlite3")  # the old backup
    household = one.store.register.household(hid)
    household.phone = "0731-84560001"
    one.store.register.save_household(household)
    paths = sync_up(township, county, [one], tmp_path / "a")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    # the disk fails; the PC comes back from the backup with new keys and its clock behind
    reopen(tmp_path / "backup.sqlite3")
    one.keys = NodeKeys.generate()
    one.sync.start_new_epoch()
    enrollment = tmp_path / "restored.qzenroll"
    township.sync.enroll(enrollment, one.sync.write_enrollment(enrollment, one.keys))
    behind = SimpleNamespace(time=lambda: time.time() - 3600)
    with monkeypatch.context() as patch:
        patch.setattr(changes, "time", behind)
        household = one.store.register.household(hid)
        household.phone, household.address = "0731-84560002", "白沙村五组"
        one.store.register.save_household(household)
    paths = sync_up(township, county, [one], tmp_path / "b")
    with township.store.db.session() as s:
        row = s.get(m.Household, hid)
        assert row is not None and row.phone == "0731-84560001"  # the newer value kept
        assert row.address == "白沙村五组"  # (a field nobody else changed is written)
    report = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert report.status == APPLIED
    assert rows(county, m.Household) == rows(township, m.Household)
    # the restored PC sends the household as an insert, stamped after it was made and
    # before the newer phone: its note is written, its phone is not (relayed as an update)
    with township.store.db.session() as s:
        made = s.get(SyncRowVersion, ("household", hid))
        peer = s.get(SyncPeer, one.node_id)
        assert made is not None and peer is not None
        row = s.get(m.Household, hid)
        assert row is not None
        fields = {**HOUSEHOLD, "number": row.number, "address": row.address,
                  "grid_id": row.grid_id, "cadre_id": row.cadre_id, "tags": row.tags,
                  "phone": "0731-84560003", "note": "补录"}  # fmt: skip
        seq = peer.received_through + 1
    line = change(one, seq, "household", hid, "insert", fields, millis=int(made.hlc[:16]) + 1)
    bundle = forge(one, township, tmp_path / "c.qzb", [line], sender_epoch=2)
    assert township.sync.import_bundle(bundle, township.keys).status == APPLIED
    paths = township.export(tmp_path / "c")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    assert rows(county, m.Household) == rows(township, m.Household)
    with county.store.db.session() as s:
        row = s.get(m.Household, hid)
        assert row is not None and (row.phone, row.note) == ("0731-84560001", "补录")


def _transitions(node: Node) -> list[tuple[str, str]]:
    from qunzhong_desktop.storage.models_sync import SyncConflict

    with node.store.db.session() as s:
        found = s.scalars(select(SyncConflict).where(SyncConflict.kind == "transition"))
        return [(c.row_id, c.lost_value) for c in found]


def test_a_crossing_at_the_township_comes_out_the_same_at_the_county(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path
) -> None:
    """The township escalates to the county (上报县) what the station withdraws meanwhile: the
    station's step is logged, not applied, at the township — and the same at the county."""
    county, township, one, _ = tiers
    number = station_item(one.store, "企业欠薪", now=FRIDAY)
    sync_up(township, county, [one], tmp_path / "u1")
    township.store.items.escalate_to_county(
        number, "涉及县直部门职责", actor="乡镇干部", now=FRIDAY + dt.timedelta(hours=1)
    )
    one.store.items.move(number, State.WITHDRAWN, actor="站务员", note="群众撤回",
                         now=FRIDAY + dt.timedelta(hours=2))  # fmt: skip
    paths = sync_up(township, county, [one], tmp_path / "u2")
    report = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert report.status == APPLIED and report.flagged == 1, report.message
    (logged,) = _transitions(township)  # the station's step (its row id), lost
    assert logged[1] == "withdrawn" and _transitions(county) == [logged]
    for node in (county, township):
        assert node.store.items.item(number).state == State.ESCALATED_COUNTY, node.name
    assert rows(county, m.ItemEvent) == rows(township, m.ItemEvent)


def test_a_township_restored_from_an_old_backup_is_a_rival_history_at_the_county(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The township's PC comes back from a backup older than what the county holds, with new
    keys, enrolled again, its clock behind: the county refuses nothing, skips what it holds,
    keeps the newer duty and logs the older one as a conflict, and takes the new rows."""
    import shutil
    import time
    from types import SimpleNamespace

    from qunzhong_desktop.storage import changes
    from qunzhong_desktop.storage.models_sync import SyncConflict
    from qunzhong_desktop.sync.keys import NodeKeys

    county, township, _ = _first(tiers, tmp_path)
    monday, tuesday = dt.date(2026, 3, 2), dt.date(2026, 3, 3)

    def reopen(source: Path | None = None) -> None:
        township.store.close()
        if source is not None:
            shutil.copy(source, database_path(township.home))
        db = Database(database_path(township.home), user="测试员")
        township.store = Store(home=township.home, db=db)
        township.sync.db = township.store.db

    township.store.duty.set_duty(monday, "张干部")
    paths = township.export(tmp_path / "a")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    reopen()
    shutil.copy(database_path(township.home), tmp_path / "backup.sqlite3")  # the old backup
    township.store.duty.set_duty(monday, "李干部")
    paths = township.export(tmp_path / "b")
    assert county.sync.import_bundle(county_bundle(paths, county), county.keys).status == APPLIED
    # the disk fails; the PC comes back from the backup, takes new keys, enrols again
    reopen(tmp_path / "backup.sqlite3")
    township.keys = NodeKeys.generate()
    assert township.sync.start_new_epoch() == 2
    enrollment = tmp_path / "restored.qzenroll"
    county.sync.enroll(enrollment, township.sync.write_enrollment(enrollment, township.keys))
    behind = SimpleNamespace(time=lambda: time.time() - 3600)
    with monkeypatch.context() as patch:
        patch.setattr(changes, "time", behind)
        township.store.duty.set_duty(monday, "王干部")  # older than 李干部 at the county
        township.store.duty.set_duty(tuesday, "赵干部")  # a new row
    before = rows(county, m.Household)
    paths = township.export(tmp_path / "c")  # (its stations need its new kit first)
    report = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert report.status == APPLIED, report.message
    assert county.store.duty.on_duty(monday) == "李干部"  # the newer value kept
    assert county.store.duty.on_duty(tuesday) == "赵干部"
    with county.store.db.session() as s:
        lost = s.scalars(
            select(SyncConflict.lost_value).where(SyncConflict.table_name == "duty_day")
        )
        assert "王干部" in " ".join(str(v) for v in lost)
    assert rows(county, m.Household) == before  # the station lines sent again: held already
    again = county.sync.import_bundle(county_bundle(paths, county), county.keys)
    assert again.status == ALREADY


GRID = {"name": "新组", "leader_name": "", "leader_phone": "", "retired": False, "deleted_at": None}


def _asked(patch: pytest.MonkeyPatch) -> list[tuple[str, str, list[str]]]:
    """The reference checks the import leaves to the database: (table, column, row ids)."""
    asked: list[tuple[str, str, list[str]]] = []
    for name in ("dangling_rows", "foreign_rows_of"):
        real = getattr(apply_sql, name)

        def spy(s: Any, table: str, column: str, parent: str, rows: list[Any], real: Any = real) -> Any:  # fmt: skip
            asked.append((table, column, [r if isinstance(r, str) else r[0] for r in rows]))
            return real(s, table, column, parent, rows)

        patch.setattr(apply_sql, name, spy)
    return asked


def test_references_within_the_bundle_are_settled_in_memory_and_still_refused(
    tiers: tuple[Node, Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county, township, one = _first(tiers, tmp_path)
    two = tiers[3]
    seq = _seq_after(township, county)
    listing = change(township, 0, "stations", "", "update", {"stations": [
        {"node_id": n.node_id, "code": n.code, "name": n.name, "epoch": 1} for n in (one, two)]})  # fmt: skip

    def bundle(name: str, *lines: tuple[Node, str, str, str, dict[str, Any]]) -> Path:
        made = [
            change(township, seq + i, table, row_id, op, fields, node_id=node.node_id)
            for i, (node, table, row_id, op, fields) in enumerate(lines)
        ]
        return forge(township, county, tmp_path / name, [listing, *made], kind="changes", seq_from=seq)  # fmt: skip

    # the lines are counted from 1, the list of stations first (it was counted twice)
    other = {**listing, "node_id": one.node_id}  # the list, from a station
    line = change(township, seq, "grid", new_id(), "insert", GRID, node_id=one.node_id)
    bad = forge(township, county, tmp_path / "bad.qzb", [other, line], kind="changes", seq_from=seq)  # fmt: skip
    assert refused(county, bad, "change_malformed").data["line"] == 1
    grid, house = new_id(), new_id()
    # station 2's household in the grid station 1 sends in the same bundle: not station 2's
    theirs = bundle("theirs.qzb",
        (one, "grid", grid, "insert", GRID),
        (two, "household", house, "insert", {**HOUSEHOLD, "grid_id": grid}))  # fmt: skip
    error = refused(county, theirs, "not_owned")
    assert "网格" in error.message and error.data["line"] == 3
    # a household put in a grid of the bundle, then moved to a grid nobody sent
    moved = bundle("moved.qzb",
        (one, "household", house, "insert", {**HOUSEHOLD, "grid_id": grid}),
        (one, "grid", grid, "insert", GRID),
        (one, "household", house, "update", {"grid_id": new_id()}))  # fmt: skip
    assert refused(county, moved, "reference").data["line"] == 2  # its first line, after the list
    # its own grid, sent after the household: accepted without asking the database
    with monkeypatch.context() as patch:
        asked = _asked(patch)
        report = county.sync.import_bundle(
            bundle("own.qzb",
                (one, "household", house, "insert", {**HOUSEHOLD, "grid_id": grid}),
                (one, "grid", grid, "insert", GRID)),
            county.keys,
        )  # fmt: skip
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert not [row for table, _, rows in asked if table == "household" for row in rows]
    with county.store.db.session() as s:
        assert s.get(m.Household, house).grid_id == grid  # type: ignore[union-attr]


FIX = ItemFix(
    requester_name="甲", requester_phone="", requester_person_id=None, domain="其他",
    grade="B", content="改",
)  # fmt: skip


def test_the_stations_records_are_only_read_at_the_township_and_the_county(
    tiers: tuple[Node, Node, Node, Node],
) -> None:
    county, township, _, _ = tiers
    for node in (county, township):
        store = node.store
        with store.db.session() as s:
            outbox = s.scalar(select(func.count()).select_from(m.SyncChange))
        writes = {
            # the county's bundle of a township carrying one of these would be refused, and
            # every later one with it: help, needs, meetings, information, 代办, 测评, 信访
            # marks, 更正 and 责任单位 of a station's item
            "assistance.role": partial(store.assistance.delete, "x"),
            "need.role": partial(store.needs.delete, "x"),
            "meeting.role": partial(store.meetings.delete, "x"),
            "info.role": partial(store.mass_info.delete, "x"),
            "agency.role": partial(store.agency.clear_agency, "x"),
            "evaluation.township": partial(store.evaluations.set_rows, "x", []),
            "petition.role": partial(store.petitions.mark, "x", Mark(level="初信初访")),
            "correction.role": partial(store.items.correct, "x", FIX, actor="县"),
            "responsibility.role": partial(
                store.items.set_responsibility, "x", competent="", paired=""
            ),
        }
        for code, write in writes.items():
            with pytest.raises(ValidationError) as caught:
                write()
            assert caught.value.code == code and "工作站" in caught.value.message, code
        with store.db.session() as s:
            assert s.scalar(select(func.count()).select_from(m.SyncChange)) == outbox
