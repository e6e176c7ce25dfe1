"""A cadre's month of the resident diary (民情日记) as an A4 portrait PDF.

The title names the cadre, the unit and the month, with the month's days in the village and
on duty against the rules. Then day by day: the date and kind, what was seen and heard, each
household visited with its 三必看、三必问、三必留 checklist (a ticked or an empty box per point,
with the note), and the findings turned into intake items with their numbers. Days flow over
as many pages as they need; every page has a footer with the page number.

The file is written to a temporary name next to the target and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from qunzhong_desktop.core.diary import (
    CHECK_GROUPS,
    DiaryEntry,
    DiaryVisit,
)
from qunzhong_desktop.core.entities import Cadre, StationProfile
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.monthly.report import CadreFigures
from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.receipt_pdf import _Painter, mm

PAGE_W, PAGE_H = float(A4[0]), float(A4[1])
MARGIN = 15 * mm
INNER = PAGE_W - 2 * MARGIN
BOTTOM = MARGIN + 8 * mm  # above the footer
BODY_PT = 10.0
SMALL_PT = 8.0
LEADING = BODY_PT * 1.5
WEEKDAYS = "一二三四五六日"

RED = Color(0.70, 0.10, 0.12)
GREEN = Color(0.11, 0.37, 0.13)
LABEL = Color(0.33, 0.33, 0.33)
SHADE = Color(0.94, 0.94, 0.94)
HEAD_SHADE = Color(0.98, 0.92, 0.90)
RULE = Color(0.60, 0.60, 0.60)


class DiaryOutputError(OutputError):
    """The diary PDF cannot be written where the user asked."""

    code = "diary.output"


def month_title(first: dt.date) -> str:
    """``2026年11月``."""
    return f"{first.year}年{first.month}月"


def day_title(day: dt.date) -> str:
    """``11月16日 星期一``."""
    return f"{day.month}月{day.day}日　星期{WEEKDAYS[day.weekday()]}"


class _Diary:
    """Lays out the month from the top of the first page down, page after page."""

    def __init__(
        self,
        canvas: Canvas,
        font: str,
        *,
        cadre: Cadre,
        station: StationProfile,
        first: dt.date,
        entries: list[DiaryEntry],
        figures: CadreFigures | None = None,
    ) -> None:
        self.c = canvas
        self.figures = figures
        self.p = _Painter(canvas, font)
        self.cadre = cadre
        self.station = station
        self.first = first
        self.entries = entries
        self.page = 1
        self.y = PAGE_H - MARGIN
        self.current = ""  # the day being drawn, repeated on a page it flows onto

    # pages -------------------------------------------------------------------------------
    def draw(self) -> None:
        self._title()
        if not self.entries:
            self.p.text(MARGIN, self.y - 14 * mm, "本月没有民情日记。", 12, color=LABEL)
        for entry in self.entries:
            self._entry(entry)
        self._footer()

    def _footer(self) -> None:
        text = f"{self.station.name}　{self.cadre.name}　{month_title(self.first)}民情日记"
        self.p.text(MARGIN, MARGIN - 2 * mm, text, SMALL_PT, color=LABEL)
        self.p.text(
            PAGE_W - MARGIN, MARGIN - 2 * mm, f"第 {self.page} 页", SMALL_PT, color=LABEL,
            align="right",
        )  # fmt: skip

    def _need(self, height: float) -> None:
        """Start a new page unless ``height`` still fits above the footer."""
        if self.y - height >= BOTTOM:
            return
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN
        if self.current:
            self.p.text(MARGIN, self.y - SMALL_PT, f"{self.current}（续）", SMALL_PT + 1, color=RED)
            self.y -= SMALL_PT * 2.2

    # the title ---------------------------------------------------------------------------
    def _title(self) -> None:
        p, centre, top = self.p, PAGE_W / 2, self.y
        p.text(centre, top - 22, "民 情 日 记", 24, bold=True, align="center", color=RED)
        unit = f"　单位：{self.cadre.unit}" if self.cadre.unit else ""
        line = f"干部：{self.cadre.name}{unit}　月份：{month_title(self.first)}"
        size = p.fit(line, 12, INNER)
        p.text(centre, top - 44, line, size, align="center")
        size = p.fit(self.station.name, 10, INNER)
        p.text(centre, top - 60, self.station.name, size, align="center", color=LABEL)
        visits = sum(len(e.visits) for e in self.entries)
        items = sum(len(e.items) for e in self.entries)
        summary = f"本月日记 {len(self.entries)} 篇；走访 {visits} 户次；问题转受理 {items} 件。"
        short = False
        if self.figures is not None:
            f = self.figures
            summary += (
                f"在村 {f.village_days} 天，其中坐班 {f.duty_days} 天；"
                f"结对困难户 {f.difficult_households} 户。{f.category}：{f.rule}。"
                f"结论：{f.verdict}" + (f"（{f.remarks}）" if f.remarks else "") + "。"
            )
            short = f.verdict == "不达标"
        rule = top - 70
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(1.2)
        self.c.line(MARGIN, rule, PAGE_W - MARGIN, rule)
        self.c.setLineWidth(0.4)
        self.c.line(MARGIN, rule - 2, PAGE_W - MARGIN, rule - 2)
        y = rule - 2 - 6 * mm
        for text in p.wrap(summary, BODY_PT, INNER, 4):
            p.text(MARGIN, y, text, BODY_PT, color=RED if short else black)
            y -= LEADING
        self.y = y - 2 * mm

    # one day -----------------------------------------------------------------------------
    def _entry(self, entry: DiaryEntry) -> None:
        p, c = self.p, self.c
        bar = 8 * mm
        self._need(bar + 3 * LEADING)
        top = self.y
        c.setFillColor(HEAD_SHADE)
        c.setStrokeColor(RED)
        c.setLineWidth(0.6)
        c.rect(MARGIN, top - bar, INNER, bar, stroke=0, fill=1)
        c.line(MARGIN, top - bar, PAGE_W - MARGIN, top - bar)
        baseline = top - bar / 2 - 12 * 0.35
        p.text(MARGIN + 2 * mm, baseline, day_title(entry.day), 12, bold=True)
        x = MARGIN + 2 * mm + p.width(day_title(entry.day), 12) + 5 * mm
        p.text(x, baseline, entry.kind, 12, color=RED, bold=True)
        right = f"走访 {len(entry.visits)} 户" if entry.visits else ""
        if entry.items:
            right += ("　" if right else "") + f"转受理 {len(entry.items)} 件"
        if right:
            p.text(PAGE_W - MARGIN - 2 * mm, baseline, right, BODY_PT, align="right", color=LABEL)
        self.y = top - bar - 2 * mm
        self.current = f"{day_title(entry.day)}　{entry.kind}"
        self._prose("所见所闻", entry.text)
        for visit in entry.visits:
            self._visit(visit)
        self._findings(entry)
        self.current = ""
        self.y -= 4 * mm

    def _prose(self, label: str, text: str) -> None:
        p = self.p
        head = f"{label}："
        indent = p.width(head, BODY_PT)
        lines: list[str] = []
        for paragraph in text.split("\n") or [""]:
            lines.extend(p.wrap(paragraph, BODY_PT, INNER - indent, 200) or [""])
        first = True
        for line in lines or ["—"]:
            self._need(LEADING)
            baseline = self.y - BODY_PT
            if first:
                p.text(MARGIN, baseline, head, BODY_PT, color=LABEL)
                first = False
            p.text(MARGIN + indent, baseline, line, BODY_PT)
            self.y -= LEADING
        self.y -= 1 * mm

    # one household -----------------------------------------------------------------------
    def _visit(self, visit: DiaryVisit) -> None:
        p, c = self.p, self.c
        col_w = INNER / 3
        note_room = col_w - 9 * mm
        columns: list[list[tuple[bool, str, list[str]]]] = []
        for _group, points in CHECK_GROUPS:
            column = []
            for code, label in points:
                mark = visit.mark(code)
                notes = p.wrap(mark.note, SMALL_PT, note_room, 2) if mark.note else []
                column.append((mark.done, label, notes))
            columns.append(column)
        row_h = [
            5.2 * mm + max(len(col[i][2]) for col in columns) * SMALL_PT * 1.3 for i in range(3)
        ]
        head_h = 7 * mm
        group_h = 5.5 * mm
        note_lines = p.wrap(visit.note, SMALL_PT + 1, INNER - 4 * mm, 3) if visit.note else []
        height = head_h + group_h + sum(row_h) + len(note_lines) * SMALL_PT * 1.5 + 2 * mm
        self._need(height + 2 * mm)
        top = self.y
        # the household line
        c.setFillColor(SHADE)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN, top - head_h, INNER, head_h, stroke=1, fill=1)
        who = f"户号 {visit.household_number}　{visit.head_name or '—'}"
        baseline = top - head_h / 2 - BODY_PT * 0.35
        p.text(MARGIN + 2 * mm, baseline, who, BODY_PT, bold=True)
        x = MARGIN + 4 * mm + p.width(who, BODY_PT)
        done = f"完成 {visit.done_count()}/9"
        room = PAGE_W - MARGIN - 2 * mm - p.width(done, SMALL_PT) - 4 * mm - x
        if visit.address:
            p.text(
                x, baseline, p.clip(visit.address, SMALL_PT + 1, room), SMALL_PT + 1, color=LABEL
            )
        p.text(PAGE_W - MARGIN - 2 * mm, baseline, done, SMALL_PT + 1, align="right", color=LABEL)
        # the three groups
        y = top - head_h
        for index, (group, _points) in enumerate(CHECK_GROUPS):
            x0 = MARGIN + index * col_w
            c.setFillColor(HEAD_SHADE)
            c.rect(x0, y - group_h, col_w, group_h, stroke=1, fill=1)
            p.text(x0 + col_w / 2, y - group_h / 2 - 9 * 0.35, group, 9, align="center", color=RED)
        y -= group_h
        for row in range(3):
            for index, column in enumerate(columns):
                x0 = MARGIN + index * col_w
                c.setStrokeColor(RULE)
                c.rect(x0, y - row_h[row], col_w, row_h[row], stroke=1, fill=0)
                ticked, label, notes = column[row]
                self._box(x0 + 2 * mm, y - 4.3 * mm, ticked)
                p.text(x0 + 7 * mm, y - 3.9 * mm, p.clip(label, 9, col_w - 9 * mm), 9)
                ny = y - 3.9 * mm - SMALL_PT * 1.35
                for line in notes:
                    p.text(x0 + 7 * mm, ny, line, SMALL_PT, color=LABEL)
                    ny -= SMALL_PT * 1.3
            y -= row_h[row]
        for line in note_lines:
            y -= SMALL_PT * 1.5
            p.text(MARGIN + 2 * mm, y, line, SMALL_PT + 1, color=LABEL)
        self.y = y - 2 * mm

    def _box(self, x: float, y: float, ticked: bool) -> None:
        """A 3.2 mm square at (x, y) (its lower left corner); a drawn tick when done."""
        c, size = self.c, 3.2 * mm
        c.saveState()
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        c.rect(x, y, size, size, stroke=1, fill=0)
        if ticked:
            c.setStrokeColor(GREEN)
            c.setLineWidth(1.2)
            path = c.beginPath()
            path.moveTo(x + size * 0.18, y + size * 0.52)
            path.lineTo(x + size * 0.42, y + size * 0.22)
            path.lineTo(x + size * 0.85, y + size * 0.85)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    # findings ----------------------------------------------------------------------------
    def _findings(self, entry: DiaryEntry) -> None:
        if not entry.items:
            return
        p = self.p
        names = {v.household_id: v.head_name for v in entry.visits}
        head = "转受理事项："
        indent = p.width(head, BODY_PT)
        for index, item in enumerate(entry.items):
            self._need(LEADING)
            baseline = self.y - BODY_PT
            if index == 0:
                p.text(MARGIN, baseline, head, BODY_PT, color=LABEL)
            try:
                state = STATE_NAMES[State(item.state)]
            except ValueError:
                state = item.state
            who = names.get(item.household_id or "", "")
            number = item.number
            p.text(MARGIN + indent, baseline, number, BODY_PT, bold=True, color=RED)
            x = MARGIN + indent + p.width(number, BODY_PT) + 3 * mm
            rest = f"{who}　{item.content}".strip("　")
            tail = f"（{state}）"
            room = PAGE_W - MARGIN - x - p.width(tail, BODY_PT)
            text = p.clip(rest, BODY_PT, room) + tail
            p.text(x, baseline, text, BODY_PT)
            self.y -= LEADING


def render_diary(
    cadre: Cadre,
    station: StationProfile,
    first: dt.date,
    entries: list[DiaryEntry],
    out: Path,
    *,
    font: CjkFont,
    figures: CadreFigures | None = None,
) -> Path:
    """Write a cadre's month of diary entries to a PDF (``out`` replaced only when complete).

    Args:
        cadre: the cadre (name and unit in the title).
        station: the station (name in the title and footers).
        first: the first day of the month.
        entries: the month's entries in full, by day (:meth:`.SqlDiary.month_entries`).
        out: the PDF to write.
        font: the CJK font to embed.
        figures: the month against the rule of the cadre's category (the summary).

    Returns:
        ``out``.

    Raises:
        DiaryOutputError: the file cannot be written there.
    """

    def write(tmp: Path) -> None:
        c = Canvas(str(tmp), pagesize=A4, pageCompression=1)
        c.setTitle(f"民情日记 {cadre.name} {month_title(first)}")
        c.setAuthor(station.name)
        c.setCreator("群众工作站桌面版")
        _Diary(
            c, font.name, cadre=cadre, station=station, first=first, entries=entries,
            figures=figures,
        ).draw()  # fmt: skip
        c.showPage()
        c.save()

    out = Path(out)
    write_atomically(out, write, error=DiaryOutputError)
    return out
