"""急事急办 in the store: a grade A item is promised the A days of its domain (issue 15)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.item_settings import DOMAIN_DAYS_SETTING, GRADE_A_DAYS_SETTING
from qunzhong_desktop.storage.store import Store

MONDAY = dt.datetime(2026, 11, 16, 9, 30)


def _new(grade: str, **kw: object) -> NewItem:
    values: dict[str, object] = dict(
        channel="来访", domain="矛盾纠纷", grade=grade, item_type="承诺件",
        content="邻里宅基地边界纠纷，双方已动手", requester_name="王大爷",
        requester_phone="13812345678",
    )  # fmt: skip
    values.update(kw)
    return NewItem(**values)  # type: ignore[arg-type]


def _setting(store: Store, key: str) -> object:
    with store.db.session() as s:
        row = s.get(m.Setting, key)
        return None if row is None else json.loads(row.value)


def test_a_grade_a_item_is_promised_half_its_domains_days(store: Store) -> None:
    b = store.items.register_item(_new("B"), actor="x", now=MONDAY)
    a = store.items.register_item(_new("A"), actor="x", now=MONDAY)
    assert (b.promised_days, a.promised_days) == (7, 4)
    assert b.due_on == dt.date(2026, 11, 25) and a.due_on == dt.date(2026, 11, 20)
    # the days the clerk typed stand, whatever the grade
    typed = store.items.register_item(_new("A", promised_days=6), actor="x", now=MONDAY)
    assert typed.promised_days == 6


def test_the_a_days_set_per_domain_are_used_and_stored_apart(store: Store) -> None:
    days = store.items.domain_days()
    days["基础设施"] = 20
    store.items.set_deadlines(days, {"矛盾纠纷": 2, "基础设施": 10, "社会保障": 3})
    assert store.items.domain_days()["基础设施"] == 20
    # 基础设施 10 and 社会保障 3 are half their domain's: not stored, they follow it
    assert _setting(store, GRADE_A_DAYS_SETTING) == {"矛盾纠纷": 2}
    assert store.items.grade_a_days() == {"矛盾纠纷": 2}
    assert _setting(store, DOMAIN_DAYS_SETTING) == days
    assert store.items.register_item(_new("A"), actor="x", now=MONDAY).promised_days == 2
    infra = _new("A", domain="基础设施")
    assert store.items.register_item(infra, actor="x", now=MONDAY).promised_days == 10
    assert store.items.register_item(_new("B"), actor="x", now=MONDAY).promised_days == 7


def test_wrong_days_are_refused_and_nothing_is_stored(store: Store) -> None:
    days = store.items.domain_days()
    with pytest.raises(ValidationError) as info:
        store.items.set_deadlines(days, {"矛盾纠纷": 8})
    assert info.value.data["field"] == "矛盾纠纷"
    with pytest.raises(ValidationError):
        store.items.set_deadlines({**days, "教育": 0}, {})
    assert _setting(store, GRADE_A_DAYS_SETTING) is None
    assert _setting(store, DOMAIN_DAYS_SETTING) is None
    assert store.items.deadlines().days("矛盾纠纷", "A") == 4


def test_the_cli_promises_a_grade_a_item_the_a_days(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.items.set_deadlines(store.items.domain_days(), {"医疗卫生": 1})
    h = ["--home", str(store.home)]
    add = ["items", "add", "--channel", "来访", "--domain", "医疗卫生", "--type", "承诺件",
           "--content", "卫生院夜间无人值班", "--requester-name", "王大爷", *h]  # fmt: skip
    assert main([*add, "--grade", "a"]) == 0
    urgent = capsys.readouterr().out.strip()
    assert main([*add, "--grade", "B"]) == 0
    usual = capsys.readouterr().out.strip()
    assert store.items.item(urgent).promised_days == 1
    assert store.items.item(usual).promised_days == 5
    assert main(["items", "show", urgent, *h]) == 0
    assert "承诺时限：1 个工作日，期限 " in capsys.readouterr().out
