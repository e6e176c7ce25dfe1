"""A month's report through the period path equals the report of the release before it."""

from __future__ import annotations

import json

from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.storage.store import Store
from tests.helpers import period_data


def test_every_month_of_the_demo_matches_the_golden_figures(store: Store) -> None:
    period_data.build(store.db)
    golden = json.loads(period_data.GOLDEN.read_text(encoding="utf-8"))
    assert sorted(golden) == list(period_data.MONTHS)
    for code in period_data.MONTHS:
        report = store.reports.monthly_report(Month.parse(code), today=period_data.TODAY)
        assert period_data.item_figures(report) == golden[code], code
