"""A cadre's mass-work record (群众工作实绩记录) as an A4 portrait PDF (reportlab platypus).

The title with the period; 一 the cadre (name, category, unit, the rule of the category)
and the stations served with their first and last diary day; 二 days in the village month
by month with the verdict of each month; 三 households visited; 四 items handled by state,
the resolved ones with their outcome and the residents' satisfaction; 五 households paired;
六 the length of the period and whether it reaches one year, in a sentence of its own;
notes on how each figure is counted, and a line to sign. One embedded CJK font throughout;
every page has a footer with the cadre, the period and the page number. Written to a
temporary file and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.cadre_record import NOT_YET, CadreServiceRecord, RecordMonth
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import (
    GREY,
    MARGIN_X,
    PAGE_W,
    build_a4,
    mm,
    write_atomically,
)

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm

ACCENT = colors.Color(0.62, 0.10, 0.12)
HEADER_BG = colors.HexColor("#DDEBF7")
LABEL_BG = colors.HexColor("#F2F2F2")
SHORT_BG = colors.HexColor("#FCE4D6")
YEAR_BG = colors.HexColor("#E2EFDA")
GRID = colors.Color(0.55, 0.55, 0.55)

TITLE = "群众工作实绩记录"

#: How each figure is counted (the notes under the record).
NOTES: tuple[str, ...] = (
    "在村天数：民情日记中类型为入户走访、集中工作日、坐班接待（村便民服务点）或民情恳谈会的天数，"
    "每人每天只计一次；电话回访不计，除非日记记有在村里的地点。坐班天数：类型为“坐班接待”的天数"
    "（也计入在村天数）。各月结论与民情月报相同，按干部类别的考核规则（乡镇设置）评定；"
    "只有部分日子在本期内的月份只统计不评定。",
    "走访户数：本期民情日记中走访的不同户数；户次：每篇日记走访的户数之和。",
    "经办事项：本期受理、经办人为本人或由本人民情日记中的问题转受理的事项，按生成时的状态统计；"
    "满意率为已回访的办结事项中，最近一次回访为“满意”或“基本满意”的比例。",
    "结对户：生成时与本人结对的在册户；困难户指户或任一成员带有重点帮扶对象标签的户。",
    "群众工作时间：按统计期间计算（期间未结束的，算到生成之日）；干部在期间开始后才登记"
    "（或写第一篇民情日记）的，从那一天起算，此前的月份不评定；满 12 个月为满一年。",
)
#: At the township: the person is recognised by name (see storage/cadre_record_repo.py).
BY_NAME_NOTE = (
    "乡镇汇总：各工作站登记的同名干部按同一人合并统计，服务工作站一栏列出每个站及其登记的单位，"
    "请核对是否为同一人。"
)


class _Styles:
    def __init__(self, font: str) -> None:
        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("leading", size * 1.4)
            return ParagraphStyle(name, fontName=font, fontSize=size, wordWrap="CJK", **kw)

        self.title = style("title", 22, alignment=TA_CENTER, textColor=ACCENT, leading=30)
        self.subtitle = style("subtitle", 11, alignment=TA_CENTER, textColor=GREY)
        self.h2 = style("h2", 12.5, textColor=ACCENT, spaceBefore=9, spaceAfter=4)
        self.body = style("body", 10)
        self.year = style("year", 12, leading=18)
        self.cell = style("cell", 9)
        self.small = style("small", 8)
        self.cell_right = style("cell_right", 9, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", 9, alignment=TA_CENTER)
        self.head = style("head", 9, alignment=TA_CENTER)
        self.note = style("note", 8, leading=11.5, textColor=GREY)
        self.sign = style("sign", 10.5, leading=16)


def _grid(font: str, header_rows: int = 1) -> list[tuple[Any, ...]]:
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
    return style


class _Builder:
    def __init__(self, record: CadreServiceRecord, font: str) -> None:
        self.r = record
        self.s = _Styles(font)
        self.font = font
        self.numerals = iter("一二三四五六七八九十")

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(str(text)), style or self.s.cell)

    def heading(self, text: str) -> Paragraph:
        return Paragraph(f"{next(self.numerals)}、{escape(text)}", self.s.h2)

    def story(self) -> list[Any]:
        r, s = self.r, self.s
        return [
            Paragraph(TITLE, s.title),
            self.p(f"{r.name}　统计期间：{r.period_text}", s.subtitle),
            Spacer(1, 4 * mm),
            self.heading("基本情况"),
            self.person(),
            Spacer(1, 2.5 * mm),
            self.stations(),
            self.heading("在村情况（按月）"),
            self.months(),
            KeepTogether([self.heading("走访群众"), self.visits()]),
            *self.items(),
            KeepTogether([self.heading("结对帮扶"), self.paired()]),
            KeepTogether([self.heading("民意测评"), self.evaluations()]),
            KeepTogether([self.heading("群众工作时间"), self.year()]),
            Spacer(1, 6 * mm),
            KeepTogether([*self.notes(), Spacer(1, 8 * mm), self.signature()]),
        ]

    # sections ----------------------------------------------------------------------------
    def person(self) -> Table:
        r = self.r
        rows = [
            ("姓名", r.name, "类别", r.category),
            ("单位", r.unit or "—", "统计期间", r.period_text),
            ("考核规则", f"{r.category}：{r.rule}", "", ""),
        ]
        data = [[self.p(c) for c in row] for row in rows]
        table = Table(data, colWidths=[22 * mm, 67 * mm, 22 * mm, 67 * mm])
        style = _grid(self.font, 0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, 1), LABEL_BG),
            ("SPAN", (1, 2), (3, 2)),
        ]
        table.setStyle(TableStyle(style))
        return table

    def stations(self) -> Table:
        s = self.s
        head = ["服务工作站", "登记单位", "本期民情日记"]
        data = [[self.p(h, s.head) for h in head]]
        for station in self.r.stations:
            data.append(
                [
                    self.p(station.name or "—"),
                    self.p(station.unit or "—"),
                    self.p(station.dates, s.cell_center),
                ]
            )
        table = Table(data, colWidths=[70 * mm, 44 * mm, 64 * mm], repeatRows=1)
        table.setStyle(TableStyle(_grid(self.font)))
        return table

    def months(self) -> Any:
        s, r = self.s, self.r
        head = ["月份", "在村天数", "其中坐班", "走访户次", "结论", "说明"]
        data = [[self.p(h, s.head) for h in head]]
        style = _grid(self.font)
        for row, (title, month) in enumerate(_runs(r.months), start=1):
            data.append(
                [
                    self.p(title, s.cell_center),
                    self.p(month.village_days, s.cell_right),
                    self.p(month.duty_days, s.cell_right),
                    self.p(month.visits, s.cell_right),
                    self.p(month.verdict, s.cell_center),
                    self.p(month.remarks),
                ]
            )
            if month.verdict == "不达标":
                style.append(("BACKGROUND", (4, row), (5, row), SHORT_BG))
        data.append(
            [
                self.p("合计", s.cell_center),
                self.p(r.village_days, s.cell_right),
                self.p(r.duty_days, s.cell_right),
                self.p(r.visits, s.cell_right),
                self.p(self._short_months(), s.cell_center),
                self.p(""),
            ]
        )
        style += [("BACKGROUND", (0, -1), (-1, -1), LABEL_BG), ("SPAN", (4, -1), (5, -1))]
        table = Table(data, colWidths=[w * mm for w in (24, 19, 19, 19, 17, 80)], repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    def _short_months(self) -> str:
        judged = [
            m for m in self.r.months if not m.partial and m.verdict not in ("不考核", "待月末")
        ]
        short = sum(m.verdict == "不达标" for m in judged)
        if not judged:
            return "—"
        return f"评定 {len(judged)} 个月，不达标 {short} 个月"

    def visits(self) -> Paragraph:
        r = self.r
        if not r.visits:
            return self.p("本期民情日记中没有走访户。", self.s.body)
        return self.p(
            f"本期走访群众 {r.households_visited} 户，共 {r.visits} 户次"
            "（民情日记中记下的走访户）。",
            self.s.body,
        )

    def items(self) -> list[Any]:
        r, s = self.r, self.s
        heading = self.heading("经办事项")
        if not r.items:
            return [
                KeepTogether([heading, self.p("本期没有经办或由民情日记转受理的事项。", s.body)])
            ]
        states = "，".join(f"{name} {count} 件" for name, count in r.items_by_state)
        rate = r.satisfaction
        followed = (
            f"办结事项中已回访 {rate.denominator} 件，满意或基本满意 {rate.numerator} 件，"
            f"满意率 {rate.percent}。"
            if rate.denominator
            else "办结事项尚未回访。"
        )
        summary = self.p(f"本期经办事项 {r.items} 件：{states}。{followed}", s.body)
        if not r.resolved:
            return [KeepTogether([heading, summary])]
        head = ["事项编号", "受理日期", "诉求类别", "诉求内容", "办理结果", "满意度"]
        data = [[self.p(h, s.head) for h in head]]
        for item in r.resolved:
            data.append(
                [
                    self.p(item.number, s.small),
                    self.p(item.received_on.isoformat(), s.cell_center),
                    self.p(item.domain, s.cell_center),
                    self.p(_clip(item.content, 44)),
                    self.p(_clip(item.result, 40) or "—"),
                    self.p(item.satisfaction or "未回访", s.cell_center),
                ]
            )
        widths = (39, 19, 17, 45, 41, 17)
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(TableStyle(_grid(self.font)))
        # the heading stays with the summary and the table's first rows
        return [KeepTogether([heading, summary, Spacer(1, 2 * mm)]), table]

    def paired(self) -> Paragraph:
        r = self.r
        return self.p(
            f"结对 {r.paired} 户，其中困难户（重点帮扶对象）{r.paired_difficult} 户（按生成时的登记）。",
            self.s.body,
        )

    def evaluations(self) -> Any:
        s = self.s
        if not self.r.evaluations:
            return self.p("本期没有参加民意测评（以工作站登记的测评计票为准）。", s.body)
        head = ["测评", "日期", "测评村", "满意率", "不满意率", "名次", "结论"]
        data = [[self.p(h, s.head) for h in head]]
        style = _grid(self.font)
        for row, line in enumerate(self.r.evaluations, start=1):
            rank = f"{line.rank}/{line.ranked}" if line.rank else "未计票"
            data.append(
                [
                    self.p(line.heading),
                    self.p(line.held_on.isoformat(), s.cell_center),
                    self.p(_clip(line.villages, 30)),
                    self.p(line.satisfied.text, s.cell_center),
                    self.p(line.unsatisfied.text, s.cell_center),
                    self.p(rank, s.cell_center),
                    self.p(line.verdict, s.cell_center),
                ]
            )
            if line.flags:
                style.append(("BACKGROUND", (6, row), (6, row), SHORT_BG))
        widths = (42, 20, 30, 24, 24, 14, 24)
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    def year(self) -> Table:
        r = self.r
        table = Table([[Paragraph(escape(r.year_sentence), self.s.year)]], colWidths=[WIDTH])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.font),
                    ("BOX", (0, 0), (-1, -1), 0.8, ACCENT if not r.full_year else GRID),
                    ("BACKGROUND", (0, 0), (-1, -1), YEAR_BG if r.full_year else SHORT_BG),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return table

    def notes(self) -> list[Paragraph]:
        notes = [*NOTES, BY_NAME_NOTE] if self.r.by_name else list(NOTES)
        return [
            self.p("注：", self.s.note),
            *(self.p(f"{n}. {text}", self.s.note) for n, text in enumerate(notes, start=1)),
        ]

    def signature(self) -> Paragraph:
        return Paragraph(
            "审核单位（盖章）：" + "&nbsp;" * 36 + "审核人：" + "&nbsp;" * 24
            + "日期：" + "&nbsp;" * 10 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日",
            self.s.sign,
        )  # fmt: skip


def _runs(months: Sequence[RecordMonth]) -> list[tuple[str, RecordMonth]]:
    """The months as table rows; a run of months before the cadre came is one row."""
    rows: list[tuple[str, RecordMonth]] = []
    run: list[RecordMonth] = []
    for month in [*months, None]:
        if month is not None and month.remarks == NOT_YET:
            run.append(month)
            continue
        if len(run) == 1:
            rows.append((run[0].month.title, run[0]))
        elif run:
            rows.append((f"{run[0].month.title}至{run[-1].month.title}", run[0]))
        run = []
        if month is not None:
            rows.append((month.month.title, month))
    return rows


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_cadre_record(
    record: CadreServiceRecord, out: Path, *, font: CjkFont, today: dt.date | None = None
) -> Path:
    """Write a cadre's mass-work record as an A4 PDF (replacing ``out`` once complete).

    Args:
        record: what to print (:meth:`.SqlCadreRecords.record`).
        out: the PDF to write.
        font: the CJK font to embed (:func:`.fonts.store_font`).
        today: the date printed beside the signature (default: today).

    Returns:
        ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    footer = f"{record.name} {TITLE}　{record.period_text}　生成于 {made:%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(
            path, _Builder(record, font.name).story(), font=font.name,
            title=f"{TITLE} {record.name}",
            author=record.stations[0].name if record.stations else "", footer=footer,
        )  # fmt: skip

    return write_atomically(Path(out), write)
