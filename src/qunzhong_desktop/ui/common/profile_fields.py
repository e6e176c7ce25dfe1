"""The profile fields of this PC: a station's (wizard and settings page) and a township's.

Both are a :class:`~.form_feedback.FieldSet`: each field explains a wrong value on its own
line under it, and nothing the user typed is ever cleared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.storage.setup import HOTLINE_FIELDS
from qunzhong_desktop.ui.common.form_feedback import FieldSet

__all__ = [
    "FIELDS",
    "TOWNSHIP_FIELDS",
    "StationFields",
    "TownshipFields",
    "labels",
    "township_labels",
]

translate = QCoreApplication.translate


FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "township_code",
    "township_name",
    "address",
    "phone",
    "opening_hours",
    "supervision_phone",
    "township_phone",
    "operator",
)


def labels() -> dict[str, str]:
    """The label of every field, translated."""
    return {
        "code": translate("StationForm", "工作站代码"),
        "name": translate("StationForm", "工作站名称"),
        "township_code": translate("StationForm", "乡镇代码"),
        "township_name": translate("StationForm", "乡镇名称"),
        "address": translate("StationForm", "地址"),
        "phone": translate("StationForm", "工作站电话"),
        "opening_hours": translate("StationForm", "办公时间"),
        "supervision_phone": translate("StationForm", "监督电话"),
        "township_phone": translate("StationForm", "乡镇群众工作办电话"),
        "operator": translate("StationForm", "操作员姓名"),
    }


def _placeholders() -> dict[str, str]:
    return {
        "code": translate("StationForm", "12 位统计用区划代码，例如 430121101201"),
        "name": translate("StationForm", "例如 白沙村群众工作站"),
        "township_code": translate("StationForm", "9 位，填好工作站代码后自动带出"),
        "township_name": translate("StationForm", "例如 白沙镇"),
        "address": translate("StationForm", "例如 湖南省长沙县白沙镇白沙村村部"),
        "phone": translate("StationForm", "座机或手机，例如 0731-84561234"),
        "opening_hours": translate("StationForm", "例如 周一至周五 8:30–12:00，14:30–17:30"),
        "supervision_phone": translate("StationForm", "印在联系卡上，可以不填"),
        "township_phone": translate("StationForm", "印在联系卡上，可以不填"),
        "operator": translate("StationForm", "使用本机的工作人员"),
    }


def _required(value: str, label: str) -> None:
    if not clean(value):
        raise ValidationError(
            translate("StationForm", "请填写{label}。").format(label=label), code="required"
        )


class StationFields(FieldSet):
    """The widgets of every profile field, and their checks; pages lay out a subset."""

    def __init__(self, *, on_change: Callable[[], None] | None = None) -> None:
        super().__init__(FIELDS, labels(), _placeholders())
        self.fields["code"].edit.setMaxLength(20)
        self.fields["township_code"].edit.setMaxLength(15)
        self._township_auto = True
        self.fields["code"].edit.textChanged.connect(self._fill_township)
        self.fields["township_code"].edit.textEdited.connect(self._township_typed)
        self.fields["opening_hours"].set_text(StationProfile("", "", "", "").opening_hours)
        if on_change is not None:
            for field in self.fields.values():
                field.edit.textChanged.connect(on_change)

    def _township_typed(self, text: str) -> None:
        # once the user types a township code, it is theirs: stop filling it in
        self._township_auto = not text

    def _fill_township(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        if self._township_auto and len(digits) >= 9:
            self.fields["township_code"].set_text(digits[:9])
            self.fields["township_code"].clear_error()

    # values -----------------------------------------------------------------------------
    def profile(self, base: StationProfile | None = None) -> StationProfile:
        """A profile from what is typed (``base`` gives the fields not on the form)."""
        text = {k: f.text() for k, f in self.fields.items()}
        services = list(base.services) if base is not None else None
        profile = StationProfile(
            code=text["code"],
            name=text["name"],
            township_code=text["township_code"],
            township_name=text["township_name"],
            address=text["address"],
            phone=text["phone"],
            opening_hours=text["opening_hours"],
            supervision_phone=text["supervision_phone"],
            township_phone=text["township_phone"],
            operator=text["operator"],
        )
        if services is not None:
            profile.services = services
        return profile

    def set_profile(self, profile: StationProfile) -> None:
        """Show a stored profile."""
        for name in FIELDS:
            self.fields[name].set_text(getattr(profile, name))
        self._township_auto = False

    # checks -----------------------------------------------------------------------------
    def check_field(self, name: str) -> None:
        """Raise :class:`ValidationError` if the field ``name`` holds a wrong value."""
        profile = self.profile()
        value = getattr(profile, name)
        if name in ("code", "township_code", "name", "township_name"):
            _required(value, self.labels[name])
        if name == "code":
            regions.normalise_station_code(value)
        elif name == "township_code":
            township = regions.normalise_township_code(value)
            try:
                station = regions.normalise_station_code(profile.code)
            except ValidationError:
                return  # the station code shows its own error
            regions.check_station_in_township(station, township)
        elif name in ("phone", *HOTLINE_FIELDS) and value.strip():
            phone.normalise(value, hotline=name in HOTLINE_FIELDS)


# the township ---------------------------------------------------------------------------
#: The fields, named as ``init_township`` names them in a ValidationError's ``field``.
TOWNSHIP_FIELDS: tuple[str, ...] = ("code", "name", "phone")


def township_labels() -> dict[str, str]:
    """The label of every field, translated."""
    return {
        "code": translate("TownshipForm", "乡镇代码"),
        "name": translate("TownshipForm", "乡镇群众工作办名称"),
        "phone": translate("TownshipForm", "电话"),
    }


def _township_placeholders() -> dict[str, str]:
    return {
        "code": translate("TownshipForm", "9 位乡镇级统计用区划代码，例如 430121101"),
        "name": translate("TownshipForm", "例如 白沙镇群众工作办"),
        "phone": translate("TownshipForm", "座机或手机，可以以后再填"),
    }


class TownshipFields(FieldSet):
    """The widgets of the township profile and their checks."""

    def __init__(self) -> None:
        super().__init__(TOWNSHIP_FIELDS, township_labels(), _township_placeholders())
        self.fields["code"].edit.setMaxLength(15)

    def values(self) -> tuple[str, str, str]:
        """(code, name, phone) as typed."""
        code, name, phone_number = (self.fields[k].text() for k in TOWNSHIP_FIELDS)
        return code, name, phone_number

    def check_field(self, name: str) -> None:
        """Raise :class:`ValidationError` if the field ``name`` holds a wrong value."""
        value = self.fields[name].text()
        if name == "code":
            if not clean(value):
                raise ValidationError(
                    translate("TownshipForm", "请填写乡镇代码。"), code="required"
                )
            regions.normalise_township_code(value)
        elif name == "name":
            if not clean(value):
                raise ValidationError(
                    translate("TownshipForm", "请填写乡镇群众工作办名称。"), code="required"
                )
        elif value.strip():
            phone.normalise(value, hotline=True)  # the office's line may be a hotline
