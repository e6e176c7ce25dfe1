"""A cadre's year, month by month, and the year figure (issue 15, item 3)."""

from __future__ import annotations

import datetime as dt

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, DiaryDay
from qunzhong_desktop.core.monthly.cadre_year import cadre_year
from qunzhong_desktop.core.monthly.report import CadreRecord, Month
from tests.helpers.monthly_data import Weekdays


def _record(category: str, days: list[tuple[dt.date, str]]) -> CadreRecord:
    entries = tuple(DiaryDay(day, kind) for day, kind in days)
    return CadreRecord("周干部", "镇社保所", "干部", category, entries, 0)


def _weekdays(year: int, month: int, count: int) -> list[dt.date]:
    days = [dt.date(year, month, n) for n in range(1, 29)]
    return [d for d in days if d.weekday() < 5][:count]


def test_an_organ_cadre_reaches_a_third_of_the_working_days_over_the_year() -> None:
    # 8 days in the village every month: 96 in the year, against 261 / 3 → 87
    days = [(d, "入户走访") for m in range(1, 13) for d in _weekdays(2026, m, 8)]
    record = _record("县、镇机关干部", days)
    june = cadre_year(record, DEFAULT_RULES, 2026, Weekdays(), today=dt.date(2026, 6, 30))
    assert (june.village_days, june.required, june.workdays) == (48, 87, 261)
    assert june.verdict == "待年末" and len(june.months) == 6
    assert all(f.verdict == "按年计" for _m, f in june.months)
    end = cadre_year(record, DEFAULT_RULES, 2026, Weekdays(), today=dt.date(2027, 1, 5))
    assert (end.village_days, end.verdict) == (96, "达标") and len(end.months) == 12
    short = _record("县、镇机关干部", days[:80])
    assert cadre_year(
        short, DEFAULT_RULES, 2026, Weekdays(), today=dt.date(2027, 1, 5)
    ).verdict == ("未达标")


def test_a_stationed_cadre_is_judged_month_by_month() -> None:
    days = [(d, "入户走访") for d in _weekdays(2026, 1, 8)]
    days += [(d, "坐班接待") for d in _weekdays(2026, 1, 10)[8:]]  # January: 8 + 2
    days += [(d, "入户走访") for d in _weekdays(2026, 2, 5)]  # February: 5
    year = cadre_year(
        _record("乡驻村干部", days), DEFAULT_RULES, 2026, Weekdays(), today=dt.date(2026, 3, 3)
    )
    verdicts = [f.verdict for _m, f in year.months]
    assert verdicts == ["达标", "不达标", "待月末"]
    assert year.shortfall_months == (Month(2026, 2),)
    assert year.verdict == "不按年考核" and year.village_days == 15
