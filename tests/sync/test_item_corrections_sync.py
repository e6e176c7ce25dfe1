"""A correction of a saved item travels to the township with its history (issue 12 item 3)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node
from tests.helpers.refusals import refused

LATER = FRIDAY + dt.timedelta(days=1, hours=1)


def _correct(node: Node, number: str, **changes: object) -> None:
    item = node.store.items.item(number)
    fix = ItemFix(item.requester_name, item.requester_phone, item.requester_person_id,
                  item.domain, item.grade, item.content)  # fmt: skip
    node.store.items.correct(
        number, dataclasses.replace(fix, **changes),  # type: ignore[arg-type]
        actor="李秀英", reason="群众来电说明情况", now=LATER,
    )  # fmt: skip


def test_the_township_sees_the_corrected_item_and_who_corrected_it(
    net: tuple[Node, Node, Node], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, one, _two = net
    number = register(one.store, FRIDAY, item_type="上报件")
    assert township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys).flagged == 0
    # the township assigns it meanwhile; the station corrects the grade and content
    deadline = (FRIDAY.date() + dt.timedelta(days=10)).isoformat()
    township.store.items.move(number, State.AWAITING_ASSIGNMENT, actor="乡镇", role=Role.TOWNSHIP)
    township.store.items.move(
        number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP,
        data={"unit": township.store.items.units()[0], "deadline": deadline},
    )  # fmt: skip
    _correct(one, number, grade="A", content="养老保险补缴，群众急需")
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    there = township.store.items.item(number)
    assert (there.grade, there.content, there.state) == (
        "A",
        "养老保险补缴，群众急需",
        State.ASSIGNED,
    )
    [entry] = there.corrections
    assert (entry.actor, entry.at, entry.reason) == ("李秀英", LATER, "群众来电说明情况")
    assert entry.changes["grade"] == ("B", "A")
    # the township's steps come back and the station's correction stays
    down = township.export(tmp_path / "down", one.code)[0]
    assert one.sync.import_bundle(down, one.keys).flagged == 0
    here = one.store.items.item(number)
    assert here.state is State.ASSIGNED and here.corrections == there.corrections
    # the township's CLI shows it in the item's history
    township.store.db.close()  # the CLI opens the store itself
    assert main(["items", "show", number, "--home", str(township.home)]) == 0
    shown = capsys.readouterr().out
    assert "李秀英　更正　等级：B 一般 → A 重大紧急" in shown
    assert "13812345678" not in shown  # the phone masked


def test_a_correction_of_another_stations_item_is_refused(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, two = net
    number = register(one.store, FRIDAY)
    assert township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys).flagged == 0
    item_id = one.store.items.item(number).id
    fields = {
        "item_id": item_id, "at": "2026-11-21T10:00:00", "actor": "冒名", "reason": "",
        "changes": {"grade": {"old": "B", "new": "A"}}, "deleted_at": None,
    }  # fmt: skip
    bundle = forge(
        two, township, tmp_path / "forged.qzb",
        [change(two, 1, "item_correction", new_id(), "insert", fields)],
    )  # fmt: skip
    error = refused(township, bundle, "not_owned")
    assert "事项" in error.message
    missing = forge(
        two, township, tmp_path / "missing.qzb",
        [change(two, 1, "item_correction", new_id(), "insert", {**fields, "item_id": new_id()})],
    )  # fmt: skip
    refused(township, missing, "reference")
