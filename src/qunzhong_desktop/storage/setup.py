"""First start: give this PC a node identity and create the station profile."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import SetupError, ValidationError
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.write_paths import write_path

#: Phones printed on the cards that may be a public hotline (12345, 12388 …).
HOTLINE_FIELDS = ("supervision_phone", "township_phone")


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
                value = phone.normalise(value, hotline=key in HOTLINE_FIELDS)
            except ValidationError as exc:
                exc.data["field"] = key
                raise
        setattr(profile, key, value)
    profile.address = clean(profile.address)
    profile.opening_hours = clean(profile.opening_hours)
    profile.operator = compact(profile.operator)
    return profile


TOWNSHIP_CODE_SETTING = "township.code"
TOWNSHIP_NAME_SETTING = "township.name"
TOWNSHIP_PHONE_SETTING = "township.phone"


#: the roles whose PC holds copies of the stations' own records, which only stations change
ABOVE_STATIONS = frozenset({"township", "county"})


def station_only(db: Database, message: str, code: str) -> None:
    """Refuse, at a township or the county, a write of what only stations record.

    Their copies there arrive in bundles and go nowhere: a change made there would never
    reach the station, and the county refuses a township's bundle that carries it — so it
    would stop that township's bundles for good (sync/schema.py says who owns what).

    Raises:
        ValidationError: ``message``, with ``code``.
    """
    if node_role(db) in ABOVE_STATIONS:
        raise ValidationError(message, code=code)


def node_role(db: Database) -> str:
    """``station``, ``township``, ``county``, or ``""`` before set-up."""
    with db.session() as s:
        node = s.scalars(select(m.LocalNode)).first()
        return node.role if node is not None else ""


def is_set_up(db: Database) -> bool:
    """Whether this store already has its node and its station (or township) profile."""
    with db.session() as s:
        node = s.scalars(select(m.LocalNode)).first()
        if node is not None and node.role == "township":
            return s.get(m.Setting, TOWNSHIP_CODE_SETTING) is not None
        if node is not None and node.role == "county":
            return s.get(m.Setting, COUNTY_CODE_SETTING) is not None
        return s.scalars(select(m.Station)).first() is not None


def township_profile(db: Database) -> tuple[str, str, str]:
    """(code, name, phone) of a township store; empty strings at a station."""
    with db.session() as s:
        code, name, phone_number = (
            row.value if (row := s.get(m.Setting, key)) is not None else ""
            for key in _TOWNSHIP_KEYS
        )
        return code, name, phone_number


_TOWNSHIP_KEYS = (TOWNSHIP_CODE_SETTING, TOWNSHIP_NAME_SETTING, TOWNSHIP_PHONE_SETTING)


def init_township(db: Database, code: str, name: str, phone_number: str = "") -> tuple[str, str]:
    """Make this PC a township office (乡镇群众工作办): node identity and profile.

    Returns:
        The normalised (code, name).

    Raises:
        SetupError: the store is already set up (as a station or a township).
        ValidationError: a wrong code, an empty name or a wrong phone (``field`` in data).
    """
    try:
        code = regions.normalise_township_code(code)
    except ValidationError as exc:
        exc.data["field"] = "code"
        raise
    name = clean(name)
    if not name:
        raise ValidationError("请填写乡镇群众工作办名称。", code="setup.required", field="name")
    phone_number = compact(phone_number)
    if phone_number:
        try:
            phone_number = phone.normalise(phone_number, hotline=True)
        except ValidationError as exc:
            exc.data["field"] = "phone"
            raise
    with db.writing() as s:
        _claim_node(s, "township")
        for key, value in zip(_TOWNSHIP_KEYS, (code, name, phone_number), strict=True):
            s.add(m.Setting(key=key, value=value))
    return code, name


COUNTY_CODE_SETTING = "county.code"
COUNTY_NAME_SETTING = "county.name"
_ROLE_NAMES = {"station": "村（社区）群众工作站", "township": "乡镇群众工作办",
               "county": "县（市、区）群众工作部"}  # fmt: skip


def _claim_node(s: Session, role: str) -> None:
    """Give a store that is not set up yet the node identity of ``role``.

    Raises:
        SetupError: ``setup.already``: the store is a station, township or county already.
    """
    node = s.scalars(select(m.LocalNode)).first()
    station = s.scalars(select(m.Station)).first()
    if station is not None or (node is not None and node.role in ("township", "county")):
        was = "station" if station is not None else node.role  # type: ignore[union-attr]
        raise SetupError(
            f"本机已设置为{_ROLE_NAMES[was]}，不能再设置为{_ROLE_NAMES[role]}。",
            code="setup.already",
        )
    if node is None:
        s.add(m.LocalNode(node_id=new_id(), role=role, epoch=1))
    else:
        node.role = role


def normalise_county_code(raw: str) -> str:
    """A county's (or city district's) 6-digit division code (县级统计用区划代码).

    Raises:
        ValidationError: ``county_code.format`` / ``county_code.level``, ``field`` = code.
    """
    code = compact(raw)
    if not code.isascii() or not code.isdigit() or len(code) != 6:
        raise ValidationError(
            f"县（市、区）代码应为 6 位数字的区划代码，现在是“{code}”（{len(code)} 位）。",
            code="county_code.format",
            field="code",
            value=code,
        )
    if not regions.plausible_area(code) or code[4:] == "00":
        raise ValidationError(
            f"“{code}”不是有效的县级区划代码（前两位是省，第 3–4 位是市，第 5–6 位是县，"
            "都不能为 00）。",
            code="county_code.level",
            field="code",
            value=code,
        )
    return code


def init_county(db: Database, code6: str, name: str) -> tuple[str, str]:
    """Make this PC a county's mass-work department (群众工作部): node identity, profile.

    Returns:
        The normalised (code, name).

    Raises:
        SetupError: the store is already set up (as a station, township or county).
        ValidationError: a wrong code or an empty name (``field`` in data).
    """
    code = normalise_county_code(code6)
    name = clean(name)
    if not name:
        raise ValidationError(
            "请填写县（市、区）群众工作部名称。", code="setup.required", field="name"
        )
    with db.writing() as s:
        _claim_node(s, "county")
        s.add(m.Setting(key=COUNTY_CODE_SETTING, value=code))
        s.add(m.Setting(key=COUNTY_NAME_SETTING, value=name))
    return code, name


def county_profile(db: Database) -> tuple[str, str]:
    """(code, name) of a county store; empty strings elsewhere."""
    with db.session() as s:
        code, name = (
            row.value if (row := s.get(m.Setting, key)) is not None else ""
            for key in (COUNTY_CODE_SETTING, COUNTY_NAME_SETTING)
        )
        return code, name


@write_path(needs=Permission.SETTINGS)
def init_station(db: Database, profile: StationProfile) -> None:
    """Create the node identity and the station profile in one transaction.

    Raises:
        SetupError: the store is already set up.
        ValidationError: a field of the profile is wrong.
    """
    check_profile(profile)
    with db.writing() as s:
        existing = s.scalars(select(m.Station)).first()
        node = s.scalars(select(m.LocalNode)).first()
        if node is not None and node.role in ("township", "county"):
            raise SetupError(
                f"本机已设置为{_ROLE_NAMES[node.role]}，不能再设置为工作站。",
                code="setup.already",
            )
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
