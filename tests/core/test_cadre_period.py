"""A cadre over any period (issue 17, item 4): the months judged, summed, and the verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, DiaryDay
from qunzhong_desktop.core.monthly.cadre_period import (
    CADRE_DEFINITIONS,
    CadrePeriod,
    cadre_period,
    months_of,
    shortfall_count,
)
from qunzhong_desktop.core.monthly.period import between, half, month, quarter, year, year_to_date
from qunzhong_desktop.core.monthly.report import CadreRecord, Month
from tests.helpers.monthly_data import Weekdays

CAL = Weekdays()
AFTER = dt.date(2027, 3, 1)


def _weekdays(y: int, m: int, count: int, skip: int = 0) -> list[dt.date]:
    days = [dt.date(y, m, n) for n in range(1, 29)]
    return [d for d in days if d.weekday() < 5][skip : skip + count]


def _days(y: int, m: int, village: int, duty: int = 0) -> list[DiaryDay]:
    """``village`` days in the village in month m, the last ``duty`` of them on duty."""
    days = _weekdays(y, m, village)
    return [
        DiaryDay(d, "坐班接待" if i >= village - duty else "入户走访") for i, d in enumerate(days)
    ]


def _record(category: str, days: list[DiaryDay], **extra: object) -> CadreRecord:
    return CadreRecord("周干部", "镇社保所", "干部", category, tuple(days), 0, **extra)  # type: ignore[arg-type]


STATIONED = "乡驻村干部"


@pytest.mark.parametrize(
    ("months", "verdict", "text"),
    [
        ([(10, 2), (10, 2), (10, 2)], "达标", ""),
        ([(10, 2), (7, 2), (10, 2)], "不达标", "2月：在村 7 天，少于 10 天"),
        (
            [(10, 1), (7, 2), (10, 2)],
            "不达标",
            "1月：坐班 1 天，少于 2 天；2月：在村 7 天，少于 10 天",
        ),
        ([(10, 2), (10, 2), (3, 0)], "不达标", "3月：在村 3 天，少于 10 天，坐班 0 天，少于 2 天"),
    ],
)
def test_a_quarter_is_judged_month_by_month(
    months: list[tuple[int, int]], verdict: str, text: str
) -> None:
    days = [d for m, (v, duty) in enumerate(months, 1) for d in _days(2026, m, v, duty)]
    figures = cadre_period(
        _record(STATIONED, days), DEFAULT_RULES, quarter(2026, 1), CAL, today=AFTER
    )
    assert figures.months == (Month(2026, 1), Month(2026, 2), Month(2026, 3))
    assert figures.village_days == sum(v for v, _d in months)
    assert figures.duty_days == sum(d for _v, d in months)
    assert (figures.verdict, figures.shortfall_text, figures.remarks) == (verdict, text, text)
    assert [m.month for m, _r in figures.shortfalls] == [
        m for m, (v, d) in enumerate(months, 1) if v < 10 or d < 2
    ]


def test_the_quarter_under_way_is_pending_not_short() -> None:
    days = _days(2026, 1, 10, 2) + _days(2026, 2, 3)
    today = dt.date(2026, 2, 10)
    figures = cadre_period(
        _record(STATIONED, days), DEFAULT_RULES, quarter(2026, 1), CAL, today=today
    )
    assert figures.months == (Month(2026, 1), Month(2026, 2))  # March has not begun
    assert figures.verdict == "待月末" and not figures.shortfalls
    assert figures.pending == ("2月：在村 3 天（月末须满 10 天），坐班 0 天（月末须满 2 天）",)
    # a month already short stays short while the last one is under way
    early = _days(2026, 1, 6, 2) + _days(2026, 2, 3)
    short = cadre_period(
        _record(STATIONED, early), DEFAULT_RULES, quarter(2026, 1), CAL, today=today
    )
    assert short.verdict == "不达标"
    assert (
        short.remarks
        == "1月：在村 6 天，少于 10 天；2月：在村 3 天（月末须满 10 天），坐班 0 天（月末须满 2 天）"
    )


def test_a_from_to_inside_a_month_counts_its_days_and_judges_no_month() -> None:
    days = _days(2026, 3, 15, 3)  # 2 March – 20 March, the last three on duty
    period = between(dt.date(2026, 3, 5), dt.date(2026, 3, 16))
    figures = cadre_period(_record(STATIONED, days), DEFAULT_RULES, period, CAL, today=AFTER)
    inside = [d for d in days if period.contains(d.day)]
    assert figures.village_days == len(inside) == 8
    assert figures.duty_days == 0
    assert figures.months == () and figures.verdict == "不评定" and figures.remarks == ""
    # ended before today in the month under way: still only part of March
    today = dt.date(2026, 3, 18)
    early = between(dt.date(2026, 3, 1), dt.date(2026, 3, 16))
    ended = cadre_period(_record(STATIONED, days), DEFAULT_RULES, early, CAL, today=today)
    assert ended.months == () and ended.verdict == "不评定"
    # running to today: March is judged as the month under way
    running = between(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    pending = cadre_period(_record(STATIONED, days), DEFAULT_RULES, running, CAL, today=today)
    assert pending.months == (Month(2026, 3),) and pending.verdict == "达标"


def test_a_from_to_judges_its_whole_months_only() -> None:
    days = _days(2026, 1, 2) + _days(2026, 2, 10, 2) + _days(2026, 3, 1)
    period = between(dt.date(2026, 1, 20), dt.date(2026, 3, 10))
    figures = cadre_period(_record(STATIONED, days), DEFAULT_RULES, period, CAL, today=AFTER)
    assert figures.months == (Month(2026, 2),)  # January and March only in part
    assert figures.verdict == "达标" and figures.village_days == 11  # February's 10, 2 March


def test_a_range_over_the_new_year_names_months_with_their_year() -> None:
    days = _days(2025, 12, 4) + _days(2026, 1, 10, 2)
    period = between(dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    figures = cadre_period(_record(STATIONED, days), DEFAULT_RULES, period, CAL, today=AFTER)
    assert figures.shortfall_text == ("2025年12月：在村 4 天，少于 10 天，坐班 0 天，少于 2 天")


def test_year_to_date_judges_the_month_under_way_as_the_monthly_report_does() -> None:
    days = _days(2026, 1, 10, 2) + _days(2026, 2, 10, 2) + _days(2026, 3, 2)
    today = dt.date(2026, 3, 9)
    figures = cadre_period(
        _record(STATIONED, days), DEFAULT_RULES, year_to_date(2026, today), CAL, today=today
    )
    assert len(figures.months) == 3 and figures.verdict == "待月末"
    assert figures.village_days == 22


def test_an_organ_cadre_is_judged_on_the_year() -> None:
    # 8 days a month: 96 in 2026 against a third of 261 working days → 87
    days = [d for m in range(1, 13) for d in _days(2026, m, 8)]
    organ = "县、镇机关干部"
    whole = cadre_period(_record(organ, days), DEFAULT_RULES, year(2026), CAL, today=AFTER)
    assert (whole.village_days, whole.year_days, whole.year_required) == (96, 96, 87)
    assert whole.verdict == "达标" and not whole.shortfalls and len(whole.months) == 12
    short = cadre_period(_record(organ, days[:80]), DEFAULT_RULES, year(2026), CAL, today=AFTER)
    assert short.verdict == "不达标"
    assert short.remarks == "2026年全年在村 80 天，少于 87 天"
    # the first half cannot judge the year: the days since 1 January, pending
    first = cadre_period(_record(organ, days), DEFAULT_RULES, half(2026, 1), CAL, today=AFTER)
    assert (first.village_days, first.year_days, first.verdict) == (48, 48, "按年计")
    assert first.remarks == "本年在村 48 天（全年须满 87 天）"
    # the second half counts the year from 1 January and judges it at 31 December
    second = cadre_period(_record(organ, days[:80]), DEFAULT_RULES, half(2026, 2), CAL, today=AFTER)
    assert (second.village_days, second.year_days, second.verdict) == (32, 80, "不达标")


def test_a_party_member_is_listed_without_a_verdict() -> None:
    days = _days(2026, 2, 3)
    member = cadre_period(_record("党员", days), DEFAULT_RULES, quarter(2026, 1), CAL, today=AFTER)
    assert member.verdict == "不考核" and member.months == () and not member.assessed
    assert member.village_days == 3 and member.remarks == ""


def test_months_before_the_cadre_was_registered_are_not_judged() -> None:
    days = _days(2026, 2, 10, 2) + _days(2026, 3, 4)
    record = _record(STATIONED, days, since=dt.date(2026, 2, 10))
    figures = cadre_period(record, DEFAULT_RULES, quarter(2026, 1), CAL, today=AFTER)
    assert figures.months == (Month(2026, 2), Month(2026, 3))  # not January
    assert figures.shortfall_text == "3月：在村 4 天，少于 10 天，坐班 0 天，少于 2 天"
    # registered after the period: nothing judged
    late = _record(STATIONED, [], since=dt.date(2026, 5, 1))
    assert cadre_period(late, DEFAULT_RULES, quarter(2026, 1), CAL, today=AFTER).verdict == "不评定"


def test_a_work_team_member_must_be_in_the_first_week_of_each_month() -> None:
    days = [DiaryDay(dt.date(2026, 1, 2), "集中工作日"), DiaryDay(dt.date(2026, 2, 20), "入户走访")]
    figures = cadre_period(
        _record("工作队员", days), DEFAULT_RULES, month(2026, 2), CAL, today=AFTER
    )
    assert figures.shortfall_text == "2月：本月第一周集中工作日没有在村记录"
    january = cadre_period(
        _record("工作队员", days), DEFAULT_RULES, month(2026, 1), CAL, today=AFTER
    )
    assert january.verdict == "达标"


def test_helpers() -> None:
    assert months_of(between(dt.date(2025, 11, 30), dt.date(2026, 1, 1))) == (
        Month(2025, 11),
        Month(2025, 12),
        Month(2026, 1),
    )
    figures = [
        cadre_period(_record(STATIONED, _days(2026, 1, n, 2)), DEFAULT_RULES, month(2026, 1), CAL)
        for n in (10, 4, 2)
    ]
    assert isinstance(figures[0], CadrePeriod) and shortfall_count(figures) == 2
    terms = [term for term, _text in CADRE_DEFINITIONS]
    assert terms == ["干部民情日记", "考核月数", "未达标月份", "结论", "按年计"]
