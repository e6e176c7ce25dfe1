"""Gather what the 民情与信访 figures need from a store, in a few narrow queries.

The meetings of the days asked for with their problems counted in SQL, the 民情信息 and the
groups answered in those days, the items marked 信访 received then with the day each was
first acted on (the earliest step after registering, one grouped query over their events),
the evaluation rounds held then with their tallies. The figures themselves are
:func:`.core.monthly.voice.compute`.

At the township the store holds every station's rows: a meeting, a piece of information, a
group or a round belongs to the peer whose bundles brought it (``sync_row_version.owner``),
an item to the station that numbered it; rows made on the township's PC to none ("").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.evaluation import Tally
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.core.meetings import TALK
from qunzhong_desktop.core.monthly.items import MemoCalendar
from qunzhong_desktop.core.monthly.voice import (
    InfoRow,
    MeetingRow,
    PetitionRow,
    RoundRow,
    VoiceFigures,
    VoiceInputs,
    by_station,
    compute,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import is_township, require_station, station_names
from qunzhong_desktop.storage.petitions_repo import first_steps, received_between
from qunzhong_desktop.storage.report_scope import resolve, stations_of, townships, voice_within
from qunzhong_desktop.storage.row_owners import row_stations
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.voice_settings import load_voice


def _meetings(s: Session, first: dt.date, last: dt.date, owner: dict[str, str]) -> list[MeetingRow]:
    meeting, topic = m.MassMeeting, m.MeetingTopic
    live = (topic.deleted_at.is_(None), topic.meeting_id == meeting.id)
    problems = select(func.count()).where(*live).correlate(meeting).scalar_subquery()
    to_items = (
        select(func.count())
        .where(*live, topic.item_id.is_not(None))
        .correlate(meeting)
        .scalar_subquery()
    )
    rows = s.execute(
        select(meeting.id, meeting.kind, meeting.held_on, problems, to_items).where(
            meeting.deleted_at.is_(None), meeting.held_on.between(first, last)
        )
    )
    return [
        MeetingRow(
            kind,
            day,
            problems=raised if kind == TALK else 0,
            to_items=became if kind == TALK else 0,
            station=owner.get(row_id, ""),
        )
        for row_id, kind, day, raised, became in rows
    ]


def _petitions(s: Session, first: dt.date, last: dt.date, at_township: bool) -> list[PetitionRow]:
    item = m.IntakeItem
    chosen = received_between(first, last)
    acted = first_steps(s, *chosen)
    rows = s.execute(
        select(
            item.id,
            item.number,
            item.received_at,
            item.petition,
            item.petition_form,
            item.petition_reach,
        ).where(*chosen)
    )
    return [
        PetitionRow(
            received_on=received.date(),
            level=level,
            reach=reach,
            acted_on=acted.get(row_id),
            form=form,
            station=station_code_of(number) if at_township else "",
        )
        for row_id, number, received, level, form, reach in rows
    ]


def _rounds(s: Session, first: dt.date, last: dt.date, owner: dict[str, str]) -> list[RoundRow]:
    round_, tally = m.EvaluationRound, m.EvaluationTally
    found = list(
        s.execute(
            select(round_.id, round_.kind, round_.held_on, round_.title).where(
                round_.deleted_at.is_(None), round_.held_on.between(first, last)
            )
        )
    )
    tallies: dict[str, list[Tally]] = defaultdict(list)
    for round_id, name, rated, role, satisfied, fair, unsatisfied in s.execute(
        select(
            tally.round_id,
            tally.name,
            tally.rated,
            tally.role,
            tally.satisfied,
            tally.fair,
            tally.unsatisfied,
        )
        .where(tally.deleted_at.is_(None), tally.round_id.in_([row.id for row in found]))
        .order_by(tally.round_id, tally.position)
    ):
        tallies[round_id].append(Tally(name, rated, satisfied, fair, unsatisfied, role))
    return [
        RoundRow(kind, day, tuple(tallies[row_id]), title, station=owner.get(row_id, ""))
        for row_id, kind, day, title in found
    ]


def voice_inputs(s: Session, first: dt.date, last: dt.date, *, at_township: bool) -> VoiceInputs:
    """Every row of the days ``first`` to ``last`` the figures count, with its station."""

    def owner(table: str) -> dict[str, str]:
        return row_stations(s, table) if at_township else {}

    info, group = m.MassInfo, m.InfoGroup
    info_owner = owner("mass_info")
    infos = tuple(
        InfoRow(day, topic, kind, to_item=item_id is not None, station=info_owner.get(row_id, ""))
        for row_id, day, topic, kind, item_id in s.execute(
            select(info.id, info.received_on, info.topic, info.info_type, info.item_id).where(
                info.deleted_at.is_(None), info.received_on.between(first, last)
            )
        )
    )
    group_owner = owner("info_group")
    answered: tuple[tuple[dt.date, str], ...] = tuple(
        (day, group_owner.get(row_id, ""))
        for row_id, day in s.execute(
            select(group.id, group.answered_on).where(
                group.deleted_at.is_(None), group.answered_on.between(first, last)
            )
        )
        if day is not None
    )
    settings = load_voice(s)
    return VoiceInputs(
        meetings=tuple(_meetings(s, first, last, owner("mass_meeting"))),
        infos=infos,
        answered=answered,
        petitions=tuple(_petitions(s, first, last, at_township)),
        rounds=tuple(_rounds(s, first, last, owner("evaluation_round"))),
        read_days=settings.read_days,
        rules=settings.rules,
    )


def talk_counts(s: Session, first: dt.date, last: dt.date, *, at_township: bool) -> dict[str, int]:
    """民情恳谈会 held from ``first`` to ``last`` by station code (the period's activity)."""
    meeting = m.MassMeeting
    owner = row_stations(s, meeting.__tablename__) if at_township else {}
    counts: dict[str, int] = defaultdict(int)
    for (row_id,) in s.execute(
        select(meeting.id).where(
            meeting.deleted_at.is_(None),
            meeting.kind == TALK,
            meeting.held_on.between(first, last),
        )
    ):
        counts[owner.get(row_id, "")] += 1
    return dict(counts)


class SqlVoiceFigures:
    """The 民情与信访 figures of one store (a station's, or the township's over its stations)."""

    def __init__(self, db: Database) -> None:
        """Figures of ``db``."""
        self.db = db

    def inputs(self, first: dt.date, last: dt.date) -> tuple[VoiceInputs, Calendar]:
        """The rows of the days and the working-day calendar (for a report's several spans)."""
        township = is_township(self.db)
        with self.db.session() as s:
            return voice_inputs(s, first, last, at_township=township), MemoCalendar(
                load_calendar(s)
            )

    def figures(
        self,
        first: dt.date,
        last: dt.date,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
        township_code: str | None = None,
    ) -> VoiceFigures:
        """The figures of the days; with ``station_code`` (at the township) one station's.

        At the county ``township_code`` and ``station_code`` narrow to a township or station.

        Raises:
            ValidationError: a station asked for at a station's store, or unknown; a filter
                the store cannot take (:func:`.report_scope.resolve`).
        """
        if township_code or node_role(self.db) == "county":
            scope = resolve(self.db, township=township_code, station=station_code)
            inputs, calendar = self.inputs(first, last)
            if scope.code:
                inputs = voice_within(inputs, scope.code)
            day = today or dt.date.today()
            return compute(inputs, first, last, calendar=calendar, today=day,
                           names=stations_of(self.db, scope.township or None))  # fmt: skip
        if station_code:
            require_station(self.db, station_code)
        inputs, calendar = self.inputs(first, last)
        names = station_names(self.db) if not station_code and is_township(self.db) else None
        if station_code:
            inputs = inputs.of_station(station_code.strip())
        return compute(
            inputs, first, last, calendar=calendar, today=today or dt.date.today(), names=names
        )

    def by_station(
        self,
        first: dt.date,
        last: dt.date,
        *,
        today: dt.date | None = None,
        township_code: str | None = None,
    ) -> tuple[tuple[str, str, VoiceFigures], ...]:
        """At the township: each station's figures, (code, name, figures), by code.

        At the county: each township's, or each station of ``township_code``.
        """
        inputs, calendar = self.inputs(first, last)
        if township_code or node_role(self.db) == "county":
            scope = resolve(self.db, township=township_code)
            rows = stations_of(self.db, scope.township) if scope.township else townships(self.db)
            day = today or dt.date.today()
            return tuple(
                (code, name, compute(voice_within(inputs, code), first, last, calendar=calendar,
                                     today=day))
                for code, name in rows.items()
            )  # fmt: skip
        stations = list(station_names(self.db).items())
        return by_station(
            inputs, stations, first, last, calendar=calendar, today=today or dt.date.today()
        )
