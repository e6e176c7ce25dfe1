"""The intake receipt (受理回执) as a one-page A5 PDF, drawn on a reportlab canvas.

The resident takes it home: the item number, when and how it was received, what was asked,
the promised date, and the query code with the station's phone so they can ask how it is
going. A signature and stamp line closes it. The phone of the requester is masked.

The file is written to a temporary name next to the target and renamed when complete, so a
failure never leaves half a PDF behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm as _mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.phone import mask
from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.reports.fonts import CjkFont

mm: float = _mm  # reportlab is untyped
PAGE_W, PAGE_H = float(A5[0]), float(A5[1])
MARGIN = 12 * mm
INNER = PAGE_W - 2 * MARGIN

MIN_PT = 7.0
BODY_PT = 10.0
LABEL_W = 22 * mm  # the label column of the table
ROW_H = 8.5 * mm
CELL_PAD = 2 * mm
CONTENT_LINES = 6  # the summary is cut (…) beyond this

RED = Color(0.70, 0.10, 0.12)
LABEL = Color(0.33, 0.33, 0.33)
SHADE = Color(0.94, 0.94, 0.94)
RULE = Color(0.45, 0.45, 0.45)

_NO_LINE_START = "，。、；：？！）」』》’”,.;:?!)…"

QUERY_HINT = "请凭事项编号和查询码拨打工作站电话或来站查询办理进度。"


class ReceiptOutputError(OutputError):
    """The receipt PDF cannot be written where the user asked."""

    code = "receipt.output"


def promised_text(detail: ItemDetail) -> str:
    """What the receipt promises: a date, on the spot, or a paused clock."""
    if detail.item_type == "即办件":
        return "当场办结"
    if detail.state is State.AWAITING_DOCUMENTS:
        return f"暂停计时（待补件），材料补齐后 {detail.promised_days} 个工作日内办结"
    if detail.due_on is None:
        return "—"
    date = f"{detail.due_on.year}年{detail.due_on.month}月{detail.due_on.day}日"
    if detail.item_type == "上报件":
        return f"{date}前（已上报乡镇，以交办期限为准）"
    return f"{date}前（{detail.promised_days} 个工作日）"


class _Painter:
    """Text and boxes with one registered CJK font (the font has no bold: fill + stroke)."""

    def __init__(self, canvas: Canvas, font: str) -> None:
        self.c = canvas
        self.font = font

    def width(self, text: str, size: float) -> float:
        return float(stringWidth(text, self.font, size))

    def fit(self, text: str, size: float, room: float) -> float:
        """The largest size not over ``size`` (nor under MIN_PT) at which ``text`` fits."""
        while size > MIN_PT and self.width(text, size) > room:
            size = max(MIN_PT, size - 0.25)
        return size

    def clip(self, text: str, size: float, room: float) -> str:
        """``text``, cut with … if it is still too wide."""
        if self.width(text, size) <= room:
            return text
        while text and self.width(text + "…", size) > room:
            text = text[:-1]
        return text + "…"

    def wrap(self, text: str, size: float, room: float, max_lines: int) -> list[str]:
        """Break ``text`` into lines of ``room`` width; the last one ends in … if cut."""
        lines: list[str] = []
        rest = text.strip()
        while rest and len(lines) < max_lines:
            cut = len(rest)
            while cut > 1 and self.width(rest[:cut], size) > room:
                cut -= 1
            if cut < len(rest):
                # keep a Latin word or number whole when it can be
                space = rest.rfind(" ", 0, cut)
                if space > cut // 2:
                    cut = space + 1
                elif rest[cut] in _NO_LINE_START and cut > 2:
                    cut -= 1  # a comma never starts a line: take a character with it
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        if rest and lines:
            lines[-1] = self.clip(lines[-1] + "…", size, room)
            if not lines[-1].endswith("…"):
                lines[-1] += "…"
        return lines

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        color: Color = black,
        bold: bool = False,
        align: str = "left",
        spacing: float = 0.0,
    ) -> None:
        c = self.c
        c.saveState()
        width = self.width(text, size) + spacing * max(len(text) - 1, 0)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        t = c.beginText(x, y)
        t.setFont(self.font, size)
        t.setCharSpace(spacing)
        t.setFillColor(color)
        if bold:
            c.setStrokeColor(color)
            c.setLineWidth(max(0.25, size / 40))
            t.setTextRenderMode(2)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()


class _Receipt:
    """Lays out one receipt from the top of the page down."""

    def __init__(self, canvas: Canvas, font: str, detail: ItemDetail, station: StationProfile):
        self.p = _Painter(canvas, font)
        self.c = canvas
        self.d = detail
        self.s = station

    def draw(self) -> None:
        y = self._heading(PAGE_H - MARGIN)
        y = self._table(y - 4 * mm)
        y = self._query_box(y - 4 * mm)
        y = self._station(y - 3 * mm)
        # low on the page, leaving room above the footer for the stamp
        self._signature(max(min(y - 6 * mm, MARGIN + 24 * mm), MARGIN + 12 * mm))

    def _heading(self, top: float) -> float:
        p, centre = self.p, PAGE_W / 2
        name = self.s.name
        size = p.fit(name, 12, INNER)
        p.text(centre, top - 10, p.clip(name, size, INNER), size, align="center")
        p.text(centre, top - 34, "受 理 回 执", 20, bold=True, align="center", color=RED)
        label = "事项编号 "
        size = p.fit(label + self.d.number, 16, INNER)
        width = p.width(label, size * 0.75) + p.width(self.d.number, size)
        left = centre - width / 2
        p.text(left, top - 58, label, size * 0.75, color=LABEL)
        p.text(left + p.width(label, size * 0.75), top - 58, self.d.number, size, bold=True)
        rule = top - 66
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(1.2)
        self.c.line(MARGIN, rule, PAGE_W - MARGIN, rule)
        self.c.setLineWidth(0.4)
        self.c.line(MARGIN, rule - 2, PAGE_W - MARGIN, rule - 2)
        return rule - 2

    # the table ---------------------------------------------------------------------------
    def _table(self, top: float) -> float:
        d = self.d
        received = d.received_at
        when = f"{received.year}年{received.month}月{received.day}日"
        rows: list[Sequence[tuple[str, str]]] = [
            [("受理日期", f"{when} {received:%H:%M}"), ("受理渠道", d.channel)],
            [("诉求人", d.requester_name or "—"), ("联系电话", mask(d.requester_phone) or "—")],
            [("诉求类别", d.domain), ("等级", GRADES.get(d.grade, d.grade))],
            [("件类型", d.item_type), ("经办人", d.handler or "—")],
        ]
        y = top
        self.c.setLineWidth(0.5)
        for row in rows:
            self._row(row, y, ROW_H)
            y -= ROW_H
        y = self._content(y)
        y = self._promised(y)
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.8)
        self.c.rect(MARGIN, y, INNER, top - y, stroke=1, fill=0)
        return y

    def _cell_label(self, x: float, top: float, height: float, label: str) -> None:
        c = self.c
        c.setFillColor(SHADE)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(x, top - height, LABEL_W, height, stroke=1, fill=1)
        size = self.p.fit(label, 9.5, LABEL_W - 2 * CELL_PAD)
        baseline = top - height / 2 - size * 0.35
        self.p.text(x + LABEL_W / 2, baseline, label, size, color=LABEL, align="center")

    def _row(self, cells: Sequence[tuple[str, str]], top: float, height: float) -> None:
        cell_w = INNER / len(cells)
        for i, (label, value) in enumerate(cells):
            x = MARGIN + i * cell_w
            self._cell_label(x, top, height, label)
            self.c.setStrokeColor(RULE)
            self.c.rect(x + LABEL_W, top - height, cell_w - LABEL_W, height, stroke=1, fill=0)
            room = cell_w - LABEL_W - 2 * CELL_PAD
            size = self.p.fit(value, BODY_PT, room)
            baseline = top - height / 2 - size * 0.35
            self.p.text(x + LABEL_W + CELL_PAD, baseline, self.p.clip(value, size, room), size)

    def _content(self, top: float) -> float:
        size, leading = BODY_PT, BODY_PT * 1.45
        room = INNER - LABEL_W - 2 * CELL_PAD
        lines = self.p.wrap(self.d.content, size, room, CONTENT_LINES) or ["—"]
        height = max(ROW_H, len(lines) * leading + 2 * CELL_PAD)
        self._cell_label(MARGIN, top, height, "诉求内容")
        self.c.setStrokeColor(RULE)
        self.c.rect(MARGIN + LABEL_W, top - height, INNER - LABEL_W, height, stroke=1, fill=0)
        y = top - CELL_PAD - size * 0.95
        for line in lines:
            self.p.text(MARGIN + LABEL_W + CELL_PAD, y, line, size)
            y -= leading
        return top - height

    def _promised(self, top: float) -> float:
        height = ROW_H + 2 * mm
        self._cell_label(MARGIN, top, height, "承诺办结")
        self.c.setStrokeColor(RULE)
        self.c.rect(MARGIN + LABEL_W, top - height, INNER - LABEL_W, height, stroke=1, fill=0)
        text = promised_text(self.d)
        room = INNER - LABEL_W - 2 * CELL_PAD
        size = self.p.fit(text, 12, room)
        baseline = top - height / 2 - size * 0.35
        self.p.text(
            MARGIN + LABEL_W + CELL_PAD, baseline, self.p.clip(text, size, room), size, bold=True
        )
        return top - height

    # the query code ----------------------------------------------------------------------
    def _query_box(self, top: float) -> float:
        c, p = self.c, self.p
        height = 20 * mm
        c.setStrokeColor(RED)
        c.setLineWidth(1.0)
        c.setDash(3, 2)
        c.roundRect(MARGIN, top - height, INNER, height, 2 * mm, stroke=1, fill=0)
        c.setDash()
        code_w = 52 * mm
        p.text(MARGIN + code_w / 2, top - 6.5 * mm, "查询码", 9.5, color=LABEL, align="center")
        p.text(
            MARGIN + code_w / 2,
            top - 15.5 * mm,
            self.d.query_code,
            24,
            bold=True,
            align="center",
            color=RED,
            spacing=3,
        )
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN + code_w, top - 3 * mm, MARGIN + code_w, top - height + 3 * mm)
        left = MARGIN + code_w + 3 * mm
        room = PAGE_W - MARGIN - 3 * mm - left
        lines = p.wrap(QUERY_HINT, 9.5, room, 3)
        leading = 9.5 * 1.45
        y = top - height / 2 + (len(lines) - 1) * leading / 2 - 9.5 * 0.35
        for line in lines:
            p.text(left, y, line, 9.5)
            y -= leading
        return top - height

    # the station -------------------------------------------------------------------------
    def _station(self, top: float) -> float:
        s = self.s
        pairs = [("工作站电话", s.phone or "—"), ("办公时间", s.opening_hours or "—")]
        if s.address:
            pairs.append(("地址", s.address))
        if s.supervision_phone:
            pairs.append(("监督电话", s.supervision_phone))
        size, leading = 9.5, 9.5 * 1.5
        y = top - size
        for label, value in pairs:
            head = f"{label}："
            self.p.text(MARGIN, y, head, size, color=LABEL)
            x = MARGIN + self.p.width(head, size)
            room = PAGE_W - MARGIN - x
            for line in self.p.wrap(value, size, room, 2):
                self.p.text(x, y, line, size, bold=label == "工作站电话")
                y -= leading
        return y + leading - size * 0.3

    def _signature(self, baseline: float) -> None:
        c, p = self.c, self.p
        size = 10.0
        c.setStrokeColor(black)
        c.setLineWidth(0.5)
        head = "经办人（签字）："
        p.text(MARGIN, baseline, head, size)
        x = MARGIN + p.width(head, size)
        c.line(x, baseline - 2, x + 30 * mm, baseline - 2)
        head2 = "日期："
        x2 = x + 34 * mm
        p.text(x2, baseline, head2, size)
        x2 += p.width(head2, size)
        c.line(x2, baseline - 2, PAGE_W - MARGIN, baseline - 2)
        p.text(PAGE_W - MARGIN, baseline - 9 * mm, "（工作站盖章）", 9, color=LABEL, align="right")
        p.text(MARGIN, MARGIN - 2 * mm, "本回执请妥善保管，查询、回访时请出示。", 8, color=LABEL)


def render_receipt(
    detail: ItemDetail, station: StationProfile, out: Path, *, font: CjkFont
) -> Path:
    """Write the receipt of one item to a PDF (replacing ``out`` only once it is complete).

    Args:
        detail: the item, as :meth:`.SqlItems.item` or the intake returns it.
        station: the station profile (name, phone, opening hours, address).
        out: the PDF to write.
        font: the CJK font to embed (see :func:`.fonts.find_cjk_font`).

    Returns:
        ``out``.

    Raises:
        ReceiptOutputError: the file cannot be written there.
    """

    def write(tmp: Path) -> None:
        c = Canvas(str(tmp), pagesize=A5, pageCompression=1)
        c.setTitle(f"受理回执 {detail.number}")
        c.setAuthor(station.name)
        c.setCreator("群众工作站桌面版")
        _Receipt(c, font.name, detail, station).draw()
        c.showPage()
        c.save()

    out = Path(out)
    write_atomically(out, write, error=ReceiptOutputError)
    return out
