"""民意测评: tallies checked at their boundaries, 40 % exactly, ranks and the last place."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.evaluation import (
    ADMONISH,
    BOTTOM,
    CADRE,
    NO_PROMOTION,
    UNIT,
    EvaluationRules,
    Round,
    Tally,
    checked_round,
    checked_rules,
    checked_tallies,
    results,
)


def test_forty_percent_exactly_is_not_promoted_and_just_below_is() -> None:
    verdicts = {
        v.tally.name: v
        for v in results(
            [
                Tally("甲", CADRE, 50, 10, 40),  # 40 of 100: 40 % exactly
                Tally("乙", CADRE, 300, 301, 399),  # 399 of 1000: 39.9 %
                Tally("丙", CADRE, 90, 10, 0),
            ]
        )
    }
    assert NO_PROMOTION in verdicts["甲"].flags and ADMONISH in verdicts["甲"].flags
    assert NO_PROMOTION not in verdicts["乙"].flags and ADMONISH in verdicts["乙"].flags
    assert verdicts["丙"].flags == () and verdicts["丙"].rank == 1
    assert verdicts["甲"].unsatisfied.text == "40.0%（40/100）"


def test_thresholds_are_the_township_s() -> None:
    tally = [Tally("甲", CADRE, 70, 5, 25), Tally("乙", CADRE, 100, 0, 0)]
    (_first, second) = results(tally, EvaluationRules(no_promotion_percent=25, admonish_percent=20))
    assert second.tally.name == "甲" and second.flags == (NO_PROMOTION, ADMONISH)
    with pytest.raises(ValidationError, match="不能高于"):
        checked_rules(EvaluationRules(no_promotion_percent=30, admonish_percent=35))
    with pytest.raises(ValidationError):
        checked_rules(EvaluationRules(no_promotion_percent=0))
    assert checked_rules(EvaluationRules()) == EvaluationRules()


def test_ranks_ties_the_last_cadre_admonished_and_the_last_unit_marked() -> None:
    verdicts = results(
        [
            Tally("县农业农村局", UNIT, 80, 10, 10),
            Tally("镇林业站", UNIT, 60, 20, 20),
            Tally("张三", CADRE, 9, 1, 0),
            Tally("李四", CADRE, 18, 2, 0),  # the same 100 % as 张三: shares rank 1
            Tally("王五", CADRE, 8, 1, 1),
            Tally("赵六", CADRE),  # no votes: listed, not judged
        ]
    )
    cadres = [(v.tally.name, v.rank, v.flags) for v in verdicts if v.tally.rated == CADRE]
    assert cadres == [
        ("张三", 1, ()),
        ("李四", 1, ()),
        ("王五", 3, (ADMONISH,)),  # 10 %: below 30 %, but last
        ("赵六", 0, ()),
    ]
    units = [(v.tally.name, v.rank, v.flags) for v in verdicts if v.tally.rated == UNIT]
    assert units == [("县农业农村局", 1, ()), ("镇林业站", 2, (BOTTOM,))]


def test_nobody_is_last_when_all_are_alike_and_no_ballots_judge_nobody() -> None:
    alike = results([Tally("甲", CADRE, 5), Tally("乙", CADRE, 5)])
    assert [v.flags for v in alike] == [(), ()]
    nothing = results([Tally("甲", CADRE), Tally("局", UNIT)])
    assert [(v.rank, v.flags, v.satisfied.text) for v in nothing] == [
        (0, (), "—（0/0）"),
        (0, (), "—（0/0）"),
    ]


@pytest.mark.parametrize(
    ("tallies", "returned", "code", "index"),
    [
        ([Tally("甲", CADRE, 30, 10, 1)], 40, "evaluation.too_many", 0),
        ([Tally("甲", CADRE, 1), Tally(" 甲 ", CADRE, 1)], 40, "evaluation.twice", 1),
        ([Tally("  ", CADRE, 1)], 40, "evaluation.name", 0),
        ([Tally("甲", CADRE, -1)], 40, "evaluation.count", 0),
        ([Tally("甲", CADRE, 1)], -1, "evaluation.ballots", None),
        ([Tally("甲", CADRE, 1)], 0, "evaluation.too_many", 0),
    ],
)
def test_a_bad_tally_is_refused_in_chinese(
    tallies: list[Tally], returned: int, code: str, index: int | None
) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_tallies(tallies, returned)
    assert caught.value.code == code and caught.value.data.get("index") == index
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)


def test_a_tally_of_exactly_the_ballots_returned_is_taken() -> None:
    (row,) = checked_tallies([Tally(" 张 三 ", CADRE, 30, 9, 1)], 40)
    assert row.name == "张三" and row.votes == 40
    # a unit and a person may share a name
    assert len(checked_tallies([Tally("林业站", CADRE, 1), Tally("林业站", UNIT, 1)], 1)) == 2


ROUND = Round("民意测评会", dt.date(2026, 12, 20), ("430121101201",), 120, 100, 96, "2026-H2")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"kind": "评议会"}, "evaluation.kind"),
        ({"villages": ()}, "evaluation.villages"),
        ({"ballots_issued": 121}, "evaluation.issued"),
        ({"ballots_returned": 101}, "evaluation.returned"),
        ({"participants": -1}, "evaluation.number"),
    ],
)
def test_a_bad_round_is_refused(changes: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_round(dataclasses.replace(ROUND, **changes))
    assert caught.value.code == code
    assert checked_round(ROUND) == ROUND
