"""Typed SQLAlchemy models. Synced tables carry UUIDv7 ids and a tombstone column."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage.base import Base, Synced, column_defaults, utcnow

# the base's names, as the models' users have always found them here
__all__ = ["Base", "Synced", "column_defaults", "utcnow"]


class LocalNode(Base):
    """This PC's identity and clocks (one row; never synced)."""

    __tablename__ = "local_node"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(default=1)
    role: Mapped[str] = mapped_column(String(16))  # "station" or "township"
    # milliseconds since 1970: past 32 bits (BIGINT on a server; SQLite's integers are 64-bit)
    hlc_millis: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), default=0
    )
    hlc_counter: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """Local preferences (font, print layout …); not synced."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncChange(Base):
    """The outbox: one row per captured change, in per-node sequence order (SYNC.md)."""

    __tablename__ = "sync_change"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    node_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hlc: Mapped[str] = mapped_column(String(64))
    user: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_sync_change_table_row", "table_name", "row_id"),
        {"sqlite_autoincrement": True},
    )


class Station(Synced, Base):
    """The station profile shown on cards and receipts."""

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    township_code: Mapped[str] = mapped_column(String(9))
    township_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    opening_hours: Mapped[str] = mapped_column(String(100), default="")
    supervision_phone: Mapped[str] = mapped_column(String(32), default="")
    township_phone: Mapped[str] = mapped_column(String(32), default="")
    services: Mapped[list[str]] = mapped_column(default=list)
    operator: Mapped[str] = mapped_column(String(50), default="")


class Grid(Synced, Base):
    """A grid and its leader."""

    __tablename__ = "grid"

    name: Mapped[str] = mapped_column(String(50))
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    leader_phone: Mapped[str] = mapped_column(String(32), default="")
    # 停用: kept for the households and records that name it, hidden from pickers
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class Cadre(Synced, Base):
    """A cadre paired with households."""

    __tablename__ = "cadre"

    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(32), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(16), default="干部")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    # the category the presence rules judge by (core.cadre_rules; 0010)
    category: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # 包村: the village (station code) a township cadre answers for (0010)
    village_code: Mapped[str] = mapped_column(String(12), default="", server_default="")


class Household(Synced, Base):
    """A household (户)."""

    __tablename__ = "household"

    # unique among live households of one origin (partial index below): a deleted
    # household's number may be given again, while its tombstone keeps the old value
    number: Mapped[str] = mapped_column(String(32))
    # "" where created on this PC; the sending station's node id at the township, whose
    # stations may each have a household 001 (not synced: the importer sets it)
    origin: Mapped[str] = mapped_column(String(36), default="", server_default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"), index=True)
    tags: Mapped[list[str]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index(
            "uq_household_origin_number_live",
            "origin",
            "number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    members: Mapped[list[Person]] = relationship(
        back_populates="household", order_by="Person.position", lazy="selectin"
    )
    grid: Mapped[Grid | None] = relationship(lazy="joined")
    cadre: Mapped[Cadre | None] = relationship(lazy="joined")


class Person(Synced, Base):
    """A resident."""

    __tablename__ = "person"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(16), default="户主")
    # unique among live persons of one origin (partial index below), like the household
    # number: a resident registered in two villages reaches the township twice
    id_number: Mapped[str | None] = mapped_column(String(18))
    origin: Mapped[str] = mapped_column(String(36), default="", server_default="")
    gender: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(default=None)
    phone: Mapped[str] = mapped_column(String(32), default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    flags: Mapped[list[str]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    # lower-case haystack: name, pinyin keys, ID number, phone, household number
    search_text: Mapped[str] = mapped_column(Text, default="")

    household: Mapped[Household] = relationship(back_populates="members")

    # The register search scans this small covering index instead of the table (about half
    # the pages): ``search_text LIKE '%…%'`` cannot seek, but it need not read whole rows.
    __table_args__ = (
        Index("ix_person_search", "search_text", "household_id", "deleted_at"),
        Index(
            "uq_person_origin_id_number_live",
            "origin",
            "id_number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND id_number IS NOT NULL"),
            postgresql_where=text("deleted_at IS NULL AND id_number IS NOT NULL"),
        ),
        # 0019: the import's check for a resident registered by another origin too
        Index(
            "ix_person_id_number_live",
            "id_number",
            sqlite_where=text("deleted_at IS NULL AND id_number IS NOT NULL"),
            postgresql_where=text("deleted_at IS NULL AND id_number IS NOT NULL"),
        ),
    )


class CardIssue(Synced, Base):
    """A contact card printed for a household, with a fingerprint of what was printed."""

    __tablename__ = "card_issue"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    card_number: Mapped[str] = mapped_column(String(40), index=True)
    issued_on: Mapped[dt.date] = mapped_column()
    fingerprint: Mapped[str] = mapped_column(String(64))


class IntakeItem(Synced, Base):
    """An intake item (受理事项).

    ``state`` and ``due_on`` are derived from the events and kept here only so that lists
    of 100,000 items filter and sort fast; the repository writes them with each event.
    """

    __tablename__ = "intake_item"
    __table_args__ = (
        # 0018: the work lists' first page as an index walk (issue 19: 450,000 items at a
        # county) — newest first, newest first within states, the overdue (state, due date)
        Index("ix_intake_item_received_number", "received_at", "number"),
        Index("ix_intake_item_state_received", "state", "received_at", "number"),
        Index("ix_intake_item_state_due", "state", "due_on"),
        # 0023: every order of item_order.ITEM_SORTS walks an index (the deadline orders'
        # expression indexes are outside the models: item_order.ORDER_INDEXES)
        Index("ix_intake_item_requester_number", "requester_name", "number"),
        Index("ix_intake_item_type_number", "item_type", "number"),
        Index("ix_intake_item_domain_number", "domain", "number"),
        Index("ix_intake_item_grade_number", "grade", "number"),
        Index("ix_intake_item_handler_number", "handler", "number"),
        Index("ix_intake_item_state_number", "state", "number"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column()
    sequence: Mapped[int] = mapped_column()
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(16), index=True)
    requester_person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    requester_household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    requester_name: Mapped[str] = mapped_column(String(50))
    requester_phone: Mapped[str] = mapped_column(String(32), default="")
    domain: Mapped[str] = mapped_column(String(32))
    grade: Mapped[str] = mapped_column(String(1))
    item_type: Mapped[str] = mapped_column(String(8))
    content: Mapped[str] = mapped_column(Text)
    handler: Mapped[str] = mapped_column(String(50), default="")
    promised_days: Mapped[int] = mapped_column(default=0)
    query_code: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(24))
    due_on: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    # the diary entry whose visit found this problem (channel 走访), if any
    diary_entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("diary_entry.id"), default=None, index=True
    )
    # 0011: 代办 (core.intake.agency): "" when the station does not act for the resident
    agency_mode: Mapped[str] = mapped_column(String(8), default="", server_default="")
    agency_auth_on: Mapped[dt.date | None] = mapped_column(default=None)  # authorised on
    agency_auth_kind: Mapped[str] = mapped_column(String(4), default="", server_default="")
    agency_agent: Mapped[str] = mapped_column(String(50), default="", server_default="")
    agency_office: Mapped[str] = mapped_column(String(100), default="", server_default="")
    at_home: Mapped[bool] = mapped_column(default=False, server_default=false())  # 上门服务
    # 0012: who answers for it (core.units): 主管部门 and 双联系单位, "" when none is set; the
    # township's last assignment (交办) names the competent unit from then on
    competent_unit: Mapped[str] = mapped_column(String(100), default="", server_default="")
    paired_unit: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # 0014: 信访 (core.petitions): "" when the item is not a petition, else 初信初访 or
    # 重复信访; how it came (来信, 来访) and how far it went (到乡 … 赴京)
    petition: Mapped[str] = mapped_column(String(8), default="", server_default="", index=True)
    petition_form: Mapped[str] = mapped_column(String(4), default="", server_default="")
    petition_reach: Mapped[str] = mapped_column(String(4), default="", server_default="")

    events: Mapped[list[ItemEvent]] = relationship(
        back_populates="item", order_by="ItemEvent.position", lazy="selectin"
    )
    # loaded only when an item's page asks (lists of items never touch them)
    corrections: Mapped[list[ItemCorrection]] = relationship(
        back_populates="item", order_by="ItemCorrection.at", lazy="select"
    )


class ItemEvent(Synced, Base):
    """One step of an item's history; append-only."""

    __tablename__ = "item_event"

    item_id: Mapped[str] = mapped_column(ForeignKey("intake_item.id"), index=True)
    position: Mapped[int] = mapped_column()
    at: Mapped[dt.datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(50), default="")
    actor_role: Mapped[str] = mapped_column(String(16), default="station")
    from_state: Mapped[str | None] = mapped_column(String(24), default=None)
    to_state: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    item: Mapped[IntakeItem] = relationship(back_populates="events")


class AgencyEntry(Synced, Base):
    """A 代办 record of an item: a document received or returned, or progress; append-only."""

    __tablename__ = "agency_entry"

    item_id: Mapped[str] = mapped_column(ForeignKey("intake_item.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # core.intake.agency.ENTRY_KINDS
    day: Mapped[dt.date] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(50), default="")


class ItemCorrection(Synced, Base):
    """A correction of a saved item's fields (更正), with the old and new values; append-only.

    The item row holds the corrected values; this keeps who changed what, when and why
    (:mod:`qunzhong_desktop.core.intake.corrections`).
    """

    __tablename__ = "item_correction"

    item_id: Mapped[str] = mapped_column(ForeignKey("intake_item.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # {field: {"old": value, "new": value}}
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)

    item: Mapped[IntakeItem] = relationship(back_populates="corrections")


class ItemCounter(Base):
    """The last item sequence used per year on this PC; bumped in the item's transaction."""

    __tablename__ = "item_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class ItemFact(Base):
    """An item's report facts (core/monthly/facts.py), kept on this PC; never synced.

    A cache: triggers (migration 0013) drop an item's row when the item or one of its events
    is written, and every row when the working-day calendar changes; the report fills the
    missing rows again (storage/item_facts.py).
    """

    __tablename__ = "item_fact"

    item_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("intake_item.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[str] = mapped_column(String(32))
    station: Mapped[str] = mapped_column(String(12))  # the code its number begins with
    received_at: Mapped[dt.datetime] = mapped_column()
    channel: Mapped[str] = mapped_column(String(16))
    domain: Mapped[str] = mapped_column(String(32))
    grade: Mapped[str] = mapped_column(String(1))
    state: Mapped[str] = mapped_column(String(24), default="")
    last_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    first_time: Mapped[bool] = mapped_column(default=False)
    on_time: Mapped[bool] = mapped_column(default=False)
    resolved_unit: Mapped[str] = mapped_column(String(100), default="")
    assigned_unit: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[dt.date | None] = mapped_column(default=None)
    competent_now: Mapped[str] = mapped_column(String(100), default="")
    paired: Mapped[str] = mapped_column(String(100), default="")


class ItemFlow(Base):
    """An item's escalation or follow-up (with the answer), kept beside its facts (0013)."""

    __tablename__ = "item_flow"

    item_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("intake_item.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(24))  # escalated or followed_up
    answer: Mapped[str] = mapped_column(String(16), default="")


class CalendarYear(Synced, Base):
    """A year whose holiday schedule the user loaded (its days are in ``calendar_day``)."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(unique=True)
    source: Mapped[str] = mapped_column(String(200), default="")


class CalendarDay(Synced, Base):
    """A day that differs from the plain week: a holiday (休) or a make-up workday (班)."""

    __tablename__ = "calendar_day"

    day: Mapped[dt.date] = mapped_column(unique=True)
    workday: Mapped[bool] = mapped_column()
    note: Mapped[str] = mapped_column(String(50), default="")


class DiaryEntry(Synced, Base):
    """A cadre's resident diary (民情日记) for one day; one live entry per cadre and day."""

    __tablename__ = "diary_entry"
    __table_args__ = (
        Index(
            "uq_diary_entry_cadre_day_live",
            "cadre_id",
            "day",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id"), index=True)
    day: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    # who wrote it down (the operator signed in; 0009): the cadre need not be the writer
    author: Mapped[str] = mapped_column(String(50), default="", server_default="")
    # where it happened (a 电话回访 with a place in the village is a day in the village; 0010)
    place: Mapped[str] = mapped_column(String(100), default="", server_default="")

    visits: Mapped[list[DiaryVisit]] = relationship(
        back_populates="entry", order_by="DiaryVisit.position", lazy="selectin"
    )


class DiaryVisit(Synced, Base):
    """A household visited in a diary entry, with its 三必看、三必问、三必留 checklist."""

    __tablename__ = "diary_visit"

    entry_id: Mapped[str] = mapped_column(ForeignKey("diary_entry.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    # {point code: {"done": bool, "note": str}} for the nine points of core.diary
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")

    entry: Mapped[DiaryEntry] = relationship(back_populates="visits")


class AssistanceNeed(Synced, Base):
    """A need for help (帮扶需求) and where its checks stand (core.assistance_case; 0011).

    ``state`` and ``result`` follow from the steps; the station writes them with each step.
    """

    __tablename__ = "assistance_need"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    what: Mapped[str] = mapped_column(Text)  # 需求内容
    category: Mapped[str] = mapped_column(String(8))
    urgent: Mapped[bool] = mapped_column(default=False, server_default=false())  # 急事急办
    reported_by: Mapped[str] = mapped_column(String(50), default="")  # usually the 网长
    reported_on: Mapped[dt.date] = mapped_column(index=True)
    time_limit: Mapped[dt.date | None] = mapped_column(default=None)  # 帮扶时限
    state: Mapped[str] = mapped_column(String(16), index=True)
    result: Mapped[str] = mapped_column(Text, default="")  # the result it was closed with


class AssistanceStep(Synced, Base):
    """A checking step of a need (网长报告, 初核, 复核, 退回, 销号 …); append-only (0011)."""

    __tablename__ = "assistance_step"

    need_id: Mapped[str] = mapped_column(ForeignKey("assistance_need.id"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date] = mapped_column()
    actor: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(Text, default="")  # the reason, or the result


class Assistance(Synced, Base):
    """Help given (帮扶记录) to a household in difficulty, with the five publics (五公开)."""

    __tablename__ = "assistance"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    given_on: Mapped[dt.date] = mapped_column(index=True)
    helping_unit: Mapped[str] = mapped_column(String(100))  # 帮扶单位
    helper: Mapped[str] = mapped_column(String(50))  # 帮扶责任人 (names, as printed)
    target: Mapped[str] = mapped_column(String(200), default="")  # 帮扶目标
    content: Mapped[str] = mapped_column(Text)  # 帮扶内容
    time_limit: Mapped[dt.date | None] = mapped_column(default=None)  # 帮扶时限
    result: Mapped[str] = mapped_column(Text, default="")  # 帮扶成效: the latest outcome
    # 0011: the need it answers, its kind, the amount in 分 (money and goods), the helpers
    need_id: Mapped[str | None] = mapped_column(
        ForeignKey("assistance_need.id"), default=None, index=True
    )
    kind: Mapped[str] = mapped_column(String(8), default="其他", server_default="其他")
    amount_fen: Mapped[int | None] = mapped_column(default=None)
    helper_ids: Mapped[list[str]] = mapped_column(default=list, server_default="[]")  # cadre ids


class AssistanceOutcome(Synced, Base):
    """An outcome written for a help record (帮扶成效), later ones after it; append-only (0011)."""

    __tablename__ = "assistance_outcome"

    assistance_id: Mapped[str] = mapped_column(ForeignKey("assistance.id"), index=True)
    day: Mapped[dt.date] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(50), default="")


class OperatorAccount(Base):
    """A person who signs in to this PC (操作员). Never synced: passwords stay on the PC.

    ``password_hash`` is Argon2id (:mod:`qunzhong_desktop.storage.accounts`).
    """

    __tablename__ = "operator"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # core.access.Role
    cadre_id: Mapped[str | None] = mapped_column(String(36), default=None)
    password_hash: Mapped[str] = mapped_column(String(200))
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AccessLog(Synced, Base):
    """Who saw or took out personal data, and who signed in (访问记录); append-only, synced."""

    __tablename__ = "access_log"

    at: Mapped[dt.datetime] = mapped_column(index=True)
    operator: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)  # core.access_log.ACTIONS
    what: Mapped[str] = mapped_column(String(200), default="")
    count: Mapped[int] = mapped_column(default=0)


# the tables of issue 18 live in their own module; their names are found here like the rest
from qunzhong_desktop.storage.models_voice import (  # noqa: E402
    DutyDay,
    EvaluationRound,
    EvaluationTally,
    InfoGroup,
    MassInfo,
    MassMeeting,
    MeetingTopic,
    PromotionSurvey,
    Reception,
    SurveyAnswer,
)

__all__ += [
    "DutyDay",
    "EvaluationRound",
    "EvaluationTally",
    "InfoGroup",
    "MassInfo",
    "MassMeeting",
    "MeetingTopic",
    "PromotionSurvey",
    "Reception",
    "SurveyAnswer",
]

# the county's own tables of issue 19 (matters escalated to the county)
from qunzhong_desktop.storage.models_county import CountyDepartment, CountyMeeting  # noqa: E402

__all__ += ["CountyDepartment", "CountyMeeting"]
