"""Evaluation printouts (issue 18), A4 portrait: ballots, the result sheet, the survey list.

- **Ballot sheet (测评票).** Title with the village, the period and the kind; a short
  instruction; one row per rated person or unit with its role and three empty boxes 满意 /
  基本满意 / 不满意 to tick. No voter's name anywhere: the ballot is secret. One ballot per
  page, ``copies`` pages.
- **Result sheet (测评结果).** The round's details; cadres then units, each with the counts,
  满意率 (满意 + 基本满意) with its fraction, 不满意率, rank and flags (不予提拔, 诫勉谈话, 末位
  in red on a shaded row); below, the 诫勉谈话 list and the units' ranking, with the thresholds
  stated.
- **Survey list (征求意见表).** The served households of a cadre: number, head, address,
  masked phone, three answer boxes and a note column.

Each is written to a temporary file and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.evaluation import (
    ADMONISH,
    ANSWERS,
    BOTTOM,
    CADRE,
    NO_PROMOTION,
    UNIT,
    RoundResult,
    StoredRound,
    Survey,
    Verdict,
    period_text,
)
from qunzhong_desktop.core.phone import mask
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import (
    MARGIN_X,
    PAGE_W,
    build_a4,
    mm,
    write_atomically,
)
from qunzhong_desktop.reports.pdf_charts import LABEL_BG, SHORT_BG, Styles, grid_style

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm
MAX_COPIES = 500
KIND_OF = {CADRE: "个人", UNIT: "单位"}


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _title(stored: StoredRound, village: str) -> str:
    """``白沙村 2026年上半年 民意测评会``."""
    parts = (village, period_text(stored.round.period), stored.round.kind)
    return " ".join(p for p in parts if p)


def _kv_table(pairs: Sequence[tuple[str, str]], s: Styles) -> Table:
    rows = []
    for index in range(0, len(pairs), 2):
        cells: list[Any] = []
        for label, value in pairs[index : index + 2]:
            cells += [_p(label, s.cell), _p(value, s.cell)]
        rows.append(cells + [""] * (4 - len(cells)))
    table = Table(rows, colWidths=[w * mm for w in (24, 65, 24, 65)])
    style = grid_style(s.font, header_rows=0)
    style += [("BACKGROUND", (0, 0), (0, -1), LABEL_BG), ("BACKGROUND", (2, 0), (2, -1), LABEL_BG)]
    table.setStyle(TableStyle(style))
    return table


# the ballot ---------------------------------------------------------------------------------
def ballot_story(stored: StoredRound, village: str, font: str, copies: int = 1) -> list[Any]:
    """The flowables of ``copies`` ballots, one per page."""
    s = Styles(font)
    box = ParagraphStyle("box", parent=s.cell_center, fontSize=14, leading=18)
    out: list[Any] = []
    for copy in range(copies):
        if copy:
            out.append(PageBreak())
        head = [_p("序号", s.head), _p("测评对象", s.head), _p("身份 / 类别", s.head)]
        head += [_p(a, s.head) for a in ANSWERS]
        data: list[list[Any]] = [head]
        for n, row in enumerate(stored.rows, start=1):
            t = row.tally
            data.append([_p(n, s.cell_center), _p(t.name, s.cell), _p(t.role or KIND_OF[t.rated], s.cell),
                         _p("", box), _p("", box), _p("", box)])  # fmt: skip
        if not stored.rows:
            data.append([_p("（本次测评尚未列出测评对象）", s.cell), "", "", "", "", ""])
        table = Table(data, colWidths=[w * mm for w in (14, 52, 40, 24, 24, 24)], repeatRows=1)
        style = grid_style(font)
        style += [("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]
        if not stored.rows:
            style.append(("SPAN", (0, 1), (-1, 1)))
        table.setStyle(TableStyle(style))
        out += [
            _p(f"{_title(stored, village)}测评票", s.title),
            _p(f"测评日期：{stored.round.day.isoformat()}", s.subtitle),
            Spacer(1, 4 * mm),
            _p(
                "说明：请在每位（每个）测评对象后面“满意”“基本满意”“不满意”三栏中选一栏打“√”，"
                "每行只能选一栏，多选或不选的该行不计票。本票不记名，请勿在票上写姓名或作任何记号。",
                s.body,
            ),
            Spacer(1, 3 * mm),
            table,
            Spacer(1, 6 * mm),
            _p("填写完毕后请将本票投入票箱。谢谢您的参与！", s.body),
        ]
    return out


def render_ballots(
    stored: StoredRound,
    out: Path,
    *,
    font: CjkFont,
    village: str = "",
    copies: int = 1,
    today: dt.date | None = None,
) -> Path:
    """Write ``copies`` ballots (1–500) as an A4 PDF; returns ``out``.

    Raises:
        ValueError: copies out of range.
        ReportOutputError: the file cannot be written there.
    """
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(copies)
    title = f"{_title(stored, village)}测评票"
    footer = f"{title}　不记名　{(today or dt.date.today()):%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(path, ballot_story(stored, village, font.name, copies), font=font.name,
                 title=title, author=village or "群众工作站", footer=footer)  # fmt: skip

    return write_atomically(Path(out), write)


# the result sheet ---------------------------------------------------------------------------
def _verdict_rows(verdicts: Sequence[Verdict], s: Styles, flag_style: ParagraphStyle) -> Table:
    head = [
        "名次",
        "测评对象",
        "身份 / 类别",
        "满意",
        "基本满意",
        "不满意",
        "满意率",
        "不满意率",
        "结论",
    ]
    data: list[list[Any]] = [[_p(h, s.head) for h in head]]
    style = grid_style(s.font)
    for index, v in enumerate(verdicts, start=1):
        t = v.tally
        flags = "、".join(v.flags) if v.flags else ("未计票" if not t.votes else "")
        data.append(
            [
                _p(v.rank or "—", s.cell_center), _p(t.name, s.cell), _p(t.role or KIND_OF[t.rated], s.cell),
                _p(t.satisfied, s.cell_right), _p(t.fair, s.cell_right), _p(t.unsatisfied, s.cell_right),
                _p(v.satisfied.text, s.cell_right), _p(v.unsatisfied.percent, s.cell_right),
                _p(flags, flag_style if v.flags else s.cell),
            ]
        )  # fmt: skip
        if v.flags:
            style.append(("BACKGROUND", (0, index), (-1, index), SHORT_BG))
    if not verdicts:
        data.append([_p("（无）", s.cell)] + [""] * 8)
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(
        data, colWidths=[w * mm for w in (10, 30, 22, 11, 16, 13, 26, 16, 34)], repeatRows=1
    )
    table.setStyle(TableStyle(style))
    return table


def result_story(result: RoundResult, village: str, font: str) -> list[Any]:
    """The flowables of the result sheet."""
    s = Styles(font)
    flag = ParagraphStyle("flag", parent=s.cell, textColor=s.title.textColor)
    stored, rules, r = result.stored, result.rules, result.stored.round
    pairs = [
        ("测评类型", r.kind), ("测评期间", period_text(r.period) or "—"),
        ("测评日期", r.day.isoformat()), ("参加人数", f"{r.participants} 人"),
        ("发出选票", f"{r.ballots_issued} 张"), ("收回选票", f"{r.ballots_returned} 张"),
    ]  # fmt: skip
    if stored.note:
        pairs.append(("备注", stored.note))
    cadres, units = result.of_kind(CADRE), result.of_kind(UNIT)
    story: list[Any] = [
        _p(f"{_title(stored, village)}测评结果", s.title),
        _p(stored.title, s.subtitle) if stored.title else Spacer(1, 1),
        Spacer(1, 3 * mm),
        _kv_table(pairs, s),
        _p("一、个人测评结果", s.h2),
        _verdict_rows(cadres, s, flag),
        _p("二、单位测评结果", s.h2),
        _verdict_rows(units, s, flag),
        _p(f"三、{ADMONISH}名单", s.h2),
    ]
    admonish = result.admonish
    if admonish:
        for n, v in enumerate(admonish, start=1):
            extra = f"（{NO_PROMOTION}）" if NO_PROMOTION in v.flags else ""
            story.append(
                _p(f"{n}. {v.tally.name}（{v.tally.role or '个人'}）：不满意率 "
                   f"{v.unsatisfied.text}，名次 {v.rank}{extra}", s.body)
            )  # fmt: skip
    else:
        story.append(_p("本次测评没有需要诫勉谈话的干部。", s.body))
    story.append(_p("四、单位排名", s.h2))
    ranked = [v for v in units if v.rank]
    if ranked:
        story.append(
            _p("；".join(f"第 {v.rank} 名 {v.tally.name}（满意率 {v.satisfied.percent}）"
                        + (f" {BOTTOM}" if BOTTOM in v.flags else "") for v in ranked), s.body)
        )  # fmt: skip
    else:
        story.append(_p("本次测评没有计票的单位。", s.body))
    story += [
        Spacer(1, 4 * mm),
        _p(
            f"注：满意率 =（满意 + 基本满意）÷ 该行有效票数；不满意率 = 不满意 ÷ 该行有效票数。"
            f"不满意率达到 {rules.no_promotion_percent}% 的干部{NO_PROMOTION}；"
            f"达到 {rules.admonish_percent}% 或排名末位的干部列入{ADMONISH}名单；"
            f"排名最后的单位标为{BOTTOM}。未计票的行不评定。界限由乡镇群众工作办设置。",
            s.note,
        ),
        Spacer(1, 8 * mm),
        _p(
            "计票人（签字）：____________　　监票人（签字）：____________　　日期：______年____月____日",
            s.body,
        ),
    ]
    return story


def render_result(
    result: RoundResult,
    out: Path,
    *,
    font: CjkFont,
    village: str = "",
    today: dt.date | None = None,
) -> Path:
    """Write the result sheet as an A4 PDF; returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    title = f"{_title(result.stored, village)}测评结果"
    footer = f"{title}　生成于 {(today or dt.date.today()):%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(path, result_story(result, village, font.name), font=font.name, title=title,
                 author=village or "群众工作站", footer=footer)  # fmt: skip

    return write_atomically(Path(out), write)


# the survey list ----------------------------------------------------------------------------
def survey_story(survey: Survey, township: str, font: str) -> list[Any]:
    """The flowables of the survey list (answers already recorded are ticked)."""
    s = Styles(font)
    head = ["序号", "户号", "户主", "住址", "电话", *ANSWERS, "备注"]
    data: list[list[Any]] = [[_p(h, s.head) for h in head]]
    for n, a in enumerate(survey.answers, start=1):
        h = a.household
        ticks = [_p("√" if a.answer == choice else "", s.cell_center) for choice in ANSWERS]
        data.append([_p(n, s.cell_center), _p(h.number, s.cell), _p(h.head, s.cell),
                     _p(h.address, s.cell), _p(mask(h.phone) or "—", s.cell), *ticks,
                     _p(a.note, s.cell)])  # fmt: skip
    if not survey.answers:
        data.append([_p("（没有可征求意见的户）", s.cell)] + [""] * 8)
    table = Table(
        data, colWidths=[w * mm for w in (10, 14, 18, 38, 24, 12, 16, 14, 32)], repeatRows=1
    )
    style = grid_style(font)
    style += [("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]
    table.setStyle(TableStyle(style))
    counts = "，".join(f"{c} {survey.count(c)} 户" for c in (*ANSWERS, "未答复"))
    return [
        _p(f"{township}干部提拔前征求群众意见表", s.title),
        _p(
            f"被征求意见干部：{survey.cadre_name}　事由：{survey.purpose or '—'}　"
            f"开始日期：{survey.started_on.isoformat()}",
            s.subtitle,
        ),
        Spacer(1, 4 * mm),
        _p(
            "说明：请向下列该干部结对联系或为其办理过事项的群众征求意见，在“满意”“基本满意”“不满意”"
            "中选一栏打“√”；群众不愿答复的留空。",
            s.body,
        ),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        _p(f"已记录：{counts}；不满意率 {survey.unsatisfied.text}（按已答复户计）。", s.body),
        Spacer(1, 8 * mm),
        _p("征求人（签字）：____________　　日期：______年____月____日", s.body),
    ]


def render_survey(
    survey: Survey, out: Path, *, font: CjkFont, township: str = "", today: dt.date | None = None
) -> Path:
    """Write the survey list as an A4 PDF (phones masked); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    title = f"{township}干部提拔前征求群众意见表"
    footer = f"{title}　生成于 {(today or dt.date.today()):%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(path, survey_story(survey, township, font.name), font=font.name, title=title,
                 author=township or "乡镇群众工作办", footer=footer)  # fmt: skip

    return write_atomically(Path(out), write)
