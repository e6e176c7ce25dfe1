"""Records the intake screens, the CLI and the receipts exchange with storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qunzhong_desktop.core.intake.agency import Agency, AgencyEntry
from qunzhong_desktop.core.intake.clock import Urgency
from qunzhong_desktop.core.intake.corrections import Correction
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State


@dataclass(slots=True)
class NewItem:
    """What the intake form (受理登记) collects."""

    channel: str
    domain: str
    grade: str
    item_type: str
    content: str
    requester_name: str = ""
    requester_phone: str = ""
    requester_person_id: str | None = None
    handler: str = ""
    promised_days: int | None = None  # None: the domain's default
    result: str = ""  # for 即办件, settled on the spot
    diary_entry_id: str | None = None  # the diary entry it was found in (走访, 民情恳谈会)
    competent_unit: str | None = None  # 主管部门; None: the domain's (core.units.competent_for)
    paired_unit: str | None = None  # 双联系单位; None: the village's (core.units.paired_for)
    petition: str = ""  # 信访 (core.petitions.LEVELS), "" when the item is none
    petition_form: str = ""  # 来信, 来访
    petition_reach: str = ""  # 到乡 … 赴京


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One line of a work list."""

    id: str
    number: str
    received_at: dt.datetime
    requester_name: str
    channel: str
    domain: str
    grade: str
    item_type: str
    content: str
    handler: str
    state: State
    due_on: dt.date | None
    urgency: Urgency
    unit: str = ""  # the unit (责任单位) of the last assignment; filled by the township lists
    overdue_days: int = 0  # working days past the promised date, while overdue


@dataclass(slots=True)
class ItemDetail:
    """An item with its whole history."""

    id: str
    number: str
    received_at: dt.datetime
    channel: str
    domain: str
    grade: str
    item_type: str
    content: str
    requester_name: str
    requester_phone: str
    requester_person_id: str | None
    handler: str
    promised_days: int
    query_code: str
    state: State
    due_on: dt.date | None
    urgency: Urgency
    events: list[Event] = field(default_factory=list)
    diary_entry_id: str | None = None
    corrections: list[Correction] = field(default_factory=list)  # 更正, the oldest first
    competent_unit: str = ""  # 主管部门 as the station named it ("" none)
    paired_unit: str = ""  # 双联系单位

    @property
    def assigned_unit(self) -> str:
        """The unit of the township's last assignment (交办), "" if never assigned."""
        for event in reversed(self.events):
            if event.to_state is State.ASSIGNED:
                return str(event.data.get("unit", ""))
        return ""

    @property
    def county_assignment(self) -> dict[str, object]:
        """The data of the county's last assignment (县已交办: department, days, deadline)."""
        for event in reversed(self.events):
            if event.to_state is State.COUNTY_ASSIGNED:
                return dict(event.data)
        return {}

    @property
    def station_code(self) -> str:
        """The station that took it in (属地): its number's prefix."""
        return self.number.split("-", 1)[0]


@dataclass(slots=True)
class ItemFilter:
    """What a work list shows; every field narrows it."""

    states: tuple[State, ...] = ()
    overdue: bool = False
    due_soon: bool = False
    handler: str | None = None
    domain: str | None = None
    grade: str | None = None
    channel: str | None = None
    grid_id: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""
    newest_first: bool = True
    station_code: str | None = None  # items numbered by this station (at the township)
    unit: str | None = None  # items whose last assignment went to this unit (责任单位)
    township_code: str | None = None  # items of this township's stations (at the county)


@dataclass(slots=True)
class ItemAgency:
    """An item's 代办 side: its fields, 上门服务, its records and the two moves of collection."""

    number: str
    state: State
    received_on: dt.date
    agency: Agency
    at_home: bool = False
    diary_entry_id: str | None = None  # the diary entry (visit) it is linked to
    entries: list[AgencyEntry] = field(default_factory=list)  # the oldest first
    notified: Event | None = None  # the last 通知领取
    collected: Event | None = None  # the last 已领取

    @property
    def active(self) -> bool:
        """Whether the item is 代办."""
        return self.agency.active
