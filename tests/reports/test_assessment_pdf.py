"""The assessment ranking as a PDF, from a plain sheet (the full one: tests/cli)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.assessment import AssessmentSheet, Candidate, Record, score
from qunzhong_desktop.core.assessment_scheme import DEFAULT_SCHEME, UNITS
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.reports.assessment_pdf import render_assessment
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.monthly_output import ReportOutputError


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _flat(path: Path) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_an_empty_sheet_says_so(font: CjkFont, tmp_path: Path) -> None:
    sheet = AssessmentSheet(UNITS, "白沙镇 2026年 考评排名", "2026", DEFAULT_SCHEME.units, ())
    out = render_assessment(sheet, tmp_path / "a.pdf", font=font)
    flat = _flat(out)
    assert "考评责任单位0个" in flat and "本期没有可考评的对象" in flat
    assert "化解得分：化解情况成效表的得分" in flat


def test_many_units_run_over_pages_and_a_vetoed_one_is_marked(
    font: CjkFont, tmp_path: Path
) -> None:
    candidates = [
        Candidate(f"单位{n:02d}", f"单位{n:02d}", {"score": n / 10, "satisfied": Rate(n, 60),
                                                  "resolved_share": Rate(n, 60)})
        for n in range(60)
    ]  # fmt: skip
    entries = score(UNITS, DEFAULT_SCHEME.units, candidates, {"单位59": Record(veto="弄虚作假")})
    sheet = AssessmentSheet(UNITS, "白沙镇 2026年 考评排名", "2026", DEFAULT_SCHEME.units, entries)
    out = render_assessment(sheet, tmp_path / "a.pdf", font=font)
    assert len(PdfReader(out).pages) >= 2
    assert "60（否决）单位59" in _flat(out) and "一票否决：弄虚作假" in _flat(out)
    with pytest.raises(ReportOutputError):
        render_assessment(sheet, tmp_path / "missing" / "dir" / "a.pdf", font=font)
