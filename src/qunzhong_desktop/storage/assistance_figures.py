"""Gather what the assistance figures (帮扶统计) need from a store, in a few bulk queries.

Help records of the year so far (one query), the needs that may matter with their steps
(two), the households in difficulty and the households the needs name, with their members
(two). The figures themselves are :func:`.core.assistance_figures.compute`.

At the township the store holds every station's rows: a household's station is the peer
whose bundles brought it (``household.origin`` is that peer's node id); a need and a help
record belong to their household's station.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import OPEN_NEED_STATES, Step
from qunzhong_desktop.core.assistance_figures import (
    AssistanceFigures,
    Member,
    NeedRecord,
    PoorHousehold,
    compute,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assistance_repo import to_record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import is_township, require_station, station_names
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.settings_repo import load_assistance_options


@dataclass(frozen=True, slots=True)
class FigureInputs:
    """The core's input for a period, every row with its station's code ("" at a station)."""

    help_given: tuple[AssistanceRecord, ...]
    needs: tuple[NeedRecord, ...]
    households: tuple[PoorHousehold, ...]
    station_of: dict[str, str]  # household id → station code
    threshold_yuan: int

    def of_station(self, code: str) -> FigureInputs:
        """Only the rows of one station."""
        return FigureInputs(
            help_given=tuple(
                r for r in self.help_given if self.station_of.get(r.household_id, "") == code
            ),
            needs=tuple(n for n in self.needs if n.station == code),
            households=tuple(h for h in self.households if h.station == code),
            station_of=self.station_of,
            threshold_yuan=self.threshold_yuan,
        )

    def compute(
        self, date_from: dt.date, date_to: dt.date, today: dt.date | None
    ) -> AssistanceFigures:
        """The figures of these rows."""
        return compute(
            date_from,
            date_to,
            self.help_given,
            self.needs,
            self.households,
            today=today,
            poor_threshold_yuan=self.threshold_yuan,
        )


def _origins(s: Session) -> dict[str, str]:
    """Node id → station code of the peers (at the township)."""
    return dict(s.execute(select(SyncPeer.node_id, SyncPeer.code)).all())


def figure_inputs(s: Session, date_from: dt.date, date_to: dt.date) -> FigureInputs:
    """Everything :func:`.compute` needs for a period, from every station the store holds."""
    year_start = dt.date(date_to.year, 1, 1)
    a, need, step = m.Assistance, m.AssistanceNeed, m.AssistanceStep
    help_given = tuple(
        to_record(row)
        for row in s.scalars(
            select(a)
            .where(a.deleted_at.is_(None), a.given_on >= min(year_start, date_from))
            .where(a.given_on <= date_to)
            .order_by(a.given_on, a.id)
        )
    )
    # a need counts if reported by the period's end, and open now or stepped since it began
    stepped = select(step.need_id).where(step.day >= date_from, step.deleted_at.is_(None))
    need_rows = list(
        s.execute(
            select(need.id, need.household_id, need.person_id, need.reported_on)
            .add_columns(need.time_limit, need.what)
            .where(need.deleted_at.is_(None), need.reported_on <= date_to)
            .where(or_(need.state.in_([st.value for st in OPEN_NEED_STATES]), need.id.in_(stepped)))
        )
    )
    steps: dict[str, list[tuple[dt.date, Step]]] = defaultdict(list)
    ids = [row.id for row in need_rows]
    for need_id, day, kind in s.execute(
        select(step.need_id, step.day, step.step)
        .where(step.need_id.in_(ids), step.deleted_at.is_(None))
        .order_by(step.need_id, step.day, step.created_at, step.id)
    ):
        steps[need_id].append((day, Step(kind)))
    h, p = m.Household, m.Person
    tagged_member = select(p.household_id).where(
        p.deleted_at.is_(None), func.json_array_length(p.tags) > 0
    )
    difficult = set(
        s.scalars(
            select(h.id).where(
                h.deleted_at.is_(None),
                or_(func.json_array_length(h.tags) > 0, h.id.in_(tagged_member)),
            )
        )
    )
    wanted = difficult | {row.household_id for row in need_rows}
    origins = _origins(s)
    homes = {
        row.id: row
        for row in s.execute(
            select(h.id, h.number, h.origin, h.tags, h.cadre_id).where(h.id.in_(wanted))
        )
    }
    members: dict[str, list[tuple[int, str, str, str, tuple[str, ...], bool]]] = defaultdict(list)
    for pid, hid, name, relation, position, tags, gone in s.execute(
        select(p.id, p.household_id, p.name, p.relation, p.position, p.tags, p.deleted_at).where(
            p.household_id.in_(wanted)
        )
    ):
        members[hid].append((position, pid, name, relation, tuple(tags or ()), gone is not None))
    station_of = {
        hid: origins.get(row.origin, "") if row.origin else "" for hid, row in homes.items()
    }
    names: dict[str, str] = {}
    heads: dict[str, str] = {}
    live: dict[str, tuple[Member, ...]] = {}
    for hid, people in members.items():
        people.sort()
        for _, pid, name, _, _, _ in people:
            names[pid] = name
        present = [x for x in people if not x[5]]
        head = next((x for x in present if x[3] == "户主"), present[0] if present else None)
        heads[hid] = head[2] if head else ""
        live[hid] = tuple(Member(pid, name, tags) for _, pid, name, _, tags, _ in present)
    needs = tuple(
        NeedRecord(
            id=row.id,
            household_id=row.household_id,
            reported_on=row.reported_on,
            steps=tuple(steps.get(row.id, ())),
            time_limit=row.time_limit,
            what=row.what,
            household_number=homes[row.household_id].number if row.household_id in homes else "",
            beneficiary=names.get(row.person_id or "", "") or heads.get(row.household_id, ""),
            station=station_of.get(row.household_id, ""),
        )
        for row in need_rows
    )
    households = tuple(
        PoorHousehold(
            id=hid,
            number=homes[hid].number,
            head_name=heads.get(hid, ""),
            tags=tuple(homes[hid].tags or ()),
            members=live.get(hid, ()),
            cadre_id=homes[hid].cadre_id,
            station=station_of.get(hid, ""),
        )
        for hid in sorted(difficult, key=lambda i: (station_of.get(i, ""), homes[i].number))
    )
    # a help record's station: its household's (households outside ``wanted`` looked up too)
    others = {r.household_id for r in help_given} - set(homes)
    if others:
        for hid, origin in s.execute(select(h.id, h.origin).where(h.id.in_(others))):
            station_of[hid] = origins.get(origin, "") if origin else ""
    return FigureInputs(
        help_given=help_given,
        needs=needs,
        households=households,
        station_of=station_of,
        threshold_yuan=load_assistance_options(s).poor_threshold_yuan,
    )


@dataclass(frozen=True, slots=True)
class StationAssistance:
    """One station's assistance figures at the township."""

    code: str
    name: str
    figures: AssistanceFigures


class SqlAssistanceFigures:
    """The assistance figures of one store (a station's, or the township's over its stations)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def figures(
        self,
        date_from: dt.date,
        date_to: dt.date,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
    ) -> AssistanceFigures:
        """The figures of a period; with ``station_code`` (at the township) one station's.

        Raises:
            ValidationError: a station asked for at a station's store, or unknown.
        """
        if station_code:
            require_station(self.db, station_code)
        with self.db.session() as s:
            inputs = figure_inputs(s, date_from, date_to)
        if station_code:
            inputs = inputs.of_station(station_code.strip())
        return inputs.compute(date_from, date_to, today or dt.date.today())

    def by_station(
        self, date_from: dt.date, date_to: dt.date, *, today: dt.date | None = None
    ) -> list[StationAssistance]:
        """At the township: each station's figures (every station listed, by code).

        Rows of no known station (made on the township's own PC) are not listed here; they
        count in the township's totals (:meth:`figures`).
        """
        today = today or dt.date.today()
        with self.db.session() as s:
            inputs = figure_inputs(s, date_from, date_to)
        return [
            StationAssistance(
                code, name, inputs.of_station(code).compute(date_from, date_to, today)
            )
            for code, name in station_names(self.db).items()
        ]

    def at_township(self) -> bool:
        """Whether this store is a township's (a per-station table makes sense)."""
        return is_township(self.db)
