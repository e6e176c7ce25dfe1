"""Gather a cadre's mass-work record (群众工作实绩记录) for a period from a store.

What the PDF, the CLI and a future window show comes from :meth:`SqlCadreRecords.record`,
in one read session:

- **Who.** At a station, the cadre chosen. At the township, whose store holds every
  station's cadres, the person is recognised **by name only**: every live cadre row of that
  name counts, from whichever station sent it (a cadre who served two villages has a row at
  each). A namesake would be merged too, which is why the record lists each station with
  the unit registered there.
- **Stations served.** At a station, the station, with the cadre's first and last diary day
  in the period. At the township, each station whose bundles brought a row of that name
  (its owner in ``sync_row_version``), or the township itself for its own cadres (包村: the
  village named), each with the first and last diary day of those rows.
- **Days by month.** The months from the period's first to its end (or today): the same
  figures and verdict as the monthly report (:func:`.core.monthly.report.cadre_figures`
  against the rule table in force). A month only partly inside the period is counted over
  its days in the period and not judged.
- **Households visited**: distinct households in the period's diary visits, and 户次.
- **Items handled**: items received in the period whose handler (经办人) is the cadre's name,
  or that were turned from one of the cadre's diary entries; counted by their state now;
  the resolved ones listed with the last result and the last follow-up's satisfaction.
- **Paired households**: paired now, and those in difficulty (a support tag on the
  household or a member), as the monthly report counts them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.cadre_record import (
    NOT_YET,
    CadreServiceRecord,
    EvaluationLine,
    HandledItem,
    RecordMonth,
    ServedStation,
    check_period,
)
from qunzhong_desktop.core.cadre_rules import DiaryDay, Rule, category_or_default, rule_for
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.core.evaluation import BOTTOM, CADRE, RoundResult
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.monthly.report import CadreRecord, Month, cadre_figures
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.evaluation_repo import SqlEvaluations
from qunzhong_desktop.storage.ledger_repo import is_township
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.report_repo import cadre_owners, difficult_households
from qunzhong_desktop.storage.settings_repo import load_category_fixes, load_rules
from qunzhong_desktop.storage.setup import township_profile

_STATES = {state.value: state for state in State}


@dataclass(frozen=True, slots=True)
class _Day:
    """A diary entry of one of the rows, with the households it visited."""

    cadre_id: str
    day: DiaryDay
    households: tuple[str, ...]


class SqlCadreRecords:
    """The mass-work records of the cadres of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, cadre_id: str, start: dt.date, end: dt.date, *, today: dt.date | None = None
    ) -> CadreServiceRecord:
        """The record of a cadre (at the township: of every cadre row of that name).

        Raises:
            NotFoundError: no such cadre.
            PeriodInvalid: the period ends before it starts, starts after today or is
                longer than ten years.
        """
        today = today or dt.date.today()
        check_period(start, end, today)
        as_of = min(end, today)
        township = is_township(self.db)
        township_code, township_name, _phone = township_profile(self.db)
        with self.db.session() as s:
            chosen = s.get(m.Cadre, cadre_id)
            if chosen is None or chosen.deleted_at is not None:
                raise NotFoundError("所选干部已不存在，请重新选择。", code="cadre_record.cadre")
            rows = [chosen]
            if township:
                name = compact(chosen.name)
                rows += [
                    row
                    for row in s.scalars(
                        select(m.Cadre)
                        .where(m.Cadre.deleted_at.is_(None), m.Cadre.id != chosen.id)
                        .order_by(m.Cadre.created_at)
                    )
                    if compact(row.name) == name
                ]
            ids = [row.id for row in rows]
            category = load_category_fixes(s).get(chosen.id) or category_or_default(
                chosen.category, chosen.role
            )
            rules = load_rules(s)
            # from 1 January of the first year: a year rule counts the year so far
            days = _diary(s, ids, dt.date(start.year, 1, 1), as_of)
            in_period = [d for d in days if d.day.day >= start]
            if township:
                stations = _served_at_township(s, rows, in_period, township_code, township_name)
            else:
                station = load_station(s)
                stations = (
                    _served(
                        station.name if station else "",
                        station.code if station else "",
                        chosen.unit,
                        in_period,
                    ),
                )
            counts = difficult_households(s)
            difficult = sum(counts.get(i, 0) for i in ids)
            first_diary = s.scalar(
                select(func.min(m.DiaryEntry.day)).where(
                    m.DiaryEntry.cadre_id.in_(ids), m.DiaryEntry.deleted_at.is_(None)
                )
            )
            since = min(row.created_at.date() for row in rows)
            if first_diary is not None:
                since = min(since, first_diary)
            context = _Context(rules, category, load_calendar(s), start, as_of, today, since)
            months = tuple(
                _month(context, month, days, difficult) for month in _months(start, as_of)
            )
            by_state, resolved = _items(s, chosen.name, ids, start, as_of)
            paired = _paired(s, ids)
            names = {st.code: st.name for st in s.scalars(select(m.Station))}
            evaluations = _evaluations(
                SqlEvaluations(self.db).verdicts(start, as_of),
                set(ids),
                compact(chosen.name),
                {st.code for st in stations},
                names,
            )
            return CadreServiceRecord(
                name=chosen.name,
                category=category,
                unit=chosen.unit,
                rule=rule_for(rules, category).text,
                start=start,
                end=end,
                as_of=as_of,
                stations=stations,
                months=months,
                households_visited=len({h for d in in_period for h in d.households}),
                visits=sum(len(d.households) for d in in_period),
                items_by_state=by_state,
                resolved=resolved,
                paired=paired,
                paired_difficult=difficult,
                since=since,
                by_name=township,
                evaluations=evaluations,
            )


# the parts ----------------------------------------------------------------------------------
def _evaluations(
    rounds: Sequence[RoundResult],
    ids: set[str],
    name: str,
    codes: set[str],
    names: dict[str, str],
) -> tuple[EvaluationLine, ...]:
    """The cadre's rows in the period's rounds.

    A row chosen from the register names the cadre by id; a row typed by hand counts when it
    has the cadre's name in a round of a village the cadre served.
    """
    lines = []
    for result in rounds:
        cadres = result.of_kind(CADRE)
        ranked = sum(1 for v in cadres if v.rank)
        for verdict in cadres:
            cadre_id = result.cadre_of(verdict)
            held = result.stored.round
            mine = cadre_id in ids if cadre_id else (
                compact(verdict.tally.name) == name and bool(codes & set(held.villages))
            )  # fmt: skip
            if not mine:
                continue
            lines.append(
                EvaluationLine(
                    heading=result.stored.heading, held_on=held.day,
                    villages="、".join(names.get(code, code) for code in held.villages),
                    satisfied=verdict.satisfied, unsatisfied=verdict.unsatisfied,
                    rank=verdict.rank, ranked=ranked,
                    flags=tuple(f for f in verdict.flags if f != BOTTOM),
                )
            )  # fmt: skip
    return tuple(lines)


def _diary(s: Session, ids: Collection[str], first: dt.date, last: dt.date) -> list[_Day]:
    """The diary entries of the rows from ``first`` to ``last``, by day, with households."""
    entry, visit = m.DiaryEntry, m.DiaryVisit
    live = (entry.cadre_id.in_(ids), entry.deleted_at.is_(None), entry.day >= first)
    households: dict[str, list[str]] = defaultdict(list)
    for entry_id, household_id in s.execute(
        select(visit.entry_id, visit.household_id)
        .join(entry, entry.id == visit.entry_id)
        .where(*live, entry.day <= last, visit.deleted_at.is_(None))
        .order_by(visit.entry_id, visit.position)
    ):
        households[entry_id].append(household_id)
    rows = s.execute(
        select(entry.id, entry.cadre_id, entry.day, entry.kind, entry.place)
        .where(*live, entry.day <= last)
        .order_by(entry.day)
    )
    return [
        _Day(cadre_id, DiaryDay(day, kind, place), tuple(households.get(entry_id, ())))
        for entry_id, cadre_id, day, kind, place in rows
    ]


def _served(name: str, code: str, unit: str, days: Sequence[_Day]) -> ServedStation:
    first = min((d.day.day for d in days), default=None)
    last = max((d.day.day for d in days), default=None)
    return ServedStation(name=name, code=code, unit=unit, first_day=first, last_day=last)


def _served_at_township(
    s: Session,
    rows: Sequence[m.Cadre],
    days: Sequence[_Day],
    township_code: str,
    township_name: str,
) -> tuple[ServedStation, ...]:
    """Each station whose bundles brought one of the rows; the township for its own."""
    owners = cadre_owners(s)
    names: dict[str, str] = {
        code: name
        for code, name in s.execute(
            select(m.Station.code, m.Station.name).where(m.Station.deleted_at.is_(None))
        )
    }
    served: list[ServedStation] = []
    for row in rows:
        code, name = owners.get(row.id, (township_code, township_name))
        if code == township_code and row.village_code:
            name = f"{township_name}（包村：{names.get(row.village_code, row.village_code)}）"
        else:
            name = names.get(code, name or code)
        mine = [d for d in days if d.cadre_id == row.id]
        served.append(_served(name, code, row.unit, mine))
    far = dt.date.max
    return tuple(sorted(served, key=lambda st: (st.first_day or far, st.code)))


def _months(first: dt.date, last: dt.date) -> list[Month]:
    months, month = [], Month.of(first)
    while month.first <= last:
        months.append(month)
        month = Month.of(month.next_first)
    return months


@dataclass(frozen=True, slots=True)
class _Context:
    rules: Sequence[Rule]
    category: str
    calendar: Calendar
    start: dt.date
    as_of: dt.date
    today: dt.date
    since: dt.date  # registered, or the first diary day if earlier


def _month(c: _Context, month: Month, days: Sequence[_Day], difficult: int) -> RecordMonth:
    """One month of the period, judged as the monthly report judges it.

    A month before the cadre came is not judged; one only partly in the period is counted
    over its days in the period, not judged.
    """
    if c.since > month.last:
        return RecordMonth(month, 0, 0, 0, "—", NOT_YET, partial=True)
    low, high = max(c.start, month.first), min(c.as_of, month.last)
    under_way = c.as_of == c.today and month.first <= c.today < month.last
    partial = low > month.first or (high < month.last and not under_way)
    in_month = [d for d in days if low <= d.day.day <= high]
    figures = cadre_figures(
        CadreRecord(
            name="",
            unit="",
            role="",
            category=c.category,
            days=tuple(d.day for d in in_month),
            difficult_households=difficult,
            year_days=tuple(
                d.day for d in days if d.day.day.year == month.year and d.day.day <= high
            ),
        ),
        c.rules,
        month,
        c.calendar,
        as_of=c.today if under_way else None,
    )
    visits = sum(len(d.households) for d in in_month)
    if partial:
        note = f"本期只含{low.month}月{low.day}日至{high.month}月{high.day}日，不评定"
        return RecordMonth(
            month, figures.village_days, figures.duty_days, visits, "—", note, partial=True
        )
    return RecordMonth(
        month, figures.village_days, figures.duty_days, visits, figures.verdict, figures.remarks
    )


def _paired(s: Session, ids: Collection[str]) -> int:
    """Households paired with the rows now."""
    paired = s.scalar(
        select(func.count())
        .select_from(m.Household)
        .where(m.Household.cadre_id.in_(ids), m.Household.deleted_at.is_(None))
    )
    return int(paired or 0)


def _items(
    s: Session, name: str, ids: Collection[str], start: dt.date, last: dt.date
) -> tuple[tuple[tuple[str, int], ...], tuple[HandledItem, ...]]:
    """Items received in the period that the cadre handled or found on a visit.

    Returns:
        (state name, count) in the order of the states, and the resolved items by number.
    """
    item, event, entry = m.IntakeItem, m.ItemEvent, m.DiaryEntry
    found = select(entry.id).where(entry.cadre_id.in_(ids))
    rows = s.execute(
        select(item.id, item.number, item.received_at, item.domain, item.content, item.state).where(
            item.deleted_at.is_(None),
            item.received_at >= dt.datetime.combine(start, dt.time()),
            item.received_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
            or_(item.handler == compact(name), item.diary_entry_id.in_(found)),
        )
    ).all()
    results: dict[str, str] = {}
    satisfaction: dict[str, str] = {}
    resolved_ids: set[str] = set()
    for item_id, target, raw in s.execute(
        select(event.item_id, event.to_state, event.data)
        .where(event.item_id.in_([r.id for r in rows]), event.deleted_at.is_(None))
        .order_by(event.item_id, event.position)
    ):
        data = json.loads(raw) if isinstance(raw, str) else raw  # a raw JSON column, or not
        data = data if isinstance(data, dict) else {}
        if target == State.RESOLVED.value:
            resolved_ids.add(item_id)
            results[item_id] = str(data.get("result", "") or "")
        elif target == State.FOLLOWED_UP.value:
            satisfaction[item_id] = str(data.get("satisfaction", "") or "")
    counts = Counter(_STATES[r.state] for r in rows if r.state in _STATES)
    by_state = tuple((STATE_NAMES[st], counts[st]) for st in State if counts[st])
    resolved = tuple(
        HandledItem(
            number=r.number,
            received_on=r.received_at.date(),
            domain=r.domain,
            content=r.content,
            state=STATE_NAMES.get(_STATES.get(r.state, State.REGISTERED), r.state),
            result=results.get(r.id, ""),
            satisfaction=satisfaction.get(r.id, ""),
        )
        for r in sorted(rows, key=lambda r: r.number)
        if r.id in resolved_ids
    )
    return by_state, resolved
