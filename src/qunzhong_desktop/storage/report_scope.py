"""Which part of the data a report, ledger or search covers: the whole store, a township, a station.

Codes nest: a station's code (12 digits) begins with its township's (9), a township's with
its county's (6), and an item's number with its station's code. So a township or a station
is a prefix of the item numbers and of the station codes the rows' owners carry
(:mod:`.row_owners`); the filters are SQL ranges on those prefixes, which the unique index
on the number serves on SQLite and on PostgreSQL (a database created with the C collation,
as ``initdb --no-locale``: digits sort before ``-``, ``.`` and ``:``).

At a station no filter applies (it holds its own data only); at a township a station of its
own; at the county a township it enrolled, a station on that township's signed list, or both
(the station then must belong to the township). Everything else is refused in Chinese.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.voice import VoiceInputs
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assistance_figures import FigureInputs
from qunzhong_desktop.storage.code_ranges import code_numbers, code_prefix
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.setup import node_role


def townships(db: Database) -> dict[str, str]:
    """At the county: code → name of every township it enrolled, by code."""
    with db.session() as s:
        rows = s.execute(
            select(SyncPeer.code, SyncPeer.name)
            .where(SyncPeer.role == "township")
            .order_by(SyncPeer.code)
        )
        return {code: name or code for code, name in rows}


def stations_of(db: Database, township: str | None = None) -> dict[str, str]:
    """Code → name of the stations the store knows (of ``township`` when given), by code.

    At the county a station is known from its township's signed list (a peer without keys)
    and from its own profile row, once its bundles arrived.
    """
    with db.session() as s:
        found = {
            code: name
            for code, name in s.execute(
                select(SyncPeer.code, SyncPeer.name).where(SyncPeer.role == "station")
            )
        }
        for code, name in s.execute(
            select(m.Station.code, m.Station.name).where(m.Station.deleted_at.is_(None))
        ):
            found[code] = name or found.get(code, "")
    return {
        code: found[code] or code
        for code in sorted(found)
        if township is None or code.startswith(township)
    }


@dataclass(frozen=True, slots=True)
class Scope:
    """The part of the data asked for (both codes empty: all the store holds).

    Attributes:
        role: the store's node role (``station``, ``township``, ``county``).
        township: a township's 9-digit code (at the county only).
        station: a station's 12-digit code (at a township or the county).
        name: the name of what is covered (the station's, the township's, or "").
    """

    role: str
    township: str = ""
    station: str = ""
    name: str = ""

    @property
    def code(self) -> str:
        """The narrowest code asked for ("" : everything)."""
        return self.station or self.township

    @property
    def county_wide(self) -> bool:
        """The county's whole data: a row per township."""
        return self.role == "county" and not self.code

    def numbers(self, number: Any) -> ColumnElement[bool] | None:
        """The condition on an item number column (None: no filter)."""
        return code_numbers(number, self.code) if self.code else None

    def owners(self, column: Any) -> ColumnElement[bool] | None:
        """The condition on a station-code column (an owner's code, ``item_fact.station``)."""
        return code_prefix(column, self.code) if self.code else None

    def covers(self, code: str) -> bool:
        """Whether a station's (or owner's) code is inside the scope."""
        return not self.code or code.startswith(self.code)


def resolve(db: Database, *, township: str | None = None, station: str | None = None) -> Scope:
    """The scope of a report at this store, checked.

    Raises:
        ValidationError: a filter at a station; a township filter at a township; a township
            the county never enrolled; a station it does not know, or not of that township.
    """
    role = node_role(db) or "station"
    township = (township or "").strip()
    station = (station or "").strip()
    if not township and not station:
        return Scope(role)
    if role == "station":
        raise ValidationError(
            "只有乡镇群众工作办和县群众工作部才能按乡镇或工作站筛选：本机是工作站，只有本站的数据。",
            code="scope.station_node",
            field="township" if township else "station",
        )
    name = ""
    if township:
        if role != "county":
            raise ValidationError(
                "只有县群众工作部才能按乡镇筛选：本机是乡镇群众工作办，请用 --station 选工作站。",
                code="scope.township_not_county",
                field="township",
            )
        known = townships(db)
        name = known.get(township, "")
        if not name:
            listed = "、".join(f"{c} {n}" for c, n in known.items()) or "（还没有登记任何乡镇）"
            raise ValidationError(
                f"本县没有编码为“{township}”的乡镇。已登记的乡镇：{listed}。",
                code="scope.township_unknown",
                field="township",
                value=township,
            )
    if station:
        stations = stations_of(db)
        if station not in stations:
            within = stations_of(db, township or None)
            listed = "、".join(f"{c} {n}" for c, n in within.items()) or "（还没有导入任何工作站）"
            raise ValidationError(
                f"没有编码为“{station}”的工作站。已知的工作站：{listed}。",
                code="station.unknown",
                field="station",
                value=station,
            )
        if township and not station.startswith(township):
            raise ValidationError(
                f"工作站“{station} {stations[station]}”不属于乡镇“{township} {name}”。",
                code="scope.station_not_in_township",
                field="station",
                value=station,
            )
        name = stations[station]
    return Scope(role, township=township, station=station, name=name)


# the rows of the figures' inputs inside a scope (each row carries its owner's code) -------
def _keep(rows: tuple[Any, ...], code: str) -> tuple[Any, ...]:
    return tuple(r for r in rows if r.station.startswith(code))


def voice_within(inputs: VoiceInputs, code: str) -> VoiceInputs:
    """The 民情与信访 rows of a township's or a station's code."""
    return dataclasses.replace(
        inputs,
        meetings=_keep(inputs.meetings, code),
        infos=_keep(inputs.infos, code),
        answered=tuple(a for a in inputs.answered if a[1].startswith(code)),
        petitions=_keep(inputs.petitions, code),
        rounds=_keep(inputs.rounds, code),
    )


def assistance_within(inputs: FigureInputs, code: str) -> FigureInputs:
    """The 帮扶 rows of a township's or a station's code."""
    return dataclasses.replace(
        inputs,
        help_given=tuple(
            r
            for r in inputs.help_given
            if inputs.station_of.get(r.household_id, "").startswith(code)
        ),
        needs=_keep(inputs.needs, code),
        households=_keep(inputs.households, code),
    )
