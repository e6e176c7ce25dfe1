"""``qunzhong report --period P``: the report over any period, beside the last and a year before.

``--json`` prints every figure of the period (no phones, no ID numbers): the comparison rows
(本期, 上期, 去年同期 with Δ and %), the counts by channel, domain and grade, the cumulative
figures, the 化解情况成效表 and 双联系单位责任表, at the township a row per station, and each
cadre over the period (干部民情日记: days, the months judged and those short, the verdict).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.cadre_period import CadrePeriod, shortfall_count
from qunzhong_desktop.core.monthly.items import ItemFigures, Rate
from qunzhong_desktop.core.monthly.period import parse_period
from qunzhong_desktop.core.monthly.period_report import (
    Change,
    PeriodFigures,
    PeriodReport,
)
from qunzhong_desktop.core.monthly.report import DEFINITIONS, CadreFigures
from qunzhong_desktop.storage.store import Store


def parse_since(text: str | None) -> dt.date | None:
    """The start of the cumulative figures, ``2026-01-01``.

    Raises:
        ValidationError: not a date.
    """
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"累计起始日“{text}”应写成 2026-01-01 的样子。", code="report.since", value=text
        ) from None


def run_period(
    args: argparse.Namespace, store: Store, station: str | None, township: str | None = None
) -> int:
    """Compute the period's report and write it (file and/or JSON); print the key figures."""
    today = dt.date.today()
    period = parse_period(args.period, today=today)
    since = parse_since(args.since)
    if since is not None and since > period.last:
        raise ValidationError(
            f"累计起始日 {since.isoformat()} 晚于统计期末 {period.last.isoformat()}。",
            code="report.since_after",
        )
    out = Path(args.out) if args.out is not None else None
    if out is not None:
        from qunzhong_desktop.reports import documents

        report = documents.period(
            store, period, out, station_code=station, township_code=township, since=since
        )
    else:
        report = store.period_reports.period_report(
            period, today=today, station_code=station, township_code=township, since=since
        )
    if args.json:
        print(json.dumps(period_json(report), ensure_ascii=False, indent=1))
        return 0
    f = report.current.items
    print(f"{report.name or report.whole} {report.title}：")
    print(
        f"受理 {f.received} 件，办结 {f.resolved} 件，期末在办 {f.in_progress} 件，超期 "
        f"{f.overdue} 件；按期办结率 {f.on_time.text}，满意率 {f.satisfaction.text}"
    )
    rows = {c.key: c for c in report.comparisons}
    print(
        f"受理比上期 {rows['received'].previous.text}，比去年同期 {rows['received'].year_before.text}"
    )
    if report.units:
        bottom = "、".join(u.unit for u in report.units if u.bottom) or "无"
        print(f"责任单位 {len(report.units)} 个，末位：{bottom}")
    if report.cadres:
        print(f"干部 {len(report.cadres)} 名，未达标 {shortfall_count(report.cadres)} 名")
    if out is not None:
        print(f"已生成民情报表：{out.resolve()}")
    return 0


def rate_json(rate: Rate) -> dict[str, Any]:
    """A rate with its fraction: ``value`` is None when the denominator is 0."""
    return {
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        "value": rate.value,
        "text": rate.text,
    }


def _value(value: int | Rate) -> Any:
    return rate_json(value) if isinstance(value, Rate) else value


def _change(change: Change) -> dict[str, Any]:
    return {
        "value": _value(change.other),
        "delta": change.delta,
        "percent": change.percent,
        "text": change.text,
    }


def _items(f: ItemFigures) -> dict[str, Any]:
    return {
        "received": f.received,
        "resolved": f.resolved,
        "in_progress": f.in_progress,
        "overdue": f.overdue,
        "escalations": f.escalations,
        "rates": {
            "first_time": _value(f.first_time),
            "on_time": _value(f.on_time),
            "satisfaction": _value(f.satisfaction),
        },
        "by_channel": dict(f.by_channel),
        "by_domain": dict(f.by_domain),
        "by_grade": dict(f.by_grade),
        "resolved_by_grade": dict(f.resolved_by_grade),
    }


def _figures(f: PeriodFigures) -> dict[str, Any]:
    return {
        "period": f.period.code,
        "first": f.period.first.isoformat(),
        "last": f.period.last.isoformat(),
        **_items(f.items),
        "activity": {
            "cards_issued": f.activity.cards_issued,
            "households_visited": f.activity.households_visited,
            "suggestions": f.activity.suggestions,
            "meetings": f.activity.meetings,
        },
    }


def cadre_fields(c: CadrePeriod | CadreFigures) -> dict[str, Any]:
    """What a month's and a period's cadre rows both say (no phones)."""
    return {
        "name": c.name,
        "unit": c.unit,
        "role": c.role,
        "category": c.category,
        "rule": c.rule,
        "village_days": c.village_days,
        "duty_days": c.duty_days,
        "difficult_households": c.difficult_households,
        "assessed": c.assessed,
    }


def cadre_json(c: CadrePeriod) -> dict[str, Any]:
    """One cadre over the period (no phones); ``station`` at the township only."""
    return {
        **cadre_fields(c),
        "months": [str(m) for m in c.months],
        "shortfalls": [{"month": str(m), "reasons": list(r)} for m, r in c.shortfalls],
        "year_reasons": list(c.year_reasons),
        "pending": list(c.pending),
        "year_days": c.year_days,
        "year_required": c.year_required,
        "verdict": c.verdict,
        "remarks": c.remarks,
        **({"station": c.station} if c.station else {}),
    }


def period_json(report: PeriodReport) -> dict[str, Any]:
    """Every figure of a period's report as plain JSON values (no phones, no ID numbers)."""
    c = report.cumulative
    figures: dict[str, Any] = {
        "period": report.period.code,
        "kind": report.period.kind.value,
        "title": report.title,
        "as_of": report.as_of.isoformat() if report.as_of else None,
        "name": report.name,
        "current": _figures(report.current),
        "previous": _figures(report.previous),
        "year_before": _figures(report.year_before),
        "comparisons": [
            {
                "key": row.key,
                "label": row.label,
                "current": _value(row.current),
                "previous": _change(row.previous),
                "year_before": _change(row.year_before),
            }
            for row in report.comparisons
        ],
        "cumulative": {
            "since": c.since.isoformat(),
            "combed": c.combed,
            "closed": c.closed,
            "rate": _value(c.rate),
        },
        "units": [
            {
                "rank": u.rank,
                "unit": u.unit,
                "level": u.level,
                "kind": u.kind,
                "answered": u.answered,
                "resolved": u.resolved,
                "unresolved": u.unresolved,
                "score": u.tenths / 10,
                "score_text": u.score_text,
                "satisfaction": dict(
                    zip(("满意", "基本满意", "不满意"), u.satisfaction, strict=True)
                ),
                "bottom": u.bottom,
            }
            for u in report.units
        ],
        "paired": [
            {
                "unit": p.unit,
                "villages": list(p.villages),
                "received": dict(zip("ABC", p.received, strict=True)),
                "resolved": dict(zip("ABC", p.resolved, strict=True)),
            }
            for p in report.paired
        ],
        "cadres": [cadre_json(c) for c in report.cadres],
        "definitions": dict(DEFINITIONS + report.definitions),
    }
    rows = "townships" if report.rows_label == "乡镇" else "stations"  # the county's: townships
    if report.stations:
        figures[rows] = [
            {"code": code, "name": name, **_figures(f)} for code, name, f in report.stations
        ]
    if report.voice is not None:  # 民情与信访: this period, the one before, a year before
        now, before, last_year = report.voice
        read = report.read_comparison
        figures["voice"] = {
            "current": now.as_json(),
            "previous": before.as_json(),
            "year_before": last_year.as_json(),
            "comparisons": [
                {
                    "key": row.key,
                    "label": row.label,
                    "current": _value(row.current),
                    "previous": _change(row.previous),
                    "year_before": _change(row.year_before),
                }
                for row in (*report.voice_comparisons, *((read,) if read else ()))
            ],
            "evaluations_shown": report.evaluations_shown,
            rows: [
                {"code": code, "name": name, **f.as_json()}
                for code, name, f in report.voice_stations
            ],
        }
    return figures
