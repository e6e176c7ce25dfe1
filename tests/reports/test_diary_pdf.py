from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, DiaryDay
from qunzhong_desktop.core.diary import POINTS, CheckMark, DiaryEntry, DiaryVisit, LinkedItem
from qunzhong_desktop.core.entities import Cadre, StationProfile
from qunzhong_desktop.core.monthly.report import CadreRecord, Month, cadre_figures
from qunzhong_desktop.reports.diary_pdf import DiaryOutputError, render_diary
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from tests.helpers.monthly_data import Weekdays
from tests.helpers.stations import STATION

FIRST = dt.date(2026, 11, 1)
CADRE = Cadre(name="刘建国", unit="镇党委", id="c1")


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def visit(number: str, name: str, done: int) -> DiaryVisit:
    checks = {
        code: CheckMark(True, "厨房干净，米面充足" if code == "look_kitchen" else "")
        for code in list(POINTS)[:done]
    }
    checks["ask_advice"] = CheckMark(False, "希望村里修通组级公路，雨天出行困难")
    return DiaryVisit(
        f"h{number}", checks, note="老人独居，子女在外务工。", household_number=number,
        head_name=name, address=f"白沙村一组 {number[-1]} 号",
    )  # fmt: skip


def month() -> list[DiaryEntry]:
    entries = []
    for n in range(12):
        day = FIRST + dt.timedelta(days=n * 2)
        kind = "坐班接待" if n % 5 == 4 else "入户走访"
        visits = (
            [visit("0001", "张三丰", 9), visit("0002", "李桂兰", 4)] if kind == "入户走访" else []
        )
        items = (
            [
                LinkedItem(
                    "i1", "430121101201-2026-00031", "h0002", "屋顶漏雨，需危房改造", "registered"
                )
            ]
            if n == 0
            else []
        )
        entries.append(
            DiaryEntry(
                cadre_id="c1",
                day=day,
                kind=kind,
                visits=visits,
                items=items,
                text="上午走访结对户，了解冬季取暖和用电情况。\n下午到村部整理台账。"
                * (3 if n == 1 else 1),
            )
        )
    return entries


def test_month_diary_has_cadre_days_and_checklist(font: CjkFont, tmp_path: Path) -> None:
    entries = month()
    record = CadreRecord(
        CADRE.name, CADRE.unit, "干部", "乡驻村干部",
        tuple(DiaryDay(e.day, e.kind) for e in entries), 0,
    )  # fmt: skip
    figures = cadre_figures(record, DEFAULT_RULES, Month.of(FIRST), Weekdays())
    out = render_diary(
        CADRE, StationProfile(**STATION), FIRST, entries, tmp_path / "日记.pdf", font=font,
        figures=figures,
    )  # fmt: skip
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "民情日记" in text.replace(" ", "") and "刘建国" in text and "镇党委" in text
    assert "2026年11月" in text and "11月1日" in text and "11月23日" in text
    for label in POINTS.values():
        assert label in text
    assert "430121101201-2026-00031" in text and "已受理" in text
    # the month against the rule of the cadre's category (issue 15)
    assert "在村12天，其中坐班2天" in text and "乡驻村干部：每月在村≥10天" in text
    assert "结论：达标" in text
    assert "第3页" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    embedded = [
        desc.get_object()["/FontDescriptor"].get_object()
        for ref in fonts.values()
        for desc in ref.get_object().get("/DescendantFonts", [ref])
        if "/FontDescriptor" in desc.get_object()
    ]
    assert embedded and all("/FontFile2" in d for d in embedded)
    assert not list(tmp_path.glob(".*.part"))


def test_empty_month_and_bad_target(font: CjkFont, tmp_path: Path) -> None:
    out = render_diary(CADRE, StationProfile(**STATION), FIRST, [], tmp_path / "空.pdf", font=font)
    assert "本月没有民情日记" in "".join(PdfReader(out).pages[0].extract_text().split())
    with pytest.raises(DiaryOutputError):
        render_diary(
            CADRE, StationProfile(**STATION), FIRST, [], tmp_path / "no" / "x.pdf", font=font
        )
