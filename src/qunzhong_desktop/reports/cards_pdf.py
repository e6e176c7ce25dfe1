"""Contact cards (便民服务联系卡) as a PDF, drawn on a reportlab canvas.

Two layouts, both on A4 paper so any office printer prints them at true size:

* ``a4-10``: 2 columns × 5 rows of 90 × 54 mm cards, cut marks in the margins;
* ``single``: one card per page, centred, with cut marks at its corners.

A card: a title band (便民服务联系卡 and the station name), the household block (number,
head, grid and leader, paired cadre), the station block (phone, hours, address, services,
township and supervision phones), and a footer with the card number and issue date; the QR
code with the card number sits at the top right corner. Text is never smaller than 6.5 pt.

The file is written to a temporary name next to the target and renamed when complete, so a
failure never leaves half a PDF behind.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from qunzhong_desktop.core.card import CARD_LAYOUTS, CardContent
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.core.work import CancelToken, Progress, checkpoint
from qunzhong_desktop.reports.fonts import CjkFont

LAYOUTS = CARD_LAYOUTS

CARD_W = 90 * mm
CARD_H = 54 * mm
COLUMNS, ROWS = 2, 5

MIN_PT = 6.5  # smallest text on a card
BODY_PT = 7.5
HOUSEHOLD_PT = 9.0
TITLE_PT = 10.5
LEADING = 1.28
_MAX_SHRINK = 0.8  # points a line may lose before it wraps instead

PAD = 3.2 * mm  # inner margin of the card
BAND_INSET = 1.8 * mm
BAND_H = 7.6 * mm
QR_SIZE = 18 * mm
QR_BORDER = 2  # quiet zone in modules inside QR_SIZE; the white card adds the rest
GAP = 1.6 * mm  # between text and the QR code

CUT_FROM = 2 * mm  # cut marks start this far outside the cards
CUT_LEN = 6 * mm

RED = Color(0.70, 0.10, 0.12)
LABEL = Color(0.33, 0.33, 0.33)
GUIDE = Color(0.80, 0.80, 0.80)


class CardsOutputError(OutputError):
    """The PDF cannot be written where the user asked."""

    code = "cards.output"


class NoCardsError(DomainError):
    """There is no card to print."""

    code = "cards.empty"


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What was written."""

    path: Path
    cards: int
    pages: int
    bytes: int


def pages_needed(cards: int, layout: str) -> int:
    """How many pages a number of cards takes in a layout."""
    per_page = COLUMNS * ROWS if layout == "a4-10" else 1
    return -(-cards // per_page)


# the QR code ---------------------------------------------------------------------------
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER = re.compile(r"(?=10111010000|00001011101)")


def _penalty(rows: list[str]) -> int:
    """ISO/IEC 18004 mask penalty (rules N1–N4) of a module matrix as '0'/'1' strings.

    reportlab's own scoring is correct but was 70 % of the time of 1,000 cards; this one
    works on strings and integers.
    """
    n = len(rows)
    cols = ["".join(col) for col in zip(*rows, strict=True)]
    score = 0
    for line in (*rows, *cols):
        score += sum(len(m.group()) - 2 for m in _RUN.finditer(line))  # N1: 3 + (run - 5)
        score += 40 * len(_FINDER.findall(line))  # N3
    bits = [int(row[::-1], 2) for row in rows]
    full = (1 << (n - 1)) - 1
    for a, b in itertools.pairwise(bits):
        dark = a & b & (a >> 1) & (b >> 1)
        light = ~a & ~b & ~(a >> 1) & ~(b >> 1)
        score += 3 * ((dark & full).bit_count() + (light & full).bit_count())  # N2
    dark_share = sum(row.count("1") for row in rows) * 100 // (n * n)
    return score + 10 * (abs(dark_share - 50) // 5)  # N4


def qr_modules(value: str) -> list[list[bool]]:
    """The QR code of ``value`` (level M, smallest version), with the best mask."""
    qr = QrCodeWidget(value, barLevel="M").qr
    qr.version = qr.calculate_version()
    best: tuple[int, int] | None = None
    for mask in range(8):
        qr.makeImpl(False, mask)
        score = _penalty(["".join("1" if v else "0" for v in row) for row in qr.modules])
        if best is None or score < best[0]:
            best = (score, mask)
    assert best is not None
    qr.makeImpl(False, best[1])
    return [[bool(v) for v in row] for row in qr.modules]


# drawing -----------------------------------------------------------------------------
Segment = tuple[str, str]  # (label, value); an empty label draws the value alone


class _CardPainter:
    """Draws cards on a canvas with one registered CJK font."""

    def __init__(self, canvas: Canvas, font: CjkFont) -> None:
        self.c = canvas
        self.font = font.name
        self._widths: dict[tuple[str, float], float] = {}

    def width(self, text: str, size: float) -> float:
        # the same labels and station fields are measured on every card
        key = (text, size)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = stringWidth(text, self.font, size)
        return found

    # one card ---------------------------------------------------------------------------
    def card(self, card: CardContent, x: float, y: float) -> None:
        c = self.c
        c.saveState()
        c.translate(x, y)
        self._band(card)
        qr_left = CARD_W - PAD - QR_SIZE
        qr_bottom = CARD_H - BAND_INSET - BAND_H - 1.4 * mm - QR_SIZE
        self._qr(card.card_number, qr_left, qr_bottom)
        top = CARD_H - BAND_INSET - BAND_H - 1.2 * mm
        self._body(card, top, qr_left - GAP, qr_bottom - 0.6 * mm)
        self._footer(card)
        c.restoreState()

    def _band(self, card: CardContent) -> None:
        c = self.c
        c.saveState()  # the text render mode is graphics state: keep it to the band
        bottom = CARD_H - BAND_INSET - BAND_H
        c.setFillColor(RED)
        c.roundRect(BAND_INSET, bottom, CARD_W - 2 * BAND_INSET, BAND_H, 1.2 * mm, stroke=0, fill=1)
        title = "便民服务联系卡"
        left = BAND_INSET + 1.8 * mm
        right = CARD_W - BAND_INSET - 1.8 * mm
        room = right - left
        size = TITLE_PT
        title_w = self.width(title, size)
        name_room = room - title_w - 2.5 * mm
        name_size = self._fit(card.station_name, 8.0, name_room)
        if self.width(card.station_name, name_size) > name_room:
            # a very long station name: shrink the title too before anything is clipped
            size = max(8.0, TITLE_PT * name_room / max(self.width(card.station_name, 8.0), 1))
            title_w = self.width(title, size)
            name_room = room - title_w - 2.0 * mm
            name_size = self._fit(card.station_name, 8.0, name_room)
        baseline = bottom + (BAND_H - size * 0.72) / 2
        text = c.beginText(left, baseline)
        text.setFont(self.font, size)
        text.setFillColor(white)
        text.setStrokeColor(white)
        text.setTextRenderMode(2)  # fill + thin stroke: a bold face the font lacks
        c.setLineWidth(0.25)
        text.textOut(title)
        c.drawText(text)
        c.setFillColor(white)
        c.setFont(self.font, name_size)
        name = self._clip(card.station_name, name_size, name_room)
        c.drawRightString(right, bottom + (BAND_H - name_size * 0.72) / 2, name)
        c.restoreState()

    def _qr(self, value: str, x: float, y: float) -> None:
        """The QR code (reportlab's encoder) as one path of runs of dark modules.

        The path is written as literal operators: formatting ~100 rectangles a card through
        the path object's generic number formatting was a third of the time of 1,000 cards.
        """
        modules = qr_modules(value)
        count = len(modules)
        box = QR_SIZE / (count + 2 * QR_BORDER)
        ops: list[str] = []
        for r, row in enumerate(modules):
            # a hair of overlap so no white seams show between rows when rasterised
            bottom = y + QR_SIZE - (r + QR_BORDER + 1) * box - 0.05
            col = 0
            while col < count:
                if row[col]:
                    start = col
                    while col < count and row[col]:
                        col += 1
                    left = x + (start + QR_BORDER) * box
                    ops.append(
                        f"{left:.3f} {bottom:.3f} {(col - start) * box:.3f} {box + 0.05:.3f} re"
                    )
                else:
                    col += 1
        self.c.setFillColor(black)
        self.c.addLiteral("\n".join(ops) + "\nf")

    def _rows(self, card: CardContent) -> list[_Row]:
        """The lines of the body: the household block, then the station block."""
        leader = " ".join(v for v in (card.grid_leader_name, card.grid_leader_phone) if v)
        cadre = " ".join(v for v in (card.cadre_name, card.cadre_phone) if v)
        rows: list[_Row] = [
            _Row(
                [("户号", card.household_number), ("户主", card.head_name or "—")],
                HOUSEHOLD_PT,
                bold=True,
            ),
            _Row([("网格", card.grid_name or "—"), ("网长", leader or "—")]),
            _Row([("结对干部", cadre or "—")]),
        ]
        if card.cadre_unit:
            rows.append(_Row([("干部单位", card.cadre_unit)]))
        station = [_Row([("工作站电话", card.station_phone or "—")])]
        if card.opening_hours:
            station.append(_Row([("办公时间", card.opening_hours)]))
        if card.station_address:
            station.append(_Row([("地址", card.station_address)]))
        if card.services:
            station.append(_Row([("服务事项", "、".join(card.services))]))
        phones: list[Segment] = []
        if card.township_phone:
            phones.append((f"{card.township_name}群众工作办", card.township_phone))
        if card.supervision_phone:
            phones.append(("监督电话", card.supervision_phone))
        if phones:
            station.append(_Row(phones))
        station[0].block_start = True
        return rows + station

    def _body(self, card: CardContent, top: float, narrow_right: float, qr_bottom: float) -> None:
        floor = PAD + MIN_PT * 1.15  # the footer line sits below
        rows = self._rows(card)
        scale, leading = 1.0, LEADING
        # shrink the whole body (never under MIN_PT) until it fits above the footer
        while True:
            lines = self._layout(
                rows,
                top=top,
                narrow_right=narrow_right,
                qr_bottom=qr_bottom,
                scale=scale,
                leading=leading,
            )
            spare = (lines[-1].baseline - lines[-1].size * 0.2 - floor) if lines else 0.0
            if spare >= 0 or scale * BODY_PT <= MIN_PT:
                break
            scale -= 0.02
        if spare > 1 * mm and len(lines) > 1:
            # short cards: open the lines up a little rather than leave a gap at the bottom
            leading += min(0.22, (spare - 1 * mm) / (len(lines) - 1) / (BODY_PT * scale))
            lines = self._layout(
                rows,
                top=top,
                narrow_right=narrow_right,
                qr_bottom=qr_bottom,
                scale=scale,
                leading=leading,
            )
        for line in lines:
            if line.separator is not None:
                right = narrow_right if line.separator > qr_bottom else CARD_W - PAD
                self.c.setStrokeColor(GUIDE)
                self.c.setLineWidth(0.4)
                self.c.line(PAD, line.separator, right, line.separator)
            self._line(line.segments, PAD, line.baseline, line.size, bold=line.bold)

    def _layout(
        self,
        rows: list[_Row],
        *,
        top: float,
        narrow_right: float,
        qr_bottom: float,
        scale: float,
        leading: float,
    ) -> list[_Line]:
        """Place rows as lines; a row too long first shrinks (to MIN_PT), then wraps."""
        lines: list[_Line] = []
        y = top
        for row in rows:
            size = max(MIN_PT, row.size * scale)
            separator: float | None = None
            if row.block_start:
                separator = y - 0.9 * mm
                y -= 1.8 * mm
            pending = list(row.segments)
            while pending:
                baseline = y - size * 0.9
                # beside the QR code if any part of the line is
                right = narrow_right if baseline - size * 0.25 > qr_bottom else CARD_W - PAD
                room = right - PAD
                # a little too long: shrink a little; much too long: wrap at the full size
                fitted = self._fit_segs(pending, size, room, floor=size - _MAX_SHRINK)
                if self._segments_width(pending, fitted) <= room:
                    line_segs, pending = pending, []
                elif len(pending) > 1:
                    line_segs, pending = [pending[0]], pending[1:]
                    fitted = self._fit_segs(line_segs, size, room)
                else:
                    fitted = size
                    label, value = pending[0]
                    head, rest = self._split(label, value, fitted, room)
                    line_segs = [(label, head)]
                    pending = [("", rest)] if rest else []
                lines.append(_Line(line_segs, baseline, fitted, separator, row.bold))
                separator = None
                y -= size * leading
        return lines

    def _footer(self, card: CardContent) -> None:
        segments: list[Segment] = [
            ("卡号", card.card_number),
            ("发卡日期", card.issued_on.isoformat()),
        ]
        self._line(segments, PAD, PAD - 0.5 * mm, MIN_PT)

    # text helpers -----------------------------------------------------------------------
    def _segments_width(self, segments: Sequence[Segment], size: float) -> float:
        return self.width(_SEG_GAP.join(_join(label, value) for label, value in segments), size)

    def _fit_segs(
        self, segments: Sequence[Segment], size: float, room: float, floor: float = MIN_PT
    ) -> float:
        floor = max(MIN_PT, floor)
        while size > floor and self._segments_width(segments, size) > room:
            size = max(floor, size - 0.25)
        return size

    def _fit(self, text: str, size: float, room: float) -> float:
        while size > MIN_PT and self.width(text, size) > room:
            size = max(MIN_PT, size - 0.25)
        return size

    def _clip(self, text: str, size: float, room: float) -> str:
        if self.width(text, size) <= room:
            return text
        while text and self.width(text + "…", size) > room:
            text = text[:-1]
        return text + "…"

    def _split(self, label: str, value: str, size: float, room: float) -> tuple[str, str]:
        """Cut ``value`` where the line is full, preferably after a separator."""
        cut = len(value)
        while cut > 1 and self.width(_join(label, value[:cut]), size) > room:
            cut -= 1
        for sep in "、，, ":
            at = value.rfind(sep, 0, cut)
            if at >= cut // 2:
                cut = at + 1
                break
        return value[:cut], value[cut:].lstrip()

    def _line(
        self,
        segments: Sequence[Segment],
        x: float,
        baseline: float,
        size: float,
        *,
        bold: bool = False,
    ) -> None:
        text = self.c.beginText(x, baseline)
        text.setFont(self.font, size)
        for i, (label, value) in enumerate(segments):
            if i:
                text.textOut(_SEG_GAP)
            if label:
                text.setFillColor(LABEL)
                text.textOut(label + _LABEL_GAP)
            text.setFillColor(black)
            if bold:
                # fill + a thin stroke: the bold face the font lacks; the mode is reset at once
                self.c.setStrokeColor(black)
                self.c.setLineWidth(0.3)
                text.setTextRenderMode(2)
                text.textOut(value)
                text.setTextRenderMode(0)
            else:
                text.textOut(value)
        self.c.drawText(text)


_LABEL_GAP = " "
_SEG_GAP = "　"  # an ideographic space between the items of a line


def _join(label: str, value: str) -> str:
    return f"{label}{_LABEL_GAP}{value}" if label else value


@dataclass(slots=True)
class _Row:
    segments: list[Segment]
    size: float = BODY_PT
    block_start: bool = False
    bold: bool = False


@dataclass(frozen=True, slots=True)
class _Line:
    segments: list[Segment]
    baseline: float
    size: float
    separator: float | None
    bold: bool


# pages -------------------------------------------------------------------------------
def _cut_marks(c: Canvas, xs: Sequence[float], ys: Sequence[float]) -> None:
    """Marks outside the block of cards, in line with every card edge."""
    c.setStrokeColor(black)
    c.setLineWidth(0.3)
    left, right, bottom, top = xs[0], xs[-1], ys[0], ys[-1]
    for x in xs:
        c.line(x, top + CUT_FROM, x, top + CUT_FROM + CUT_LEN)
        c.line(x, bottom - CUT_FROM, x, bottom - CUT_FROM - CUT_LEN)
    for y in ys:
        c.line(left - CUT_FROM, y, left - CUT_FROM - CUT_LEN, y)
        c.line(right + CUT_FROM, y, right + CUT_FROM + CUT_LEN, y)


def _guides(c: Canvas, xs: Sequence[float], ys: Sequence[float]) -> None:
    """Faint card outlines, for those who cut with scissors."""
    c.setStrokeColor(GUIDE)
    c.setLineWidth(0.25)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)


def _draw(
    c: Canvas,
    cards: Sequence[CardContent],
    font: CjkFont,
    layout: str,
    *,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> int:
    painter = _CardPainter(c, font)
    page_w, page_h = A4
    cols, rows = (COLUMNS, ROWS) if layout == "a4-10" else (1, 1)
    x0 = (page_w - cols * CARD_W) / 2
    y0 = (page_h - rows * CARD_H) / 2
    xs = [x0 + i * CARD_W for i in range(cols + 1)]
    ys = [y0 + j * CARD_H for j in range(rows + 1)]
    per_page = cols * rows
    pages = 0
    for start in range(0, len(cards), per_page):
        if pages:
            c.showPage()
        pages += 1
        _guides(c, xs, ys)
        _cut_marks(c, xs, ys)
        for offset, card in enumerate(cards[start : start + per_page]):
            col, row = offset % cols, offset // cols
            painter.card(card, xs[col], ys[rows - row - 1])
        checkpoint(progress, cancel, min(start + per_page, len(cards)), len(cards))
    c.showPage()
    return pages


def render_cards(
    cards: Sequence[CardContent],
    out: Path,
    *,
    font: CjkFont,
    layout: str = "a4-10",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> RenderResult:
    """Write the cards to a PDF file (replacing it only once the new file is complete).

    Args:
        cards: the cards, in print order.
        out: the PDF to write.
        font: the CJK font to embed (see :func:`.fonts.find_cjk_font`).
        layout: ``"a4-10"`` or ``"single"``.
        progress: told (cards drawn, cards) after each page.
        cancel: checked after each page; a cancelled render leaves no file.

    Raises:
        Cancelled: ``cancel`` was set; no file was written.
        NoCardsError: ``cards`` is empty.
        CardsOutputError: the file cannot be written there.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    if not cards:
        raise NoCardsError("没有需要打印的联系卡。", code="cards.empty")
    out = Path(out)

    def write(tmp: Path) -> int:
        c = Canvas(str(tmp), pagesize=A4, pageCompression=1)
        c.setTitle("便民服务联系卡")
        c.setAuthor(cards[0].station_name)
        c.setSubject(f"{len(cards)} 张联系卡")
        c.setCreator("群众工作站桌面版")
        drawn = _draw(c, cards, font, layout, progress=progress, cancel=cancel)
        c.save()
        return drawn

    pages = write_atomically(out, write, error=CardsOutputError)
    return RenderResult(path=out, cards=len(cards), pages=pages, bytes=out.stat().st_size)
