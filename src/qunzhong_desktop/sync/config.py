"""The configuration a township hands its stations: units, domain deadlines, calendar years.

It travels in the station kit and in every dispatch bundle, as one JSON object:
``{"units": [...], "unit_register": [{"name", "level", "kind", "villages", "contacts",
"domains"}, ...], "domains": {domain: working days}, "calendar": {"2027": [{"day",
"workday", "note"}, ...]}, "cadre_rules": [...], "cadre_categories": {cadre id: category},
"assistance": {"notice_amounts": bool, "poor_threshold_yuan": int}, "voice": {"evaluation",
"read_days", "areas"}}``
(the cadre rule table of :mod:`qunzhong_desktop.core.cadre_rules`, and the categories the
township set for its stations' cadres, 核定类别; ``unit_register`` is the units register of
:mod:`qunzhong_desktop.core.units`, which an earlier township does not send: its ``units``
are read as 乡镇 职能部门; a dispatch adds the station's ``numbers``, see
``storage/item_numbers.py``). It is state, not history: a station replaces its copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.cadre_rules import parse_rules, rules_json
from qunzhong_desktop.core.calendar_file import Schedule, ScheduleDay
from qunzhong_desktop.core.entities import check_support_tags
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS
from qunzhong_desktop.core.units import Unit, checked_register, from_names, register_json
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import replace_schedule
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_settings import DOMAIN_DAYS_SETTING, GRADE_A_DAYS_SETTING
from qunzhong_desktop.storage.settings_repo import (
    CADRE_CATEGORIES_SETTING,
    check_assistance_options,
    check_category_fixes,
    load_assistance_options,
    load_category_fixes,
    load_rules,
    load_support_tags,
    put_json,
    store_assistance_options,
    store_rules,
    store_support_tags,
)
from qunzhong_desktop.storage.units_repo import UNITS_SETTING, load_register, store_register
from qunzhong_desktop.storage.voice_settings import check_voice, load_voice, store_voice, voice_json
from qunzhong_desktop.sync.bundle_container import refuse

MAX_UNITS = 200
MAX_DAYS_PER_YEAR = 200


def current(db: Database) -> dict[str, Any]:
    """This PC's configuration as it travels."""
    with db.session() as s:
        return current_in(s)


def current_in(s: Session) -> dict[str, Any]:
    """:func:`current` in the caller's session."""
    register = load_register(s)  # earlier releases' names, else the defaults, when unset
    domains = dict(DOMAIN_DAYS)
    domains.update(_setting(s, DOMAIN_DAYS_SETTING) or {})
    calendar: dict[str, list[dict[str, Any]]] = {}
    years = s.scalars(
        select(m.CalendarYear.year)
        .where(m.CalendarYear.deleted_at.is_(None))
        .order_by(m.CalendarYear.year)
    )
    for year in years:
        days = s.scalars(
            select(m.CalendarDay)
            .where(
                m.CalendarDay.deleted_at.is_(None),
                m.CalendarDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
            )
            .order_by(m.CalendarDay.day)
        )
        calendar[str(year)] = [
            {"day": d.day.isoformat(), "workday": d.workday, "note": d.note} for d in days
        ]
    return {
        "units": [u.name for u in register],  # the names alone, for earlier releases
        # 责任单位: level, kind, paired villages, contacts, domains (core/units.py)
        "unit_register": register_json(register),
        "domains": domains,
        "calendar": calendar,
        "cadre_rules": rules_json(load_rules(s)),
        # 急事急办: the A days set apart from the default (half the domain's); {} = all default
        "grade_a": _setting(s, GRADE_A_DAYS_SETTING) or {},
        "support_tags": list(load_support_tags(s)),
        # 核定类别: the category the township judges a station's cadre by
        "cadre_categories": load_category_fixes(s),
        # amounts on the 五公开 notice, the 特困 yearly minimum (元)
        "assistance": dataclasses.asdict(load_assistance_options(s)),
        # 不予提拔 and 诫勉谈话 thresholds, 阅办 days, deputies' areas (storage/voice_settings)
        "voice": voice_json(load_voice(s)),
    }


def _setting(s: Session, key: str) -> Any:
    row = s.get(m.Setting, key)
    return json.loads(row.value) if row is not None and row.value else None


def parse(conf: Any) -> tuple[list[str], dict[str, int], dict[int, list[dict[str, Any]]]]:
    """Check a configuration object.

    Returns:
        (units, domain days, calendar days by year).

    Raises:
        ValueError: a missing part or a value of the wrong type or range.
    """
    if not isinstance(conf, dict):
        raise ValueError("config")
    units, domains, calendar = conf.get("units"), conf.get("domains"), conf.get("calendar")
    if not isinstance(units, list) or len(units) > MAX_UNITS:
        raise ValueError("units")
    if not all(isinstance(u, str) and u.strip() and len(u) <= 100 for u in units):
        raise ValueError("units")
    if not isinstance(domains, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 60
        for k, v in domains.items()
    ):
        raise ValueError("domains")
    if not isinstance(calendar, dict):
        raise ValueError("calendar")
    years: dict[int, list[dict[str, Any]]] = {}
    for key, days in calendar.items():
        year = int(key)
        if not 2000 <= year <= 2100 or not isinstance(days, list):
            raise ValueError("calendar year")
        if len(days) > MAX_DAYS_PER_YEAR:
            raise ValueError("calendar size")
        for d in days:
            if not isinstance(d, dict) or not isinstance(d.get("workday"), bool):
                raise ValueError("calendar day")
            if dt.date.fromisoformat(str(d.get("day"))).year != year:
                raise ValueError("calendar day year")
            if not isinstance(d.get("note", ""), str):
                raise ValueError("calendar note")
        years[year] = days
    return list(units), dict(domains), years


def apply_config_in(s: Session, conf: Any, *, source: str) -> None:
    """Replace this station's units, domain deadlines and township calendar years.

    Runs in the caller's session, so a dispatch bundle's configuration lands in the same
    transaction as its changes.

    Raises:
        BundleRefused: ``config_invalid``, a configuration that does not parse.
    """
    try:
        units, domains, calendar = parse(conf)
        # a township older than the rule table or the A days sends none: the station keeps
        # its copy
        rules = parse_rules(conf["cadre_rules"]) if "cadre_rules" in conf else None
        grade_a = _grade_a(conf["grade_a"]) if "grade_a" in conf else None
        tags = _support_tags(conf["support_tags"]) if "support_tags" in conf else None
        fixes = (
            check_category_fixes(conf["cadre_categories"]) if "cadre_categories" in conf else None
        )
        options = check_assistance_options(conf["assistance"]) if "assistance" in conf else None
        register = _register(conf.get("unit_register"), units)
        voice = check_voice(conf["voice"], (*DOMAIN_DAYS, *domains)) if "voice" in conf else None
    except (ValueError, TypeError, ValidationError) as exc:
        raise refuse("config_invalid", "乡镇下发的配置格式错误，已拒绝导入。") from exc
    if rules is not None:
        store_rules(s, rules)
    if tags is not None:
        store_support_tags(s, tags)
    if fixes is not None:
        put_json(s, CADRE_CATEGORIES_SETTING, fixes)
    if options is not None:
        store_assistance_options(s, options)
    if voice is not None:
        store_voice(s, voice)
    if register is not None:
        store_register(s, register)  # and the names beside it
    if grade_a is not None:  # written even when {}: every domain back at the default
        put_json(s, GRADE_A_DAYS_SETTING, grade_a)
    names = [u.name for u in register] if register is not None else units
    for key, value in ((UNITS_SETTING, names), (DOMAIN_DAYS_SETTING, domains)):
        if not value:
            continue
        text = json.dumps(value, ensure_ascii=False)
        row = s.get(m.Setting, key)
        if row is None:
            s.add(m.Setting(key=key, value=text))
        else:
            row.value = text
    if calendar:
        days = tuple(
            ScheduleDay(dt.date.fromisoformat(d["day"]), d["workday"], str(d.get("note", "")))
            for year in sorted(calendar)
            for d in calendar[year]
        )
        replace_schedule(s, Schedule(tuple(sorted(calendar)), days, source[:200]))


def _register(value: Any, units: list[str]) -> tuple[Unit, ...] | None:
    """The units register of a configuration (None: none at all, the station keeps its copy).

    A township of an earlier release sends the names alone (``units``): 乡镇 职能部门 each.
    """
    if value is None:
        return from_names(units) or None
    if not isinstance(value, list):
        raise ValueError("unit_register")
    return checked_register(value)


def _grade_a(value: Any) -> dict[str, int]:
    """The A days of a configuration: ``{domain: 1–60}`` (cut to the domain's when used)."""
    if (
        not isinstance(value, dict)
        or len(value) > MAX_UNITS
        or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 60
            for k, v in value.items()
        )
    ):
        raise ValueError("grade_a")
    return dict(value)


def _support_tags(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise ValueError("support_tags")
    return check_support_tags(value)
