"""The enrollment sheet (工作站登记表): one A4 page a station prints with its key fingerprint.

The station hands the sheet to the township with the enrollment file (or reads the
fingerprint over the phone); the township types the fingerprint from the sheet before it
accepts the station's bundles (SYNC.md, "Enrollment and keys"). A township enrolling with
its county prints the same sheet in the township's words (乡镇登记表, issue 19): its name,
code and county, and the county's clerk signs. The fingerprint is what
matters: 8 groups of 4 hex digits in large fixed-width type, numbered so two people can
compare them group by group. The sheet holds no secret.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.reports.fonts import CjkFont, font_dirs
from qunzhong_desktop.reports.receipt_pdf import _Painter, mm
from qunzhong_desktop.sync.views import EnrollmentInfo

PAGE_W, PAGE_H = float(A4[0]), float(A4[1])
MARGIN = 20 * mm
INNER = PAGE_W - 2 * MARGIN
LABEL_W = 28 * mm
ROW_H = 10 * mm
CELL_PAD = 2.5 * mm
FINGERPRINT_PT = 30.0
GROUPS_PER_LINE = 4

RED = Color(0.70, 0.10, 0.12)
LABEL = Color(0.33, 0.33, 0.33)
SHADE = Color(0.94, 0.94, 0.94)
RULE = Color(0.45, 0.45, 0.45)

#: Fixed-width TrueType fonts for the fingerprint, best first (any platform).
MONO_FONTS = (
    "consola.ttf",  # Windows Consolas
    "DejaVuSansMono.ttf",
    "LiberationMono-Regular.ttf",
    "NotoSansMono-Regular.ttf",
    "cour.ttf",  # Windows Courier New
    "Courier New.ttf",
    "Menlo.ttc",
)
_HEX = "0123456789ABCDEF"

STEPS = (
    "本表与登记文件（.qzenroll）一起交乡镇群众工作办，也可以电话逐组念出指纹。",
    "乡镇工作人员在“登记站点”时，按本表输入密钥指纹；指纹一致才会登记本站。",
    "指纹对不上时请不要登记，联系工作站重新导出登记文件和本表。",
    "本表不含密钥，不需要保密，但请勿涂改；登记后请乡镇留存备查。",
)
TOWNSHIP_STEPS = (
    "本表与县级登记文件（.qzenroll）一起交县（市、区）群众工作部，也可以电话逐组念出指纹。",
    "县里工作人员在“登记乡镇”时，按本表输入密钥指纹；指纹一致才会登记本乡镇。",
    "指纹对不上时请不要登记，联系乡镇群众工作办重新导出县级登记文件和本表。",
    "本表不含密钥，不需要保密，但请勿涂改；登记后请县里留存备查。",
)


@dataclass(frozen=True, slots=True)
class Wording:
    """What the sheet calls the node that enrols and the one above it."""

    title: str
    subtitle: str
    name: str
    code: str
    above: str
    steps: tuple[str, ...]
    signatures: tuple[tuple[str, str], tuple[str, str]]
    stamp: str


STATION_WORDS = Wording(
    "工作站登记表", "数据同步 · 本站密钥指纹确认单", "工作站名称", "工作站代码", "所属乡镇",
    STEPS, (("工作站经办人签字：", "日期："), ("乡镇确认人签字：", "确认日期：")),
    "（工作站盖章）",
)  # fmt: skip
TOWNSHIP_WORDS = Wording(
    "乡镇登记表", "县级数据同步 · 本乡镇密钥指纹确认单", "乡镇名称", "乡镇代码",
    "所属县（市）", TOWNSHIP_STEPS,
    (("乡镇经办人签字：", "日期："), ("县确认人签字：", "确认日期：")), "（乡镇盖章）",
)  # fmt: skip


def wording(info: EnrollmentInfo) -> Wording:
    """The township's words for a township's enrollment, the station's otherwise."""
    return TOWNSHIP_WORDS if info.role == "township" else STATION_WORDS


class EnrollmentOutputError(OutputError):
    """The enrollment sheet cannot be written where the user asked."""

    code = "enrollment.output"


_mono_lock = threading.Lock()
_mono: dict[str, str | None] = {}


def find_mono_font() -> str | None:
    """Register a fixed-width TrueType font with reportlab; its name, or None if none found."""
    with _mono_lock:
        if "name" in _mono:
            return _mono["name"]
        found: str | None = None
        wanted = {name.lower(): rank for rank, name in enumerate(MONO_FONTS)}
        candidates: list[tuple[int, Path]] = []
        for folder in font_dirs():
            if not folder.is_dir():
                continue
            try:
                for path in folder.rglob("*"):
                    rank = wanted.get(path.name.lower())
                    if rank is not None and path.is_file():
                        candidates.append((rank, path))
            except OSError:
                continue
        for _rank, path in sorted(candidates):
            try:
                font = TTFont("QzMono", str(path), subfontIndex=0)
            except (TTFError, OSError, ValueError, KeyError, IndexError):
                continue
            if all(ord(ch) in font.face.charToGlyph for ch in _HEX):
                pdfmetrics.registerFont(font)
                found = "QzMono"
                break
        _mono["name"] = found
        return found


def fingerprint_groups(fingerprint: str) -> list[str]:
    """``"3F2A 9C01 …"`` → ``["3F2A", "9C01", …]``."""
    digits = "".join(fingerprint.split()).upper()
    return [digits[i : i + 4] for i in range(0, len(digits), 4)]


class _Sheet:
    """Lays out the sheet from the top of the page down."""

    def __init__(
        self,
        canvas: Canvas,
        font: str,
        mono: str | None,
        info: EnrollmentInfo,
        *,
        township_name: str,
        file_name: str,
        created: dt.datetime,
    ) -> None:
        self.c = canvas
        self.p = _Painter(canvas, font)
        self.mono = mono
        self.info = info
        self.words = wording(info)
        self.township_name = township_name
        self.file_name = file_name
        self.created = created

    def draw(self) -> None:
        y = self._heading(PAGE_H - MARGIN)
        y = self._facts(y - 6 * mm)
        y = self._fingerprint(y - 8 * mm)
        y = self._steps(y - 8 * mm)
        self._signatures(min(y - 14 * mm, MARGIN + 46 * mm))
        self.p.text(
            MARGIN,
            MARGIN - 6 * mm,
            f"群众工作站桌面版 · 生成于 {self.created:%Y-%m-%d %H:%M}",
            8,
            color=LABEL,
        )

    def _heading(self, top: float) -> float:
        p, centre = self.p, PAGE_W / 2
        name = self.info.station_name
        size = p.fit(name, 13, INNER)
        p.text(centre, top - 12, p.clip(name, size, INNER), size, align="center")
        title = " ".join(self.words.title)  # spaced out: 工 作 站 登 记 表
        p.text(centre, top - 42, title, 24, bold=True, align="center", color=RED)
        p.text(centre, top - 62, self.words.subtitle, 11, align="center", color=LABEL)
        rule = top - 72
        self.c.setStrokeColor(RED)
        self.c.setLineWidth(1.4)
        self.c.line(MARGIN, rule, PAGE_W - MARGIN, rule)
        self.c.setLineWidth(0.5)
        self.c.line(MARGIN, rule - 2.5, PAGE_W - MARGIN, rule - 2.5)
        return rule - 2.5

    # the facts table ---------------------------------------------------------------------
    def _facts(self, top: float) -> float:
        info = self.info
        epoch = (
            f"第 {info.epoch} 套（首次登记）"
            if info.epoch == 1
            else f"第 {info.epoch} 套（更换密钥后重新登记）"
        )
        rows: list[list[tuple[str, str]]] = [
            [(self.words.name, info.station_name)],
            [(self.words.code, info.station_code), (self.words.above, self.township_name or "—")],
            [("节点编号", info.node_id)],
            [("密钥版本", epoch), ("生成时间", f"{self.created:%Y-%m-%d %H:%M}")],
        ]
        if self.file_name:
            rows.append([("登记文件", self.file_name)])
        y = top
        for row in rows:
            self._row(row, y)
            y -= ROW_H
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.9)
        self.c.rect(MARGIN, y, INNER, top - y, stroke=1, fill=0)
        return y

    def _row(self, cells: list[tuple[str, str]], top: float) -> None:
        c, p = self.c, self.p
        cell_w = INNER / len(cells)
        c.setLineWidth(0.5)
        for i, (label, value) in enumerate(cells):
            x = MARGIN + i * cell_w
            c.setFillColor(SHADE)
            c.setStrokeColor(RULE)
            c.rect(x, top - ROW_H, LABEL_W, ROW_H, stroke=1, fill=1)
            c.rect(x + LABEL_W, top - ROW_H, cell_w - LABEL_W, ROW_H, stroke=1, fill=0)
            size = p.fit(label, 10.5, LABEL_W - 2 * CELL_PAD)
            p.text(
                x + LABEL_W / 2,
                top - ROW_H / 2 - size * 0.35,
                label,
                size,
                color=LABEL,
                align="center",
            )
            room = cell_w - LABEL_W - 2 * CELL_PAD
            size = p.fit(value, 11, room)
            p.text(
                x + LABEL_W + CELL_PAD,
                top - ROW_H / 2 - size * 0.35,
                p.clip(value, size, room),
                size,
            )

    # the fingerprint ---------------------------------------------------------------------
    def _fingerprint(self, top: float) -> float:
        c, p = self.c, self.p
        groups = fingerprint_groups(self.info.fingerprint)
        lines = -(-len(groups) // GROUPS_PER_LINE)
        line_h = FINGERPRINT_PT * 1.25 + 6 * mm
        height = 16 * mm + lines * line_h + 3 * mm
        c.setStrokeColor(RED)
        c.setLineWidth(1.2)
        c.roundRect(MARGIN, top - height, INNER, height, 2.5 * mm, stroke=1, fill=0)
        p.text(PAGE_W / 2, top - 9 * mm, "密 钥 指 纹", 13, bold=True, align="center", color=RED)
        cell = self._char_width() * 1.08  # each digit in a fixed cell, whatever the font
        group_w = 4 * cell
        gap = (INNER - 12 * mm - GROUPS_PER_LINE * group_w) / (GROUPS_PER_LINE - 1)
        left = MARGIN + 6 * mm
        first = top - 16 * mm - FINGERPRINT_PT
        places = [
            (
                left + (n % GROUPS_PER_LINE) * (group_w + gap),
                first - (n // GROUPS_PER_LINE) * line_h,
            )
            for n in range(len(groups))
        ]
        # the digits first, so a PDF's text reads as the fingerprint; then the group numbers
        for group, (x, baseline) in zip(groups, places, strict=True):
            self._digits(x, baseline, group, cell)
        for number, (x, baseline) in enumerate(places, start=1):
            p.text(
                x + group_w / 2,
                baseline - 5 * mm,
                f"第 {number} 组",
                8,
                color=LABEL,
                align="center",
            )
        return top - height

    def _char_width(self) -> float:
        font = self.mono or self.p.font
        return max(float(pdfmetrics.stringWidth(ch, font, FINGERPRINT_PT)) for ch in _HEX)

    def _digits(self, x: float, baseline: float, group: str, cell: float) -> None:
        font = self.mono or self.p.font
        t = self.c.beginText()
        t.setFont(font, FINGERPRINT_PT)
        t.setFillColor(black)
        for ch in group:
            width = pdfmetrics.stringWidth(ch, font, FINGERPRINT_PT)
            t.setTextOrigin(x + (cell - width) / 2, baseline)
            t.textOut(ch)
            x += cell
        self.c.drawText(t)

    # the instructions and signatures -----------------------------------------------------
    def _steps(self, top: float) -> float:
        p = self.p
        size, leading = 10.5, 10.5 * 1.55
        p.text(MARGIN, top - size, "核对说明", 11.5, bold=True)
        y = top - size - leading * 1.2
        for number, step in enumerate(self.words.steps, start=1):
            head = f"{number}. "
            p.text(MARGIN, y, head, size)
            indent = MARGIN + p.width("8. ", size)
            for line in p.wrap(step, size, PAGE_W - MARGIN - indent, 3):
                p.text(indent, y, line, size)
                y -= leading
        return y + leading - size * 0.3

    def _signatures(self, baseline: float) -> None:
        c, p = self.c, self.p
        size = 11.0
        c.setStrokeColor(black)
        c.setLineWidth(0.5)
        rows = self.words.signatures
        head_w = max(p.width(a, size) for a, _b in rows)
        for left_head, right_head in rows:
            p.text(MARGIN, baseline, left_head, size)
            x = MARGIN + head_w
            c.line(x, baseline - 2, x + 55 * mm, baseline - 2)
            x2 = x + 62 * mm
            p.text(x2, baseline, right_head, size)
            x2 += p.width(right_head, size)
            c.line(x2, baseline - 2, PAGE_W - MARGIN, baseline - 2)
            baseline -= 16 * mm
        p.text(
            PAGE_W - MARGIN, baseline + 4 * mm, self.words.stamp, 9.5, color=LABEL, align="right"
        )


def render_enrollment_sheet(
    info: EnrollmentInfo,
    out: Path,
    *,
    font: CjkFont,
    township_name: str = "",
    file_name: str = "",
    created: dt.datetime | None = None,
) -> Path:
    """Write the enrollment sheet of a station (or a township) to a one-page A4 PDF.

    Args:
        info: the station's enrollment (name, code, node id, epoch, fingerprint), e.g.
            :meth:`.SyncService.read_enrollment` of the file just written; a township's
            (``role`` township) prints as 乡镇登记表 for its county.
        out: the PDF to write (replaced only once complete).
        font: the CJK font to embed (see :func:`.fonts.find_cjk_font`).
        township_name: the body above, printed when known: the station's township, or the
            township's county.
        file_name: the enrollment file the sheet goes with.
        created: the time printed (local); now by default.

    Returns:
        ``out``.

    Raises:
        EnrollmentOutputError: the file cannot be written there.
    """
    when = created or dt.datetime.now()
    mono = find_mono_font()

    def write(tmp: Path) -> None:
        # the CJK font from the start: no unembedded Helvetica in the page resources
        c = Canvas(str(tmp), pagesize=A4, pageCompression=1, initialFontName=font.name)
        c.setTitle(f"{wording(info).title} {info.station_name}")
        c.setSubject(f"密钥指纹 {info.fingerprint}")
        c.setAuthor(info.station_name)
        c.setCreator("群众工作站桌面版")
        _Sheet(
            c, font.name, mono, info, township_name=township_name, file_name=file_name, created=when
        ).draw()
        c.showPage()
        c.save()

    out = Path(out)
    write_atomically(out, write, error=EnrollmentOutputError)
    return out
