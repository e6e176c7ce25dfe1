"""Evaluation rounds in a store (storage/evaluation_repo.py): writes, refusals, reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.evaluation import (
    ADMONISH,
    BOTTOM,
    CADRE,
    NO_PROMOTION,
    UNIT,
    EvaluationRules,
    RatedRow,
    Round,
    Tally,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.voice_settings import VoiceSettings
from tests.helpers.stations import STATION, copy_store

CODE = STATION["code"]
DAY = dt.date(2026, 6, 28)


@pytest.fixture(scope="module")
def st(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    store = copy_store(_template_dirs[1], tmp_path_factory.mktemp("evaluation") / "home")
    for name, category in (("王建国", "乡驻村干部"), ("赵敏", "工作队员"), ("钱多", "联户党员")):
        store.register.save_cadre(Cadre(name=name, category=category))
    gone = store.register.save_cadre(Cadre(name="孙退"))
    store.register.retire("cadre", gone.id or "")
    yield store
    store.close()


def _round(returned: int = 10, **changes: object) -> Round:
    values: dict[str, object] = dict(
        kind="民意测评会", day=DAY, villages=(CODE,), participants=12, ballots_issued=10,
        ballots_returned=returned, period="2026-h1",
    )  # fmt: skip
    values.update(changes)
    return Round(**values)  # type: ignore[arg-type]


def _rows(*names: str, rated: str = CADRE) -> list[RatedRow]:
    return [
        RatedRow(Tally(n, rated, role="驻村干部" if rated == CADRE else "双联系单位"))
        for n in names
    ]


def _count(store: Store, cls: type[m.Base]) -> int:
    with store.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(cls)) or 0)


def test_create_tally_and_results_flag_forty_percent_exactly(st: Store) -> None:
    made = st.evaluations.create(_round(), [*_rows("甲", "乙", "丙"), *_rows("单位一", "单位二", rated=UNIT)],
                                 title=" 上半年测评 ")  # fmt: skip
    assert made.round.period == "2026-H1" and made.title == "上半年测评"
    assert [r.tally.name for r in made.rows] == ["甲", "乙", "丙", "单位一", "单位二"]
    st.evaluations.tally(made.id, {"甲": (6, 0, 4), "乙": (7, 1, 2), "丙": (10, 0, 0),
                                   "单位一": (9, 1, 0), "单位二": (5, 2, 3)})  # fmt: skip
    result = st.evaluations.results(made.id)
    flags = {v.tally.name: v.flags for v in result.verdicts}
    assert NO_PROMOTION in flags["甲"] and ADMONISH in flags["甲"]
    assert flags["乙"] == () and flags["丙"] == ()
    assert flags["单位二"] == (BOTTOM,) and flags["单位一"] == ()
    assert [v.tally.name for v in result.admonish] == ["甲"]
    # a stricter township setting, taken at once
    st.voice.set(VoiceSettings(rules=EvaluationRules(no_promotion_percent=20, admonish_percent=20)))
    try:
        assert (
            NO_PROMOTION
            in {v.tally.name: v.flags for v in st.evaluations.results(made.id).verdicts}["乙"]
        )
    finally:
        st.voice.set(VoiceSettings())


def test_more_votes_than_ballots_refused_and_nothing_written(st: Store) -> None:
    made = st.evaluations.create(_round(returned=5), _rows("甲", "乙"))
    st.evaluations.tally(made.id, {"甲": (3, 1, 1)})
    with pytest.raises(ValidationError) as caught:
        st.evaluations.tally(made.id, {"乙": (1, 1, 1), "甲": (4, 1, 1)})
    assert caught.value.code == "evaluation.too_many" and "超过了收回的选票" in caught.value.message
    kept = st.evaluations.round(made.id)
    assert [(r.tally.satisfied, r.tally.fair, r.tally.unsatisfied) for r in kept.rows] == [
        (3, 1, 1), (0, 0, 0),
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="超过了收回的选票 4 张"):  # fewer than counted
        st.evaluations.update(made.id, _round(returned=4))
    with pytest.raises(ValidationError, match="没有“丁”"):
        st.evaluations.tally(made.id, {"丁": (1, 0, 0)})
    with pytest.raises(ValidationError) as negative:
        st.evaluations.tally(made.id, {"乙": (-1, 0, 0)})
    assert negative.value.code == "evaluation.count"


def test_no_ballots_round_is_not_judged(st: Store) -> None:
    made = st.evaluations.create(_round(returned=0, ballots_issued=0), _rows("甲"))
    verdict = st.evaluations.results(made.id).verdicts[0]
    assert verdict.rank == 0 and verdict.flags == () and str(verdict.unsatisfied.denominator) == "0"
    with pytest.raises(ValidationError) as caught:
        st.evaluations.add_ballot(made.id, {"甲": "满意"})
    assert caught.value.code == "evaluation.too_many_ballots"


def test_bad_rounds_refused_in_chinese(st: Store) -> None:
    before = _count(st, m.EvaluationRound)
    for bad, code in (
        (_round(kind="评比"), "evaluation.kind"),
        (_round(villages=()), "evaluation.villages"),
        (_round(villages=("123",)), "evaluation.villages"),
        (_round(villages=("430121101299",)), "evaluation.own_village"),
        (_round(returned=11), "evaluation.returned"),
        (_round(ballots_issued=13), "evaluation.issued"),
        (_round(period="上半年"), "evaluation.period"),
    ):
        with pytest.raises(ValidationError) as caught:
            st.evaluations.create(bad, _rows("甲"))
        assert caught.value.code == code and any(
            "\u4e00" <= ch <= "\u9fff" for ch in caught.value.message
        )
    with pytest.raises(ValidationError, match="列了两次"):
        st.evaluations.create(_round(), _rows("甲", "甲"))
    with pytest.raises(NotFoundError):
        st.evaluations.create(_round(), [RatedRow(Tally("甲"), cadre_id="nobody")])
    assert _count(st, m.EvaluationRound) == before


def test_per_ballot_entry_counts_up_to_the_ballots_returned(st: Store) -> None:
    made = st.evaluations.create(_round(returned=2, ballots_issued=2), _rows("甲", "乙"))
    st.evaluations.add_ballot(made.id, {"甲": "满意", "乙": "不满意"})
    after = st.evaluations.add_ballot(made.id, {"甲": "基本满意"})
    assert [(r.tally.satisfied, r.tally.fair, r.tally.unsatisfied) for r in after.rows] == [
        (1, 1, 0), (0, 0, 1),
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="超过了收回的 2 张"):
        st.evaluations.add_ballot(made.id, {"甲": "满意"})
    for bad in ({"甲": "很好"}, {"丁": "满意"}, {}):
        with pytest.raises(ValidationError):
            st.evaluations.add_ballot(made.id, bad)
    assert st.evaluations.round(made.id).rows == after.rows


def test_edit_rows_delete_and_restore(st: Store) -> None:
    made = st.evaluations.create(_round(), _rows("甲", "乙"))
    st.evaluations.tally(made.id, {"甲": (5, 0, 0)})
    first = made.rows[0]
    edited = st.evaluations.set_rows(
        made.id,
        [RatedRow(Tally("丙", CADRE, 1, 0, 0)), RatedRow(Tally("甲", CADRE, 5, 0, 1), id=first.id)],
    )
    assert [r.tally.name for r in edited.rows] == ["丙", "甲"] and edited.rows[1].id == first.id
    st.evaluations.delete(made.id)
    with pytest.raises(NotFoundError):
        st.evaluations.round(made.id)
    assert made.id not in {r.id for r in st.evaluations.rounds()}
    assert made.id in {r.id for r in st.evaluations.rounds(deleted=True)}
    back = st.evaluations.restore(made.id)
    assert [r.tally.name for r in back.rows] == ["丙", "甲"]  # 乙 stays deleted (edited away)
    with pytest.raises(NotFoundError):
        st.evaluations.restore(made.id)
    assert st.evaluations.find(made.id[-8:]).id == made.id


def test_candidates_come_from_the_registers(st: Store) -> None:
    found = st.evaluations.candidates()
    names = [(c.name, c.rated, c.role) for c in found.rows]
    assert names[:2] == [("白沙镇群众工作办", UNIT, "乡镇"), ("白沙村群众工作站", UNIT, "工作站")]
    cadres = [c for c in found.rows if c.rated == CADRE]
    assert [c.name for c in cadres] == ["王建国", "赵敏", "钱多"]  # by category; 孙退 retired
    assert all(c.cadre_id for c in cadres)
    assert any("结对" in note for note in found.notes)  # no unit paired with the village yet
    with pytest.raises(NotFoundError):
        st.evaluations.candidates("430121101299")


def test_verdicts_of_a_span(st: Store) -> None:
    late = st.evaluations.create(_round(day=dt.date(2026, 12, 20), period="2026-H2"), _rows("甲"))
    span = st.evaluations.verdicts(dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert [r.stored.id for r in span] == [late.id]
    assert (
        st.evaluations.verdicts(dt.date(2026, 7, 1), dt.date(2026, 12, 31), ["430121101299"]) == []
    )
    assert st.evaluations.rounds(period="2026-h2")[0].id == late.id
