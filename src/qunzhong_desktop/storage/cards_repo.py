"""Contact cards on SQLite: gather what each card prints, know which are out of date.

Gathering is a fixed number of queries whatever the number of households (households
with grid and cadre, members, last issue per household), in chunks when ids are given, so a
register of thousands of households is read in well under a second.

At a township the register holds every enrolled station's households (each row's
``origin`` is the station's node): cards are gathered per station, with that station's
profile, for one chosen station or all of them. The township does not record its prints as
issues: card issues are the station's record and travel only upwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.card import CardContent, CardCounts, build_card, needs_card
from qunzhong_desktop.core.errors import NotFoundError, SetupError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.write_paths import write_path

# Well under SQLite's limit on bound parameters (32,766 since 3.32; 999 before).
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CardStatus:
    """One household's card as it would print today, and its last issue."""

    card: CardContent
    last_fingerprint: str | None
    last_issued_on: dt.date | None

    @property
    def never_printed(self) -> bool:
        """No card was ever issued to the household."""
        return self.last_fingerprint is None

    @property
    def stale(self) -> bool:
        """The household needs a card: never printed, or a printed field changed since."""
        return needs_card(self.card, self.last_fingerprint)


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class SqlCards:
    """Contact cards of the station in one SQLite store (at a township: of its stations).

    Args:
        db: the store.
        station: at a township, the code of the station whose cards to gather (None: every
            station's, by station code). Ignored at a station.
    """

    def __init__(self, db: Database, station: str | None = None) -> None:
        self.db = db
        self.station = station

    def _sources(self, s: Session) -> list[tuple[e.StationProfile, list[str] | None]]:
        """(station profile, origins of its households) to gather; None: this PC's own."""
        node = s.scalars(select(m.LocalNode)).first()
        if node is None or node.role != "township":
            profile = load_station(s)
            if profile is None:
                raise SetupError("本机尚未设置工作站，无法打印联系卡。", code="setup.station")
            return [(profile, None)]
        origins: dict[str, list[str]] = {}
        for code, node_id in s.execute(select(SyncPeer.code, SyncPeer.node_id)):
            origins.setdefault(code, []).append(node_id)
        codes = sorted(origins) if self.station is None else [self.station]
        found: list[tuple[e.StationProfile, list[str] | None]] = []
        for code in codes:
            profile = load_station(s, code)
            if profile is None:
                if self.station is not None:
                    raise NotFoundError(
                        f"没有编码为“{code}”的工作站的户籍：该站尚未登记或尚未导入数据。",
                        code="cards.station",
                    )
                continue
            found.append((profile, origins.get(code, [])))
        return found

    def statuses(
        self, household_ids: Sequence[str] | None = None, *, issued_on: dt.date | None = None
    ) -> list[CardStatus]:
        """The card of each live household (all, or the given ids), by household number.

        Args:
            household_ids: the households to consider; None for every live household.
                Unknown and deleted ids are left out.
            issued_on: the date to print on the cards (today by default).

        Raises:
            SetupError: the station is not set up.
        """
        day = issued_on or dt.date.today()
        unique = None if household_ids is None else list(dict.fromkeys(household_ids))
        result: list[CardStatus] = []
        with self.db.session() as s:
            for station, origins in self._sources(s):
                found = (
                    self._gather(s, station, origins, None, day)
                    if unique is None
                    else [
                        status
                        for chunk in _chunks(unique)
                        for status in self._gather(s, station, origins, chunk, day)
                    ]
                )
                # by station (in code order), then household number
                found.sort(key=lambda st: (st.card.household_number, st.card.household_id))
                result += found
        return result

    def cards(
        self,
        household_ids: Sequence[str] | None = None,
        *,
        stale_only: bool = False,
        issued_on: dt.date | None = None,
    ) -> list[CardContent]:
        """Cards to print: of every live household or the given ones, optionally only stale.

        ``stale_only`` keeps the households that were never printed or whose card is out
        of date.
        """
        return [
            st.card
            for st in self.statuses(household_ids, issued_on=issued_on)
            if st.stale or not stale_only
        ]

    def counts(self, household_ids: Sequence[str] | None = None) -> CardCounts:
        """How many cards the households cover, never printed, and out of date."""
        statuses = self.statuses(household_ids)
        never = sum(1 for st in statuses if st.never_printed)
        outdated = sum(1 for st in statuses if st.stale and not st.never_printed)
        return CardCounts(total=len(statuses), never_printed=never, out_of_date=outdated)

    def records_issues(self) -> bool:
        """Whether printing here records the cards as issued (at a station; not a township)."""
        with self.db.session() as s:
            node = s.scalars(select(m.LocalNode)).first()
            return node is None or node.role != "township"

    @write_path(needs=Permission.PRINT_CARDS)
    def record_issues(self, cards: Iterable[CardContent]) -> int:
        """Record that these cards were printed (one ``card_issue`` row each, one transaction).

        Rows go through the ORM so the change capture puts them in the outbox. At a
        township nothing is recorded (see the module docstring).

        Returns:
            How many issues were recorded.
        """
        if not self.records_issues():
            return 0
        rows = [
            m.CardIssue(
                household_id=card.household_id,
                card_number=card.card_number,
                issued_on=card.issued_on,
                fingerprint=card.fingerprint,
            )
            for card in cards
        ]
        if rows:
            with self.db.writing() as s:
                s.add_all(rows)
        return len(rows)

    # queries ---------------------------------------------------------------------------
    def _gather(
        self,
        s: Session,
        station: e.StationProfile,
        origins: list[str] | None,
        ids: Sequence[str] | None,
        day: dt.date,
    ) -> list[CardStatus]:
        grid = aliased(m.Grid)
        cadre = aliased(m.Cadre)
        households = (
            select(
                m.Household.id,
                m.Household.number,
                grid.name,
                grid.leader_name,
                grid.leader_phone,
                cadre.name,
                cadre.phone,
                cadre.unit,
            )
            .outerjoin(grid, and_(grid.id == m.Household.grid_id, grid.deleted_at.is_(None)))
            .outerjoin(cadre, and_(cadre.id == m.Household.cadre_id, cadre.deleted_at.is_(None)))
            .where(m.Household.deleted_at.is_(None))
        )
        if ids is not None:
            households = households.where(m.Household.id.in_(ids))
        if origins is not None:
            households = households.where(m.Household.origin.in_(origins))
        heads = self._heads(s, ids)
        last = self._last_issues(s, ids)
        result: list[CardStatus] = []
        for hid, number, g_name, g_leader, g_phone, c_name, c_phone, c_unit in s.execute(
            households
        ):
            card = build_card(
                station,
                household_id=hid,
                household_number=number,
                head_name=heads.get(hid, ""),
                grid=e.Grid(name=g_name, leader_name=g_leader, leader_phone=g_phone)
                if g_name is not None
                else None,
                cadre=e.Cadre(name=c_name, phone=c_phone, unit=c_unit)
                if c_name is not None
                else None,
                issued_on=day,
            )
            fp, on = last.get(hid, (None, None))
            result.append(CardStatus(card=card, last_fingerprint=fp, last_issued_on=on))
        return result

    @staticmethod
    def _heads(s: Session, ids: Sequence[str] | None) -> dict[str, str]:
        """Head name per household: the live 户主, else the first live member."""
        stmt = (
            select(m.Person.household_id, m.Person.name, m.Person.relation)
            .where(m.Person.deleted_at.is_(None))
            .order_by(m.Person.household_id, m.Person.position)
        )
        if ids is not None:
            stmt = stmt.where(m.Person.household_id.in_(ids))
        heads: dict[str, str] = {}
        confirmed: set[str] = set()
        for hid, name, relation in s.execute(stmt):
            if hid in confirmed:
                continue
            if relation == "户主":
                heads[hid] = name
                confirmed.add(hid)
            else:
                heads.setdefault(hid, name)
        return heads

    @staticmethod
    def _last_issues(s: Session, ids: Sequence[str] | None) -> dict[str, tuple[str, dt.date]]:
        """Fingerprint and date of the last live card issue per household."""
        rank = (
            func.row_number()
            .over(
                partition_by=m.CardIssue.household_id,
                order_by=(
                    m.CardIssue.issued_on.desc(),
                    m.CardIssue.created_at.desc(),
                    m.CardIssue.id.desc(),
                ),
            )
            .label("rank")
        )
        inner = select(
            m.CardIssue.household_id, m.CardIssue.fingerprint, m.CardIssue.issued_on, rank
        ).where(m.CardIssue.deleted_at.is_(None))
        if ids is not None:
            inner = inner.where(m.CardIssue.household_id.in_(ids))
        ranked = inner.subquery()
        stmt = select(ranked.c.household_id, ranked.c.fingerprint, ranked.c.issued_on).where(
            ranked.c.rank == 1
        )
        return {hid: (fp, on) for hid, fp, on in s.execute(stmt)}
