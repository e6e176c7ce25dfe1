"""One station cannot write into another's rows or numbers (issue 10, case 3).

Before, a bundle claiming another station's next item number was accepted and that
station's genuine bundles were refused for good afterwards; a household could be put in
another station's grid.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.entities import Grid, Household, Person
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused

ITEM = {
    "year": 2026, "sequence": 2, "received_at": "2026-11-20T09:00:00", "channel": "来访",
    "requester_person_id": None, "requester_household_id": None, "requester_name": "冒名",
    "requester_phone": "", "domain": "其他", "grade": "B", "item_type": "承诺件",
    "content": "占号", "handler": "x", "promised_days": 5, "query_code": "ABCDEF",
    "state": "registered", "due_on": None, "diary_entry_id": None, "deleted_at": None,
}  # fmt: skip


def test_a_station_cannot_take_another_stations_item_number(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, two = net
    register(one.store, FRIDAY)  # station 1's item 00001; its next is 00002
    taken = f"{one.code}-2026-00002"
    bundle = forge(
        two, township, tmp_path / "squat.qzb",
        [change(two, 1, "intake_item", new_id(), "insert", {**ITEM, "number": taken})],
    )  # fmt: skip
    error = refused(township, bundle, "not_owned")
    assert taken in error.message
    # station 1's genuine bundles still import, its second item included
    register(one.store, FRIDAY)
    report = township.sync.import_bundle(one.export(tmp_path / "one")[0], township.keys)
    assert report.status == APPLIED
    with township.store.db.session() as s:
        assert taken in set(s.scalars(select(m.IntakeItem.number)))


def test_a_household_in_another_stations_grid_is_refused(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, two = net
    grid = one.store.register.save_grid(Grid(name="一组"))
    household = one.store.register.save_household(
        Household(number="001", grid_id=grid.id, members=[Person(name="张三")])
    )
    assert township.sync.import_bundle(one.export(tmp_path / "one")[0], township.keys).flagged == 0
    station_row = [change(two, 1, "station", new_id(), "insert", _station_fields(two))]
    lines = [
        *station_row,
        change(two, 2, "household", new_id(), "insert",
               {**HOUSEHOLD, "number": "901", "grid_id": grid.id}),
    ]  # fmt: skip
    error = refused(township, forge(two, township, tmp_path / "grid.qzb", lines), "not_owned")
    assert "网格" in error.message and error.data["line"] == 2
    person = {
        "household_id": household.id, "position": 5, "name": "混入者", "relation": "其他",
        "id_number": None, "gender": "", "birth_date": None, "phone": "", "tags": [],
        "flags": [], "search_text": "", "note": "", "deleted_at": None,
    }  # fmt: skip
    lines = [*station_row, change(two, 2, "person", new_id(), "insert", person)]
    error = refused(township, forge(two, township, tmp_path / "person.qzb", lines), "not_owned")
    assert "户" in error.message


def _station_fields(node: Node) -> dict[str, object]:
    with node.store.db.session() as s:
        station = s.scalars(select(m.Station)).one()
        return {
            "code": station.code, "name": station.name, "township_code": station.township_code,
            "township_name": station.township_name, "address": "", "phone": "",
            "opening_hours": "", "supervision_phone": "", "township_phone": "",
            "services": [], "operator": "", "deleted_at": None,
        }  # fmt: skip
