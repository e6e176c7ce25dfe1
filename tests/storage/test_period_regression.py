"""A month's report through the period path equals the report of the release before it."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from sqlalchemy import select

from qunzhong_desktop.core.monthly.period import Period, month, parse_period
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.demo.diary import generate_diaries
from qunzhong_desktop.demo.diary_load import load_diaries
from qunzhong_desktop.demo.load import load_demo
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.period_repo import SqlPeriodReports
from qunzhong_desktop.storage.store import Store
from tests.helpers import period_data


def test_every_month_of_the_demo_matches_the_golden_figures(store: Store) -> None:
    period_data.build(store.db)
    golden = json.loads(period_data.GOLDEN.read_text(encoding="utf-8"))
    assert sorted(golden) == list(period_data.MONTHS)
    periods = SqlPeriodReports(store.db)
    for code in period_data.MONTHS:
        report = store.reports.monthly_report(Month.parse(code), today=period_data.TODAY)
        assert period_data.item_figures(report) == golden[code], code
        year, number = (int(part) for part in code.split("-"))
        current = periods.period_report(month(year, number), today=period_data.TODAY).current
        assert period_data.item_figures(current.items) == golden[code], code
    # a half-year's received is the sum of its months'; its previous half is the half before
    half = periods.period_report(
        parse_period("2026-H1", today=period_data.TODAY), today=period_data.TODAY
    )
    assert half.current.items.received == sum(
        golden[f"2026-{n:02d}"]["received"] for n in range(1, 7)
    )
    assert half.previous.items.received == sum(
        golden[f"2025-{n:02d}"]["received"] for n in range(7, 13)
    )
    # the demo's items name no 主管部门 or 双联系单位: the units answering are those assigned,
    # and every unit the months scored is scored by the half
    assigned = {row[0] for n in range(1, 7) for row in golden[f"2026-{n:02d}"]["units"]}
    scored = {r.unit for r in half.units if r.answered}
    assert assigned and assigned <= scored


def _by_hand(store: Store, period: Period) -> tuple[int, int, int, int]:
    """The activity counts, from the rows themselves."""
    with store.db.session() as s:
        cards = sum(
            period.first <= c.issued_on <= period.last
            for c in s.scalars(select(m.CardIssue).where(m.CardIssue.deleted_at.is_(None)))
        )
        households: set[str] = set()
        advice = 0
        meetings = sum(  # 民情恳谈会 from the meetings register (issue 18)
            period.first <= row.held_on <= period.last
            for row in s.scalars(select(m.MassMeeting).where(m.MassMeeting.deleted_at.is_(None)))
            if row.kind == "民情恳谈会"
        )
        for entry in s.scalars(select(m.DiaryEntry).where(m.DiaryEntry.deleted_at.is_(None))):
            if not period.first <= entry.day <= period.last:
                continue
            for visit in entry.visits:
                if visit.deleted_at is None:
                    households.add(visit.household_id)
                    note = (visit.checklist or {}).get("ask_advice", {}).get("note", "")
                    advice += bool(str(note).strip())
    return cards, len(households), advice, meetings


def test_activity_counts_cards_visits_suggestions_and_meetings(store: Store) -> None:
    today = dt.date.today()
    village = generate("430121101201", "白沙村", households=40, seed=5, today=today)
    load_demo(store.db, village)
    diaries = generate_diaries(village, seed=5, today=today, calendar=store.calendar.calendar())
    load_diaries(store.db, diaries, village)
    store.cards.record_issues(store.cards.cards(issued_on=today)[:7])
    periods = SqlPeriodReports(store.db)
    seen: defaultdict[str, int] = defaultdict(int)
    for text in (f"{today.year}-YTD", f"{today.year}-{today.month:02d}", str(today.year - 1)):
        period = parse_period(text, today=today)
        a = periods.period_report(period, today=today).current.activity
        got = (a.cards_issued, a.households_visited, a.suggestions, a.meetings)
        assert got == _by_hand(store, period), text
        for name, value in zip(("cards", "visited", "advice", "meetings"), got, strict=True):
            seen[name] += value
    assert seen["cards"] == 14 and seen["visited"] > 0  # YTD and this month hold the 7 cards
