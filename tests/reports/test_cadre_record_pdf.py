"""The cadre's mass-work record (群众工作实绩记录) as a PDF, from a plain record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.cadre_record import (
    NOT_YET,
    CadreServiceRecord,
    HandledItem,
    RecordMonth,
    ServedStation,
)
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.reports.cadre_record_pdf import render_cadre_record
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.monthly_output import ReportOutputError


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def months() -> tuple[RecordMonth, ...]:
    """Two years: three months before the cadre came, then a short month now and then."""
    rows = []
    month = Month(2024, 12)
    for index in range(24):
        if index < 3:
            rows.append(RecordMonth(month, 0, 0, 0, "—", NOT_YET, partial=True))
        elif index % 5 == 0:
            rows.append(
                RecordMonth(
                    month, 8, 1, 12, "不达标", "在村 8 天，少于 10 天；坐班 1 天，少于 2 天"
                )
            )
        else:
            rows.append(RecordMonth(month, 12, 2, 20, "达标", ""))
        month = Month.of(month.next_first)
    return tuple(rows)


def big_record() -> CadreServiceRecord:
    items = tuple(
        HandledItem(
            number=f"430121101201-2025-{n:05d}",
            received_on=dt.date(2025, 1 + n % 12, 1 + n % 27),
            domain=("社会保障", "基础设施", "矛盾纠纷")[n % 3],
            content="村道路面破损多处，雨天积水，群众出行不便，要求尽快修复" * (1 + n % 2),
            state="已销号",
            result="已协调交通站修复路面并加装排水沟，群众认可",
            satisfaction=("满意", "基本满意", "不满意", "")[n % 4],
        )
        for n in range(1, 41)
    )
    return CadreServiceRecord(
        name="欧阳建明",
        category="乡驻村干部",
        unit="白沙镇党委（驻村工作队）",
        rule="每月在村 ≥ 10 天；坐班 ≥ 2 天（记民情日记）",
        start=dt.date(2024, 12, 1),
        end=dt.date(2026, 11, 30),
        as_of=dt.date(2026, 11, 30),
        stations=(
            ServedStation(
                "白沙村群众工作站",
                "430121101201",
                "镇党委",
                dt.date(2025, 3, 3),
                dt.date(2025, 12, 30),
            ),
            ServedStation(
                "黄花塘社区群众工作站",
                "430121101202",
                "白沙镇党委（驻村工作队）",
                dt.date(2026, 1, 5),
                dt.date(2026, 11, 27),
            ),
        ),
        months=months(),
        households_visited=137,
        visits=386,
        items_by_state=(("已办结", 2), ("已回访", 8), ("已销号", 30), ("办理中", 3)),
        resolved=items,
        paired=5,
        paired_difficult=3,
        since=dt.date(2025, 3, 3),
        by_name=True,
    )


def test_a_long_record_flows_over_pages(font: CjkFont, tmp_path: Path) -> None:
    out = render_cadre_record(
        big_record(), tmp_path / "记录.pdf", font=font, today=dt.date(2026, 12, 2)
    )
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    for expected in (
        "群众工作实绩记录", "欧阳建明", "白沙村群众工作站", "黄花塘社区群众工作站",
        "2025年3月3日至2025年12月30日", "2024年12月至2025年2月", "尚未登记，不评定",
        "评定21个月，不达标4个月", "本期走访群众137户，共386户次",
        "430121101201-2025-00040", "满意率", "结对5户，其中困难户（重点帮扶对象）3户",
        "本期群众工作满一年", "同名干部按同一人合并统计",
        "第3页", "生成于2026-12-02",
    ):  # fmt: skip
        assert expected in text, expected
    # the item table repeats its header on the next page
    assert sum("事项编号" in p.extract_text() for p in reader.pages) >= 2


def test_unwritable_target(font: CjkFont, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportOutputError):
        render_cadre_record(big_record(), blocker / "记录.pdf", font=font)
    assert not list(tmp_path.glob(".*.part"))
