"""The station-profile fields, shared by the set-up wizard and the settings page.

Each field is a line edit with its own error line under it, so a wrong value is explained
right where it was typed and nothing the user typed is ever cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.ui.common.palette import ERROR_STYLE

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


class FieldEdit(QWidget):
    """A line edit with an error line under it (hidden while there is no error)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumHeight(32)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.clear_error)

    def text(self) -> str:
        """What is typed."""
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Replace what is shown (never called on an error)."""
        self.edit.setText(text)

    def set_error(self, message: str) -> None:
        """Explain what is wrong under the field."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear_error(self) -> None:
        """Remove the explanation (the user is correcting the value)."""
        self.set_error("")

    def error_text(self) -> str:
        """The explanation shown, or ``""``."""
        return self.error.text() if self.error.isVisibleTo(self) else ""


def _required(value: str, label: str) -> None:
    if not clean(value):
        raise ValidationError(
            translate("StationForm", "请填写{label}。").format(label=label), code="required"
        )


class StationFields:
    """The widgets of every profile field, and their checks; pages lay out a subset."""

    def __init__(self, *, on_change: Callable[[], None] | None = None) -> None:
        placeholders = _placeholders()
        self.labels = labels()
        self.fields: dict[str, FieldEdit] = {k: FieldEdit(placeholders[k]) for k in FIELDS}
        self.fields["code"].edit.setMaxLength(20)
        self.fields["township_code"].edit.setMaxLength(15)
        self._township_auto = True
        self.fields["code"].edit.textChanged.connect(self._fill_township)
        self.fields["township_code"].edit.textEdited.connect(self._township_typed)
        self.fields["opening_hours"].set_text(StationProfile("", "", "", "").opening_hours)
        if on_change is not None:
            for field in self.fields.values():
                field.edit.textChanged.connect(on_change)

    def add_rows(self, layout: QFormLayout, names: Iterable[str]) -> None:
        """Put the named fields into a form layout, in order (which is also the tab order)."""
        for name in names:
            label = QLabel(self.labels[name])
            label.setBuddy(self.fields[name].edit)
            layout.addRow(label, self.fields[name])

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
    def _check(self, name: str, profile: StationProfile) -> None:
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
        elif name in ("phone", "supervision_phone", "township_phone") and value.strip():
            phone.normalise(value)

    def check(self, names: Iterable[str]) -> bool:
        """Check the named fields, show every error next to its field, focus the first.

        Returns:
            Whether all of them are right.
        """
        profile = self.profile()
        first: FieldEdit | None = None
        for name in names:
            field = self.fields[name]
            try:
                self._check(name, profile)
            except ValidationError as exc:
                field.set_error(exc.message)
                first = first or field
            else:
                field.clear_error()
        if first is not None:
            first.edit.setFocus()
            first.edit.selectAll()
        return first is None

    def show_error(self, exc: ValidationError) -> bool:
        """Show an error raised by storage next to its field; False if it names none."""
        field = self.fields.get(str(exc.data.get("field", "")))
        if field is None:
            return False
        field.set_error(exc.message)
        field.edit.setFocus()
        return True
