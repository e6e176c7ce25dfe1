"""A cadre's mass-work record shows how residents rated the cadre (issue 18)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.evaluation import ADMONISH, CADRE, NO_PROMOTION, RatedRow, Round, Tally
from qunzhong_desktop.reports.cadre_record_pdf import render_cadre_record
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import Store
from tests.helpers.stations import STATION, copy_store

CODE = STATION["code"]
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def st(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    store = copy_store(_template_dirs[1], tmp_path_factory.mktemp("record") / "home")
    yield store
    store.close()


def _round(day: dt.date, period: str) -> Round:
    return Round(kind="民意测评会", day=day, villages=(CODE,), participants=12,
                 ballots_issued=10, ballots_returned=10, period=period)  # fmt: skip


def test_the_rounds_of_the_period_appear_with_their_verdicts(st: Store, tmp_path: Path) -> None:
    wang = st.register.save_cadre(Cadre(name="王建国", category="乡驻村干部"))
    li = st.register.save_cadre(Cadre(name="李四", category="村两委其他干部"))
    zhao = st.register.save_cadre(Cadre(name="赵六", category="村两委其他干部"))
    rows = [
        RatedRow(Tally("王建国", CADRE, role="乡驻村干部"), cadre_id=wang.id),
        RatedRow(Tally("李四", CADRE, role="村两委其他干部")),  # typed by hand: matched by name
        RatedRow(Tally("另一人", CADRE)),
    ]
    first = st.evaluations.create(_round(dt.date(2026, 6, 28), "2026-H1"), rows)
    st.evaluations.tally(first.id, {"王建国": (6, 0, 4), "李四": (9, 1, 0), "另一人": (8, 2, 0)})
    before = st.evaluations.create(_round(dt.date(2025, 12, 20), "2025-H2"), rows)
    st.evaluations.tally(before.id, {"王建国": (10, 0, 0)})

    record = st.cadre_records.record(wang.id or "", dt.date(2026, 1, 1), TODAY, today=TODAY)
    (line,) = record.evaluations  # the round of 2025 lies outside the period
    assert line.held_on == dt.date(2026, 6, 28) and "2026年上半年" in line.heading
    assert (line.unsatisfied.numerator, line.unsatisfied.denominator) == (4, 10)
    assert line.flags == (NO_PROMOTION, ADMONISH) and (line.rank, line.ranked) == (3, 3)
    by_name = st.cadre_records.record(li.id or "", dt.date(2026, 1, 1), TODAY, today=TODAY)
    assert [(e.rank, e.flags) for e in by_name.evaluations] == [(1, ())]
    assert st.cadre_records.record(zhao.id or "", dt.date(2026, 1, 1), TODAY,
                                   today=TODAY).evaluations == ()  # fmt: skip
    whole = st.cadre_records.record(wang.id or "", dt.date(2025, 12, 1), TODAY, today=TODAY)
    assert [e.held_on.year for e in whole.evaluations] == [2025, 2026]

    out = render_cadre_record(record, tmp_path / "记录.pdf", font=find_cjk_font())
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "民意测评" in text and "不予提拔、诫勉谈话" in text and "40.0%（4/10）" in text
