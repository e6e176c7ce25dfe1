"""The resident's authorisation (代办委托书) of a 代办 item: one A4 page to sign.

The station prints it for the resident to sign (or to press a fingerprint on) before the
agent acts: who authorises whom, for what, the documents handed over, the mode, the office,
and the signature lines of the resident, the agent and the station's stamp. ID number and
phone are masked unless the caller may and asked for them in full. reportlab's platypus lays
it out (Chinese text wraps inside its cell); the file is written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from qunzhong_desktop.core.intake.agency import AgencyEntry
from qunzhong_desktop.core.safe_write import OutputError, write_atomically
from qunzhong_desktop.core.text import strip_controls
from qunzhong_desktop.reports.fonts import CjkFont

mm: float = _mm  # reportlab is untyped
MARGIN = 20 * mm
LABEL_W = 26 * mm
GRID = colors.Color(0.45, 0.45, 0.45)
SHADE = colors.Color(0.94, 0.94, 0.94)
RED = colors.Color(0.70, 0.10, 0.12)
# texts are cut beyond these (…), so that the form stays one page whatever was typed
CONTENT_CHARS = 160  # the matter
PAPER_CHARS = 26  # one document handed over: one line with its day
FIELD_CHARS = 36  # an address, an office
NAME_CHARS = 20  # a resident's or an agent's name
SIZES = (11.0, 10.0, 9.0, 8.0)  # the type of the form, smaller only when it must
PAPERS_SHOWN = 6  # documents listed; more are summed up
BLANK_DATE = "＿＿＿＿年＿＿月＿＿日"
LINE = "＿" * 7  # where a name is signed


class AuthorisationOutputError(OutputError):
    """The authorisation form cannot be written where the user asked."""

    code = "authorisation.output"


@dataclass(frozen=True, slots=True)
class AuthorisationForm:
    """What the form shows (masking is decided before: these are the texts printed)."""

    station_name: str
    number: str
    content: str
    resident_name: str
    id_number: str  # masked unless allowed and asked
    phone: str  # masked likewise
    address: str
    mode: str
    agent: str
    office: str
    auth_kind: str
    auth_on: dt.date | None
    papers: list[AgencyEntry] = field(default_factory=list)  # 收件 records
    station_phone: str = ""


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else BLANK_DATE


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(strip_controls(text)).replace("\n", "<br/>"), style)


def _story(form: AuthorisationForm, font: str, width: float, size: float) -> list[Any]:
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.45, wordWrap="CJK")
    label = ParagraphStyle("label", parent=body, alignment=TA_CENTER, textColor=GRID)
    small = ParagraphStyle("small", parent=body, fontSize=9.5, leading=13, textColor=GRID)
    title = ParagraphStyle(
        "title", fontName=font, fontSize=22, leading=28, alignment=TA_CENTER, textColor=RED
    )
    head = ParagraphStyle("head", parent=body, alignment=TA_CENTER, fontSize=12)
    right = ParagraphStyle("right", parent=small, alignment=TA_RIGHT)
    content = _cut(form.content, CONTENT_CHARS)
    papers = [
        f"{e.day.isoformat()}　{_cut(e.text, PAPER_CHARS)}" for e in form.papers[:PAPERS_SHOWN]
    ]
    if len(form.papers) > PAPERS_SHOWN:
        papers.append(f"……另有 {len(form.papers) - PAPERS_SHOWN} 项，见事项记录")
    half = (width - 2 * LABEL_W) / 2
    rows = [
        [_p("委托人", label), _p(_cut(form.resident_name, NAME_CHARS), body), _p("身份证号", label),
         _p(form.id_number or "", body)],
        [_p("联系电话", label), _p(form.phone or "", body), _p("委托方式", label),
         _p(form.auth_kind or "□书面　□口头", body)],
        [_p("家庭住址", label), _p(_cut(form.address, FIELD_CHARS), body), "", ""],
        [_p("受托人", label), _p(form.station_name, body), _p("代办员", label),
         _p(_cut(form.agent, NAME_CHARS), body)],
        [_p("代办方式", label), _p(form.mode, body), _p("办理部门", label),
         _p(_cut(form.office, FIELD_CHARS), body)],
        [_p("委托事项", label), _p(content, body), "", ""],
        [_p("交来材料", label), _p("\n".join(papers) or "\n\n", body), "", ""],
        [_p("委托期限", label),
         _p("自委托之日起，至事项办结、材料退还委托人时止。", body), "", ""],
    ]  # fmt: skip
    table = Table(rows, colWidths=[LABEL_W, half, LABEL_W, half])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 0), (2, 1), SHADE),
                ("BACKGROUND", (2, 3), (2, 4), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                *(("SPAN", (1, row), (3, row)) for row in (2, 5, 6, 7)),
            ]
        )
    )
    pledge = (
        f"本人自愿委托{form.station_name}为本人代为办理上述事项，所提供的材料真实、有效。"
        "受托人应按规定及时办理，妥善保管本人交来的材料，不得挪作他用；办结后通知本人领取，"
        "并退还材料原件。"
    )
    sign = ParagraphStyle("sign", parent=body, leading=size * 2.2)
    signatures = Table(
        [
            [_p(f"委托人（签字或按手印）：{LINE}", sign), _p("日期：" + _date(form.auth_on), sign)],
            [_p(f"代办员（签字）：{LINE}", sign), _p("日期：" + BLANK_DATE, sign)],
            [_p("工作站（盖章）：", sign), _p("日期：" + BLANK_DATE, sign)],
        ],
        colWidths=[width * 0.55, width * 0.45],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    footer = "本委托书一式两份，委托人和工作站各执一份。"
    if form.station_phone:
        footer += f"查询办理进度请致电 {form.station_phone}，并报事项编号。"
    return [
        _p(form.station_name, head),
        Spacer(1, 2 * mm),
        _p("代 办 委 托 书", title),
        Spacer(1, 1 * mm),
        _p(f"事项编号：{form.number}", right),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 5 * mm),
        _p(pledge, body),
        Spacer(1, 6 * mm),
        signatures,
        Spacer(1, 6 * mm),
        _p(footer, small),
    ]


def render_authorisation(form: AuthorisationForm, out: Path, *, font: CjkFont) -> Path:
    """Write the authorisation form to a one-page A4 PDF (``out`` replaced once complete).

    Raises:
        AuthorisationOutputError: the file cannot be written there.
    """

    def write(tmp: Path) -> None:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=16 * mm,
            bottomMargin=16 * mm,
            title=f"代办委托书 {form.number}",
            author=form.station_name,
            creator="群众工作站桌面版",
        )
        for size in SIZES:  # the largest type at which the whole form fits on one page
            doc.build(_story(form, font.name, doc.width, size))
            if doc.page == 1:
                break

    out = Path(out)
    write_atomically(out, write, error=AuthorisationOutputError)
    return out
