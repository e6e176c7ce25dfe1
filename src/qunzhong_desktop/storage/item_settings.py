"""The intake configuration of a store: days per domain, the township's units, its stations.

A grade A (重大紧急) item is promised fewer days than its domain's (急事急办): the rule is
:func:`.intake.rules.promised_days`; here are the days per domain and the A days set apart
from its default (``intake.grade_a_days``, JSON ``{domain: days}``; absent: half).

A mixin of :class:`.items_repo.SqlItems` (it needs ``self.db``). Settings are this PC's
configuration, not synced rows: the township's travel in its dispatch bundles
(:mod:`qunzhong_desktop.sync.config`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import (
    DAYS_MAX,
    DAYS_MIN,
    DEFAULT_UNITS,
    DOMAIN_DAYS,
    Deadlines,
    checked_grade_a_days,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.units_repo import UNITS_SETTING, renamed_register, store_register

DOMAIN_DAYS_SETTING = "intake.domain_days"
GRADE_A_DAYS_SETTING = "intake.grade_a_days"


class ItemSettings:
    """Days per domain, units, stations and the working-day calendar's deadlines."""

    db: Database

    def domain_days(self) -> dict[str, int]:
        """Working days a promised item gets per domain (defaults, then 设置)."""
        days = dict(DOMAIN_DAYS)
        with self.db.session() as s:
            row = s.get(m.Setting, DOMAIN_DAYS_SETTING)
            if row is not None and row.value:
                days.update({str(k): int(v) for k, v in json.loads(row.value).items()})
        return days

    def grade_a_days(self) -> dict[str, int]:
        """The A days (重大紧急) set per domain apart from the default (half the domain's)."""
        with self.db.session() as s:
            row = s.get(m.Setting, GRADE_A_DAYS_SETTING)
            if row is None or not row.value:
                return {}
            return {str(k): int(v) for k, v in json.loads(row.value).items()}

    def deadlines(self) -> Deadlines:
        """The promised days per domain and grade (:class:`.intake.rules.Deadlines`)."""
        return Deadlines(self.domain_days(), self.grade_a_days())

    def set_deadlines(
        self, domain_days: Mapping[str, int], grade_a_days: Mapping[str, int]
    ) -> None:
        """Store the days per domain and the A days, together (设置 › 承诺办结时限).

        A days equal to the default (half the domain's, rounded up) are not stored, so they
        follow the domain's days when these change.

        Raises:
            ValidationError: a domain's days are not 1–60, or its A days not 1–its days
                (``field``: the domain).
            PermissionDenied: the operator may not change settings.
        """
        require(self.db.operator, Permission.SETTINGS)
        for domain, value in domain_days.items():
            if not DAYS_MIN <= value <= DAYS_MAX:
                raise ValidationError(
                    f"“{domain}”的时限应为 {DAYS_MIN}–{DAYS_MAX} 个工作日。",
                    code="intake.domain_days",
                    field=domain,
                )
        urgent = checked_grade_a_days(domain_days, grade_a_days)
        with self.db.writing() as s:
            _put(s, DOMAIN_DAYS_SETTING, json.dumps(dict(domain_days), ensure_ascii=False))
            _put(s, GRADE_A_DAYS_SETTING, json.dumps(urgent, ensure_ascii=False))

    def set_domain_days(self, days: dict[str, int]) -> None:
        """Store the per-domain defaults (each 1–60 working days).

        Raises:
            PermissionDenied: the operator may not change settings.
        """
        require(self.db.operator, Permission.SETTINGS)
        with self.db.writing() as s:
            row = s.get(m.Setting, DOMAIN_DAYS_SETTING)
            value = json.dumps(days, ensure_ascii=False)
            if row is None:
                s.add(m.Setting(key=DOMAIN_DAYS_SETTING, value=value))
            else:
                row.value = value

    def units(self) -> list[str]:
        """The township's units (责任单位) items are assigned to (defaults, then 设置)."""
        with self.db.session() as s:
            row = s.get(m.Setting, UNITS_SETTING)
            if row is not None and row.value:
                stored = [str(unit) for unit in json.loads(row.value)]
                if stored:
                    return stored
        return list(DEFAULT_UNITS)

    def set_units(self, units: Sequence[str]) -> None:
        """Store the units, in the order the lists offer them, and the register with them.

        Units kept by name keep their details in the register (:mod:`.units_repo`); new
        names become 乡镇 职能部门; names left out leave the register.

        Raises:
            ValidationError: the list is empty, has a blank name or a name twice.
            PermissionDenied: the operator may not change settings.
        """
        require(self.db.operator, Permission.SETTINGS)
        names = [compact(unit) for unit in units]
        if not names:
            raise ValidationError("请至少保留一个责任单位。", code="units.empty", field="units")
        seen: set[str] = set()
        for index, name in enumerate(names):
            if not name:
                raise ValidationError(
                    f"第 {index + 1} 个责任单位没有名称。",
                    code="units.blank",
                    field="units",
                    index=index,
                )
            if name in seen:
                raise ValidationError(
                    f"责任单位“{name}”重复了。", code="units.duplicate", field="units", index=index
                )
            seen.add(name)
        with self.db.writing() as s:
            # the register follows: kept names keep their details, new ones are 乡镇 职能部门
            store_register(s, renamed_register(s, names))

    def stations(self) -> list[tuple[str, str]]:
        """(code, name) of the stations this store knows (at the township: synced), by code."""
        with self.db.session() as s:
            rows = s.execute(
                select(m.Station.code, m.Station.name)
                .where(m.Station.deleted_at.is_(None))
                .order_by(m.Station.code)
            )
            return [(code, name) for code, name in rows]

    def deadline_after(self, days: int, start: dt.date) -> dt.date:
        """The date ``days`` working days after ``start`` on this store's calendar."""
        with self.db.session() as s:
            return load_calendar(s).add_workdays(start, days)


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(m.Setting, key)
    if row is None:
        s.add(m.Setting(key=key, value=value))
    else:
        row.value = value
