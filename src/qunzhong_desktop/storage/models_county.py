"""The county's own records for matters escalated to it (重大疑难事项, issue 19; migration 0016).

Kept only by the county's mass-work department (群众工作部): its departments (县直部门) that
matters are assigned to, and the coordination meetings (协调会) held on major matters, with
the lead department (牵头单位) and the co-operating ones (配合单位). Captured in the county's
outbox like every synced write (sync/schema.COUNTY_OWN), never sent down: what travels is
the items' events (县已交办, 退回乡镇, the result).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qunzhong_desktop.storage.base import Base, Synced


class CountyDepartment(Synced, Base):
    """A county department (县直部门) matters are assigned to; retired, never deleted."""

    __tablename__ = "county_department"

    name: Mapped[str] = mapped_column(String(50), index=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    retired: Mapped[bool] = mapped_column(default=False)


class CountyMeeting(Synced, Base):
    """A coordination meeting (协调会) on one or more major matters."""

    __tablename__ = "county_meeting"

    held_on: Mapped[dt.date] = mapped_column(index=True)
    topic: Mapped[str] = mapped_column(String(100), default="")
    items: Mapped[list[str]] = mapped_column(default=list)  # item numbers
    lead: Mapped[str] = mapped_column(String(50))  # 牵头单位: a department's name
    cooperating: Mapped[list[str]] = mapped_column(default=list)  # 配合单位
    attendees: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
