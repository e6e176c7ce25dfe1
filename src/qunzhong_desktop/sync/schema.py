"""Which tables travel, who owns them, and the type of every field a change may carry.

Stations own the register, the items they take in, the events they add, the diary and the
assistance records; the township owns the events of assignment and disposition
(DOMAIN.md, "Roles"). Calendar rows are each PC's own configuration: the township's
calendar travels as configuration in dispatch bundles (:mod:`.config`), never as rows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, inspect

from qunzhong_desktop.core import evaluation, labels, mass_info, meetings, petitions
from qunzhong_desktop.core.access import LOG_ACTIONS
from qunzhong_desktop.core.assistance_case import (
    HELP_KINDS,
    MAX_AMOUNT_YUAN,
    NEED_CATEGORIES,
    NeedState,
    Step,
)
from qunzhong_desktop.core.cadre_rules import CATEGORIES
from qunzhong_desktop.core.diary import KINDS
from qunzhong_desktop.core.intake.agency import AGENCY_MODES, AUTH_KINDS, ENTRY_KINDS
from qunzhong_desktop.core.intake.rules import CHANNELS, GRADES, ITEM_TYPES
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.text import has_controls
from qunzhong_desktop.storage import changes
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync.bundle_container import refuse

#: Tables a station's changes bundle carries, in dependency order.
STATION_TABLES: tuple[type[m.Base], ...] = (
    m.Station,
    m.Grid,
    m.Cadre,
    m.Household,
    m.Person,
    m.CardIssue,
    m.DiaryEntry,
    m.DiaryVisit,
    m.IntakeItem,
    m.ItemEvent,
    m.ItemCorrection,
    m.AgencyEntry,
    m.AssistanceNeed,
    m.AssistanceStep,
    m.Assistance,
    m.AssistanceOutcome,
    m.EvaluationRound,
    m.EvaluationTally,
    m.MassMeeting,
    m.InfoGroup,
    m.MassInfo,
    m.MeetingTopic,
    m.AccessLog,
)
#: Tables a township's dispatch bundle carries (events of assignment and disposition).
TOWNSHIP_TABLES: tuple[type[m.Base], ...] = (m.ItemEvent,)
#: The township's own records (issue 18): captured in its outbox like every synced write,
#: kept for the county tier (issue 19), never sent to a station.
TOWNSHIP_OWN: tuple[type[m.Base], ...] = (
    m.DutyDay,
    m.Reception,
    m.PromotionSurvey,
    m.SurveyAnswer,
)
#: What a county's dispatch carries down to a township (issue 19): the county's events on
#: the items escalated to it (actor_role "county": its assignment and the result).
COUNTY_TABLES: tuple[type[m.Base], ...] = (m.ItemEvent,)
#: The county's own records: captured in its outbox, never sent down (the escalation
#: domain appends its county_department / county_meeting tables here).
COUNTY_OWN: tuple[type[m.Base], ...] = (m.CountyDepartment, m.CountyMeeting)
#: The pseudo-table of configuration lines in a dispatch bundle.
CONFIG_TABLE = "config"
#: Fields of an item that follow from its events; each PC derives them itself.
DERIVED = {"intake_item": frozenset({"state", "due_on"})}
#: Tables whose rows carry the origin column (per-origin unique numbers).
WITH_ORIGIN = frozenset({"household", "person"})
_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "origin"})
#: Fields added to a travelling table after a release, with what an insert from an older
#: program (which does not send them) means: stations and the township upgrade one by one.
ADDED_LATER: dict[tuple[str, str], Any] = {
    ("grid", "retired"): False,  # 0006
    ("cadre", "retired"): False,  # 0006
    ("diary_entry", "author"): "",  # 0009
    ("cadre", "category"): "",  # 0010: "" reads as the category its role implies
    ("cadre", "village_code"): "",  # 0010
    ("diary_entry", "place"): "",  # 0010
    ("assistance", "need_id"): None,  # 0011: a record from before cases
    ("assistance", "kind"): "其他",  # 0011
    ("assistance", "amount_fen"): None,  # 0011
    ("assistance", "helper_ids"): [],  # 0011
    ("intake_item", "agency_mode"): "",  # 0011: not 代办
    ("intake_item", "agency_auth_on"): None,  # 0011
    ("intake_item", "agency_auth_kind"): "",  # 0011
    ("intake_item", "agency_agent"): "",  # 0011
    ("intake_item", "agency_office"): "",  # 0011
    ("intake_item", "at_home"): False,  # 0011
    ("intake_item", "competent_unit"): "",  # 0012: no 主管部门 named
    ("intake_item", "paired_unit"): "",  # 0012: no 双联系单位 named
    ("intake_item", "petition"): "",  # 0014: not a 信访
    ("intake_item", "petition_form"): "",  # 0014
    ("intake_item", "petition_reach"): "",  # 0014
}
#: What a user calls the rows of each travelling table (in refusals and conflicts).
LABELS = labels.TABLES


_STATES = frozenset(state.value for state in State)
#: Fields whose values come from a fixed list: anything else would break the screens later.
ENUMS: dict[tuple[str, str], frozenset[Any]] = {
    ("intake_item", "state"): _STATES,
    ("intake_item", "grade"): frozenset(GRADES),
    ("intake_item", "item_type"): frozenset(ITEM_TYPES),
    ("intake_item", "channel"): frozenset(CHANNELS),
    ("item_event", "to_state"): _STATES,
    ("item_event", "from_state"): _STATES | {None},
    ("item_event", "actor_role"): frozenset(role.value for role in Role),
    ("diary_entry", "kind"): frozenset(KINDS),
    ("cadre", "category"): frozenset(CATEGORIES) | {""},
    ("access_log", "action"): frozenset(LOG_ACTIONS),
    ("person", "gender"): frozenset({"男", "女", ""}),
    ("assistance_need", "category"): frozenset(NEED_CATEGORIES),
    ("assistance_need", "state"): frozenset(state.value for state in NeedState),
    ("assistance_step", "step"): frozenset(step.value for step in Step),
    ("assistance", "kind"): frozenset(HELP_KINDS),
    ("intake_item", "agency_mode"): frozenset(AGENCY_MODES) | {""},
    ("intake_item", "agency_auth_kind"): frozenset(AUTH_KINDS) | {""},
    ("agency_entry", "kind"): frozenset(ENTRY_KINDS),
    ("intake_item", "petition"): frozenset(petitions.LEVELS) | {""},
    ("intake_item", "petition_form"): frozenset(petitions.FORMS) | {""},
    ("intake_item", "petition_reach"): frozenset(petitions.REACHES) | {""},
    ("evaluation_round", "kind"): frozenset(evaluation.KINDS),
    ("evaluation_tally", "rated"): frozenset({evaluation.CADRE, evaluation.UNIT}),
    ("mass_meeting", "kind"): frozenset(meetings.KINDS),
    ("mass_info", "source"): frozenset(mass_info.SOURCES),
    ("mass_info", "topic"): frozenset(mass_info.TOPICS),
    ("mass_info", "info_type"): frozenset(mass_info.TYPES),
    ("info_group", "topic"): frozenset(mass_info.TOPICS),
}

#: Bounds of numbers, as the program makes them (a year, a sequence, days, a position).
INT_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("intake_item", "year"): (2000, 2100),
    ("intake_item", "sequence"): (1, 99_999),
    ("intake_item", "promised_days"): (0, 366),
    ("item_event", "position"): (0, 10_000),
    ("person", "position"): (0, 10_000),
    ("diary_visit", "position"): (0, 10_000),
    ("access_log", "count"): (0, 10_000_000),
    ("assistance", "amount_fen"): (1, MAX_AMOUNT_YUAN * 100),
    ("evaluation_round", "participants"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_round", "ballots_issued"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_round", "ballots_returned"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_tally", "satisfied"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_tally", "fair"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_tally", "unsatisfied"): (0, evaluation.MAX_BALLOTS),
    ("evaluation_tally", "position"): (0, 10_000),
    ("mass_meeting", "attendance"): (0, meetings.MAX_ATTENDANCE),
    ("meeting_topic", "position"): (0, 10_000),
    ("mass_info", "households"): (0, mass_info.MAX_HOUSEHOLDS),
    ("reception", "visitors"): (1, 10_000),
}
#: Every date and time a bundle brings lies in these years.
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
_BIRTH_FIRST = dt.date(1880, 1, 1)

#: The longest text a Text column may receive from a bundle (as the store takes), and the
#: largest JSON value.
TEXT_CAP = changes.TEXT_CAP
JSON_CAP = 20_000


@dataclass(frozen=True)
class Column:
    """What a field of a change may hold."""

    name: str
    kind: str  # str, int, bool, date, datetime, list (of texts), dict
    nullable: bool
    length: int = 0  # the longest text (String(n), else TEXT_CAP); 0 for other kinds


@cache
def table_names(role: str) -> frozenset[str]:
    """The tables a sender of ``role`` may write down (or up, for a station).

    ``township-up``: what a township may write at its county (its events and its own
    records); ``county``: what a county's dispatch may carry.
    """
    tables = {
        "station": STATION_TABLES,
        "township": TOWNSHIP_TABLES,
        "township-up": TOWNSHIP_TABLES + TOWNSHIP_OWN,
        "county": COUNTY_TABLES,
    }.get(role, TOWNSHIP_TABLES)
    return frozenset(str(t.__table__.name) for t in tables)  # type: ignore[attr-defined]


@cache
def model_of(table: str) -> type[m.Base]:
    """The mapped class of a travelling table."""
    for cls in STATION_TABLES + TOWNSHIP_OWN + COUNTY_OWN:
        if cls.__table__.name == table:  # type: ignore[attr-defined]
            return cls
    raise KeyError(table)


@cache
def references(table: str) -> dict[str, str]:
    """The foreign keys of a travelling table: {column: referenced table}."""
    target: Any = model_of(table).__table__
    return {fk.parent.name: fk.column.table.name for fk in target.foreign_keys}


@cache
def columns(table: str) -> dict[str, Column]:
    """The content columns of a travelling table (bookkeeping columns do not travel)."""
    found: dict[str, Column] = {}
    for attr in inspect(model_of(table)).column_attrs:
        if attr.key in _BOOKKEEPING:
            continue
        col = attr.columns[0]
        kind = _kind(col.type)
        if kind == "json":  # a list of texts (tags) or an object (an event's data)
            kind = "list" if "list[" in str(_annotation(table, attr.key)) else "dict"
        length = (getattr(col.type, "length", None) or TEXT_CAP) if kind == "str" else 0
        found[attr.key] = Column(attr.key, kind, bool(col.nullable), length)
    return found


def _annotation(table: str, key: str) -> Any:
    for cls in model_of(table).__mro__:
        found = getattr(cls, "__annotations__", {}).get(key)
        if found is not None:
            return found
    return None


def _kind(sql_type: Any) -> str:
    if isinstance(sql_type, Boolean):
        return "bool"
    if isinstance(sql_type, Integer):
        return "int"
    if isinstance(sql_type, DateTime):
        return "datetime"
    if isinstance(sql_type, Date):
        return "date"
    if isinstance(sql_type, JSON):
        return "json"
    if isinstance(sql_type, (String, Text)):
        return "str"
    raise TypeError(sql_type)


def convert(table: str, fields: dict[str, Any], *, number: int, full: bool) -> dict[str, Any]:
    """Check a change's fields against the table and turn them into column values.

    Args:
        table: the table the change names.
        fields: the change's ``fields``.
        number: the change's line, for the message.
        full: an insert, which must carry every content column.

    Raises:
        BundleRefused: ``unknown_column``, ``wrong_type`` or ``missing_column``.
    """
    spec = columns(table)
    plain = _plain_types(table)
    values: dict[str, Any] = {}
    for name, value in fields.items():
        # the common case in one lookup: a str, int, bool, list, dict or allowed None
        if type(value) in plain.get(name, ()):
            if not _within(spec[name], value):
                raise _too_long(table, spec[name], number)
            allowed = ENUMS.get((table, name))
            if allowed is not None and value not in allowed:
                raise _wrong(table, spec[name], number)
            bounds = INT_RANGES.get((table, name))
            if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
                raise _too_long(table, spec[name], number)
            values[name] = value
            continue
        column = spec.get(name)
        if column is None:
            raise refuse(
                "unknown_column",
                f"数据包第 {number} 条变更写入了未知字段 {table}.{name}，已拒绝导入。",
                line=number,
            )
        values[name] = _value(column, value, table, number)
    if full and len(values) != len(spec):
        for name in spec:
            if name not in fields and (table, name) in ADDED_LATER:
                values[name] = ADDED_LATER[(table, name)]
        missing = [name for name in spec if name not in values]
        if missing:
            raise refuse(
                "missing_column",
                f"数据包第 {number} 条变更（新增 {table}）缺少字段 {missing[0]}，已拒绝导入。",
                line=number,
            )
    return values


@cache
def _plain_types(table: str) -> dict[str, frozenset[type]]:
    """Per column, the value types taken as they are (dates and times are parsed)."""
    found: dict[str, frozenset[type]] = {}
    for name, column in columns(table).items():
        types = set(_PLAIN.get(column.kind, ()))
        if column.nullable:
            types.add(type(None))
        found[name] = frozenset(types)
    return found


_PLAIN: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),  # exact types below: a bool is not an int here
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _value(column: Column, value: Any, table: str, number: int) -> Any:
    if value is None:
        if column.nullable:
            return None
        raise _wrong(table, column, number)
    kind = column.kind
    plain = _PLAIN.get(kind)
    if plain is not None:
        if type(value) in plain:
            return value
        raise _wrong(table, column, number)
    try:
        if kind == "date" and isinstance(value, str) and len(value) == 10:
            day = dt.date.fromisoformat(value)
            first = _BIRTH_FIRST if column.name == "birth_date" else FIRST_DAY
            if not first <= day <= LAST_DAY:
                raise _too_long(table, column, number)
            return day
        if kind == "datetime" and isinstance(value, str) and len(value) <= 40:
            moment = dt.datetime.fromisoformat(value).replace(tzinfo=None)
            if not FIRST_DAY <= moment.date() <= LAST_DAY:
                raise _too_long(table, column, number)
            return moment
    except ValueError:
        pass
    raise _wrong(table, column, number)


# INTEGER columns: 32 bits on a server (SQLite's would take 64); a larger value is refused
# as out of range here rather than failing inside the county's or a township's import
_INT_RANGE = 2**31


def _within(column: Column, value: Any) -> bool:
    """Bounds of a plain value: text length, no control characters, 32 bits, JSON size."""
    if isinstance(value, str):
        return len(value) <= column.length and not has_controls(
            value, lines=column.length == TEXT_CAP
        )
    if isinstance(value, int):
        return -_INT_RANGE <= value < _INT_RANGE
    if isinstance(value, list) and not all(type(v) is str for v in value):
        return False
    if isinstance(value, (list, dict)):
        return _json_fits(value) or len(json.dumps(value, ensure_ascii=False)) <= JSON_CAP
    return True


def _json_fits(value: list[Any] | dict[Any, Any]) -> bool:
    r"""Whether ``value``'s JSON surely fits :data:`JSON_CAP`, without encoding it.

    An upper bound of ``json.dumps(value, ensure_ascii=False)``'s length for a list of
    texts or a dict of texts to texts: a text takes its quotes and at most six characters
    a character (``\uXXXX``), items two between them (``", "``, and ``": "`` in a
    dict), the brackets two. False when unsure (other values, or near the cap): the
    caller then measures the encoding itself, so the bound decides nothing on its own.
    """
    texts = value if isinstance(value, list) else [*value, *value.values()]
    size = 0
    for text in texts:
        if type(text) is not str:
            return False
        size += len(text)
    return 6 * size + 4 * len(texts) + 2 <= JSON_CAP


def _too_long(table: str, column: Column, number: int) -> Exception:
    return refuse(
        "value_out_of_bounds",
        f"数据包第 {number} 条变更中 {table}.{column.name} 的值超出范围（过长、含控制字符或数值过大），"
        "已拒绝导入。",
        line=number,
    )


def _wrong(table: str, column: Column, number: int) -> Exception:
    return refuse(
        "wrong_type",
        f"数据包第 {number} 条变更中 {table}.{column.name} 的值类型错误，已拒绝导入。",
        line=number,
    )
