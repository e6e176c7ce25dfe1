"""A petition's mark travels with its item (issue 18); the township keeps its duty roster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node


def test_a_petition_reaches_the_township_with_its_mark_and_only_the_station_changes_it(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    number = register(one.store, FRIDAY, petition="初信初访", petition_form="来访",
                      petition_reach="到乡")  # fmt: skip
    report = township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert township.store.petitions.mark_of(number) == Mark("初信初访", "来访", "到乡")
    one.store.petitions.mark(number, Mark("重复信访", "来访", "到县"))
    report = township.sync.import_bundle(one.export(tmp_path / "b")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert township.store.petitions.mark_of(number) == Mark("重复信访", "来访", "到县")
    day = FRIDAY.date()
    assert township.store.petitions.level_counts(day, day)["到县"] == 1
    with pytest.raises(ValidationError, match="乡镇和县里不能修改工作站的事项"):
        township.store.petitions.mark(number, Mark())
    # the township's roster is captured in its outbox but never sent down
    township.store.duty.set_duty(dt.date(2026, 11, 20), "张书记")
    down = township.export(tmp_path / "down", one.code)[0]
    assert one.sync.import_bundle(down, one.keys).status == APPLIED
    with one.store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.DutyDay)) == 0


def test_a_station_bundle_cannot_carry_duty_rows(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    fields = {"day": "2026-11-20", "member": "伪造", "note": ""}
    forged = forge(one, township, tmp_path / "forged.qzb",
                   [change(one, 1, "duty_day", new_id(), "insert", fields)])  # fmt: skip
    with pytest.raises(BundleRefused, match="未知的表 duty_day"):
        township.sync.import_bundle(forged, township.keys)
    with township.store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.DutyDay)) == 0
