"""The assessment sheet in the core: how a figure becomes points, ranking, vetoes, the scheme."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from qunzhong_desktop.core.assessment import (
    NO_DATA,
    NOT_ENTERED,
    RULES,
    Candidate,
    Record,
    footnotes,
    part_points,
    score,
)
from qunzhong_desktop.core.assessment_scheme import (
    DEFAULT_SCHEME,
    FIGURE_DEFINITIONS,
    HIGHER,
    LOWER,
    STATION_FIGURES,
    STATIONS,
    UNIT_FIGURES,
    UNITS,
    Part,
    ScoreItem,
    checked_manual,
    checked_reason,
    checked_scheme,
)
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.items import Rate


@pytest.mark.parametrize(
    ("part", "value", "best", "rate", "expected"),
    [
        (Part("on_time", 6), Rate(1, 2), 0, True, (3.0, "")),
        (Part("on_time", 6), Rate(2, 2), 0, True, (6.0, "")),
        (Part("on_time", 6), Rate(0, 3), 0, True, (0.0, "")),
        (Part("on_time", 6), Rate(0, 0), 0, True, (0.0, NO_DATA)),  # no denominator
        (Part("on_time", 6, LOWER), Rate(1, 4), 0, True, (4.5, "")),
        (Part("on_time", 6, LOWER), Rate(0, 0), 0, True, (0.0, NO_DATA)),
        (Part("meetings", 4), 3, 6, False, (2.0, "")),
        (Part("meetings", 4), 6, 6, False, (4.0, "")),  # the best scores in full
        (Part("meetings", 4), 0, 0, False, (0.0, "")),  # nobody has any: nobody scores
        (Part("score", 4), -1.5, 2, False, (0.0, "")),  # a negative value counts as 0
        (Part("overdue", 5, LOWER), 0, 0, False, (5.0, "")),  # none overdue: full
        (Part("overdue", 5, LOWER), 2, 1, False, (2.5, "")),
        (Part("overdue", 5, LOWER), 2, 0, False, (0.0, "")),  # another has none
    ],
)
def test_a_figure_becomes_points(
    part: Part, value: Any, best: float, rate: bool, expected: tuple[float, str]
) -> None:
    assert part_points(part, value, best, rate=rate) == expected


ITEMS = (
    ScoreItem("群众工作", 10, (Part("on_time", 6), Part("households_visited", 4))),
    ScoreItem("台账", 5),
)


def station(key: str, on_time: Rate, visited: int) -> Candidate:
    return Candidate(key, f"{key}村", {"on_time": on_time, "households_visited": visited})


def test_ranking_ties_share_a_rank_and_a_veto_ranks_last_keeping_its_score() -> None:
    candidates = [
        station("a", Rate(1, 2), 10),  # 3 + 4 × 10/20 = 5, manual 4 → 9
        station("b", Rate(1, 1), 20),  # 6 + 4 = 10, vetoed
        station("c", Rate(1, 2), 10),  # 5, manual 4 → 9 (tied with a)
        station("d", Rate(0, 0), 5),  # no data: 0 + 1 = 1, nothing entered
    ]
    records = {
        "a": Record({"台账": 4}),
        "b": Record({"台账": 5}, veto="发生重大信访事项"),
        "c": Record({"台账": 4}),
    }
    entries = score(STATIONS, ITEMS, candidates, records)
    assert [(e.key, e.total, e.rank) for e in entries] == [
        ("a", 9.0, 1),
        ("c", 9.0, 1),
        ("d", 1.0, 3),
        ("b", 15.0, 4),  # the highest score, yet after everyone else
    ]
    d, b = entries[2], entries[3]
    assert b.vetoed and b.remark == "一票否决：发生重大信访事项"
    assert [i.points for i in b.items] == [10.0, 5.0]
    assert d.remark == f"群众工作：按期办结率{NO_DATA}；台账：{NOT_ENTERED}"
    assert not d.vetoed


def test_vetoed_entries_rank_among_themselves_after_the_others() -> None:
    candidates = [station(k, Rate(1, 1), 10) for k in "abc"]
    records = {"a": Record(veto="理由一"), "c": Record({"台账": 1}, veto="理由二")}
    entries = score(STATIONS, ITEMS, candidates, records)
    assert [(e.key, e.rank, e.vetoed) for e in entries] == [
        ("b", 1, False),
        ("c", 2, True),
        ("a", 3, True),
    ]


def test_points_round_half_up_to_a_tenth_and_the_total_is_the_sum_of_the_items() -> None:
    items = (
        ScoreItem("甲", 1, (Part("on_time", 1),)),
        ScoreItem("乙", 3, (Part("satisfaction", 3),)),
    )
    # 1 × 1/20 = 0.05 → 0.1; 3 × 3/4 = 2.25 → 2.3; total 2.4 (not round(2.30) = 2.3)
    cand = Candidate("a", "a", {"on_time": Rate(1, 20), "satisfaction": Rate(3, 4)})
    (entry,) = score(STATIONS, items, [cand], {})
    assert [i.tenths for i in entry.items] == [1, 23]
    assert entry.tenths == 24 and entry.total == 2.4


def test_manual_points_above_a_reduced_item_count_as_its_points() -> None:
    (entry,) = score(STATIONS, ITEMS, [station("a", Rate(0, 1), 0)], {"a": Record({"台账": 8})})
    assert entry.items[1].points == 5.0


def test_the_best_count_is_taken_over_every_entry_including_the_vetoed() -> None:
    candidates = [station("a", Rate(0, 1), 10), station("b", Rate(0, 1), 40)]
    entries = score(STATIONS, ITEMS, candidates, {"b": Record(veto="否决")})
    assert {e.key: e.items[0].points for e in entries} == {"a": 1.0, "b": 4.0}


def test_the_default_scheme_holds_together_and_round_trips() -> None:
    assert checked_scheme(DEFAULT_SCHEME.as_json()) == DEFAULT_SCHEME
    first = DEFAULT_SCHEME.stations[0]
    assert (first.name, first.points) == ("群众工作", 20)
    assert [(p.figure, p.weight) for p in first.parts] == [
        ("on_time", 6), ("satisfaction", 6), ("first_time", 4), ("households_visited", 4),
    ]  # fmt: skip
    assert DEFAULT_SCHEME.stations[1].manual and DEFAULT_SCHEME.stations[1].points == 10
    assert {p.figure for p in DEFAULT_SCHEME.units[0].parts} == {
        "score",
        "satisfied",
        "resolved_share",
    }
    # a list left out keeps the default
    only = checked_scheme({"stations": [{"name": "台账", "points": 10, "manual": True}]})
    assert only.units == DEFAULT_SCHEME.units and only.stations[0].manual


def test_every_figure_has_a_definition_and_the_footnotes_explain_items_and_rules() -> None:
    for label in (*STATION_FIGURES.values(), *UNIT_FIGURES.values()):
        assert FIGURE_DEFINITIONS.get(label), label
    notes = dict(footnotes(STATIONS, DEFAULT_SCHEME.stations))
    assert notes["群众工作（20 分）"].startswith("共 20 分：按期办结率 6 分（越高越好）")
    assert notes["民情恳谈会与台账（10 分）"].startswith("手工评分，0 至 10 分。")
    assert "走访农户" in notes and "满意率" in notes
    assert all(notes[term] == text for term, text in RULES)
    unit_notes = dict(footnotes(UNITS, DEFAULT_SCHEME.units))
    assert "化解得分" in unit_notes and "办结率" in unit_notes


def _scheme(**changes: Any) -> dict[str, Any]:
    value = copy.deepcopy(DEFAULT_SCHEME.as_json())
    item = value["stations"][0]
    for key, new in changes.items():
        if new is None:
            item.pop(key)
        else:
            item[key] = new
    return value


PARTS = [{"figure": "on_time", "weight": 20}]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "考评方案应为 JSON 对象"),
        ({"villages": []}, "不认识：villages"),
        ({"stations": []}, "考评方案（工作站）应有 1 至 30 个考评项目"),
        (_scheme(points=0), "第 1 项“群众工作”的分值应大于 0"),
        (_scheme(points=-5), "分值应大于 0"),
        (_scheme(points="20"), "第 1 项“群众工作”的分值应为数字"),
        (_scheme(points=20.25), "最多保留一位小数"),
        (_scheme(name="  "), "考评方案（工作站）第 1 项的名称为空"),
        (_scheme(name="民情恳谈会与台账"), "第 2 项“民情恳谈会与台账”与前面的项目重名"),
        (_scheme(points=18), "各分项分值之和为 20 分，应等于该项的 18 分"),
        (_scheme(parts=[{"figure": "weather", "weight": 20}]), "第 1 个分项的指标“weather”不认识"),
        (_scheme(parts=[{"figure": "score", "weight": 20}]), "指标“score”不认识"),  # a unit's
        (_scheme(parts=[{"figure": "on_time", "weight": 0}]), "第 1 个分项的分值应大于 0"),
        (_scheme(parts=[{"figure": "on_time", "weight": 20, "direction": "up"}]), "方向应为"),
        (_scheme(parts=None), "没有分项"),
        (_scheme(manual=True), "是手工评分项，不能再有分项"),
    ],
)
def test_a_bad_scheme_is_refused_naming_the_part(value: Any, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_scheme(value)
    assert message in caught.value.message


def test_a_unit_item_may_use_unit_figures_and_chinese_directions() -> None:
    value = {
        "units": [
            {
                "name": "化解",
                "points": 10,
                "parts": [
                    {"figure": "unresolved", "weight": 4, "direction": "越低越好"},
                    {"figure": "score", "weight": 6},
                ],
            }
        ]
    }
    scheme = checked_scheme(value)
    assert scheme.units[0].parts == (Part("unresolved", 4, LOWER), Part("score", 6, HIGHER))


def test_a_veto_needs_a_reason_and_manual_points_stay_in_range() -> None:
    with pytest.raises(ValidationError, match="一票否决必须写明理由"):
        checked_reason(" \n ")
    with pytest.raises(ValidationError, match="不要超过 200 个字"):
        checked_reason("很" * 201)
    assert checked_reason("  发生 重大\n安全事故 ") == "发生 重大 安全事故"
    manual = ScoreItem("台账", 10)
    assert checked_manual(manual, 0) == 0 and checked_manual(manual, 10) == 10
    assert checked_manual(manual, 7.5) == 7.5
    for bad in (-0.1, 10.1, 7.25, float("nan")):
        with pytest.raises(ValidationError, match=r"应在 0 至 10 分之间|应为数字"):
            checked_manual(manual, bad)
    with pytest.raises(ValidationError, match="按统计数字计算，不能手工评分"):
        checked_manual(DEFAULT_SCHEME.stations[0], 5)
