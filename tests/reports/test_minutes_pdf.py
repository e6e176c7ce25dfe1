"""The minutes (会议记录) of a 民情分析会 and of a meeting with no topics (the 恳谈会: tests/cli)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.meetings import ANALYSIS, TALK, Meeting, Topic
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.minutes_pdf import render_minutes
from qunzhong_desktop.reports.monthly_output import ReportOutputError

DAY = dt.date(2026, 11, 28)
NUMBER = "430121101201-2026-00001"


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _flat(path: Path) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_an_analysis_lists_the_items_and_information_it_discussed(
    font: CjkFont, tmp_path: Path
) -> None:
    meeting = Meeting(
        kind=ANALYSIS, held_on=DAY, place="村部", host="刘书记", attendance=8,
        topics=(
            Topic(text="修复进度滞后", owner="张主任", item_id="i", item_number=NUMBER,
                  item_state="办理中"),
            Topic(info_id="x", info_text="外出务工家庭子女入学难"),
        ),
    )  # fmt: skip
    out = render_minutes(meeting, tmp_path / "a.pdf", station="白沙村群众工作站", font=font,
                         contents={NUMBER: "村道路灯坏了一半"})  # fmt: skip
    flat = _flat(out)
    for expected in ("白沙村群众工作站民情分析会记录", "分析事项和民情信息2项",
                     f"事项{NUMBER}（办理中）", "村道路灯坏了一半", "修复进度滞后", "张主任",
                     "民情信息：外出务工家庭子女入学难", "会议决定事项（未记录）"):  # fmt: skip
        assert expected in flat, expected


def test_a_meeting_without_topics_says_so_and_a_bad_folder_is_refused(
    font: CjkFont, tmp_path: Path
) -> None:
    meeting = Meeting(kind=TALK, held_on=DAY, place="村部", host="刘书记", attendance=3,
                      attendees="")  # fmt: skip
    flat = _flat(render_minutes(meeting, tmp_path / "b.pdf", station="白沙村", font=font))
    assert "本次会议没有记录问题" in flat and "群众反映问题0个，转为事项0件" in flat
    with pytest.raises(ReportOutputError):
        render_minutes(meeting, tmp_path / "no" / "dir" / "b.pdf", station="白沙村", font=font)
