"""First start: the wizard that makes this PC a village station, the township or the county.

Step 1 chooses what this PC is. A station then gives who it is (codes and names), how
residents reach it, the township's station kit (optional) and the passphrase of its keys;
a township office gives its code, name and phone and the passphrase; a county's department
(县（市）群众工作部) its code, name and database (this PC's file or a PostgreSQL server: the data
folder is pointed at it, and the store opened there is :attr:`SetupWizard.store` from then
on) and the passphrase. 完成设置 creates the
node and the keys (and takes the kit); the last page shows the key fingerprint and the next
step, and at a county offers 导出县级工作包… (a file the user chooses; the kit its townships
accept with the fingerprint shown above it). Next checks the page and explains each wrong value under its field; nothing typed is
cleared. Enter goes to the next step, Tab to the next field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from qunzhong_desktop.core import regions
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.storage.environment import StoreUnavailable
from qunzhong_desktop.storage.server import point_at_server, shown
from qunzhong_desktop.storage.setup import (
    init_county,
    init_station,
    init_township,
    township_profile,
)
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.sync.keys import KeyStoreError
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import KitInfo
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.profile_fields import StationFields, TownshipFields
from qunzhong_desktop.ui.common.tasks import wait_for
from qunzhong_desktop.ui.setup.county_page import SetupCountyPage
from qunzhong_desktop.ui.setup.setup_pages import (
    COUNTY,
    TOWNSHIP,
    SetupDonePage,
    SetupKitPage,
    SetupPassphrasePage,
    SetupRolePage,
    SetupTownshipPage,
    choose_county_kit_file,
)

KIT_SUFFIX = ".qzkit"
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
        self.setTitle(self.tr("第 2 步：工作站和所属乡镇"))


class _ContactPage(_FieldsPage):
    def __init__(self, fields: StationFields) -> None:
        super().__init__(
            fields,
            CONTACT_PAGE_FIELDS,
            self.tr("这些内容会印在便民服务联系卡上，以后可以在“设置”里修改。"),
        )
        self.setTitle(self.tr("第 3 步：联系方式和操作员"))


class SetupWizard(QWizard):
    """Collects what this PC is and sets it up: node, profile, keys (and the station kit).

    Args:
        store: the store to set up.
        parent: the Qt parent.
        sync: the sync facade (default: one over ``store``).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, sync: SyncService | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.sync = sync or SyncService(store.db, store.home)
        self.setWindowTitle(self.tr("设置本机"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("完成设置(&F)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("开始使用(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.station_fields = StationFields()
        self.township_fields = TownshipFields()
        self.role_page = SetupRolePage()
        self.station_page = _StationPage(self.station_fields)
        self.contact_page = _ContactPage(self.station_fields)
        self.kit_page = SetupKitPage(self.sync, self._township_code)
        self.township_page = SetupTownshipPage(self.township_fields)
        self.county_page = SetupCountyPage()
        self.passphrase_page = SetupPassphrasePage()
        self.passphrase_page.setCommitPage(True)
        self.done_page = SetupDonePage()
        self.done_page.kit_button.clicked.connect(lambda _checked=False: self.export_county_kit())
        self.role_page_id = self.addPage(self.role_page)
        self.station_page_id = self.addPage(self.station_page)
        self.contact_page_id = self.addPage(self.contact_page)
        self.kit_page_id = self.addPage(self.kit_page)
        self.township_page_id = self.addPage(self.township_page)
        self.county_page_id = self.addPage(self.county_page)
        self.passphrase_page_id = self.addPage(self.passphrase_page)
        self.done_page_id = self.addPage(self.done_page)
        self.fingerprint = ""
        self.kit: KitInfo | None = None
        self._node_created = False
        self._finished = False
        self.setMinimumSize(780, 620)

    def role(self) -> str:
        """``station`` or ``township``, as chosen on the first page."""
        return self.role_page.role()

    def is_finished(self) -> bool:
        """Whether this PC was set up (the closing page is shown)."""
        return self._finished

    def _township_code(self) -> str:
        text = self.station_fields.fields["township_code"].text()
        try:
            return regions.normalise_township_code(text)
        except ValidationError:
            return text.strip()

    # navigation ---------------------------------------------------------------------------
    def nextId(self) -> int:
        """The role decides the path; both end with the passphrase and the closing page."""
        current = self.currentId()
        if current == self.role_page_id:
            paths = {TOWNSHIP: self.township_page_id, COUNTY: self.county_page_id}
            return paths.get(self.role(), self.station_page_id)
        if current in (self.kit_page_id, self.township_page_id, self.county_page_id):
            return self.passphrase_page_id
        if current == self.passphrase_page_id:
            return self.done_page_id
        if current == self.done_page_id:
            return -1
        return super().nextId()

    def initializePage(self, page_id: int) -> None:
        """Number the passphrase step after the path taken."""
        if page_id == self.passphrase_page_id:
            self.passphrase_page.setTitle(
                self.tr("第 3 步：设置密钥口令")
                if self.role() in (TOWNSHIP, COUNTY)
                else self.tr("第 5 步：设置密钥口令")
            )
        super().initializePage(page_id)

    def _go_back_to(self, page_id: int) -> None:
        def rewind() -> None:
            while self.currentId() != page_id and page_id in self.visitedIds():
                self.back()

        QTimer.singleShot(0, rewind)

    def validateCurrentPage(self) -> bool:
        """Check the page; on the passphrase page also set this PC up."""
        if not super().validateCurrentPage():
            return False
        if self.currentId() != self.passphrase_page_id:
            return True
        return self._set_up()

    # set-up -------------------------------------------------------------------------------
    def _set_up(self) -> bool:
        passphrase = self.passphrase_page.passphrase()
        try:
            if self.role() == COUNTY:
                self._set_up_county(passphrase)
            elif self.role() == TOWNSHIP:
                self._set_up_township(passphrase)
            else:
                self._set_up_station(passphrase)
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        except KeyStoreError as exc:
            if exc.code in (
                "keys.wrong_passphrase",
                "keys.passphrase_short",
                "keys.passphrase_empty",
            ):
                message = exc.message
                if exc.code == "keys.wrong_passphrase":
                    message = self.tr(
                        "本机已有上次设置时生成的密钥，这个口令打不开它。请输入当时设置的口令。"
                    )
                self.passphrase_page.show_error(message)
            else:
                show_error(self, exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        self._finished = True
        return True

    def _set_up_township(self, passphrase: str) -> None:
        if not self._node_created:
            init_township(self.store.db, *self.township_fields.values())
            self._node_created = True
        self.fingerprint = self._keys(passphrase)
        self.done_page.show_township(township_profile(self.store.db)[1], self.fingerprint)

    def _set_up_county(self, passphrase: str) -> None:
        code, name = self.county_page.values()
        url = self.county_page.server_url()
        if not self._node_created:
            if url and not self.store.db.on_server:
                # the empty file the first start made stays unused; the server is the store
                try:
                    point_at_server(self.store.home, url)
                except StoreUnavailable as exc:  # said under the address box
                    raise ValidationError(exc.message, code=exc.code, field="db") from exc
                self.store = wait_for(
                    self, lambda: open_store(self.store.home), label=self.tr("正在建立数据表……")
                )
                self.sync = SyncService(self.store.db, self.store.home)
                self.kit_page.sync = self.sync
            init_county(self.store.db, code, name)
            self._node_created = True
        self.fingerprint = self._keys(passphrase)
        where = shown(url) if url else self.tr("本机文件")
        self.done_page.show_county(name, self.fingerprint, where)

    def export_county_kit(self) -> Path | None:
        """导出县级工作包… on the closing page: the file chosen, the kit written and said.

        Returns:
            The kit written, or None (cancelled or refused; the reason is on the page).
        """
        _code, name = self.county_page.values()
        chosen = choose_county_kit_file(self, f"{clean(name) or '县'}-县级工作包{KIT_SUFFIX}")
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != KIT_SUFFIX:
            out = out.with_name(out.name + KIT_SUFFIX)
        passphrase, sync = self.passphrase_page.passphrase(), self.sync
        try:
            path = wait_for(
                self,
                lambda: sync.write_county_kit(out, sync.load_keys(passphrase)),
                label=self.tr("正在导出县级工作包……"),
            )
        except (DomainError, OSError) as exc:
            reason = exc.message if isinstance(exc, DomainError) else str(exc.strerror or exc)
            self.done_page.show_county_kit(None, reason)
            return None
        self.done_page.show_county_kit(path)
        return path

    def _set_up_station(self, passphrase: str) -> None:
        profile = self.station_fields.profile()
        if not self._node_created:
            init_station(self.store.db, profile)
            self._node_created = True
        self.fingerprint = self._keys(passphrase)
        kit_error = ""
        path = self.kit_page.path()
        if path is not None:
            try:
                self.kit = self.sync.accept_station_kit(path)
            except DomainError as exc:
                # the station and its keys are made: the kit can be imported later
                kit_error = exc.message
        station = self.store.register.station()
        name = station.name if station is not None else profile.name
        self.done_page.show_station(name, self.fingerprint, self.kit, kit_error)

    def _keys(self, passphrase: str) -> str:
        """Create the keys, or open those an earlier, interrupted set-up left (scrypt)."""
        if self.sync.has_keys():
            return wait_for(
                self,
                lambda: self.sync.load_keys(passphrase).fingerprint,
                label=self.tr("正在打开密钥……"),
            )
        return wait_for(
            self, lambda: self.sync.create_keys(passphrase), label=self.tr("正在生成密钥……")
        )

    def _show_validation(self, exc: ValidationError) -> None:
        field = exc.data.get("field")
        if self.role() == COUNTY:
            if self.county_page.show_error(exc):
                self._go_back_to(self.county_page_id)
                return
        elif self.role() == TOWNSHIP:
            if self.township_fields.show_error(exc):
                self._go_back_to(self.township_page_id)
                return
        elif self.station_fields.show_error(exc):
            page = self.station_page_id if field in STATION_PAGE_FIELDS else self.contact_page_id
            self._go_back_to(page)
            return
        show_error(self, exc)

    def accept(self) -> None:
        """Close once this PC is set up (the Finish button is only on the closing page)."""
        if self._finished:
            super().accept()

    def reject(self) -> None:
        """Cancel; after the set-up, closing the window is the same as Finish."""
        if self._finished:
            super().accept()
        else:
            super().reject()
