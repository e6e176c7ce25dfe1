"""The units' sheet: a unit that answered for nothing is listed last, unranked (issue 17).

As in the 化解情况成效表 (``period_report.unit_rows``): never ranked last for having had
nothing to do — unless the township judged it (manual points, a veto).
"""

from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core.assessment import (
    NOTHING,
    UNIT_RULES,
    Candidate,
    Record,
    footnotes,
    score,
    sheet,
    unit_candidates,
)
from qunzhong_desktop.core.assessment_scheme import DEFAULT_SCHEME, LOWER, STATIONS, UNITS, Part
from qunzhong_desktop.core.assessment_scheme import ScoreItem as Item
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period import half
from qunzhong_desktop.core.monthly.period_report import UnitRow

ITEMS = (
    Item("化解", 10, (Part("resolved", 6), Part("unresolved", 4, LOWER))),
    Item("双联系", 5),
)


def unit(name: str, resolved: int, unresolved: int) -> Candidate:
    answered = resolved + unresolved
    figures = {"resolved": resolved, "unresolved": unresolved, "answered": answered}
    return Candidate(name, name, figures, idle=not answered)


def table(entries: tuple) -> list[tuple[str, str, float, str]]:
    return [(e.key, e.rank_text, e.total, e.remark) for e in entries]


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # nobody judged the idle ones: listed last, "—", no points, never 末位
        (
            {},
            [
                ("甲", "1", 10.0, "双联系：未录入"),  # 6 × 2/2 + 4 × 1/1
                ("乙", "2", 7.0, "双联系：未录入"),  # 6 × 1/2 + 4 × 1/1
                ("丙", "—", 0.0, NOTHING),
                ("丁", "—", 0.0, NOTHING),
            ],
        ),
        # manual points: 丙 takes part — and, with nothing unresolved, is the best of
        # the lower-is-better count (4 in full; the others 4 × 0 ÷ n = 0)
        (
            {"丙": Record({"双联系": 5})},
            [
                ("丙", "1", 9.0, ""),
                ("甲", "2", 6.0, "双联系：未录入"),
                ("乙", "3", 3.0, "双联系：未录入"),
                ("丁", "—", 0.0, NOTHING),
            ],
        ),
        # a veto takes part too (after the rest), the idle one it is not stays unranked
        (
            {"丁": Record(veto="拒不配合"), "甲": Record({"双联系": 1})},
            [
                ("甲", "1", 7.0, ""),
                ("乙", "2", 3.0, "双联系：未录入"),
                ("丁", "3（否决）", 4.0, "一票否决：拒不配合；双联系：未录入"),
                ("丙", "—", 0.0, NOTHING),
            ],
        ),
    ],
)
def test_idle_units_follow_the_ranked_ones_unless_judged(
    records: dict[str, Record], expected: list[tuple[str, str, float, str]]
) -> None:
    candidates = [unit("丙", 0, 0), unit("甲", 2, 1), unit("丁", 0, 0), unit("乙", 1, 1)]
    assert table(score(UNITS, ITEMS, candidates, records)) == expected


def test_an_idle_unit_takes_no_part_in_the_best_values() -> None:
    # without the rule 丙 (0 unresolved) would be the best and zero both others' 4 points
    candidates = [unit("甲", 2, 2), unit("乙", 2, 1), unit("丙", 0, 0)]
    entries = score(UNITS, ITEMS, candidates, {})
    assert {e.key: e.items[0].points for e in entries} == {"甲": 8.0, "乙": 10.0, "丙": 0.0}
    idle = entries[-1]
    assert not idle.ranked and idle.rank == 0 and not idle.vetoed
    assert [(i.name, i.tenths, i.remarks) for i in idle.items] == [
        ("化解", 0, ()),
        ("双联系", 0, ()),
    ]


def test_all_idle_ranks_nobody_and_an_empty_list_is_empty() -> None:
    entries = score(UNITS, ITEMS, [unit("甲", 0, 0), unit("乙", 0, 0)], {})
    assert table(entries) == [("甲", "—", 0.0, NOTHING), ("乙", "—", 0.0, NOTHING)]
    assert score(UNITS, ITEMS, [], {}) == ()


def test_stations_are_never_idle_and_their_footnotes_do_not_speak_of_it() -> None:
    quiet = Candidate("s", "静村", {"on_time": Rate(0, 0), "households_visited": 0})
    (entry,) = score(STATIONS, DEFAULT_SCHEME.stations, [quiet], {})
    assert entry.ranked and entry.rank_text == "1"
    assert NOTHING not in dict(footnotes(STATIONS, DEFAULT_SCHEME.stations))
    notes = dict(footnotes(UNITS, DEFAULT_SCHEME.units))
    assert notes[NOTHING] == dict(UNIT_RULES)[NOTHING]


def test_the_sheet_marks_the_units_of_the_resolution_table_that_answered_for_nothing() -> None:
    rows = (
        UnitRow("民政办", "乡镇", "职能部门", 2, 1, 1, (1, 0, 0), rank=1),
        UnitRow("司法所", "乡镇", "职能部门", 0, 0, 0, (0, 0, 0)),
    )
    assert [c.idle for c in unit_candidates(_Report(rows))] == [False, True]  # type: ignore[arg-type]
    got = sheet(UNITS, DEFAULT_SCHEME, _Report(rows), {}, township="白沙镇")  # type: ignore[arg-type]
    # 民政办: 化解得分 +0.7 the best → 10, 满意 1/1 → 6, 办结 1/2 → 2
    assert [(e.key, e.rank_text, e.total, e.remark) for e in got.entries] == [
        ("民政办", "1", 18.0, "双联系工作：未录入"),
        ("司法所", "—", 0.0, NOTHING),
    ]
    assert got.title == "白沙镇 2026年下半年 考评排名"


class _Report:
    """What :func:`sheet` reads of a period report."""

    def __init__(self, units: tuple[UnitRow, ...]) -> None:
        self.units = units
        self.stations = ()
        self.period = half(2026, 2)
        self.as_of: dt.date | None = None
