"""The minutes (会议记录) of a 民情恳谈会 or 民情分析会, and a month's 民情信息, as A4 PDFs.

Title ``{station} {kind}记录``; a boxed head (kind, date, place, host, attendance, who came);
the summary; the problems raised — who raised each, who follows it up, the item it became
with its state — or, at a 分析会, the items and 民情信息 analysed; the decisions; signature
lines for the host and the recorder. Nothing personal beyond the names the clerk typed: no
ID numbers, no phones. The month's 民情信息 (民情信息登记表): the counts, then one row per
piece — day, source, topic, type, text with its reporter, households concerned, and what
became of it (item, common issue, answer). Written to a temporary file, renamed when whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core import mass_info
from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.diary import parse_month
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.core.mass_info import Info, InfoFigures
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


# the month's 民情信息 (民情信息登记表) ---------------------------------------------------------
def info_story(infos: Sequence[Info], title: str, figures: InfoFigures, font: str) -> list[Any]:
    """The flowables of a month's list of 民情信息, oldest first."""
    s = Styles(font)
    line = (
        f"共 {figures.total} 条：意见建议 {figures.suggestions}、苗头性与倾向性 {figures.signals}、"
        f"普遍性问题 {figures.common}；转为事项 {figures.to_items} 件"
    )
    head = ["序号", "日期", "来源", "主题", "类型", "内容", "户数", "办理情况"]
    data: list[list[Any]] = [[_p(h, s.head) for h in head]]
    for n, info in enumerate(sorted(infos, key=lambda i: i.received_on), 1):
        done = [f"事项 {info.item_number}"] if info.item_number else []
        if info.group_title:
            done.append(f"共性问题：{info.group_title}")
        if info.result:
            done.append(f"答复：{info.result}")
        text = info.text + (f"（{info.reporter}）" if info.reporter else "")
        data.append([
            _p(n, s.cell_center), _p(f"{info.received_on:%m-%d}", s.cell_center),
            _p(info.source, s.cell), _p(info.topic, s.cell), _p(info.info_type, s.cell),
            _p(text, s.cell), _p(info.households, s.cell_right), _p("\n".join(done) or "—", s.cell),
        ])  # fmt: skip
    style = grid_style(font)
    if not infos:
        data.append([_p("本月没有登记民情信息。", s.cell)] + [""] * (len(head) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=[w * mm for w in (10, 13, 14, 17, 17, 54, 11, 42)],
                  repeatRows=1)  # fmt: skip
    table.setStyle(TableStyle(style))
    return [_p(title, s.title), _p(line, s.subtitle), Spacer(1, 4 * mm), table]


def info_list(store: Store, month: str, out: Path, *, today: dt.date | None = None) -> int:
    """Write the month's 民情信息 as an A4 list; returns how many it lists.

    Raises:
        PermissionDenied: the operator may not export. ValidationError: not a month.
        FontNotFound, ReportOutputError.
    """
    require(store.db.operator, Permission.EXPORT)
    first, last = parse_month(month)
    infos = store.mass_info.infos(first=first, last=last)
    figures = mass_info.figures(infos, first, last)
    profile = store.register.station()
    station = profile.name if profile is not None else ""
    title = f"{station} {first.year}年{first.month}月民情信息登记表".strip()
    footer = f"{title}　生成于 {today or dt.date.today():%Y-%m-%d}"
    font = store_font(store)

    def write(path: Path) -> None:
        build_a4(path, info_story(infos, title, figures, font.name), font=font.name,
                 title=title, author=station, footer=footer)  # fmt: skip

    write_atomically(Path(out), write)
    record(store.db, "print_list", title, len(infos))
    return len(infos)
