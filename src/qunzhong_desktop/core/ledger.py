"""The ledgers (民情台账): their columns and how an item or a household becomes a row.

Two ledgers (DOMAIN.md, "The ledgers"): the **item ledger**, one row per intake item, and the
**support ledger** (困难群众帮扶台账), one row per assistance record of a household in
difficulty (a household without records is listed once). The Excel and PDF writers and the
table on the 台账 page all take their columns from here, so the three always agree.

Rows are tuples of plain values (``int`` for 序号, ``str`` for the rest): dates are written
``YYYY-MM-DD`` and phones are masked, as on every printout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import fen_text
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, DONE, STATE_NAMES, State
from qunzhong_desktop.core.phone import mask
from qunzhong_desktop.core.text import mask_name
from qunzhong_desktop.core.units import competent_of

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Column:
    """One ledger column: its Chinese header, width (in Excel characters) and wrapping."""

    header: str
    width: float
    wrap: bool = False


ITEM_COLUMNS: tuple[Column, ...] = (
    Column("序号", 6),
    Column("编号", 24),
    Column("受理日期", 11),
    Column("来源渠道", 10),
    Column("诉求人", 8),
    Column("联系电话", 13),
    Column("所属网格", 9, wrap=True),
    Column("诉求类别", 9, wrap=True),
    Column("等级", 5),
    Column("诉求内容", 30, wrap=True),
    Column("件类型", 7),
    Column("承诺时限", 11),
    Column("责任人/单位", 12, wrap=True),
    Column("主管部门", 8, wrap=True),
    Column("双联系单位", 8, wrap=True),
    Column("办理情况", 24, wrap=True),
    Column("办结日期", 11),
    Column("回访/满意度", 11, wrap=True),
    Column("销号日期", 11),
    Column("备注", 10, wrap=True),
)
#: at the township the item ledger names each item's station, after its 序号
# (wide enough that a name like 白沙村群众工作站 stays on one line in the PDF too)
STATION_COLUMN = Column("工作站", 24, wrap=True)
TOWNSHIP_ITEM_COLUMNS: tuple[Column, ...] = (ITEM_COLUMNS[0], STATION_COLUMN, *ITEM_COLUMNS[1:])

SUPPORT_COLUMNS: tuple[Column, ...] = (
    Column("序号", 6),
    Column("户号", 9),
    Column("户主", 8, wrap=True),
    Column("联系电话", 13),
    Column("所属网格", 9, wrap=True),
    Column("帮扶类别", 14, wrap=True),
    Column("结对干部", 12, wrap=True),
    Column("帮扶需求", 16, wrap=True),
    Column("需求状态", 7),
    Column("帮扶对象", 9, wrap=True),
    Column("帮扶单位", 12, wrap=True),
    Column("帮扶责任人", 10, wrap=True),
    Column("帮扶人", 14, wrap=True),
    Column("帮扶目标", 14, wrap=True),
    Column("帮扶内容", 24, wrap=True),
    Column("帮扶方式", 8),
    Column("金额（元）", 10),
    Column("帮扶日期", 11),
    Column("帮扶时限", 11),
    Column("帮扶成效", 16, wrap=True),
)

#: at the township and the county the support ledger names each household's station too
TOWNSHIP_SUPPORT_COLUMNS: tuple[Column, ...] = (
    SUPPORT_COLUMNS[0],
    STATION_COLUMN,
    *SUPPORT_COLUMNS[1:],
)

ITEM_TITLE = "民情台账"
SUPPORT_TITLE = "困难群众帮扶台账"
ALL_STATIONS = "全乡镇"
# the events whose data the ledger shows (the others only move the item along)
LEDGER_EVENT_STATES: tuple[State, ...] = (
    State.ASSIGNED,
    State.COUNTY_ASSIGNED,
    State.RESOLVED,
    State.FOLLOWED_UP,
    State.CLOSED,
    State.REJECTED,
    State.WITHDRAWN,
)
_STATE_BY_CODE = {state.value: state for state in State}


@dataclass(frozen=True, slots=True)
class LedgerFilter:
    """Which items the item ledger lists; every field narrows it.

    The period is inclusive and counts the date received (受理日期).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    states: tuple[State, ...] = ()
    grid_id: str | None = None
    domain: str | None = None
    station_code: str | None = None  # items numbered by this station (at the township)
    township_code: str | None = None  # items of this township's stations (at the county)


@dataclass(frozen=True, slots=True)
class SupportFilter:
    """Which households and records the support ledger lists.

    The period narrows the records (by the date the help was given); a household whose
    records all fall outside it is still listed once.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    grid_id: str | None = None
    tag: str | None = None
    station_code: str | None = None  # households this station sent (at the township, county)
    township_code: str | None = None  # households of this township's stations (at the county)


class LedgerItem(Protocol):
    """What the item ledger reads of an item (a storage row or a record)."""

    @property
    def number(self) -> str: ...  # noqa: D102
    @property
    def received_at(self) -> dt.datetime: ...  # noqa: D102
    @property
    def channel(self) -> str: ...  # noqa: D102
    @property
    def requester_name(self) -> str: ...  # noqa: D102
    @property
    def requester_phone(self) -> str: ...  # noqa: D102
    @property
    def grid_name(self) -> str | None: ...  # noqa: D102
    @property
    def domain(self) -> str: ...  # noqa: D102
    @property
    def grade(self) -> str: ...  # noqa: D102
    @property
    def content(self) -> str: ...  # noqa: D102
    @property
    def item_type(self) -> str: ...  # noqa: D102
    @property
    def due_on(self) -> dt.date | None: ...  # noqa: D102
    @property
    def handler(self) -> str: ...  # noqa: D102
    @property
    def state(self) -> str: ...  # noqa: D102
    @property
    def competent_unit(self) -> str: ...  # noqa: D102
    @property
    def paired_unit(self) -> str: ...  # noqa: D102


class LedgerEvent(Protocol):
    """What the item ledger reads of an event (:class:`.intake.Event` or a storage row)."""

    @property
    def at(self) -> dt.datetime: ...  # noqa: D102
    @property
    def to_state(self) -> str: ...  # noqa: D102
    @property
    def note(self) -> str: ...  # noqa: D102
    @property
    def data(self) -> Mapping[str, Any]: ...  # noqa: D102


def day(value: dt.date | dt.datetime | None) -> str:
    """A date as ``YYYY-MM-DD`` ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def period_text(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """The period of a ledger's title: ``2024-01-01 至 2024-03-31``, ``全部`` …."""
    if date_from and date_to:
        return f"{day(date_from)} 至 {day(date_to)}"
    if date_from:
        return f"{day(date_from)} 起"
    if date_to:
        return f"截至 {day(date_to)}"
    return "全部"


def ledger_title(station_name: str, kind_title: str) -> str:
    """The title line: station name and the ledger's name."""
    return f"{station_name}{kind_title}" if station_name else kind_title


def township_ledger_title(township_name: str, station_name: str | None, kind_title: str) -> str:
    """A township's title line, saying whose items it lists.

    ``白沙镇群众工作办民情台账（全乡镇）``, or ``…民情台账（第1村群众工作站）`` for one station.
    """
    return f"{ledger_title(township_name, kind_title)}（{station_name or ALL_STATIONS}）"


def station_code_of(number: str) -> str:
    """The code of the station that numbered an item (``430121101201-2026-00001``)."""
    return number.partition("-")[0]


def with_station(row: Row, station_name: str) -> Row:
    """A ledger row with the 工作站 column of the township's columns put in, after its 序号."""
    return (row[0], station_name, *row[1:])


def item_row(
    seq: int,
    item: LedgerItem,
    events: Iterable[LedgerEvent],
    today: dt.date | None = None,
    *,
    full: bool = False,
) -> Row:
    """One row of the item ledger.

    Args:
        seq: the 序号 (1 for the first row).
        item: the item's fields (its grid name included).
        events: its history, oldest first (only the events of :data:`LEDGER_EVENT_STATES`
            matter; others are ignored).
        today: marks an item whose clock runs past its promised date as 已超期 in 备注.
        full: the phone in full (only when the role may and the clerk asked); else masked.
    """
    resolved: LedgerEvent | None = None
    followed: LedgerEvent | None = None
    closed: LedgerEvent | None = None
    unit = ""
    ended: LedgerEvent | None = None
    for event in events:
        target = event.to_state
        if target == "resolved":
            resolved = event
        elif target == "followed_up":
            followed = event
        elif target == "closed":
            closed = event
        elif target == "assigned":
            unit = str(event.data.get("unit") or "")
        elif target == "county_assigned":  # 重大疑难事项: the county's 县直部门 answers now
            unit = str(event.data.get("department") or "")
        elif target in ("rejected", "withdrawn"):
            ended = event
    state = _STATE_BY_CODE.get(item.state, State.REGISTERED)
    done = state in DONE
    progress = STATE_NAMES[state]
    if done and resolved is not None:
        progress = str(resolved.data.get("result") or resolved.note) or progress
    elif ended is not None and state in (State.REJECTED, State.WITHDRAWN) and ended.note:
        progress = f"{progress}：{ended.note}"
    follow_up = ""
    if followed is not None:
        follow_up = " / ".join(
            str(v) for v in (followed.data.get("way"), followed.data.get("satisfaction")) if v
        )
    responsible = " / ".join(part for part in (item.handler, unit) if part)
    promised = "即办" if item.item_type == "即办件" else day(item.due_on)
    remark = ""
    if today is not None and state in CLOCK_RUNNING and item.due_on and item.due_on < today:
        remark = "已超期"
    elif state is State.AWAITING_DOCUMENTS:
        remark = "待补件，暂停计时"
    return (
        seq,
        item.number,
        day(item.received_at),
        item.channel,
        item.requester_name,
        item.requester_phone if full else mask(item.requester_phone),
        item.grid_name or "",
        item.domain,
        item.grade,
        item.content,
        item.item_type,
        promised,
        responsible,
        competent_of(item.competent_unit, unit),  # the township's assignment names it
        item.paired_unit,
        progress,
        day(resolved.at) if done and resolved is not None else "",
        follow_up,
        day(closed.at) if state is State.CLOSED and closed is not None else "",
        remark,
    )


@dataclass(frozen=True, slots=True)
class SupportMember:
    """A member of a household in difficulty: whom an assistance record may name (帮扶对象)."""

    id: str
    name: str
    relation: str = ""
    tags: tuple[str, ...] = ()
    left: bool = False  # no longer in the register (still named on the records of before)


@dataclass(frozen=True, slots=True)
class SupportHousehold:
    """A household in difficulty as the support ledger shows it."""

    id: str
    number: str
    head_name: str
    phone: str
    grid_name: str
    tags: tuple[str, ...]
    cadre_name: str = ""
    cadre_unit: str = ""
    members: tuple[SupportMember, ...] = ()

    def beneficiary(self, person_id: str | None, *, masked: bool = False) -> str:
        """帮扶对象: the person a record helps, or the household as a whole (``王建明户``).

        ``masked``: the name as printed for the public (``王*明``, :func:`.text.mask_name`).
        """
        name = next((m.name for m in self.members if m.id == person_id), "") if person_id else ""
        if name:
            return mask_name(name) if masked else name
        if self.head_name:
            return f"{mask_name(self.head_name) if masked else self.head_name}户"
        return f"{self.number} 户"

    def likely_beneficiary(self) -> str | None:
        """Whom a new record helps at first: the first member in difficulty, else the household."""
        return next((m.id for m in self.members if m.tags and not m.left), None)


def support_tags(household_tags: Sequence[str], member_tags: Iterable[Sequence[str]]) -> list[str]:
    """The support tags of a household and its members, each once, household's first."""
    seen: dict[str, None] = {}
    for tag in household_tags:
        seen.setdefault(tag, None)
    for tags in member_tags:
        for tag in tags:
            seen.setdefault(tag, None)
    return list(seen)


@dataclass(frozen=True, slots=True)
class NeedLine:
    """What the support ledger prints of the need a record answers."""

    what: str
    state_name: str  # 待初核 … 已销号


def support_rows(
    seq: int,
    household: SupportHousehold,
    records: Sequence[AssistanceRecord],
    *,
    full: bool = False,
    needs: Mapping[str, NeedLine] | None = None,
    helpers: Mapping[str, str] | None = None,
) -> list[Row]:
    """The support-ledger rows of one household: one per record, or one without records.

    Args:
        seq: the 序号 of the household (every row of the household carries it).
        household: the household in difficulty.
        records: its assistance records, in the order to print (oldest first).
        full: the phone in full (only when the role may and the clerk asked); else masked.
        needs: need id → the need as printed (帮扶需求, 需求状态).
        helpers: cadre id → the helper as printed (``孙超峰（驻村工作队）``); 帮扶人 lists
            every helper a record names, else what 帮扶责任人 says.
    """
    needs = needs or {}
    helpers = helpers or {}
    cadre = household.cadre_name
    if cadre and household.cadre_unit:
        cadre = f"{cadre}（{household.cadre_unit}）"
    head = (
        seq,
        household.number,
        household.head_name,
        household.phone if full else mask(household.phone),
        household.grid_name,
        "、".join(household.tags),
        cadre,
    )
    if not records:
        return [(*head, *[""] * (len(SUPPORT_COLUMNS) - len(head)))]
    rows: list[Row] = []
    for r in records:
        need = needs.get(r.need_id) if r.need_id else None
        named = [helpers[i] for i in r.helper_ids if i in helpers]
        rows.append(
            (
                *head,
                need.what if need else "",
                need.state_name if need else "",
                household.beneficiary(r.person_id),
                r.helping_unit,
                r.helper,
                "、".join(named) or r.helper,
                r.target,
                r.content,
                r.kind,
                fen_text(r.amount_fen),
                day(r.given_on),
                day(r.time_limit),
                r.result,
            )
        )
    return rows


#: The ledgers: 民情台账 (items) and 帮扶台账 (support).
LEDGER_KINDS: tuple[str, ...] = ("items", "support")
