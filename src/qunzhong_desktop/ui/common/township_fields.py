"""The township-office fields (乡镇代码, 名称, 电话) of the set-up wizard's township path.

Like :mod:`station_form`, each field explains a wrong value on its own line under it and
nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.ui.common.station_fields import FieldEdit

translate = QCoreApplication.translate

#: The fields, named as ``init_township`` names them in a ValidationError's ``field``.
TOWNSHIP_FIELDS: tuple[str, ...] = ("code", "name", "phone")


def township_labels() -> dict[str, str]:
    """The label of every field, translated."""
    return {
        "code": translate("TownshipForm", "乡镇代码"),
        "name": translate("TownshipForm", "乡镇群众工作办名称"),
        "phone": translate("TownshipForm", "电话"),
    }


def _placeholders() -> dict[str, str]:
    return {
        "code": translate("TownshipForm", "9 位乡镇级统计用区划代码，例如 430121101"),
        "name": translate("TownshipForm", "例如 白沙镇群众工作办"),
        "phone": translate("TownshipForm", "座机或手机，可以以后再填"),
    }


class TownshipFields:
    """The widgets of the township profile and their checks."""

    def __init__(self) -> None:
        placeholders = _placeholders()
        self.labels = township_labels()
        self.fields: dict[str, FieldEdit] = {k: FieldEdit(placeholders[k]) for k in TOWNSHIP_FIELDS}
        self.fields["code"].edit.setMaxLength(15)

    def add_rows(self, layout: QFormLayout) -> None:
        """Put the fields into a form layout (which is also the tab order)."""
        for name in TOWNSHIP_FIELDS:
            label = QLabel(self.labels[name])
            label.setBuddy(self.fields[name].edit)
            layout.addRow(label, self.fields[name])

    def values(self) -> tuple[str, str, str]:
        """(code, name, phone) as typed."""
        code, name, phone_number = (self.fields[k].text() for k in TOWNSHIP_FIELDS)
        return code, name, phone_number

    def _check(self, name: str, value: str) -> None:
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
            phone.normalise(value)

    def check(self, names: Iterable[str] = TOWNSHIP_FIELDS) -> bool:
        """Check the fields, show every error next to its field, focus the first.

        Returns:
            Whether all of them are right.
        """
        first: FieldEdit | None = None
        for name in names:
            field = self.fields[name]
            try:
                self._check(name, field.text())
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
        """Show an error of ``init_township`` next to its field; False if it names none."""
        field = self.fields.get(str(exc.data.get("field", "")))
        if field is None:
            return False
        field.set_error(exc.message)
        field.edit.setFocus()
        return True
