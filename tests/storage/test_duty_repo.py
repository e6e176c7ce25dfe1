"""The township's duty roster and reception log on SQLite (信访值周, 接访登记)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.duty import Reception
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

MON = dt.date(2026, 11, 2)  # a Monday
SAT = dt.date(2026, 11, 7)
OCT1 = dt.date(2026, 10, 1)  # 国庆: a day off on a Thursday


@pytest.fixture
def township(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    store = make_township(copy_store(_template_dirs[0], tmp_path / "township"))
    yield store
    store.close()


def test_set_replace_clear_and_the_roster(township: Store) -> None:
    duty = township.duty
    duty.set_duty(MON, " 张书记 ")
    duty.set_duty(MON, "李镇长", note="调班")  # replaces the day's row
    assert duty.duties(MON, MON)[0].member == "李镇长" and duty.on_duty(MON) == "李镇长"
    with township.db.session() as s:
        assert len(s.scalars(select(m.DutyDay)).all()) == 1
    roster = duty.roster(MON, MON + dt.timedelta(days=6))
    assert roster.uncovered == tuple(MON + dt.timedelta(days=n) for n in range(1, 5))
    assert [c.working for c in roster.weeks[0].days] == [True] * 5 + [False] * 2
    assert duty.clear(MON) and not duty.clear(MON)
    assert MON in duty.roster(MON, MON).uncovered


def test_a_day_off_and_bad_spans_are_refused(township: Store) -> None:
    for day in (SAT, OCT1):
        with pytest.raises(ValidationError, match="不是工作日") as caught:
            township.duty.set_duty(day, "张书记")
        assert caught.value.code == "duty.day_off"
    with pytest.raises(ValidationError, match="值班的班子成员"):
        township.duty.set_duty(MON, "  ")
    with pytest.raises(ValidationError, match="结束日期早于开始日期"):
        township.duty.rotate(["张书记"], MON, MON - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="按周"):
        township.duty.rotate(["张书记"], MON, MON, by="month")
    assert township.duty.duties(OCT1, SAT) == []


def test_rotate_by_week_replaces_the_span(township: Store) -> None:
    township.duty.set_duty(MON, "赵委员")
    count = township.duty.rotate(["张书记", "李镇长"], MON, MON + dt.timedelta(days=13))
    assert count == 10
    members = [d.member for d in township.duty.duties(MON, MON + dt.timedelta(days=13))]
    assert members == ["张书记"] * 5 + ["李镇长"] * 5
    assert township.duty.roster(MON, MON + dt.timedelta(days=13)).uncovered == ()
    assert township.duty.rotate(["王委员"], MON, MON, by="day") == 1
    assert township.duty.on_duty(MON) == "王委员"


def test_receptions_default_to_the_member_on_duty(township: Store) -> None:
    duty = township.duty
    duty.set_duty(MON, "张书记")
    kept = duty.add_reception(
        Reception(MON, "", " 反映征地补偿 ", visitors=3, units=("镇司法所", "镇司法所")), today=MON
    )
    assert (kept.member, kept.matter, kept.units, kept.joint) == (
        "张书记", "反映征地补偿", ("镇司法所",), True,
    )  # fmt: skip
    assert duty.roster(MON, MON).weeks[0].days[0].receptions == 1
    with pytest.raises(ValidationError, match="今天之后"):
        duty.add_reception(Reception(MON + dt.timedelta(days=1), "", "事"), today=MON)
    with pytest.raises(ValidationError, match="无人值班，请填写接访人"):
        duty.add_reception(Reception(MON - dt.timedelta(days=3), "", "事"), today=MON)
    edited = duty.edit_reception(
        Reception(MON, "李镇长", "反映征地补偿", 2, (), "已交镇国土所", id=kept.id), today=MON
    )
    assert (edited.member, edited.joint, edited.handling) == ("李镇长", False, "已交镇国土所")
    duty.delete_reception(kept.id or "")
    assert duty.receptions(MON, MON) == []
    with pytest.raises(NotFoundError):
        duty.delete_reception(kept.id or "")
    assert duty.restore_reception(kept.id or "") == edited
    assert duty.receptions(MON, MON) == [edited]


def test_a_station_keeps_no_roster(store: Store) -> None:
    with pytest.raises(ValidationError, match="工作站不能排班") as caught:
        store.duty.set_duty(MON, "张书记")
    assert caught.value.code == "duty.role"
    with pytest.raises(ValidationError, match="工作站不能排班"):
        store.duty.add_reception(Reception(MON, "张书记", "事"), today=MON)
