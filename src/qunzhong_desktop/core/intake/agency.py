"""代办 (agency): the station acts for a resident — fetching a certificate, filing an application.

An item marked 代办 has a mode, the resident's authorisation (the day, written or verbal),
the agent cadre, the office visited, and a record of documents received from the resident,
documents returned and progress. After the work is done the resident is told to collect
(通知领取) and collects (已领取): see the states in :mod:`.states`; the rules of those two
moves (their data, and the follow-up that waits for collection) are in :mod:`.rules`.

Any item, 代办 or not, may be flagged as served at the resident's home (上门服务).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from qunzhong_desktop.core import limits
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean, compact

#: How the station acts: at the station, at the resident's home, on a round.
AGENCY_MODES: tuple[str, ...] = ("定点代办", "上门代办", "流动代办")
#: How the resident authorised it.
AUTH_KINDS: tuple[str, ...] = ("书面", "口头")
#: What an agency record says: a document received, a document returned, progress.
ENTRY_KINDS: tuple[str, ...] = ("收件", "还件", "进展")
#: The modes in which a named cadre goes out for the resident.
AGENT_REQUIRED: frozenset[str] = frozenset({"上门代办", "流动代办"})
#: How a resident is told that the result is ready to collect (通知领取).
NOTIFY_WAYS: tuple[str, ...] = ("电话", "短信", "微信", "当面", "上门")
#: Working days an item may wait for collection before its row turns amber (a setting).
COLLECTION_DAYS = 5
COLLECTION_DAYS_MAX = 60


@dataclass(slots=True)
class Agency:
    """The 代办 fields of an item; ``mode`` "" means the station does not act for anyone.

    ``auth_on`` None (with ``auth_kind`` "") is an authorisation still to be obtained
    (委托待补): an item made for a resident found in the register, before the visit.
    """

    mode: str = ""
    auth_on: dt.date | None = None
    auth_kind: str = ""
    agent: str = ""
    office: str = ""

    @property
    def active(self) -> bool:
        """Whether the item is 代办."""
        return bool(self.mode)

    @property
    def authorised(self) -> bool:
        """Whether the resident's authorisation is recorded."""
        return self.auth_on is not None


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """A 代办 record: a document received (收件) or returned (还件), or progress (进展)."""

    kind: str
    day: dt.date
    text: str
    actor: str = ""
    id: str | None = None  # a UUIDv7: a day's records are in the order they were written


def _refuse(message: str, name: str) -> ValidationError:
    return ValidationError(message, code=f"agency.{name}", field=name)


def _day(value: dt.date, label: str, name: str, *, received: dt.date, today: dt.date) -> None:
    if value > today:
        raise _refuse(f"{label}不能晚于今天（{today.isoformat()}）。", name)
    if value < received:
        raise _refuse(f"{label}不能早于事项受理日期（{received.isoformat()}）。", name)


def check_agency(agency: Agency, *, received: dt.date, today: dt.date) -> Agency:
    """The 代办 fields cleaned, or the first one that is wrong.

    Args:
        agency: what the clerk typed.
        received: the day the item was received (an authorisation is not older).
        today: the day it is typed (an authorisation is not in the future).

    Raises:
        ValidationError: ``field`` in its data names the field (mode, auth_on, auth_kind,
            agent, office).
    """
    fixed = replace(agency, agent=compact(agency.agent), office=clean(agency.office))
    if fixed.mode not in AGENCY_MODES:
        names = "、".join(AGENCY_MODES)
        raise _refuse(f"代办方式应为{names}之一，现在是“{fixed.mode}”。", "mode")
    if fixed.auth_on is None:
        if fixed.auth_kind:
            raise _refuse("已选择委托方式，请同时填写委托日期。", "auth_on")
    else:
        _day(fixed.auth_on, "委托日期", "auth_on", received=received, today=today)
        if fixed.auth_kind not in AUTH_KINDS:
            raise _refuse("请选择群众委托的方式：书面或口头。", "auth_kind")
    if fixed.mode in AGENT_REQUIRED and not fixed.agent:
        raise _refuse(f"{fixed.mode}须填写代办干部。", "agent")
    if limits.too_long(fixed.agent, limits.NAME):
        raise _refuse(limits.message("代办干部", limits.NAME, fixed.agent), "agent")
    if limits.too_long(fixed.office, limits.UNIT):
        raise _refuse(limits.message("办理部门", limits.UNIT, fixed.office), "office")
    return fixed


def check_entry(entry: AgencyEntry, *, received: dt.date, today: dt.date) -> AgencyEntry:
    """A 代办 record cleaned, or what is wrong with it.

    Raises:
        ValidationError: ``field``: kind, day or text.
    """
    fixed = replace(entry, text=clean(entry.text))
    if fixed.kind not in ENTRY_KINDS:
        raise _refuse(f"代办记录应为收件、还件或进展，现在是“{fixed.kind}”。", "kind")
    _day(fixed.day, "记录日期", "day", received=received, today=today)
    if not fixed.text:
        what = {"收件": "收到群众的哪些材料", "还件": "退还群众的哪些材料"}
        raise _refuse(f"请写明{what.get(fixed.kind, '办理进展')}。", "text")
    if limits.too_long(fixed.text, limits.NOTE):
        raise _refuse(limits.message("记录内容", limits.NOTE, fixed.text), "text")
    return fixed


def check_collection_days(days: int) -> int:
    """The working days an item may wait for collection (设置), or why not.

    Raises:
        ValidationError: not between 1 and :data:`COLLECTION_DAYS_MAX`.
    """
    if not 1 <= days <= COLLECTION_DAYS_MAX:
        raise _refuse(
            f"待领取提醒天数应为 1–{COLLECTION_DAYS_MAX} 个工作日，现在是 {days}。",
            "collection_days",
        )
    return days
