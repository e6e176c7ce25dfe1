"""Evaluation printouts (reports/evaluation_pdf.py): ballots, result sheet, survey list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.evaluation import (
    CADRE,
    UNIT,
    EvaluationRules,
    RatedRow,
    Round,
    RoundResult,
    Served,
    StoredRound,
    Survey,
    SurveyAnswer,
    Tally,
    results,
)
from qunzhong_desktop.reports.evaluation_pdf import render_ballots, render_result, render_survey
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font

ROWS = (
    Tally("王建国", CADRE, 6, 0, 4, "乡驻村干部"),
    Tally("赵敏", CADRE, 8, 1, 1, "工作队员"),
    Tally("钱多", CADRE, 0, 0, 0, "联户党员"),
    Tally("县农业农村局", UNIT, 9, 1, 0, "双联系单位"),
    Tally("白沙村群众工作站", UNIT, 5, 2, 3, "工作站"),
)
STORED = StoredRound(
    "r1", Round("民意测评会", dt.date(2026, 6, 28), ("430121101201",), 12, 10, 10, "2026-H1"),
    "", "补发 2 张", tuple(RatedRow(t) for t in ROWS),
)  # fmt: skip


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _flat(path: Path) -> tuple[int, str]:
    pages = PdfReader(path).pages
    return len(pages), "".join("".join(p.extract_text() for p in pages).split())


def test_ballots_one_per_page_without_a_voter(font: CjkFont, tmp_path: Path) -> None:
    out = render_ballots(STORED, tmp_path / "b.pdf", font=font, village="白沙村", copies=3)
    pages, text = _flat(out)
    assert pages == 3 and text.count("白沙村2026年上半年民意测评会测评票") >= 3
    assert all(name in text for name in ("王建国", "县农业农村局", "满意", "基本满意", "不满意"))
    assert "不记名" in text and "投票人" not in text and "姓名：" not in text
    with pytest.raises(ValueError):
        render_ballots(STORED, tmp_path / "x.pdf", font=font, copies=0)


def test_result_sheet_marks_and_states_the_thresholds(font: CjkFont, tmp_path: Path) -> None:
    rules = EvaluationRules()
    result = RoundResult(STORED, rules, results(ROWS, rules))
    _pages, text = _flat(render_result(result, tmp_path / "r.pdf", font=font, village="白沙村"))
    assert "60.0%（6/10）" in text and "不予提拔、诫勉谈话" in text  # 王建国 at 40 % exactly
    assert "末位" in text and "未计票" in text  # the last unit; 钱多 without votes
    assert "诫勉谈话名单" in text and "1.王建国" in text
    assert "达到40%" in text and "达到30%" in text


def test_survey_list_masks_phones(font: CjkFont, tmp_path: Path) -> None:
    served = Served("h1", "003", "张三", "白沙村三组", "13812345678", True, 1)
    survey = Survey("s1", "c1", "王建国", dt.date(2026, 6, 1), "拟提拔",
                    (SurveyAnswer("a1", served, "满意", "", dt.date(2026, 6, 2)),))  # fmt: skip
    _pages, text = _flat(render_survey(survey, tmp_path / "s.pdf", font=font, township="白沙镇"))
    assert "张三" in text and "13812345678" not in text and "138" in text
    assert "满意1户" in text and "不满意率0.0%（0/1）" in text
