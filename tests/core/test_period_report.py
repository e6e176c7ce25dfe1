"""The period report: comparisons, cumulative figures, the units' tables, each by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from qunzhong_desktop.core.monthly.items import ItemRecord, Rate
from qunzhong_desktop.core.monthly.period import half, month, parse_period, year
from qunzhong_desktop.core.monthly.period_report import (
    BOTTOM,
    FIGURES,
    Activity,
    Change,
    period_report,
)
from qunzhong_desktop.core.monthly.report import Month, compute
from qunzhong_desktop.core.units import Unit
from tests.helpers.monthly_data import ITEMS, NOV, S, Weekdays, assigned, followed, item, reg, step

CAL = Weekdays()
REGISTER = (
    Unit("民政办", domains=("社会保障",)),
    Unit("县农业农村局", level="县直", kind="双联系单位", villages=("430121101201",)),
    Unit("司法所"),  # answers for nothing: listed with zeros
)


def dated(year_: int, record: ItemRecord) -> ItemRecord:
    """The same item, a whole number of years earlier (its history moved with it)."""
    shift = 2026 - year_

    def back(moment: dt.datetime) -> dt.datetime:
        return moment.replace(year=moment.year - shift)

    events = tuple(dataclasses.replace(e, at=back(e.at)) for e in record.events)
    return dataclasses.replace(record, received_at=back(record.received_at), events=events)


def test_a_month_carries_the_monthly_reports_figures() -> None:
    report = period_report(month(2026, 11), ITEMS, {}, calendar=CAL, today=dt.date(2026, 12, 5))
    monthly = compute(NOV, ITEMS, (), calendar=CAL, today=dt.date(2026, 12, 5))
    f = report.current.items
    assert (f.received, f.resolved, f.in_progress, f.overdue, f.escalations) == (
        monthly.received,
        monthly.resolved,
        monthly.in_progress,
        monthly.overdue,
        monthly.escalations,
    )
    assert (f.first_time, f.on_time, f.satisfaction) == (
        monthly.first_time,
        monthly.on_time,
        monthly.satisfaction,
    )
    assert (f.by_channel, f.by_domain, f.by_grade, f.units) == (
        monthly.by_channel,
        monthly.by_domain,
        monthly.by_grade,
        monthly.units,
    )
    assert report.as_of is None and report.title == "2026年11月"


def test_a_half_year_beside_the_half_before_and_a_year_before() -> None:
    one = item("X", [reg(dt.datetime(2026, 8, 3, 9)), step(dt.datetime(2026, 8, 4, 9), S.RESOLVED)])
    items = [one, dated(2025, one), dated(2025, one), dated(2025, one)]
    items = [dataclasses.replace(r, number=f"N{i}") for i, r in enumerate(items)]
    # the period before (2026 H1) has one item received in March
    march = item("M", [reg(dt.datetime(2026, 3, 2, 9))])
    report = period_report(
        half(2026, 2), [*items, march], {}, calendar=CAL, today=dt.date(2027, 1, 10)
    )
    assert report.previous.period == half(2026, 1)
    assert report.year_before.period == half(2025, 2)
    rows = {c.key: c for c in report.comparisons}
    assert [c.key for c in report.comparisons] == [k for k, _ in FIGURES]
    received = rows["received"]
    assert received.current == 1
    assert (received.previous.delta, received.previous.percent) == (0, 0.0)
    assert (received.year_before.delta, received.year_before.percent) == (-2, -66.7)
    assert received.year_before.text == "−2（−66.7%）"
    # the March item is still open at the end of both halves
    assert rows["in_progress"].current == 1 and rows["in_progress"].previous.other == 1


def test_a_year_compares_with_the_year_before_once() -> None:
    report = period_report(year(2025), [], {}, calendar=CAL, today=dt.date(2026, 12, 1))
    assert report.previous is report.year_before
    assert report.current.items.received == 0
    assert all(c.previous.text in ("0", "—") for c in report.comparisons)


@pytest.mark.parametrize(
    ("now", "then", "text", "percent"),
    [
        (12, 8, "+4（+50%）", 50.0),
        (3, 0, "+3", None),
        (0, 0, "0", None),
        (Rate(3, 4), Rate(1, 2), "+25 个百分点", None),
        (Rate(1, 3), Rate(0, 0), "—", None),
        (Rate(0, 0), Rate(1, 2), "—", None),
    ],
)
def test_change_texts(now: int | Rate, then: int | Rate, text: str, percent: float | None) -> None:
    change = Change(now, then)
    assert change.text == text and change.percent == percent


def test_activity_is_compared_too() -> None:
    nov, oct_ = month(2026, 11), month(2026, 10)
    nov_before = month(2025, 11)
    activity = {
        nov: Activity(cards_issued=30, households_visited=12, suggestions=4, meetings=2),
        oct_: Activity(cards_issued=10, households_visited=12),
        nov_before: Activity(meetings=1),
    }
    rows = {
        c.key: c
        for c in period_report(
            nov, [], activity, calendar=CAL, today=dt.date(2026, 12, 2)
        ).comparisons
    }
    assert rows["cards_issued"].previous.text == "+20（+200%）"
    assert rows["households_visited"].previous.text == "0（0%）"
    assert rows["meetings"].year_before.text == "+1（+100%）"
    assert rows["suggestions"].previous.text == "+4"


Step = tuple[dt.datetime, S, dict[str, Any]]


def responsible(number: str, competent: str, paired: str, *steps_: Step) -> ItemRecord:
    record = item(
        number, [reg(dt.datetime(2026, 11, 2, 9)), *steps_], grade="A" if number < "C" else "B"
    )
    return dataclasses.replace(record, competent_unit=competent, paired_unit=paired)


def test_every_unit_answerable_is_scored_with_its_residents_answers() -> None:
    items = [
        # A: 民政办 and the paired bureau; resolved, answered 满意
        responsible(
            "A", "民政办", "县农业农村局",
            step(dt.datetime(2026, 11, 3, 9), S.RESOLVED),
            followed(dt.datetime(2026, 11, 4, 9), "满意"),
        ),
        # B: escalated and assigned to 派出所 (never in the register): it answers, not 民政办
        responsible(
            "B", "民政办", "县农业农村局",
            step(dt.datetime(2026, 11, 3, 9), S.ESCALATED),
            assigned(dt.datetime(2026, 11, 4, 9), "派出所", "2026-11-20"),
        ),
        # C: resolved, answered 不满意, then reopened and resolved again
        responsible(
            "C", "", "县农业农村局",
            step(dt.datetime(2026, 11, 5, 9), S.RESOLVED),
            followed(dt.datetime(2026, 11, 6, 9), "不满意"),
            step(dt.datetime(2026, 11, 6, 10), S.IN_PROGRESS),
            step(dt.datetime(2026, 11, 9, 9), S.RESOLVED),
            followed(dt.datetime(2026, 11, 10, 9), "基本满意"),
        ),
    ]  # fmt: skip
    report = period_report(
        month(2026, 11),
        items,
        {},
        calendar=CAL,
        register=REGISTER,
        station_names={"430121101201": "白沙村"},
        today=dt.date(2026, 12, 1),
    )
    rows = {r.unit: r for r in report.units}
    bureau = rows["县农业农村局"]
    assert (bureau.answered, bureau.resolved, bureau.unresolved) == (3, 2, 1)
    assert bureau.tenths == 17 and bureau.score_text == "+1.7"
    assert bureau.satisfaction == (1, 1, 1) and bureau.satisfied == Rate(2, 3)
    assert (rows["民政办"].answered, rows["民政办"].tenths) == (1, 10)
    police = rows["派出所"]
    assert (police.answered, police.unresolved, police.score_text, police.level) == (
        1,
        1,
        "−0.3",
        "",
    )
    justice = rows["司法所"]
    assert (justice.answered, justice.tenths, justice.satisfaction) == (0, 0, (0, 0, 0))
    assert [(r.unit, r.rank) for r in report.units] == [
        ("县农业农村局", 1),
        ("民政办", 2),
        ("派出所", 3),
        ("司法所", 0),  # answered for nothing: listed, not ranked, never the bottom
    ]
    assert [r.unit for r in report.units if r.bottom] == ["派出所"]
    (paired,) = report.paired
    assert paired.unit == "县农业农村局" and paired.villages == ("白沙村",)
    assert (paired.received, paired.resolved) == ((2, 1, 0), (1, 1, 0))


def test_units_without_items_are_not_ranked_and_nobody_is_bottom_when_all_score_alike() -> None:
    report = period_report(month(2026, 11), [], {}, calendar=CAL, register=REGISTER)
    assert [r.rank for r in report.units] == [0, 0, 0]
    assert not any(r.bottom for r in report.units) and BOTTOM == "末位"
    two = [
        dataclasses.replace(
            item(n, [reg(dt.datetime(2026, 11, 2, 9)), step(dt.datetime(2026, 11, 3), S.RESOLVED)]),
            competent_unit=u,
        )
        for n, u in (("1", "民政办"), ("2", "司法所"))
    ]
    tied = period_report(month(2026, 11), two, {}, calendar=CAL, register=REGISTER)
    assert [(r.unit, r.rank, r.bottom) for r in tied.units] == [
        ("民政办", 1, False),
        ("司法所", 1, False),
        ("县农业农村局", 0, False),
    ]
    assert [r.unit for r in report.paired] == ["县农业农村局"]
    assert report.paired[0].received == (0, 0, 0)


def test_cumulative_since_a_start_date() -> None:
    items = [
        item("1", [reg(dt.datetime(2025, 12, 1, 9)), step(dt.datetime(2026, 1, 5, 9), S.RESOLVED)]),
        item("2", [reg(dt.datetime(2026, 2, 1, 9))]),
        item("3", [reg(dt.datetime(2026, 3, 1, 9)), step(dt.datetime(2026, 8, 1, 9), S.RESOLVED)]),
        item("4", [reg(dt.datetime(2024, 3, 1, 9)), step(dt.datetime(2024, 3, 2, 9), S.RESOLVED)]),
    ]
    report = period_report(
        parse_period("2026-H1", today=dt.date(2026, 12, 1)),
        items,
        {},
        calendar=CAL,
        since=dt.date(2025, 1, 1),
    )
    c = report.cumulative
    assert (c.since, c.combed, c.closed, c.rate.text) == (dt.date(2025, 1, 1), 3, 1, "33.3%（1/3）")


def test_a_period_under_way_stands_at_today() -> None:
    report = period_report(year(2026), ITEMS, {}, calendar=CAL, today=dt.date(2026, 11, 21))
    assert report.as_of == dt.date(2026, 11, 21)
    assert report.title == "2026年（截至 11月21日）"
    day = dt.date(2026, 11, 21)
    nov = period_report(month(2026, 11), ITEMS, {}, calendar=CAL, today=day).current.items
    monthly = compute(Month(2026, 11), ITEMS, (), calendar=CAL, today=day)
    assert (nov.in_progress, nov.overdue) == (monthly.in_progress, monthly.overdue)
    assert monthly.as_of == day


@pytest.mark.parametrize("cut", [0, 3, 7, len(ITEMS)])
def test_the_figures_of_parts_merge_into_the_figures_of_the_whole(cut: int) -> None:
    from qunzhong_desktop.core.monthly.items import item_figures, merge

    day = dt.date(2026, 12, 1)
    for span in (month(2026, 11), half(2026, 2)):
        whole = item_figures(span, ITEMS, calendar=CAL, today=day)
        odd, even = ITEMS[cut:][::2], ITEMS[cut:][1::2]
        parts = [
            item_figures(span, chunk, calendar=CAL, today=day) for chunk in (ITEMS[:cut], odd, even)
        ]
        assert merge(parts) == whole
