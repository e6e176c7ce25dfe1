"""The monthly report (民情月报) as an A4 portrait PDF, laid out with reportlab's platypus.

Title with the station and the month; the overall figures with each rate's fraction; the
items received by channel (table and pie chart), grade and domain (table and bar chart);
the units' scores; the cadres against the rules, with who falls short and why; and the
definitions of :mod:`.core.monthly_report` as footnotes. One embedded CJK font throughout,
charts included. Written to a temporary file and renamed when complete.

A township's report (:class:`.monthly_stations.TownshipReport`) is titled with the
township's name and has one more section after the overall figures: a row per station.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qunzhong_desktop.core.assistance_figures import AssistanceFigures
from qunzhong_desktop.core.monthly.report import CadreFigures, MonthlyReport, Rate
from qunzhong_desktop.core.monthly.stations import (
    STATION_HEADERS,
    STATION_NOTE,
    StationFigures,
    TownshipReport,
    parts,
    row_headers,
    row_note,
)
from qunzhong_desktop.core.monthly.voice import VoiceFigures
from qunzhong_desktop.reports import monthly_assistance as aid
from qunzhong_desktop.reports import monthly_voice as said
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import (
    MARGIN_X,
    PAGE_W,
    build_a4,
    mm,
    write_atomically,
)
from qunzhong_desktop.reports.pdf_charts import (
    LABEL_BG,
    NUMERALS,
    SHORT_BG,
    Styles,
    categories_table,
    grid_style,
    share,
)

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm

_Styles = Styles
_share = share
_grid_style = grid_style


class _Builder:
    def __init__(self, report: MonthlyReport | TownshipReport, font: str) -> None:
        self.r, self.township = parts(report)
        self.s = _Styles(font)
        self.font = font

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(str(text)), style or self.s.cell)

    # sections ---------------------------------------------------------------------------
    def story(self) -> list[Any]:
        r, s, township = self.r, self.s, self.township
        numerals = iter(NUMERALS)

        def heading(text: str) -> Paragraph:
            return Paragraph(f"{next(numerals)}、{text}", s.h2)

        if township is None:
            station = r.station_name or "群众工作站"
            head = [
                Paragraph("民情月报", s.title),
                Paragraph(f"{station}　{r.period_title}", s.subtitle),
            ]
        else:
            count = len(township.stations)
            head = [
                Paragraph(escape(township.title), s.title),
                Paragraph(
                    f"{township.whole} {count} 个{township.rows_label}　{r.period_title}",
                    s.subtitle,
                ),
            ]
        story: list[Any] = [*head, Spacer(1, 4 * mm), heading("总体情况"), self.summary()]
        if township is not None:
            story += [
                heading(f"各{township.rows_label}情况"),
                self.stations(township),
                Spacer(1, 1.5 * mm),
                self.p(row_note(STATION_NOTE, township.rows_label, township.whole), s.note),
            ]
        story += [
            heading("受理分类"),
            self.categories(),
            KeepTogether([heading("责任单位得分"), self.units()]),
            heading("干部民情日记与结对帮扶"),
            self.cadres(),
            Spacer(1, 2 * mm),
            self.shortfalls(),
            self.rules(),
        ]
        if r.assistance is not None:
            story += [heading("帮扶工作"), *self.assistance(r.assistance)]
        if r.voice is not None:
            story += [heading("民情与信访"), *self.voice(r.voice)]
        story += [
            KeepTogether([Paragraph("注：指标口径", s.h2), *self.footnotes()]),
        ]
        return story

    def stations(self, township: TownshipReport) -> Table:
        s = self.s

        def rate(x: Rate) -> Paragraph:
            return Paragraph(
                f"{escape(x.percent)}<br/>"
                f'<font size="7.5" color="#595959">（{x.numerator}/{x.denominator}）</font>',
                s.cell_right,
            )

        def row(f: StationFigures) -> list[Any]:
            return [
                self.p(f.name),
                *(self.p(n, s.cell_right) for n in f.counts),
                *(rate(x) for x in f.rates),
            ]

        data = [[self.p(h, s.head) for h in row_headers(STATION_HEADERS, township.rows_label)]]
        data += [row(f) for f in township.stations]
        data.append(row(township.total))
        widths = [46, 16, 16, 16, 16, 23, 23, 22]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        style = _grid_style(self.font)
        style.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
        table.setStyle(TableStyle(style))
        return table

    def summary(self) -> Table:
        r = self.r

        def rate(x: Rate) -> str:
            return x.text

        rows = [
            ("本月受理", f"{r.received} 件", "本月办结", f"{r.resolved} 件"),
            ("月末在办", f"{r.in_progress} 件", "月末超期", f"{r.overdue} 件"),
            ("上报", f"{r.escalations} 次", "本月回访", f"{r.satisfaction.denominator} 次"),
            ("一次办结率", rate(r.first_time), "按期办结率", rate(r.on_time)),
            ("满意率", rate(r.satisfaction), "", ""),
        ]
        data = [[self.p(c) for c in row] for row in rows]
        table = Table(data, colWidths=[32 * mm, 57 * mm, 32 * mm, 57 * mm])
        style = _grid_style(self.font, 0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
        ]
        table.setStyle(TableStyle(style))
        return table

    def categories(self) -> Table:
        r = self.r
        return categories_table(
            self.s, r.by_channel, r.by_grade, r.by_domain, width=WIDTH, empty="本月无受理事项"
        )

    # units and cadres -------------------------------------------------------------------
    def units(self) -> Any:
        s = self.s
        if not self.r.units:
            return self.p("本月没有交办给责任单位的事项。", s.body)
        head = ["序号", "责任单位", "本月办结（+1）", "月末未办结（−0.3）", "得分"]
        data = [[self.p(h, s.head) for h in head]]
        for n, u in enumerate(self.r.units, start=1):
            data.append(
                [
                    self.p(n, s.cell_center),
                    self.p(u.unit),
                    self.p(u.resolved, s.cell_right),
                    self.p(u.unresolved, s.cell_right),
                    self.p(u.score_text, s.cell_right),
                ]
            )
        table = Table(data, colWidths=[14 * mm, 66 * mm, 34 * mm, 38 * mm, 26 * mm], repeatRows=1)
        table.setStyle(TableStyle(_grid_style(self.font)))
        return table

    def cadres(self) -> Any:
        s = self.s
        if not self.r.cadres:
            return self.p("尚未登记干部。", s.body)
        head = ["姓名", "类别", "单位", "在村天数", "坐班天数", "结对困难户", "结果", "说明"]
        data = [[self.p(h, s.head) for h in head]]
        style = _grid_style(self.font)
        for row, c in enumerate(self.r.cadres, start=1):
            data.append(
                [
                    self.p(c.name),
                    self.p(c.category, s.cell_center),
                    self.unit_cell(c),
                    self.p(c.village_days, s.cell_right),
                    self.p(c.duty_days, s.cell_right),
                    self.p(c.difficult_households, s.cell_right),
                    self.p(c.verdict, s.cell_center),
                    self.p(c.remarks),
                ]
            )
            if c.assessed and not c.meets:
                style.append(("BACKGROUND", (6, row), (7, row), SHORT_BG))
        widths = [17, 24, 25, 15, 15, 18, 14, 50]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    def unit_cell(self, c: CadreFigures) -> Paragraph:
        """单位; at the township with where the cadre works on a second line."""
        unit = escape(c.unit or "—")
        if not c.station:
            return Paragraph(unit, self.s.cell)
        return Paragraph(f'{unit}<br/><font size="7">{escape(c.station)}</font>', self.s.cell)

    def shortfalls(self) -> Paragraph:
        short = self.r.shortfalls
        assessed = sum(c.assessed for c in self.r.cadres)
        # the month under way: days are judged at its end
        later = "本月尚未结束，在村和坐班天数到月末再评定；" if self.r.as_of else ""
        if not short:
            met = "其余各项均达标" if later else "全部达标"
            return self.p(f"{later}考核 {assessed} 人，{met}。", self.s.body)
        names = "、".join(c.name for c in short)
        return self.p(f"{later}考核 {assessed} 人，{len(short)} 人未达标：{names}。", self.s.body)

    def rules(self) -> Paragraph:
        """The rule of each category listed (the township's table, as it stood)."""
        seen = dict.fromkeys((c.category, c.rule) for c in self.r.cadres)
        text = "；".join(f"{category}：{rule}" for category, rule in seen)
        return self.p(f"考核规则：{text}。" if text else "", self.s.note)

    def assistance(self, f: AssistanceFigures) -> list[Any]:
        """The 帮扶 section: the month's figures, each station's, and who is named."""
        s = self.s
        names = {x.code: x.name for x in self.township.stations} if self.township else {}
        data = [[self.p(c) for c in row] for row in aid.summary_rows(f)]
        summary = Table(data, colWidths=[32 * mm, 57 * mm, 32 * mm, 57 * mm])
        style = _grid_style(self.font, 0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
        ]
        summary.setStyle(TableStyle(style))
        out: list[Any] = [summary]
        if self.township is not None and self.township.assistance:
            rows = [*aid.station_rows(self.township.assistance), aid.total_row(f)]
            out += [
                Spacer(1, 2 * mm),
                self._table(
                    row_headers(aid.STATION_HEADERS, self.township.rows_label),
                    rows,
                    [34 * mm] + [16 * mm] * 9,
                    total=True,
                ),
            ]
        if f.overdue:
            out += [
                Paragraph("超时限未销号的需求", s.body),
                self._table(
                    aid.OVERDUE_HEADERS,
                    aid.overdue_rows(f, names),
                    [30 * mm, 22 * mm, 66 * mm, 22 * mm, 16 * mm, 22 * mm],
                ),
            ]
        if f.poor:
            out += [
                Paragraph(
                    f"本年帮扶未达 {f.poor_threshold_yuan:,} 元的特困人员（截至{f.as_of.month}月"
                    f"{f.as_of.day}日）",
                    s.body,
                ),
                self._table(aid.POOR_HEADERS, aid.poor_rows(f, names), [60 * mm, 60 * mm, 58 * mm]),
            ]
        unhelped = aid.unhelped_text(f, names)
        if unhelped:
            out.append(self.p(f"无人帮扶的困难户：{unhelped}。", s.note))
        return out

    def voice(self, f: VoiceFigures) -> list[Any]:
        """The 民情与信访 section: the month's counts, the 阅办率, each station's row."""
        data = [[self.p(c) for c in row] for row in said.summary_rows(f)]
        summary = Table(data, colWidths=[32 * mm, 57 * mm, 32 * mm, 57 * mm])
        style = _grid_style(self.font, 0)
        style += [
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
            ("SPAN", (1, -1), (3, -1)),
        ]
        summary.setStyle(TableStyle(style))
        out: list[Any] = [summary]
        if self.township is not None and self.township.voice:
            rows = [*said.station_rows(self.township.voice), said.total_row(f)]
            widths = [34 * mm] + [16 * mm] * 7 + [32 * mm]
            headers = row_headers(said.STATION_HEADERS, self.township.rows_label)
            out += [Spacer(1, 2 * mm), self._table(headers, rows, widths, total=True)]
        if f.evaluations.rounds:
            data = [[self.p(a), self.p(b)] for a, b in said.evaluation_rows(f)]
            table = Table(data, colWidths=[32 * mm, 146 * mm])
            style = [*_grid_style(self.font, 0), ("BACKGROUND", (0, 0), (0, -1), LABEL_BG)]
            table.setStyle(TableStyle(style))
            out += [Spacer(1, 2 * mm), Paragraph("本月民主测评", self.s.body), table]
        return out

    def _table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        total: bool = False,
    ) -> Table:
        s = self.s
        data = [[self.p(h, s.head) for h in headers]]
        data += [[self.p(c) for c in row] for row in rows]
        table = Table(data, colWidths=list(widths), repeatRows=1)
        style = _grid_style(self.font)
        if total:
            style.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
        table.setStyle(TableStyle(style))
        return table

    def footnotes(self) -> list[Paragraph]:
        return [
            self.p(f"{n}. {term}：{text}", self.s.note)
            for n, (term, text) in enumerate(self.r.definitions, start=1)
        ]


def render_monthly_pdf(
    report: MonthlyReport | TownshipReport,
    out: Path,
    *,
    font: CjkFont,
    today: dt.date | None = None,
) -> Path:
    """Write the monthly report as an A4 portrait PDF (replacing ``out`` once complete).

    Args:
        report: the figures (:meth:`.SqlReports.report_for`): a station's, or a township's
            with its stations.
        out: the PDF to write.
        font: the CJK font to embed (:func:`.fonts.find_cjk_font`).
        today: the date printed as the generation date (default: today).

    Returns:
        ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    overall, township = parts(report)
    station = overall.station_name or "群众工作站"
    footer = f"{station} 民情月报 {overall.month.title}　生成于 {made:%Y-%m-%d}"
    title = f"民情月报 {overall.month.title}"
    if township is not None:
        title = f"{township.title} {overall.month.title}"

    def write(path: Path) -> None:
        story = _Builder(report, font.name).story()
        build_a4(path, story, font=font.name, title=title, author=station, footer=footer)

    return write_atomically(Path(out), write)
