"""A demo station with a year and a half of items, for the period report's regression test.

The golden figures (``tests/data/golden/monthly_demo.json``) were written by the monthly
report of the release before the period report (``python -m tests.helpers.period_data``):
a month's figures computed through the period path must stay equal to them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate

TODAY = dt.date(2026, 11, 20)
CODE = "430121101201"
GOLDEN = Path(__file__).parent.parent / "data" / "golden" / "monthly_demo.json"
#: every month with data, and the month under way
MONTHS = tuple(f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13))[6:23]


def build(db: Any) -> None:
    """Load the demo village and its items (seeded, as of :data:`TODAY`) into a station."""
    village = generate(CODE, "白沙村", households=120, seed=11, today=TODAY)
    load_demo(db, village)
    items = generate_items(
        village, count=700, seed=11, today=TODAY, span_days=480, township_steps=True
    )
    load_items(db, items, village)


def item_figures(report: Any) -> dict[str, Any]:
    """The item figures of a monthly report (not cadres, not 帮扶), as plain JSON."""

    def rate(r: Any) -> list[int]:
        return [r.numerator, r.denominator]

    return {
        "received": report.received,
        "resolved": report.resolved,
        "in_progress": report.in_progress,
        "overdue": report.overdue,
        "escalations": report.escalations,
        "first_time": rate(report.first_time),
        "on_time": rate(report.on_time),
        "satisfaction": rate(report.satisfaction),
        "by_channel": [list(p) for p in report.by_channel],
        "by_domain": [list(p) for p in report.by_domain],
        "by_grade": [list(p) for p in report.by_grade],
        "units": [[u.unit, u.resolved, u.unresolved, u.tenths] for u in report.units],
    }


if __name__ == "__main__":  # pragma: no cover - writes the golden file once
    import tempfile

    from qunzhong_desktop.cli import main
    from qunzhong_desktop.core.monthly.report import Month
    from qunzhong_desktop.storage.store import open_store

    with tempfile.TemporaryDirectory() as home:
        main(
            [
                "init", "station", "--home", home, "--code", CODE, "--name", "白沙村群众工作站",
                "--township-code", "430121101", "--township-name", "白沙镇", "--operator", "李秀英",
            ]
        )  # fmt: skip
        store = open_store(Path(home))
        build(store.db)
        golden = {
            code: item_figures(store.reports.monthly_report(Month.parse(code), today=TODAY))
            for code in MONTHS
        }
        store.close()
    lines = (f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in golden.items())
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(GOLDEN, len(golden))
