"""Items marked 信访 (issue 18): the mark, repeats suggested, the 阅办率, counts by level.

The mark (``petition``, ``petition_form``, ``petition_reach``) is a field of the station's
item and travels with it: only the station that took the item in sets it (at registering,
through :func:`petition_fields`, or later with :meth:`SqlPetitions.mark`); the township reads
it and cannot change a station's row (like 主管部门, :mod:`.item_responsibility`).

A petition is *acted on* on the day of its first step after registering (any event of the
item's history after position 0, the township's 交办 included); the 阅办率 counts those acted
on within the township's working days (:class:`.voice_settings.VoiceSettings.read_days`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, lazyload

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.petitions import (
    LEVELS,
    REPEAT_WINDOW_DAYS,
    Earlier,
    Handling,
    Mark,
    ReadFigures,
    checked_mark,
    level_counts,
    proposed_handler,
    read_rate,
    repeat_of,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.voice_settings import load_voice
from qunzhong_desktop.storage.write_paths import write_path

TOWNSHIP_REFUSAL = "信访标记由受理事项的工作站填写，乡镇和县里不能修改工作站的事项。"


def petition_fields(level: str, form: str, reach: str) -> dict[str, str]:
    """The item's columns for a (checked) mark; used when an item is registered.

    Raises:
        ValidationError: a mark :func:`.core.petitions.checked_mark` refuses.
    """
    mark = checked_mark(Mark(level.strip(), form.strip(), reach.strip()))
    return {"petition": mark.level, "petition_form": mark.form, "petition_reach": mark.reach}


@dataclass(frozen=True, slots=True)
class PetitionRow:
    """One line of the 信访台账."""

    number: str
    received_at: dt.datetime
    requester_name: str
    domain: str
    content: str
    mark: Mark
    state: str
    handler: str
    acted_on: dt.date | None  # the first step after registering, if any

    @property
    def station_code(self) -> str:
        """The station that took it in."""
        return self.number.split("-", 1)[0]


def _mark_of(item: m.IntakeItem) -> Mark:
    return Mark(item.petition, item.petition_form, item.petition_reach)


def _row(i: m.IntakeItem, acted_on: dt.date | None) -> PetitionRow:
    return PetitionRow(i.number, i.received_at, i.requester_name, i.domain, i.content,
                       _mark_of(i), i.state, i.handler, acted_on)  # fmt: skip


def _earlier(item: m.IntakeItem) -> Earlier:
    return Earlier(
        number=item.number,
        received_on=item.received_at.date(),
        person_id=item.requester_person_id,
        name=item.requester_name,
        phone=item.requester_phone,
        domain=item.domain,
        content=item.content,
        petition=item.petition,
    )


def received_between(
    first: dt.date, last: dt.date, station_code: str | None = None
) -> tuple[ColumnElement[bool], ...]:
    """What chooses the live petitions received from ``first`` to ``last`` (both included).

    ``station_code``: only those numbered by that station (at the township).
    """
    item = m.IntakeItem
    chosen: tuple[ColumnElement[bool], ...] = (
        item.petition.in_(LEVELS),  # the index serves it (never a scan of every item)
        item.deleted_at.is_(None),
        item.received_at >= dt.datetime.combine(first, dt.time()),
        item.received_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
    )
    if station_code:
        # numbers given by the station: ``{code}-…`` (a range the unique index serves)
        chosen += (item.number >= f"{station_code}-", item.number < f"{station_code}.")
    return chosen


def first_steps(s: Session, *chosen: ColumnElement[bool]) -> dict[str, dt.date]:
    """The day each chosen item was acted on: its first step after registering (阅办).

    Any event after the registering one counts (办理中, 上报, the township's 交办, 办结 …);
    one grouped query. The reports (``voice_figures.py``) and the 信访 lists both ask here.
    """
    item, event = m.IntakeItem, m.ItemEvent
    rows = s.execute(
        select(event.item_id, func.min(event.at))
        .join(item, item.id == event.item_id)
        .where(*chosen, event.position > 0, event.deleted_at.is_(None))
        .group_by(event.item_id)
    )
    return {item_id: _day(at) for item_id, at in rows}


def _day(at: object) -> dt.date:
    moment = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    return moment.date()


class SqlPetitions:
    """Items marked 信访: the mark, repeats suggested, the 阅办率, counts by level."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db

    # the mark ------------------------------------------------------------------------------
    @write_path
    def mark(self, number: str, mark: Mark) -> Mark:
        """Mark the item ``number`` as a petition (``Mark()``: not one); the kept mark.

        Raises:
            NotFoundError: no item has that number.
            ValidationError: a bad mark (in Chinese), a void item, or the township's PC.
        """
        station_only(self.db, TOWNSHIP_REFUSAL, "petition.role")
        fields = petition_fields(mark.level, mark.form, mark.reach)
        with self.db.writing() as s:
            item = self._item(s, number)
            if item.deleted_at is not None:
                raise ValidationError("这件事项已作废，不能修改信访标记。", code="petition.void")
            for name, value in fields.items():
                if getattr(item, name) != value:
                    setattr(item, name, value)
            return _mark_of(item)

    def unmark(self, number: str) -> Mark:
        """Take the petition mark off an item (:meth:`mark` with no level)."""
        return self.mark(number, Mark())

    def mark_of(self, number: str) -> Mark:
        """The item's mark (``Mark()`` when it is no petition).

        Raises:
            NotFoundError: no item has that number.
        """
        with self.db.session() as s:
            return _mark_of(self._item(s, number))

    # repeats -------------------------------------------------------------------------------
    def repeats(self, number: str) -> tuple[Earlier, ...]:
        """Earlier items of the same requester on a similar matter within the year before it.

        Raises:
            NotFoundError: no item has that number.
        """
        with self.db.session() as s:
            new = _earlier(self._item(s, number))
            return repeat_of(new, self._candidates(s, new))

    def repeats_for(
        self,
        requester_person_id: str | None,
        name: str,
        *,
        phone: str,
        domain: str,
        content: str,
        received_on: dt.date,
    ) -> tuple[Earlier, ...]:
        """What :meth:`repeats` would say of an item not registered yet (the form's hint)."""
        new = Earlier("", received_on, requester_person_id, compact(name), compact(phone),
                      domain, content)  # fmt: skip
        with self.db.session() as s:
            return repeat_of(new, self._candidates(s, new))

    @staticmethod
    def _candidates(s: Session, new: Earlier) -> list[Earlier]:
        """Live items of the year before ``new`` by the same resident or the same name."""
        item = m.IntakeItem
        first = dt.datetime.combine(
            new.received_on - dt.timedelta(days=REPEAT_WINDOW_DAYS), dt.time()
        )
        last = dt.datetime.combine(new.received_on + dt.timedelta(days=1), dt.time())
        who = [item.requester_name == compact(new.name)] if compact(new.name) else []
        if new.person_id:
            who.append(item.requester_person_id == new.person_id)
        if not who:
            return []
        rows = s.scalars(
            select(item)
            .options(lazyload(item.events))
            .where(or_(*who), item.deleted_at.is_(None))
            .where(item.received_at >= first, item.received_at < last)
        )
        return [_earlier(row) for row in rows]

    # the figures ---------------------------------------------------------------------------
    def petitions(
        self, first: dt.date, last: dt.date, *, station_code: str | None = None
    ) -> list[PetitionRow]:
        """The petitions received from ``first`` to ``last`` (both included), oldest first."""
        with self.db.session() as s:
            items = self._received(s, first, last, station_code)
            steps = first_steps(s, *received_between(first, last, station_code))
            return [_row(i, steps.get(i.id)) for i in items]

    def read_figures(
        self,
        first: dt.date,
        last: dt.date,
        *,
        today: dt.date,
        station_code: str | None = None,
    ) -> ReadFigures:
        """阅办率 of the petitions received from ``first`` to ``last`` (see the module doc)."""
        with self.db.session() as s:
            items = self._received(s, first, last, station_code)
            steps = first_steps(s, *received_between(first, last, station_code))
            days = load_voice(s).read_days
            calendar = load_calendar(s)
        handlings = [Handling(i.received_at.date(), steps.get(i.id)) for i in items]
        return read_rate(handlings, calendar, days=days, today=today)

    def level_counts(
        self, first: dt.date, last: dt.date, station_code: str | None = None
    ) -> dict[str, int]:
        """Petitions received in the span by level, by reach and in all (``合计``)."""
        with self.db.session() as s:
            items = self._received(s, first, last, station_code)
        return level_counts(_mark_of(i) for i in items)

    def proposed_handler(self, domain: str) -> str:
        """The leader in charge of ``domain`` by the deputies' areas ('' when no one is)."""
        with self.db.session() as s:
            return proposed_handler(load_voice(s).areas, domain)

    # helpers -------------------------------------------------------------------------------
    @staticmethod
    def _item(s: Session, number: str) -> m.IntakeItem:
        item = s.scalars(
            select(m.IntakeItem)
            .options(lazyload(m.IntakeItem.events))
            .where(m.IntakeItem.number == compact(number))
        ).first()
        if item is None:
            raise NotFoundError(f"找不到编号为 {compact(number)} 的事项。", code="item.missing")
        return item

    @staticmethod
    def _received(
        s: Session, first: dt.date, last: dt.date, station_code: str | None
    ) -> list[m.IntakeItem]:
        if last < first:
            raise ValidationError("结束日期早于开始日期。", code="petition.span")
        item = m.IntakeItem
        return list(
            s.scalars(
                select(item)
                .options(lazyload(item.events))
                .where(*received_between(first, last, station_code))
                .order_by(item.received_at, item.number)
            )
        )
