"""An item's 主管部门 and 双联系单位 travel with it (issue 17); an older station sends neither."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from qunzhong_desktop.core.units import Unit, register_json
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.units_repo import UNIT_REGISTER_SETTING
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node, station_code


def _put_register(node: Node) -> None:
    units = (
        Unit("镇民政办", domains=("社会保障",)),
        Unit("镇城建办", domains=("基础设施",)),
        Unit("县农业农村局", level="县直", kind="双联系单位", villages=(station_code(1),)),
    )
    with node.store.db.session() as s:
        s.merge(
            m.Setting(
                key=UNIT_REGISTER_SETTING,
                value=json.dumps(register_json(units), ensure_ascii=False),
            )
        )
        s.commit()


def _units(node: Node) -> dict[str, tuple[str, str]]:
    with node.store.db.session() as s:
        return {
            number: (competent, paired)
            for number, competent, paired in s.execute(
                select(m.IntakeItem.number, m.IntakeItem.competent_unit, m.IntakeItem.paired_unit)
            )
        }


def test_the_units_of_an_item_reach_the_township_and_an_edit_follows(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    _put_register(one)
    number = register(one.store, FRIDAY)
    report = township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert _units(township) == {number: ("镇民政办", "县农业农村局")}
    there = township.store.items.item(number)
    assert (there.competent_unit, there.paired_unit) == ("镇民政办", "县农业农村局")
    one.store.items.set_responsibility(number, competent="镇城建办", paired="")
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert _units(township) == {number: ("镇城建办", "")}


def _outbox(node: Node) -> list[dict[str, Any]]:
    with node.store.db.session() as s:
        return [
            {
                "seq": c.seq,
                "change_id": c.change_id,
                "node_id": c.node_id,
                "table_name": c.table_name,
                "row_id": c.row_id,
                "op": c.op,
                "fields": dict(c.fields),
                "hlc": c.hlc,
                "user": c.user,
            }
            for c in s.scalars(select(m.SyncChange).order_by(m.SyncChange.seq))
        ]


def test_an_item_from_a_station_of_the_previous_release_names_no_unit(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    _put_register(one)
    number = register(one.store, FRIDAY)
    lines = _outbox(one)
    inserts = [c for c in lines if c["table_name"] == "intake_item" and c["op"] == "insert"]
    assert len(inserts) == 1 and inserts[0]["fields"]["competent_unit"] == "镇民政办"
    for line in inserts:  # as schema 0011 wrote it: neither field
        del line["fields"]["competent_unit"], line["fields"]["paired_unit"]
    bundle = forge(one, township, tmp_path / "old.qzb", lines, schema_revision="0011")
    report = township.sync.import_bundle(bundle, township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert _units(township) == {number: ("", "")}
