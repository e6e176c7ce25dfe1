"""The township's side of the item store: units, township filters, working-day deadlines."""

import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.calendar_file import Schedule, ScheduleDay
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

D = dt.date
MONDAY = dt.datetime(2026, 11, 16, 9, 30)
OTHER_STATION = "430121101202"


def _escalate(store: Store, content: str = "村道塌方需要修复") -> str:
    new = NewItem(
        channel="来访", domain="基础设施", grade="B", item_type="上报件",
        content=content, requester_name="王大爷",
    )  # fmt: skip
    return store.items.register_item(new, actor="李秀英", now=MONDAY).number


def _assign(store: Store, number: str, unit: str) -> None:
    store.items.move(
        number,
        State.ASSIGNED,
        actor="乡镇",
        role=Role.TOWNSHIP,
        data={"unit": unit, "deadline": "2026-11-30"},
        now=MONDAY,
    )


def _renumber(store: Store, number: str, station_code: str) -> str:
    """Give an item the number a second station would have given it."""
    new_number = station_code + number[number.index("-") :]
    with store.db.session() as s:
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
        item.number = new_number
    return new_number


# units ---------------------------------------------------------------------------------------
def test_units_default_then_round_trip(store: Store) -> None:
    assert store.items.units() == list(DEFAULT_UNITS)
    assert DEFAULT_UNITS[:3] == ("民政办", "社保所", "国土所") and len(DEFAULT_UNITS) == 12
    store.items.set_units([" 水利站 ", "民政办", "退役军人服务站"])
    assert store.items.units() == ["水利站", "民政办", "退役军人服务站"]
    assert store.settings.get("township.units").startswith('["水利站"')


@pytest.mark.parametrize(
    ("units", "code", "words"),
    [
        ([], "units.empty", "至少"),
        (["民政办", "  "], "units.blank", "第 2 个"),
        (["民政办", "社保所", "民政办"], "units.duplicate", "民政办"),
    ],
)
def test_wrong_units_are_refused_and_nothing_is_stored(
    store: Store, units: list[str], code: str, words: str
) -> None:
    store.items.set_units(["司法所"])
    with pytest.raises(ValidationError) as info:
        store.items.set_units(units)
    assert info.value.code == code and words in info.value.message
    assert info.value.data["field"] == "units"
    assert store.items.units() == ["司法所"]


# filters --------------------------------------------------------------------------------------
@pytest.mark.usefixtures("direct_writes")
def test_station_code_filter(store: Store) -> None:
    here = _escalate(store, "本村的事")
    there = _renumber(store, _escalate(store, "邻村的事"), OTHER_STATION)
    # a code that is a prefix of another station's code must not match it
    _renumber(store, _escalate(store, "另一个村"), OTHER_STATION + "9")

    def numbers(code: str | None) -> set[str]:
        ids = store.items.search_ids(ItemFilter(station_code=code), today=MONDAY.date())
        return {r.number for r in store.items.rows(ids, today=MONDAY.date())}

    assert numbers("430121101201") == {here}
    assert numbers(OTHER_STATION) == {there}
    assert len(numbers(None)) == 3
    assert numbers("430121101299") == set()


def test_unit_filter_follows_the_last_assignment(store: Store) -> None:
    first = _escalate(store)
    second = _escalate(store)
    waiting = _escalate(store)
    _assign(store, first, "城建办")
    _assign(store, second, "水利站")
    # the first item goes round again (resolved, reopened at the station, escalated) and
    # is then assigned to another unit: only its last assignment counts
    items = store.items
    items.move(first, State.RESOLVED, actor="x", role=Role.TOWNSHIP, data={"result": "已修"})
    items.move(first, State.FOLLOWED_UP, actor="x", data={"satisfaction": "不满意"})
    items.move(first, State.IN_PROGRESS, actor="x")
    items.move(first, State.ESCALATED, actor="x")
    _assign(store, first, "水利站")

    def found(unit: str) -> set[str]:
        ids = items.search_ids(ItemFilter(unit=unit), today=MONDAY.date())
        return {r.number for r in items.rows(ids)}

    assert found("水利站") == {first, second}
    assert found("城建办") == set()
    both = ItemFilter(unit="水利站", states=(State.ASSIGNED,), text=second[-5:])
    assert [r.number for r in items.rows(items.search_ids(both))] == [second]
    ids = items.search_ids(ItemFilter())
    units = items.assigned_units(ids)
    by_number = {r.number: units.get(r.id, "") for r in items.rows(ids)}
    assert by_number == {first: "水利站", second: "水利站", waiting: ""}


def test_stations_lists_the_station_rows(store: Store) -> None:
    assert store.items.stations() == [("430121101201", "白沙村群众工作站")]


# deadlines ------------------------------------------------------------------------------------
def test_deadline_after_skips_the_weekend(store: Store) -> None:
    friday = D(2026, 11, 20)
    assert store.items.deadline_after(1, friday) == D(2026, 11, 23)
    assert store.items.deadline_after(5, friday) == D(2026, 11, 27)
    assert store.items.deadline_after(0, friday) == friday


def test_deadline_after_skips_statutory_holidays_and_counts_make_up_days(store: Store) -> None:
    # 2026: 10-01…10-07 off; Saturday 10-10 is worked (调休)
    assert store.items.deadline_after(1, D(2026, 9, 30)) == D(2026, 10, 8)
    assert store.items.deadline_after(3, D(2026, 9, 30)) == D(2026, 10, 10)


def test_deadline_after_uses_a_loaded_schedule(store: Store) -> None:
    start = D(2030, 9, 30)  # a Monday in a year the bundled data do not know
    assert store.items.deadline_after(1, start) == D(2030, 10, 1)
    holidays = tuple(ScheduleDay(D(2030, 10, day), False, "国庆节") for day in range(1, 8))
    store.calendar.import_schedule(
        Schedule(years=(2030,), days=(*holidays, ScheduleDay(D(2030, 10, 12), True, "调休")))
    )
    assert store.items.deadline_after(1, start) == D(2030, 10, 8)
    assert store.items.deadline_after(4, start) == D(2030, 10, 11)
    assert store.items.deadline_after(5, start) == D(2030, 10, 12)  # Saturday, worked
