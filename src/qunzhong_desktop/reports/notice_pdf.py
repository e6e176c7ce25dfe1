"""The 五公开 notice (帮扶工作五公开公示): A4 landscape, for a village's noticeboard.

One row per case with help given — open cases in 实施中, and cases closed (销号) in the year
shown — with the five publics: the helping unit (帮扶单位), the helpers (帮扶人), the person
helped (帮扶对象, the middle of the name masked: ``王*妹``; a whole household as its head's
masked name + 户), the content (帮扶内容: the need and the help given, short) and the time
limit (帮扶时限), and the state. The amount (元) is a column only when the township turns
amounts on (:class:`.AssistanceOptions`); otherwise amounts typed into the content are
hidden too. Nothing else personal is printed: no ID numbers, phones (typed ones are hidden
in the content), addresses or support tags.

The file is written to a temporary name next to the target and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from qunzhong_desktop.core.assistance import Case
from qunzhong_desktop.core.assistance_case import NeedState, Step, fen_text
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.redact import redact
from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.core.text import mask_name
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.receipt_pdf import _Painter, mm

PAGE_W, PAGE_H = float(landscape(A4)[0]), float(landscape(A4)[1])
MARGIN = 14 * mm
INNER = PAGE_W - 2 * MARGIN
BOTTOM = MARGIN + 22 * mm  # above the footnote and the footer
BODY_PT = 12.0  # read from a step away on a noticeboard
HEAD_PT = 12.5
LEADING = BODY_PT * 1.35
PAD = 2 * mm
CELL_LINES = 5  # a cell is cut (…) beyond this: the notice stays short

RED = Color(0.70, 0.10, 0.12)
LABEL = Color(0.33, 0.33, 0.33)
HEAD_SHADE = Color(0.98, 0.92, 0.90)
RULE = Color(0.45, 0.45, 0.45)

# an amount typed into a content ("800 元", "1,200.50元", "0.5万元"), hidden when amounts are off
_AMOUNT = re.compile(r"\d[\d,，.]*\s*万?元")
HIDDEN_AMOUNT = "**元"
# a run of 7 or more digits (a phone, an ID number, a bank account) is not for the noticeboard
_NUMBER = re.compile(r"(?<![\d])\d[\d\- ]*\d[Xx]?(?![\d])")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
HIDDEN_NUMBER = "****"


def _hide_number(found: re.Match[str]) -> str:
    typed = found.group(0)
    digits = sum(ch.isdigit() for ch in typed)
    if digits < 7 or _DATE.fullmatch(typed.strip()):
        return typed
    return HIDDEN_NUMBER


class NoticeOutputError(OutputError):
    """The notice PDF cannot be written where the user asked."""

    code = "notice.output"


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """One case as the notice prints it: nothing in it but the five publics and the state."""

    beneficiary: str  # masked: 王*妹, or 王*爷户
    unit: str
    helpers: str
    content: str
    time_limit: str
    state: str
    amount: str = ""  # 元, only when amounts are shown


def closed_on(case: Case) -> dt.date | None:
    """The day of a closed case's last closing (销号); None when it is not closed."""
    if case.state is not NeedState.CLOSED:
        return None
    days = [s.day for s in case.steps if s.step is Step.CLOSE]
    return days[-1] if days else case.need.reported_on


def listed(cases: Iterable[Case], year: int) -> list[Case]:
    """The cases a notice for ``year`` lists: help given, and in 实施中 or closed that year.

    By household number, then by the day the need was reported.
    """
    chosen = []
    for case in cases:
        if not case.help:
            continue
        closed = closed_on(case)
        if case.state is NeedState.VERIFIED or (closed is not None and closed.year == year):
            chosen.append(case)
    return sorted(chosen, key=lambda c: (c.household_number, c.need.reported_on, c.need.id or ""))


def _unique(parts: Iterable[str], sep: str = "、") -> str:
    seen: list[str] = []
    for part in parts:
        text = part.strip()
        if text and text not in seen:
            seen.append(text)
    return sep.join(seen)


def _day(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def public_text(text: str, names: Sequence[str], *, amounts: bool) -> str:
    """Free text fit for the noticeboard.

    The ``names`` quoted in it masked, ID numbers, phones and other long numbers hidden
    (``****``), and amounts hidden unless they are shown.
    """
    for name in sorted({n for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name.strip(), mask_name(name))
    text = redact(_NUMBER.sub(_hide_number, text))
    return text if amounts else _AMOUNT.sub(HIDDEN_AMOUNT, text)


def notice_row(case: Case, *, amounts: bool, names: Sequence[str] = ()) -> NoticeRow:
    """A case as its notice row.

    ``names``: full names to mask wherever the text quotes them (the household's members).
    """
    if case.person_name:
        beneficiary = mask_name(case.person_name)
    else:
        beneficiary = mask_name(case.household_head) + "户" if case.household_head else "—"
    hide = [case.person_name, case.household_head, *names]
    what = public_text(case.need.what, hide, amounts=amounts)
    given = _unique((public_text(h.content, hide, amounts=amounts) for h in case.help), "；")
    content = f"{what}；措施：{given}" if given else what
    limits = [h.time_limit for h in case.help if h.time_limit is not None]
    limit = case.need.time_limit or (max(limits) if limits else None)
    state = case.state_name
    closed = closed_on(case)
    if closed is not None:
        state += f"\n{closed.month}月{closed.day}日"
    helpers = _unique(name for h in case.help for name in h.helper.split("、"))
    amount = ""
    if amounts:
        fen = case.amount_fen
        amount = fen_text(fen) if fen else "—"
    return NoticeRow(
        beneficiary=beneficiary,
        unit=_unique(h.helping_unit for h in case.help) or "—",
        helpers=helpers or "—",
        content=content,
        time_limit=_day(limit),
        state=state,
        amount=amount,
    )


@dataclass(frozen=True, slots=True)
class Notice:
    """What one notice prints."""

    station: StationProfile
    rows: list[NoticeRow]
    year: int
    today: dt.date
    amounts: bool = False
    grid_name: str = ""  # only this grid's households, when set


def footnote(notice: Notice) -> str:
    """What the notice lists and what it leaves out, in one sentence."""
    grid = f"{notice.grid_name}各户" if notice.grid_name else "本村"
    hidden = "身份证号、电话和住址" if notice.amounts else "身份证号、电话、住址和金额"
    return (
        f"说明：本表共{len(notice.rows)}项，为{grid}正在实施（已经村党组织初核、镇（县）复核）"
        f"和{notice.year}年内已销号的帮扶事项；为保护个人信息，帮扶对象姓名隐去部分文字，"
        f"不公示{hidden}。"
    )


def objection(station: StationProfile) -> str:
    """The line that tells residents where to object, with the supervision phone."""
    where = f"{station.name}或{station.township_name}群众工作办"
    line = f"公示期间如有异议，请向{where}反映"
    if station.supervision_phone:
        line += f"，监督电话：{station.supervision_phone}"
    elif station.township_phone:
        line += f"，电话：{station.township_phone}"
    return line + "。"


_COLUMNS: list[tuple[str, float]] = [
    ("序号", 12 * mm),
    ("帮扶对象", 26 * mm),
    ("帮扶单位", 34 * mm),
    ("帮扶人", 34 * mm),
    ("帮扶内容", 0.0),  # the rest of the width
    ("帮扶时限", 36 * mm),
    ("状态", 22 * mm),
]


class _Layout:
    """Draws the notice from the top of the first page down, page after page."""

    def __init__(self, canvas: Canvas, font: str, notice: Notice) -> None:
        self.c = canvas
        self.p = _Painter(canvas, font)
        self.n = notice
        columns = list(_COLUMNS)
        if notice.amounts:
            columns.append(("金额（元）", 26 * mm))
        rest = INNER - sum(w for _name, w in columns)
        self.columns = [(name, w or rest) for name, w in columns]
        self.page = 1
        self.y = PAGE_H - MARGIN

    def draw(self) -> None:
        self._title()
        self._head_row()
        if not self.n.rows:
            self.p.text(MARGIN, self.y - 10 * mm, "本期没有需要公示的帮扶事项。", BODY_PT)
            self.y -= 14 * mm
        for index, row in enumerate(self.n.rows, start=1):
            self._row(index, row)
        self._closing()
        self._footer()

    # title and footer --------------------------------------------------------------------
    def _title(self) -> None:
        p, centre, top = self.p, PAGE_W / 2, self.y
        name = self.n.station.name + (f"　{self.n.grid_name}" if self.n.grid_name else "")
        size = p.fit(name, 14, INNER)
        p.text(centre, top - 14, p.clip(name, size, INNER), size, align="center")
        p.text(centre, top - 44, "帮扶工作五公开公示", 26, bold=True, align="center", color=RED)
        p.text(
            PAGE_W - MARGIN, top - 66, f"公示日期：{_day(self.n.today)}", 12, align="right",
            color=LABEL,
        )  # fmt: skip
        rule = top - 72
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(1.4)
        self.c.line(MARGIN, rule, PAGE_W - MARGIN, rule)
        self.c.setLineWidth(0.5)
        self.c.line(MARGIN, rule - 2.5, PAGE_W - MARGIN, rule - 2.5)
        self.y = rule - 2.5 - 4 * mm

    def _footer(self) -> None:
        text = f"{self.n.station.name}　帮扶工作五公开公示"
        self.p.text(MARGIN, MARGIN - 5 * mm, text, 9, color=LABEL)
        self.p.text(
            PAGE_W - MARGIN, MARGIN - 5 * mm, f"第 {self.page} 页", 9, color=LABEL, align="right"
        )

    def _need(self, height: float) -> None:
        """Start a new page (with the head row again) unless ``height`` fits."""
        if self.y - height >= BOTTOM:
            return
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN
        self._head_row()

    # the table ---------------------------------------------------------------------------
    def _head_row(self) -> None:
        c, p = self.c, self.p
        height = 10 * mm
        x = MARGIN
        c.setLineWidth(0.6)
        for name, width in self.columns:
            c.setFillColor(HEAD_SHADE)
            c.setStrokeColor(RULE)
            c.rect(x, self.y - height, width, height, stroke=1, fill=1)
            size = p.fit(name, HEAD_PT, width - 2 * PAD)
            p.text(x + width / 2, self.y - height / 2 - size * 0.35, name, size, bold=True,
                   align="center")  # fmt: skip
            x += width
        self.y -= height

    def _cells(self, index: int, row: NoticeRow) -> list[str]:
        cells = [str(index), row.beneficiary, row.unit, row.helpers, row.content,
                 row.time_limit, row.state]  # fmt: skip
        if self.n.amounts:
            cells.append(row.amount)
        return cells

    def _row(self, index: int, row: NoticeRow) -> None:
        c, p = self.c, self.p
        wrapped: list[list[str]] = []
        for text, (_name, width) in zip(self._cells(index, row), self.columns, strict=True):
            lines: list[str] = []
            for part in text.split("\n"):
                if _name in ("帮扶单位", "帮扶人"):  # names stay whole: wrap after a 、
                    lines.extend(self._wrap_names(part, width - 2 * PAD))
                else:
                    lines.extend(p.wrap(part, BODY_PT, width - 2 * PAD, CELL_LINES) or [""])
            wrapped.append(lines[:CELL_LINES] or ["—"])
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD + 1 * mm
        self._need(height)
        x = MARGIN
        c.setLineWidth(0.6)
        c.setStrokeColor(RULE)
        for lines, (name, width) in zip(wrapped, self.columns, strict=True):
            c.rect(x, self.y - height, width, height, stroke=1, fill=0)
            centred = name not in ("帮扶内容", "帮扶单位", "帮扶人")
            # every cell sits in the middle of the row's height
            baseline = self.y - PAD - BODY_PT * 0.95
            baseline -= (height - 2 * PAD - 1 * mm - len(lines) * LEADING) / 2
            for line in lines:
                if centred:
                    p.text(x + width / 2, baseline, line, BODY_PT, align="center")
                else:
                    p.text(x + PAD, baseline, line, BODY_PT)
                baseline -= LEADING
            x += width
        self.y -= height

    def _wrap_names(self, text: str, room: float) -> list[str]:
        """A list of names (``甲、乙、丙``) in lines of ``room`` width, breaking after a 、."""
        lines: list[str] = []
        line = ""
        names = text.split("、")
        for index, name in enumerate(names):
            joined = f"{line}、{name}" if line else name
            tail = "、" if index < len(names) - 1 else ""
            if self.p.width(joined + tail, BODY_PT) <= room or not line:
                line = joined
            else:
                lines.append(line + "、")
                line = name
        lines.append(line)
        return [w for part in lines for w in self.p.wrap(part, BODY_PT, room, CELL_LINES)]

    def _closing(self) -> None:
        p = self.p
        size = 10.5
        lines = p.wrap(footnote(self.n), size, INNER, 3) + p.wrap(
            objection(self.n.station), size, INNER, 2
        )
        self._need(len(lines) * size * 1.5 + 16 * mm)
        y = self.y - 4 * mm - size
        for line in lines:
            p.text(MARGIN, y, line, size, color=black)
            y -= size * 1.5
        y -= 6 * mm
        village = self.n.station.name.removesuffix("群众工作站") or self.n.station.name
        p.text(PAGE_W - MARGIN, y, f"{village}党组织（盖章）", 12, align="right")
        self.y = y - 4 * mm


def render_notice(notice: Notice, out: Path, *, font: CjkFont) -> Path:
    """Write the 五公开 notice to a PDF (``out`` replaced only when complete).

    Raises:
        NoticeOutputError: the file cannot be written there.
    """

    def write(tmp: Path) -> None:
        c = Canvas(str(tmp), pagesize=landscape(A4), pageCompression=1)
        c.setTitle(f"帮扶工作五公开公示 {notice.station.name} {notice.today.isoformat()}")
        c.setAuthor(notice.station.name)
        c.setCreator("群众工作站桌面版")
        _Layout(c, font.name, notice).draw()
        c.showPage()
        c.save()

    out = Path(out)
    write_atomically(out, write, error=NoticeOutputError)
    return out
