"""An item's 主管部门 and 双联系单位 (issue 17): defaults on a new item, editing, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.access import Operator, PermissionDenied, Role
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.states import Role as StepRole
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.units import competent_of
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.responsibility_data import HERE, REGISTER, put_register


def outbox_fields(store: Store) -> list[dict[str, object]]:
    with store.db.session() as s:
        return [
            dict(c.fields)
            for c in s.scalars(
                select(m.SyncChange)
                .where(m.SyncChange.table_name == "intake_item")
                .order_by(m.SyncChange.seq)
            )
        ]


def test_a_new_item_takes_the_domains_competent_unit_and_the_villages_paired_unit(
    store: Store,
) -> None:
    put_register(store)
    item = store.items.item(register(store, FRIDAY))
    assert (item.competent_unit, item.paired_unit) == ("镇民政办", "县农业农村局")
    assert item.station_code == HERE and item.assigned_unit == ""
    other = store.items.item(register(store, FRIDAY, domain="教育"))  # no unit competent
    assert (other.competent_unit, other.paired_unit) == ("", "县农业农村局")
    assert outbox_fields(store)[0]["competent_unit"] == "镇民政办"


def test_without_a_register_of_details_nothing_is_named(store: Store) -> None:
    # the plain names of earlier releases: 乡镇 职能部门, competent for nothing, paired with none
    item = store.items.item(register(store, FRIDAY))
    assert (item.competent_unit, item.paired_unit) == ("", "")


def test_the_caller_names_them_and_a_name_outside_the_register_registers_nothing(
    store: Store,
) -> None:
    put_register(store)
    item = store.items.item(register(store, FRIDAY, competent_unit="镇城建办", paired_unit=""))
    assert (item.competent_unit, item.paired_unit) == ("镇城建办", "")
    with pytest.raises(ValidationError) as refused:
        register(store, FRIDAY, paired_unit="县水利局")
    assert refused.value.data["field"] == "paired"
    assert refused.value.message == "双联系单位“县水利局”不在责任单位名册中，请从名册中选择或留空。"
    with store.db.session() as s:  # no number was used up
        assert s.scalar(select(func.count()).select_from(m.IntakeItem)) == 1
        assert s.get(m.ItemCounter, 2026).last == 1  # type: ignore[union-attr]


def test_editing_sets_clears_and_travels(store: Store) -> None:
    put_register(store)
    number = register(store, FRIDAY)
    before = len(outbox_fields(store))
    after = store.items.set_responsibility(number, competent=" 镇城建办 ", paired="")
    assert (after.competent_unit, after.paired_unit) == ("镇城建办", "")
    assert store.items.item(number).competent_unit == "镇城建办"
    changes = outbox_fields(store)[before:]
    assert changes == [{"competent_unit": "镇城建办", "paired_unit": ""}]
    # the same again writes nothing
    store.items.set_responsibility(number, competent="镇城建办", paired="")
    assert len(outbox_fields(store)) == before + 1
    assert after.events == store.items.item(number).events  # no step, no correction
    assert after.corrections == []


def test_a_name_outside_the_register_is_refused_but_one_already_there_may_stay(
    store: Store,
) -> None:
    put_register(store)
    number = register(store, FRIDAY)
    with pytest.raises(ValidationError) as refused:
        store.items.set_responsibility(number, competent="县水利局", paired="")
    assert refused.value.code == "responsibility.unknown"
    assert refused.value.data["field"] == "competent"
    assert "主管部门“县水利局”不在责任单位名册中" in refused.value.message
    assert store.items.item(number).competent_unit == "镇民政办"  # unchanged
    # the township drops 镇民政办 from its register: the item keeps it; a new choice must be in it
    put_register(store, REGISTER[1:])
    kept = store.items.set_responsibility(number, competent="镇民政办", paired="镇便民服务中心")
    assert (kept.competent_unit, kept.paired_unit) == ("镇民政办", "镇便民服务中心")
    with pytest.raises(ValidationError):
        store.items.set_responsibility(number, competent="镇民政办", paired="镇民政办")


def test_void_missing_and_reader_are_refused(store: Store) -> None:
    put_register(store)
    number = register(store, FRIDAY)
    with pytest.raises(NotFoundError):
        store.items.set_responsibility(f"{HERE}-2026-00099", competent="", paired="")
    store.db.operator = Operator("op-1", "周查阅", Role.READER)
    with pytest.raises(PermissionDenied):
        store.items.set_responsibility(number, competent="", paired="")
    store.db.operator = None
    with write_paths.scope("test: a void item"), store.db.writing() as s:
        s.scalars(select(m.IntakeItem)).one().deleted_at = dt.datetime(2026, 11, 21)
    with pytest.raises(ValidationError) as void:
        store.items.set_responsibility(number, competent="", paired="")
    assert void.value.code == "responsibility.void"
    assert "已作废" in void.value.message


def test_the_township_does_not_change_a_stations_item(empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    with pytest.raises(ValidationError) as township:
        empty_store.items.set_responsibility(f"{HERE}-2026-00001", competent="", paired="")
    assert township.value.code == "responsibility.role"
    assert "交办" in township.value.message


def test_a_domain_correction_moves_the_default_but_not_a_unit_chosen(store: Store) -> None:
    put_register(store)
    items = store.items
    number = register(store, FRIDAY)
    item = items.item(number)
    fix = ItemFix(item.requester_name, item.requester_phone, None, item.domain, "B", item.content)
    moved = items.correct(number, dataclasses.replace(fix, domain="基础设施"), actor="x")
    assert moved.competent_unit == "镇城建办"  # it was 社会保障's default
    moved = items.correct(number, dataclasses.replace(fix, domain="教育"), actor="x")
    assert moved.competent_unit == ""  # 教育 has none
    items.set_responsibility(number, competent="镇民政办", paired="")
    kept = items.correct(number, dataclasses.replace(fix, domain="基础设施"), actor="x")
    assert kept.competent_unit == "镇民政办"  # chosen by hand: it stays
    kept = items.correct(number, dataclasses.replace(fix, grade="A"), actor="x")
    assert kept.competent_unit == "镇民政办"


def test_the_townships_assignment_names_the_competent_unit(store: Store) -> None:
    put_register(store)
    items = store.items
    number = register(store, FRIDAY, item_type="上报件")
    data = {"unit": "镇城建办", "deadline": "2026-12-01"}
    # the township's step as it arrives in a dispatch (here made on the station's PC)
    item = items.move(number, State.ASSIGNED, actor="乡镇", role=StepRole.TOWNSHIP, data=data,
                      now=FRIDAY)  # fmt: skip
    assert item.competent_unit == "镇民政办"  # the station's row is as it was
    assert item.assigned_unit == "镇城建办"
    assert competent_of(item.competent_unit, item.assigned_unit) == "镇城建办"
