"""Residents' voice and judgement (issue 18; migration 0014).

Station-owned, travelling to the township like the diary: evaluation rounds and their
tallies (民意测评), 民情 meetings with their topics, 民情信息 and the groups that answer alike
ones at once. The township's own, captured in its outbox for the county tier but never sent
to a station: the petition duty roster (信访值周), its reception log (接访登记, 联合接访) and the
survey of a cadre's served households before a promotion.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qunzhong_desktop.storage.base import Base, Synced


class EvaluationRound(Synced, Base):
    """An evaluation round (民意测评会, 民主测评 …): who took part and how many ballots."""

    __tablename__ = "evaluation_round"

    kind: Mapped[str] = mapped_column(String(16))  # core.evaluation.KINDS
    period: Mapped[str] = mapped_column(String(16), default="")  # 2026-H2, 2026
    held_on: Mapped[dt.date] = mapped_column(index=True)
    villages: Mapped[list[str]] = mapped_column(default=list)  # station codes
    title: Mapped[str] = mapped_column(String(100), default="")
    participants: Mapped[int] = mapped_column(default=0)
    ballots_issued: Mapped[int] = mapped_column(default=0)
    ballots_returned: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class EvaluationTally(Synced, Base):
    """The counts for one person or unit rated in a round (one row of the ballot)."""

    __tablename__ = "evaluation_tally"

    round_id: Mapped[str] = mapped_column(ForeignKey("evaluation_round.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(100))
    rated: Mapped[str] = mapped_column(String(8))  # core.evaluation.CADRE or UNIT
    role: Mapped[str] = mapped_column(String(16), default="")  # core.evaluation.ROLES
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"), default=None, index=True)
    satisfied: Mapped[int] = mapped_column(default=0)
    fair: Mapped[int] = mapped_column(default=0)  # 基本满意
    unsatisfied: Mapped[int] = mapped_column(default=0)


class MassMeeting(Synced, Base):
    """A 民情恳谈会 (residents raise problems) or 民情分析会 (cadres analyse the month)."""

    __tablename__ = "mass_meeting"

    kind: Mapped[str] = mapped_column(String(8))  # core.meetings.KINDS
    held_on: Mapped[dt.date] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    host: Mapped[str] = mapped_column(String(50), default="")
    attendance: Mapped[int] = mapped_column(default=0)
    attendees: Mapped[str] = mapped_column(Text, default="")  # who came (groups, names)
    summary: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")


class InfoGroup(Synced, Base):
    """Several alike 民情信息 taken as one common issue, answered once (一并答复)."""

    __tablename__ = "info_group"

    title: Mapped[str] = mapped_column(String(100))
    topic: Mapped[str] = mapped_column(String(8))
    result: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(default=None)
    answered_by: Mapped[str] = mapped_column(String(50), default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")  # the batch follow-up (回访)
    followed_on: Mapped[dt.date | None] = mapped_column(default=None)


class MassInfo(Synced, Base):
    """A 民情信息: an opinion or an early sign, from a grid member, a visit, a meeting, a call."""

    __tablename__ = "mass_info"

    received_on: Mapped[dt.date] = mapped_column(index=True)
    source: Mapped[str] = mapped_column(String(8))  # core.mass_info.SOURCES
    reporter: Mapped[str] = mapped_column(String(50), default="")
    topic: Mapped[str] = mapped_column(String(8))  # core.mass_info.TOPICS
    info_type: Mapped[str] = mapped_column(String(8))  # core.mass_info.TYPES
    text: Mapped[str] = mapped_column(Text)
    household_ids: Mapped[list[str]] = mapped_column(default=list)
    households: Mapped[int] = mapped_column(default=0)  # how many households it concerns
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("mass_meeting.id"), default=None, index=True
    )
    item_id: Mapped[str | None] = mapped_column(
        ForeignKey("intake_item.id"), default=None, index=True
    )
    group_id: Mapped[str | None] = mapped_column(
        ForeignKey("info_group.id"), default=None, index=True
    )


class MeetingTopic(Synced, Base):
    """A problem raised at a 恳谈会, or an item or information analysed at a 分析会."""

    __tablename__ = "meeting_topic"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("mass_meeting.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    raised_by: Mapped[str] = mapped_column(String(50), default="")
    owner: Mapped[str] = mapped_column(String(50), default="")  # who follows it up
    item_id: Mapped[str | None] = mapped_column(
        ForeignKey("intake_item.id"), default=None, index=True
    )
    info_id: Mapped[str | None] = mapped_column(ForeignKey("mass_info.id"), default=None)


class DutyDay(Synced, Base):
    """Who of the township's committee is on petition duty (信访值周) on a working day."""

    __tablename__ = "duty_day"

    day: Mapped[dt.date] = mapped_column(index=True)
    member: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(String(200), default="")


class Reception(Synced, Base):
    """A visit received on a duty day (接访登记); with units present, a 联合接访."""

    __tablename__ = "reception"

    day: Mapped[dt.date] = mapped_column(index=True)
    member: Mapped[str] = mapped_column(String(50))  # who received
    visitors: Mapped[int] = mapped_column(default=1)
    matter: Mapped[str] = mapped_column(Text)  # no names or numbers: what was raised
    units: Mapped[list[str]] = mapped_column(default=list)  # units present (联合接访)
    handling: Mapped[str] = mapped_column(Text, default="")
    item_id: Mapped[str | None] = mapped_column(ForeignKey("intake_item.id"), default=None)


class PromotionSurvey(Synced, Base):
    """A survey of a cadre's served households before a promotion (提拔前征求群众意见)."""

    __tablename__ = "promotion_survey"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id"), index=True)
    started_on: Mapped[dt.date] = mapped_column()
    purpose: Mapped[str] = mapped_column(String(200), default="")


class SurveyAnswer(Synced, Base):
    """One served household's answer in a promotion survey."""

    __tablename__ = "survey_answer"

    survey_id: Mapped[str] = mapped_column(ForeignKey("promotion_survey.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    answer: Mapped[str] = mapped_column(String(8), default="")  # core.evaluation.ANSWERS
    note: Mapped[str] = mapped_column(String(200), default="")
    asked_on: Mapped[dt.date | None] = mapped_column(default=None)
