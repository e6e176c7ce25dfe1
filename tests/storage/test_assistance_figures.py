"""The assistance figures read from a real store (the ledger village plus 特困 households)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage.store import Store
from tests.helpers.backends import Built, built_store, prebuilt
from tests.helpers.figures_data import Poor, add_poor
from tests.helpers.ledger_data import TODAY, Village, build

APRIL = (dt.date(2026, 4, 1), dt.date(2026, 4, 30))


def _village_and_poor(store: Store) -> tuple[Village, Poor]:
    """The ledger village with its 特困 households (written once per engine)."""
    village = build(store)
    return village, add_poor(store, village)


built = prebuilt(_village_and_poor)
store = built_store


def test_april_figures_of_the_village(store: Store) -> None:
    f = store.assistance_figures.figures(*APRIL, today=TODAY)
    assert (f.needs_reported, f.needs_checked, f.needs_closed, f.needs_open) == (3, 1, 0, 5)
    assert [(o.household_number, o.beneficiary, o.days_over, o.state_name) for o in f.overdue] == [
        ("0002", "李奶奶", 15, "待复核")
    ]
    assert (f.records, f.money_fen, f.goods_fen, f.households_helped) == (2, 250000, 60000, 2)
    assert [u.household_number for u in f.unhelped] == ["0002"]
    assert f.difficult_households == 4
    # 刘老汉: 1,200 to him + half of 600 to the household = 1,500 < 2,000; 陈阿婆 2,500
    assert f.poor_people == 2
    assert [(p.household_number, p.name, p.received_text) for p in f.poor] == [
        ("0004", "刘老汉", "1,500")
    ]


def test_the_threshold_is_the_townships_setting(store: Store) -> None:
    from qunzhong_desktop.storage.settings_repo import AssistanceOptions, store_assistance_options

    with store.db.writing() as s:  # as a township's configuration brings it
        store_assistance_options(s, AssistanceOptions(poor_threshold_yuan=3000))
    f = store.assistance_figures.figures(*APRIL, today=TODAY)
    assert f.poor_threshold_yuan == 3000
    assert [p.name for p in f.poor] == ["刘老汉", "陈阿婆"]


def test_a_need_removed_or_a_record_deleted_counts_nowhere(
    store: Store, built: Built[tuple[Village, Poor]]
) -> None:
    poor = built.value[1]
    store.needs.delete(poor.returned_need)
    chen = store.assistance.for_household(poor.chen)[0]
    assert chen.id
    store.assistance.delete(chen.id)
    f = store.assistance_figures.figures(*APRIL, today=TODAY)
    assert f.needs_reported == 2 and f.money_fen == 0
    assert [p.name for p in f.poor] == ["刘老汉", "陈阿婆"]


def test_a_few_queries_whatever_the_size(store: Store) -> None:
    statements: list[str] = []
    engine = store.db.engine

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        store.assistance_figures.figures(*APRIL, today=TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    selects = [q for q in statements if q.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 10, selects


def test_one_station_is_asked_for_only_at_the_township(store: Store) -> None:
    with pytest.raises(ValidationError, match="只有乡镇"):
        store.assistance_figures.figures(*APRIL, station_code="430121101201")


def test_the_support_ledger_shows_need_kind_amount_and_helpers(store: Store) -> None:
    from qunzhong_desktop.core.ledger import SUPPORT_COLUMNS, SupportFilter

    headers = [c.header for c in SUPPORT_COLUMNS]
    rows = [
        dict(zip(headers, r, strict=True)) for r in store.assistance.ledger_rows(SupportFilter())
    ]
    liu = [r for r in rows if r["户号"] == "0004"]
    assert [(r["帮扶方式"], r["金额（元）"], r["帮扶对象"]) for r in liu] == [
        ("资金", "1,200", "刘老汉"),
        ("物品", "600", "刘老汉户"),
    ]
    assert {(r["帮扶需求"], r["需求状态"], r["帮扶人"]) for r in liu} == {
        ("生活困难", "实施中", "孙超峰（驻村工作队）")
    }
    # a record from before cases names no cadre: 帮扶人 says what 帮扶责任人 says
    old = next(r for r in rows if r["户号"] == "0001")
    assert (old["帮扶人"], old["帮扶方式"], old["金额（元）"]) == ("孙超峰", "其他", "")
    # a household without records: one row, the new cells empty
    [li] = [r for r in rows if r["户号"] == "0002"]
    assert li["帮扶需求"] == li["金额（元）"] == ""
