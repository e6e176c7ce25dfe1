"""The 民情与信访 figures of a span (core/monthly/voice.py), at their boundaries."""

from __future__ import annotations

import datetime as dt

from qunzhong_desktop.core.evaluation import CADRE, UNIT, EvaluationRules, Tally
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.voice import (
    COUNTS,
    InfoRow,
    MeetingRow,
    PetitionRow,
    RoundRow,
    VoiceInputs,
    by_station,
    compute,
    evaluation_figures,
    meeting_figures,
    petition_figures,
)
from qunzhong_desktop.core.workcalendar import WorkCalendar

CAL = WorkCalendar()
NOV1, NOV30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
D = dt.date


def test_meetings_count_inside_the_span_only_and_problems_of_talks_only() -> None:
    rows = [
        MeetingRow("民情恳谈会", D(2026, 10, 31), problems=9, to_items=9),  # the day before
        MeetingRow("民情恳谈会", NOV1, problems=3, to_items=2),
        MeetingRow("民情分析会", NOV30, problems=5, to_items=5),  # not problems raised
        MeetingRow("民情恳谈会", D(2026, 12, 1), problems=4),  # the day after
    ]
    f = meeting_figures(rows, NOV1, NOV30)
    assert (f.talks, f.analyses, f.problems, f.to_items, f.total) == (1, 1, 3, 2, 2)
    assert meeting_figures([], NOV1, NOV30).total == 0


def test_information_by_type_signals_are_both_kinds_and_groups_by_answer_day() -> None:
    infos = (
        InfoRow(NOV1, "医疗保障", "意见建议", to_item=True),
        InfoRow(NOV30, "医疗保障", "苗头性"),
        InfoRow(D(2026, 11, 15), "子女入学", "倾向性"),
        InfoRow(D(2026, 11, 15), "其他", "普遍性问题", to_item=True),
        InfoRow(D(2026, 12, 1), "其他", "意见建议"),
    )
    answered = ((NOV30, ""), (D(2026, 12, 1), ""), (D(2026, 10, 31), ""))
    f = compute(VoiceInputs(infos=infos, answered=answered), NOV1, NOV30, calendar=CAL,
                today=NOV30)  # fmt: skip
    assert (f.info.total, f.info.suggestions, f.signals, f.info.common) == (4, 1, 2, 1)
    assert (f.info.to_items, f.groups_answered) == (2, 1)
    assert f.value("signals") == 2 and set(f.counts) == {key for key, _ in COUNTS}


def test_petitions_by_level_and_reach_and_the_read_rate_at_its_boundaries() -> None:
    received = D(2026, 11, 2)  # a Monday
    limit = CAL.add_workdays(received, 15)
    rows = [
        PetitionRow(received, "初信初访", "到乡", acted_on=limit),  # on the last day: in time
        PetitionRow(received, "初信初访", "到县", acted_on=limit + dt.timedelta(days=1)),  # late
        PetitionRow(received, "重复信访", "赴京", acted_on=None),  # waiting, or late
        PetitionRow(D(2026, 10, 30), "重复信访", "到市", acted_on=None),  # before the span
    ]
    f = petition_figures(rows, NOV1, NOV30, calendar=CAL, today=limit)
    assert f.counts["初信初访"] == 2 and f.counts["重复信访"] == 1 and f.total == 3
    assert (f.counts["到乡"], f.counts["到县"], f.counts["赴京"], f.counts["到市"]) == (1, 1, 1, 0)
    assert f.read.rate == Rate(1, 2) and (f.read.late, f.read.waiting) == (1, 1)
    after = petition_figures(rows, NOV1, NOV30, calendar=CAL, today=limit + dt.timedelta(days=1))
    assert after.read.rate == Rate(1, 3) and (after.read.late, after.read.waiting) == (2, 0)
    # the township's days: 20 working days make the late one in time
    longer = petition_figures(rows, NOV1, NOV30, calendar=CAL, read_days=20, today=limit)
    assert longer.read.rate == Rate(2, 2)
    none = petition_figures([], NOV1, NOV30, calendar=CAL, today=NOV30)
    assert none.read.rate == Rate(0, 0) and none.read.rate.value is None and none.total == 0


def _round(day: dt.date, *tallies: Tally, station: str = "") -> RoundRow:
    return RoundRow("民意测评会", day, tuple(tallies), station=station)


def test_evaluations_flag_forty_percent_exactly_and_name_the_last_unit() -> None:
    rounds = [
        _round(
            D(2026, 12, 20),
            Tally("张三", CADRE, 3, 3, 4),  # 40 % exactly: 不予提拔 (and 诫勉谈话)
            Tally("李四", CADRE, 6, 2, 2),  # 20 %: nothing, unless last
            Tally("王五", CADRE, 9, 0, 0),
            Tally("赵六", CADRE, 0, 0, 0),  # no votes: not judged
            Tally("镇农办", UNIT, 8, 2, 0),
            Tally("镇财政所", UNIT, 5, 2, 3),
            station="430121101201",
        ),
        _round(D(2026, 6, 30), Tally("孙七", CADRE, 0, 0, 10)),  # another half-year
    ]
    f = evaluation_figures(rounds, D(2026, 7, 1), D(2026, 12, 31))
    assert (f.rounds, f.cadres_rated, f.units_rated) == (1, 4, 2)
    assert f.no_promotion == ("张三",)
    assert f.admonish == ("张三",)  # the last cadre is 张三 too
    assert f.bottom == ("镇财政所",)
    # 39 % is not 40 %; a stricter township (35 %) flags it
    just_under = [
        _round(D(2026, 12, 1), Tally("钱八", CADRE, 61, 0, 39), Tally("周九", CADRE, 100))
    ]
    assert evaluation_figures(just_under, D(2026, 7, 1), D(2026, 12, 31)).no_promotion == ()
    strict = EvaluationRules(no_promotion_percent=35, admonish_percent=30)
    assert evaluation_figures(just_under, D(2026, 7, 1), D(2026, 12, 31), strict).no_promotion == (
        "钱八",
    )
    named = evaluation_figures(
        rounds, D(2026, 7, 1), D(2026, 12, 31), names={"430121101201": "白沙村"}
    )
    assert named.no_promotion == ("张三（白沙村）",)
    nothing = evaluation_figures([], D(2026, 1, 1), D(2026, 12, 31))
    assert (nothing.rounds, nothing.no_promotion, nothing.bottom) == (0, (), ())


def test_each_station_gets_a_row_and_the_rows_add_up() -> None:
    inputs = VoiceInputs(
        meetings=(
            MeetingRow("民情恳谈会", NOV1, 3, 2, station="A"),
            MeetingRow("民情分析会", NOV1, station="B"),
            MeetingRow("民情恳谈会", NOV1, 1, 0, station=""),  # made at the township
        ),
        infos=(InfoRow(NOV1, "其他", "意见建议", station="C"),),  # a station not listed
    )
    rows = by_station(inputs, [("A", "甲村"), ("B", "乙村")], NOV1, NOV30, calendar=CAL,
                      today=NOV30)  # fmt: skip
    assert [(code, name) for code, name, _ in rows] == [("A", "甲村"), ("B", "乙村"), ("C", "C")]
    assert [f.meetings.total for _, _, f in rows] == [1, 1, 0]
    assert rows[2][2].info.total == 1
    whole = compute(inputs, NOV1, NOV30, calendar=CAL, today=NOV30)
    assert whole.meetings.total == 3 and whole.meetings.problems == 4
