"""First start: a two-step wizard that makes this PC a village station.

Step 1 is who the station is (its codes and names), step 2 how residents reach it and who
works here. Next and Finish check the page and explain each wrong value under its field;
nothing typed is cleared. Enter goes to the next step, Tab to the next field.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.errors import show_error
from qunzhong_desktop.ui.station_form import StationFields

STATION_PAGE_FIELDS = ("code", "name", "township_code", "township_name")
CONTACT_PAGE_FIELDS = (
    "address",
    "phone",
    "opening_hours",
    "supervision_phone",
    "township_phone",
    "operator",
)


class _FieldsPage(QWizardPage):
    """A page showing some of the profile fields, checked when the user leaves it."""

    def __init__(self, fields: StationFields, names: tuple[str, ...], intro: str) -> None:
        super().__init__()
        self.station_fields = fields
        self.names = names
        layout = QVBoxLayout(self)
        note = QLabel(intro)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        fields.add_rows(form, names)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.station_fields.fields[self.names[0]].edit.setFocus()

    def validatePage(self) -> bool:
        return self.station_fields.check(self.names)


class _StationPage(_FieldsPage):
    def __init__(self, fields: StationFields) -> None:
        super().__init__(
            fields,
            STATION_PAGE_FIELDS,
            self.tr(
                "工作站代码是本村（社区）的 12 位统计用区划代码，可向乡镇群众工作办或统计站询问。"
                "乡镇代码是它的前 9 位，会自动带出。"
            ),
        )
        self.setTitle(self.tr("第 1 步：工作站和所属乡镇"))


class _ContactPage(_FieldsPage):
    def __init__(self, fields: StationFields) -> None:
        super().__init__(
            fields,
            CONTACT_PAGE_FIELDS,
            self.tr("这些内容会印在便民服务联系卡上，以后可以在“设置”里修改。"),
        )
        self.setTitle(self.tr("第 2 步：联系方式和操作员"))


class SetupWizard(QWizard):
    """Collects the station profile and creates the station with ``init_station``."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("设置本机为群众工作站"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.station_fields = StationFields()
        self.station_page = _StationPage(self.station_fields)
        self.contact_page = _ContactPage(self.station_fields)
        self.station_page_id = self.addPage(self.station_page)
        self.contact_page_id = self.addPage(self.contact_page)
        self.setMinimumSize(760, 600)

    def accept(self) -> None:
        """Create the station; on an error stay open with everything still typed."""
        try:
            init_station(self.store.db, self.station_fields.profile())
        except ValidationError as exc:
            if not self.station_fields.show_error(exc):
                show_error(self, exc)
            elif exc.data.get("field") in STATION_PAGE_FIELDS:
                QTimer.singleShot(0, self.back)
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        super().accept()
