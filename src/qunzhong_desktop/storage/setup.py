"""First start: give this PC a node identity and create the station profile."""

from __future__ import annotations

from sqlalchemy import select

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import SetupError, ValidationError
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database


def check_profile(profile: StationProfile) -> StationProfile:
    """Normalise and check a station profile as the wizard and the CLI take it.

    Raises:
        ValidationError: the first field that is wrong, with ``field`` in its data.
    """
    try:
        profile.code = regions.normalise_station_code(profile.code)
    except ValidationError as exc:
        exc.data["field"] = "code"
        raise
    try:
        profile.township_code = regions.normalise_township_code(profile.township_code)
        regions.check_station_in_township(profile.code, profile.township_code)
    except ValidationError as exc:
        exc.data["field"] = "township_code"
        raise
    for key, label in (("name", "工作站名称"), ("township_name", "乡镇名称")):
        value = clean(getattr(profile, key))
        if not value:
            raise ValidationError(f"请填写{label}。", code="setup.required", field=key)
        setattr(profile, key, value)
    for key in ("phone", "supervision_phone", "township_phone"):
        value = compact(getattr(profile, key))
        if value:
            try:
                value = phone.normalise(value)
            except ValidationError as exc:
                exc.data["field"] = key
                raise
        setattr(profile, key, value)
    profile.address = clean(profile.address)
    profile.opening_hours = clean(profile.opening_hours)
    profile.operator = compact(profile.operator)
    return profile


def is_set_up(db: Database) -> bool:
    """Whether this store already has its node and station."""
    with db.session() as s:
        return s.scalars(select(m.Station)).first() is not None


def init_station(db: Database, profile: StationProfile) -> None:
    """Create the node identity and the station profile in one transaction.

    Raises:
        SetupError: the store is already set up.
        ValidationError: a field of the profile is wrong.
    """
    check_profile(profile)
    with db.session() as s:
        existing = s.scalars(select(m.Station)).first()
        if existing is not None:
            raise SetupError(
                f"本机已设置为工作站“{existing.name}”（{existing.code}），不能再次初始化。",
                code="setup.already",
            )
        if s.scalars(select(m.LocalNode)).first() is None:
            s.add(m.LocalNode(node_id=new_id(), role="station", epoch=1))
            s.flush()
        s.add(
            m.Station(
                code=profile.code,
                name=profile.name,
                township_code=profile.township_code,
                township_name=profile.township_name,
                address=profile.address,
                phone=profile.phone,
                opening_hours=profile.opening_hours,
                supervision_phone=profile.supervision_phone,
                township_phone=profile.township_phone,
                services=list(profile.services),
                operator=profile.operator,
            )
        )
