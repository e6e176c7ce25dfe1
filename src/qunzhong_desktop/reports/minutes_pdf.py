"""The minutes (会议记录) of a 民情恳谈会 or 民情分析会 as an A4 PDF (issue 18).

Title ``{station} {kind}记录``; a boxed head (kind, date, place, host, attendance, who came);
the summary; the problems raised — who raised each, who follows it up, the item it became
with its state — or, at a 分析会, the items and 民情信息 analysed; the decisions; signature
lines for the host and the recorder. Nothing personal beyond the names the clerk typed: no
ID numbers, no phones. Written to a temporary file and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.core.meetings import TALK, Meeting, Topic
from qunzhong_desktop.reports.fonts import CjkFont, store_font
from qunzhong_desktop.reports.monthly_output import (
    MARGIN_X,
    PAGE_W,
    build_a4,
    mm,
    write_atomically,
)
from qunzhong_desktop.reports.pdf_charts import LABEL_BG, Styles, grid_style
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.store import Store

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm


def _p(text: object, style: Any) -> Paragraph:
    """A paragraph of plain text, line breaks kept."""
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _head(meeting: Meeting, s: Styles) -> Table:
    rows = [
        [_p("会议类型", s.cell), _p(meeting.kind, s.cell),
         _p("日　　期", s.cell), _p(f"{meeting.held_on:%Y年%m月%d日}", s.cell)],
        [_p("地　　点", s.cell), _p(meeting.place, s.cell),
         _p("主 持 人", s.cell), _p(meeting.host, s.cell)],
        [_p("参会人数", s.cell), _p(f"{meeting.attendance} 人", s.cell), "", ""],
        [_p("参会人员", s.cell), _p(meeting.attendees or "—", s.cell), "", ""],
    ]  # fmt: skip
    style = [
        *grid_style(s.font, header_rows=0),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("BACKGROUND", (2, 0), (2, 1), LABEL_BG),
        ("SPAN", (1, 2), (3, 2)),
        ("SPAN", (1, 3), (3, 3)),
    ]
    table = Table(rows, colWidths=[w * mm for w in (22, 67, 22, 67)])
    table.setStyle(TableStyle(style))
    return table


def _link(topic: Topic) -> str:
    if topic.item_number:
        return (
            f"{topic.item_number}\n（{topic.item_state}）"
            if topic.item_state
            else topic.item_number
        )
    return "—"


def _problems(meeting: Meeting, s: Styles, contents: Mapping[str, str]) -> Table:
    if meeting.kind == TALK:
        head = ["序号", "群众反映的问题", "提出人", "跟进人", "转办事项"]
        widths: tuple[int, ...] = (12, 68, 26, 22, 50)
        rows = [
            [str(n), t.text, t.raised_by or "—", t.owner or "—", _link(t)]
            for n, t in enumerate(meeting.topics, 1)
        ]
    else:
        head = ["序号", "分析的事项或民情信息", "分析意见", "跟进人"]
        widths = (12, 84, 60, 22)
        rows = []
        for n, t in enumerate(meeting.topics, 1):
            if t.item_number:
                what = f"事项 {t.item_number}（{t.item_state}）"
                content = contents.get(t.item_number, "")
                what += f"\n{content}" if content else ""
            elif t.info_id:
                what = f"民情信息：{t.info_text}"
            else:
                what = t.text
            note = t.text if (t.item_number or t.info_id) else ""
            rows.append([str(n), what, note or "—", t.owner or "—"])
    data: list[list[Any]] = [[_p(h, s.head) for h in head]]
    data += [[_p(r[0], s.cell_center), *(_p(c, s.cell) for c in r[1:])] for r in rows]
    style = grid_style(s.font)
    if not rows:
        data.append([_p("（本次会议没有记录问题）", s.cell)] + [""] * (len(head) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _signatures(s: Styles) -> Table:
    line = "＿" * 8
    cells = [
        _p(f"主持人（签字）：{line}", s.body),
        _p(f"记录人（签字）：{line}", s.body),
        _p("日期：　　年　　月　　日", s.body),
    ]
    table = Table([cells], colWidths=[WIDTH / 3] * 3)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), s.font), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def title_of(meeting: Meeting, station: str) -> str:
    """The minutes' title: ``{station} {kind}记录``."""
    return f"{station} {meeting.kind}记录".strip()


def story(
    meeting: Meeting, station: str, font: str, contents: Mapping[str, str] | None = None
) -> list[Any]:
    """The flowables of the minutes (``contents``: analysed items' content by number)."""
    s = Styles(font)
    talk = meeting.kind == TALK
    made = sum(bool(t.item_number) for t in meeting.topics) if talk else 0
    line = f"{meeting.held_on:%Y年%m月%d日}　{meeting.place}" + (
        f"　群众反映问题 {len(meeting.topics)} 个，转为事项 {made} 件"
        if talk
        else f"　分析事项和民情信息 {len(meeting.topics)} 项"
    )
    return [
        _p(title_of(meeting, station), s.title),
        _p(line, s.subtitle),
        Spacer(1, 4 * mm),
        _head(meeting, s),
        _p("会议概要", s.h2),
        _p(meeting.summary or "（未记录）", s.body),
        _p("群众反映的问题" if talk else "分析的事项和民情信息", s.h2),
        _problems(meeting, s, contents or {}),
        KeepTogether(
            [
                _p("会议决定事项", s.h2),
                _p(meeting.decisions or "（未记录）", s.body),
                Spacer(1, 12 * mm),
                _signatures(s),
            ]
        ),
    ]


def render_minutes(
    meeting: Meeting,
    out: Path,
    *,
    station: str,
    font: CjkFont,
    contents: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the minutes as an A4 PDF (replacing ``out`` once complete); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    title = title_of(meeting, station)
    footer = f"{title}（{meeting.held_on:%Y-%m-%d}）　生成于 {today or dt.date.today():%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(path, story(meeting, station, font.name, contents), font=font.name,
                 title=title, author=station, footer=footer)  # fmt: skip

    return write_atomically(Path(out), write)


def minutes(store: Store, meeting_id: str, out: Path, *, today: dt.date | None = None) -> Meeting:
    """Write a meeting's minutes from the store (what the CLI and the window call).

    Returns:
        The meeting printed.

    Raises:
        PermissionDenied: the operator may not export. NotFoundError: no such meeting.
        FontNotFound, ReportOutputError.
    """
    require(store.db.operator, Permission.EXPORT)
    meeting = store.meetings.meeting(meeting_id)
    profile = store.register.station()
    contents: dict[str, str] = {}
    for topic in meeting.topics:
        if topic.item_number and meeting.kind != TALK:
            try:
                contents[topic.item_number] = store.items.item(topic.item_number).content
            except NotFoundError:  # pragma: no cover - an item is never removed
                continue
    station = profile.name if profile is not None else ""
    render_minutes(meeting, out, station=station, font=store_font(store), contents=contents,
                   today=today)  # fmt: skip
    record(store.db, "print_list", f"{meeting.kind}记录 {meeting.held_on:%Y-%m-%d}",
           len(meeting.topics))  # fmt: skip
    return meeting
