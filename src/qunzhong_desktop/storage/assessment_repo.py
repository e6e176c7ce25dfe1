"""The township's assessment (考评, issue 17) in a store: its scheme, manual points and vetoes.

The township keeps them as its own records in the ``setting`` table (JSON), not synced and
not sent to its stations: the scheme under ``township.assessment.scheme`` (the default
scheme until it sets one), and per period (by its code, ``2026-H2``) the manual points and
one-vote vetoes of each station (by code) and unit (by name) under
``township.assessment.{code}``. A station's store refuses all of it. The sheet itself is
computed each time from the period report (:class:`.period_repo.SqlPeriodReports`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.assessment import AssessmentSheet, Record, record_json, records_of, sheet
from qunzhong_desktop.core.assessment_scheme import (
    DEFAULT_SCHEME,
    STATIONS,
    UNITS,
    Scheme,
    checked_manual,
    checked_reason,
    checked_scheme,
    known_items,
)
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.monthly.period import Period
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import station_names
from qunzhong_desktop.storage.period_repo import SqlPeriodReports
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.settings_repo import put_json
from qunzhong_desktop.storage.setup import county_profile, node_role, township_profile
from qunzhong_desktop.storage.units_repo import load_register

SCHEME_SETTING = "township.assessment.scheme"
RECORDS_PREFIX = "township.assessment."
STATION_REFUSED = "考评由乡镇群众工作办进行：工作站不保存考评方案、手工评分和一票否决。"


def records_key(period: Period) -> str:
    """The setting that holds a period's manual points and vetoes."""
    return f"{RECORDS_PREFIX}{period.code}"


def _of(what: str) -> str:
    if what not in (STATIONS, UNITS):
        raise ValidationError(
            f"考评对象应为 stations（工作站）或 units（责任单位），现在是“{what}”。",
            code="assessment.of",
        )
    return what


def _load(s: Session, key: str) -> Any:
    row = s.get(m.Setting, key)
    if row is None or not row.value:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


class SqlAssessment:
    """``store.assessment``: the township's scheme, records and ranking sheets."""

    def __init__(self, db: Database, period_reports: SqlPeriodReports | None = None) -> None:
        self.db = db
        self.period_reports = period_reports or SqlPeriodReports(db)

    # scheme -----------------------------------------------------------------------------------
    def scheme(self) -> Scheme:
        """The scheme in force: the township's, else :data:`.DEFAULT_SCHEME`."""
        with self.db.session() as s:
            stored = _load(s, SCHEME_SETTING)
        if stored is None:
            return DEFAULT_SCHEME
        try:
            return checked_scheme(stored)
        except ValidationError:  # written by a later release, or by hand: the default
            return DEFAULT_SCHEME

    def set_scheme(self, value: Any) -> Scheme:
        """Replace the scheme (``{"stations": [...], "units": [...]}``), checked whole.

        Raises:
            PermissionDenied: the operator may not change settings.
            ValidationError: at a station, or a scheme that does not hold together (nothing
                is changed).
        """
        require(self.db.operator, Permission.SETTINGS)
        scheme = checked_scheme(value)
        with self.db.writing() as s:
            self._township(s)
            put_json(s, SCHEME_SETTING, scheme.as_json())
        return scheme

    # records ----------------------------------------------------------------------------------
    def records(self, period: Period, of: str = STATIONS) -> dict[str, Record]:
        """The manual points and vetoes of a period, by station code or unit name."""
        with self.db.session() as s:
            stored = _load(s, records_key(period))
        return records_of(stored.get(_of(of)) if isinstance(stored, dict) else None)

    def set_manual(
        self, period: Period, *, of: str, entry: str, item: str, points: float
    ) -> Record:
        """Enter the points of a manual item for a station or unit.

        Raises:
            PermissionDenied, ValidationError: at a station, an unknown station, unit or
                item, an item computed from figures, points outside 0 to the item's.
        """
        chosen = known_items(self.scheme().of(_of(of)), item)
        given = checked_manual(chosen, points)
        return self._change(
            period, of, entry, lambda r: Record({**r.manual, chosen.name: given}, r.veto)
        )

    def veto(self, period: Period, *, of: str, entry: str, reason: str) -> Record:
        """Mark a one-vote veto (一票否决) with its reason (replacing an earlier reason).

        Raises:
            PermissionDenied, ValidationError: at a station, unknown, no reason.
        """
        text = checked_reason(reason)
        return self._change(period, of, entry, lambda r: Record(r.manual, text))

    def unveto(self, period: Period, *, of: str, entry: str) -> Record:
        """Lift a one-vote veto.

        Raises:
            PermissionDenied, ValidationError: at a station, unknown, or not vetoed.
        """

        def lift(record: Record) -> Record:
            if not record.veto:
                raise ValidationError(
                    f"“{compact(entry)}”在{period.title}没有一票否决记录。",
                    code="assessment.not_vetoed",
                )
            return Record(record.manual, "")

        return self._change(period, of, entry, lift)

    def _change(
        self, period: Period, of: str, entry: str, change: Callable[[Record], Record]
    ) -> Record:
        require(self.db.operator, Permission.SETTINGS)
        of = _of(of)
        with self.db.writing() as s:
            self._township(s)
            key = self._entry(s, of, entry)
            stored = _load(s, records_key(period))
            stored = stored if isinstance(stored, dict) else {}
            lists = {w: records_of(stored.get(w)) for w in (STATIONS, UNITS)}
            record = change(lists[of].get(key, Record()))
            lists[of][key] = record
            put_json(
                s,
                records_key(period),
                {w: {k: record_json(r) for k, r in lists[w].items()} for w in lists},
            )
        return record

    def _township(self, s: Session) -> None:
        node = s.scalars(select(m.LocalNode)).first()
        if node is None or node.role != "township":
            raise ValidationError(STATION_REFUSED, code="assessment.station")

    def _entry(self, s: Session, of: str, entry: str) -> str:
        wanted = entry.strip() if of == STATIONS else compact(entry)
        if of == STATIONS:
            names = station_names(self.db)
            if wanted in names:
                return wanted
            by_name = [c for c, n in names.items() if n == wanted]
            if len(by_name) == 1:
                return by_name[0]
            known = "、".join(f"{c} {n}" for c, n in names.items()) or "（还没有导入任何工作站）"
            raise NotFoundError(
                f"本乡镇没有代码为“{wanted}”的工作站。已有：{known}。",
                code="assessment.unknown_station",
            )
        units = [u.name for u in load_register(s)]
        if wanted in units:
            return wanted
        raise NotFoundError(
            f"责任单位名册中没有“{wanted}”。已有：{'、'.join(units)}。",
            code="assessment.unknown_unit",
        )

    # the sheet --------------------------------------------------------------------------------
    def sheet(
        self,
        period: Period,
        *,
        of: str = STATIONS,
        today: dt.date | None = None,
        township_code: str | None = None,
    ) -> AssessmentSheet:
        """The ranking of the stations (or units) for a period, as the township scores it.

        At the county: its townships ranked by the same scheme from the county's period
        report (a row per township), or one township's stations (``township_code``). The
        manual points and vetoes are each township's own records, never sent up: at the
        county the sheet has the computed items only (manual items 未录入).

        Raises:
            ValidationError: at a station's store; a township filter below the county or
                one the county never enrolled.
        """
        of = _of(of)
        if township_code or node_role(self.db) == "county":
            scope = resolve(self.db, township=township_code)
            report = self.period_reports.period_report(
                period, today=today, township_code=scope.township or None
            )
            name = scope.name or county_profile(self.db)[1]
            found = sheet(of, self.scheme(), report, {}, township=name)
            return replace(found, rows_label=report.rows_label)
        with self.db.session() as s:
            self._township(s)
        report = self.period_reports.period_report(period, today=today)
        return sheet(
            of,
            self.scheme(),
            report,
            self.records(period, of),
            township=township_profile(self.db)[1],
        )
