"""The report over any period (民情报表) as an A4 PDF, laid out with reportlab's platypus.

Title with the station's (or township's) name and the period; 概况: every figure beside
the period before and the same period a year before (Δ and %, rates in percentage points,
each rate with its fraction) and the cumulative figures; the items received by channel,
grade and domain (tables, a pie and bars as the monthly report draws them); at the
township a row per station; the 化解情况成效表 ranking the units by score with the last
place marked 末位; the 双联系单位责任表 by grade; the 干部民情日记 (each cadre's days over the
period, the months judged and those short, the verdict; 不达标 shaded); the definitions as
footnotes. Table headers repeat across pages. Written to a temporary file and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period_report import BOTTOM, PeriodFigures, PeriodReport
from qunzhong_desktop.core.monthly.stations import row_headers
from qunzhong_desktop.reports import monthly_voice as said
from qunzhong_desktop.reports import period_common as pc
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import MARGIN_X, PAGE_W, build_a4, mm, write_atomically
from qunzhong_desktop.reports.pdf_charts import (
    LABEL_BG,
    NUMERALS,
    SHORT_BG,
    Styles,
    categories_table,
    grid_style,
)

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm
BOTTOM_TEXT = colors.Color(0.62, 0.10, 0.12)


class _Builder:
    def __init__(self, report: PeriodReport, font: str) -> None:
        self.r = report
        self.s = Styles(font)
        self.font = font

    def p(self, text: object, style: Any = None) -> Paragraph:
        return Paragraph(escape(str(text)), style or self.s.cell)

    def rate(self, x: Rate) -> Paragraph:
        """A rate with its fraction on a second, smaller line."""
        return Paragraph(
            f"{escape(x.percent)}<br/>"
            f'<font size="7.5" color="#595959">（{x.numerator}/{x.denominator}）</font>',
            self.s.cell_right,
        )

    def story(self) -> list[Any]:
        r, s = self.r, self.s
        numerals = iter(NUMERALS)

        def heading(text: str) -> Paragraph:
            return Paragraph(f"{next(numerals)}、{text}", s.h2)

        span = pc.period_span(r.current)
        where = f"{r.whole} {len(r.stations)} 个{r.rows_label}　" if r.stations else ""
        story: list[Any] = [
            Paragraph(escape(pc.heading(r)), s.title),
            Paragraph(escape(f"{where}{r.title}　{span}"), s.subtitle),
            Spacer(1, 4 * mm),
            heading("概况"),
            self.comparison(),
            Spacer(1, 1.5 * mm),
            self.p(pc.cumulative_text(r), s.body),
        ]
        if r.stations:
            story += [heading(f"各{r.rows_label}情况"), self.stations()]
        story += [
            KeepTogether([heading("受理分类"), self.categories()]),
            heading("化解情况成效表"),
            *self.units(),
            heading("双联系单位责任表"),
            *self.paired(),
            heading(pc.CADRE_TITLE),
            *self.cadres(),
        ]
        if r.voice is not None:
            story += [heading(pc.VOICE_TITLE), *self.voice()]
        story += [
            KeepTogether([Paragraph("注：指标口径", s.h2), *self.footnotes()[:3]]),
            *self.footnotes()[3:],
        ]
        return story

    # 概况 -------------------------------------------------------------------------------
    def comparison(self) -> Table:
        r, s = self.r, self.s
        spans = {
            "本期": r.current,
            "上期": r.previous,
            "去年同期": r.year_before,
        }

        def head(label: str) -> Paragraph:
            figures = spans.get(label)
            if figures is None:
                return self.p(label, s.head)
            title = escape(figures.period.title)
            return Paragraph(
                f'{escape(label)}<br/><font size="7.5" color="#595959">{title}</font>', s.head
            )

        data: list[list[Any]] = [[head(h) for h in pc.COMPARISON_HEADERS]]
        for row in pc.comparison_rows(r):
            data.append([self.p(row[0]), *(self.p(c, s.cell_right) for c in row[1:])])
        widths = [28, 31, 31, 28, 31, 29]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        style = grid_style(self.font)
        style.append(("BACKGROUND", (0, 1), (0, -1), LABEL_BG))
        table.setStyle(TableStyle(style))
        return table

    # 民情与信访 --------------------------------------------------------------------------
    def voice(self) -> list[Any]:
        """The counts and the 阅办率 beside the periods; the stations; the evaluations."""
        r, s = self.r, self.s
        assert r.voice is not None
        data: list[list[Any]] = [[self.p(h, s.head) for h in pc.COMPARISON_HEADERS]]
        for row in pc.voice_rows(r):
            data.append([self.p(row[0]), *(self.p(c, s.cell_right) for c in row[1:])])
        widths = [28, 31, 31, 28, 31, 29]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        style = grid_style(self.font)
        style.append(("BACKGROUND", (0, 1), (0, -1), LABEL_BG))
        table.setStyle(TableStyle(style))
        out: list[Any] = [table]
        if r.voice_stations:
            rows = [*said.station_rows(r.voice_stations), said.total_row(r.voice[0])]
            headers = row_headers(said.STATION_HEADERS, r.rows_label)
            data = [[self.p(h, s.head) for h in headers]]
            data += [[self.p(c) for c in row] for row in rows]
            stations = Table(data, colWidths=[34 * mm] + [16 * mm] * 7 + [32 * mm], repeatRows=1)
            style = grid_style(self.font)
            style.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
            stations.setStyle(TableStyle(style))
            out += [Spacer(1, 2 * mm), stations]
        if r.evaluations_shown:
            data = [[self.p(a), self.p(b)] for a, b in said.evaluation_rows(r.voice[0])]
            evaluations = Table(data, colWidths=[32 * mm, 146 * mm])
            style = [*grid_style(self.font, 0), ("BACKGROUND", (0, 0), (0, -1), LABEL_BG)]
            evaluations.setStyle(TableStyle(style))
            out += [Spacer(1, 2 * mm), Paragraph("民主测评", s.body), evaluations]
        return out

    # 各工作站 ----------------------------------------------------------------------------
    def stations(self) -> Table:
        s = self.s

        def row(name: str, f: PeriodFigures) -> list[Any]:
            return [
                self.p(name),
                *(self.p(n, s.cell_right) for n in pc.station_counts(f)),
                *(self.rate(x) for x in pc.station_rates(f)),
                *(self.p(n, s.cell_right) for n in pc.station_activity(f)),
            ]

        headers = row_headers(pc.STATION_HEADERS, self.r.rows_label)
        data: list[list[Any]] = [[self.p(h, s.head) for h in headers]]
        data += [row(name, f) for _code, name, f in self.r.stations]
        data.append(row(pc.TOTAL, self.r.current))
        widths = [32, 12, 12, 16, 16, 19, 19, 17, 16, 19]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        style = grid_style(self.font)
        style.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
        table.setStyle(TableStyle(style))
        return table

    # 受理分类 ----------------------------------------------------------------------------
    def categories(self) -> Table:
        f = self.r.current.items
        return categories_table(
            self.s, f.by_channel, f.by_grade, f.by_domain, width=WIDTH, empty="本期无受理事项"
        )

    # the units' tables ------------------------------------------------------------------
    def units(self) -> list[Any]:
        s = self.s
        if not self.r.units:
            return [self.p(pc.NO_UNITS, s.body)]
        data: list[list[Any]] = [[self.p(h, s.head) for h in pc.UNIT_HEADERS]]
        style = grid_style(self.font)
        for index, row in enumerate(self.r.units, start=1):
            values = pc.unit_values(row)
            cells: list[Any] = [self.p(values[0], s.cell_center), self.p(values[1])]
            cells.append(self.p(values[2], s.cell_center))
            cells += [self.p(v, s.cell_right) for v in values[3:10]]
            cells.append(self.rate(row.satisfied))
            data.append(cells)
            if row.bottom:
                style += [
                    ("BACKGROUND", (0, index), (-1, index), SHORT_BG),
                    ("TEXTCOLOR", (0, index), (-1, index), BOTTOM_TEXT),
                ]
        widths = [17, 35, 12, 17, 12, 14, 13, 11, 16, 13, 18]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(TableStyle(style))
        bottoms = [u.unit for u in self.r.units if u.bottom]
        note = (
            f"得分最低的单位标“{BOTTOM}”并以底色标出：{'、'.join(bottoms)}。"
            if bottoms
            else "没有单位标“末位”（各单位得分相同，或没有负责事项）。"
        )
        return [table, Spacer(1, 1.5 * mm), self.p(note, s.note)]

    def paired(self) -> list[Any]:
        s = self.s
        if not self.r.paired:
            return [self.p(pc.NO_PAIRED, s.body)]
        grades = list(pc.GRADE_LABELS)
        n = len(grades)
        top = [self.p("双联系单位", s.head), self.p("联系村", s.head)]
        top += [self.p("受理（件）", s.head)] + [""] * n
        top += [self.p("办结（件）", s.head)] + [""] * n
        second = ["", ""] + [self.p(g, s.head) for g in grades] + [self.p(pc.TOTAL, s.head)]
        second += [self.p(g, s.head) for g in grades] + [self.p(pc.TOTAL, s.head)]
        data: list[list[Any]] = [top, second]
        for row in self.r.paired:
            values = pc.paired_values(row)
            data.append(
                [self.p(values[0]), self.p(values[1])]
                + [self.p(v, s.cell_right) for v in values[2:]]
            )
        style = grid_style(self.font, 2)
        style += [
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (2 + n, 0)),
            ("SPAN", (3 + n, 0), (3 + 2 * n, 0)),
        ]
        rest = (WIDTH / mm - 36 - 54) / (2 * n + 2)
        widths = [36, 54] + [rest] * (2 * n + 2)
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=2)
        table.setStyle(TableStyle(style))
        grade_names = "，".join(GRADES.values())
        return [table, Spacer(1, 1.5 * mm), self.p(f"等级：{grade_names}。", s.note)]

    def cadres(self) -> list[Any]:
        """The 干部民情日记 table: each cadre's days and months over the period."""
        r, s = self.r, self.s
        if not r.cadres:
            return [self.p(pc.NO_CADRES, s.body)]
        headers = pc.cadre_headers(r)
        data: list[list[Any]] = [[self.p(h, s.head) for h in headers]]
        style = grid_style(self.font)
        place = pc.cadres_at_township(r)
        numbers = {"在村天数", "坐班天数", "考核月数"}
        for index, cadre in enumerate(r.cadres, start=1):
            cells = []
            for header, value in zip(headers, pc.cadre_values(r, cadre), strict=True):
                if header in numbers:
                    cells.append(self.p(value, s.cell_right))
                elif header == "结论":
                    cells.append(self.p(value, s.cell_center))
                else:
                    cells.append(self.p(value or "", s.cell))
            data.append(cells)
            if cadre.verdict == "不达标":
                style.append(("BACKGROUND", (0, index), (-1, index), SHORT_BG))
        widths: list[float] = (
            [16, 22, 30, 12, 12, 12, 0, 14] if place else [16, 24, 12, 12, 12, 0, 14]
        )
        widths[-2] = WIDTH / mm - sum(widths)
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(TableStyle(style))
        return [table, Spacer(1, 1.5 * mm), self.p(pc.cadre_count_text(r), s.note)]

    def footnotes(self) -> list[Paragraph]:
        return [
            self.p(f"{n}. {term}：{text}", self.s.note)
            for n, (term, text) in enumerate(pc.footnotes(self.r), start=1)
        ]


def render_period_pdf(
    report: PeriodReport, out: Path, *, font: CjkFont, today: dt.date | None = None
) -> Path:
    """Write the report of a period as an A4 portrait PDF (replacing ``out`` once complete).

    Args:
        report: the figures (:meth:`.SqlPeriodReports.period_report`): a station's, or a
            township's with a row per station.
        out: the PDF to write.
        font: the CJK font to embed (:func:`.fonts.find_cjk_font`).
        today: the date printed as the generation date (default: today).

    Returns:
        ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    title = pc.full_title(report)
    footer = f"{title}　生成于 {made:%Y-%m-%d}"

    def write(path: Path) -> None:
        story = _Builder(report, font.name).story()
        build_a4(path, story, font=font.name, title=title, author=report.name, footer=footer)

    return write_atomically(Path(out), write)
