"""上报县: the township sends a major or difficult matter (重大疑难事项) up to its county.

Offered on 分流交办 for an item at the township (已上报、待交办、已交办) once the township has
accepted its county's kit. The reason is required; the move is
``store.items.escalate_to_county`` (its refusal is shown under the reason, nothing typed is
lost, and closing with a reason typed asks first). The county's answer (县已交办, 退回乡镇,
办结) comes back in the county's dispatch and shows on the item page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.states import AT_TOWNSHIP
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.common.form_feedback import FieldError, confirm, ok_cancel, text_box
from qunzhong_desktop.ui.common.session import Clock
from qunzhong_desktop.ui.triage.assign_dialog import item_summary


def county_of(store: Store) -> str:
    """The name of the township's county ("" before it accepted the county's kit)."""
    try:
        peers = SyncService(store.db, store.home).peers()
    except DomainError:
        return ""
    return next((p.name for p in peers if p.role == "county"), "")


class EscalateDialog(QDialog):
    """上报县 with a reason.

    Args:
        store: the township's store.
        item: the item at the township.
        station: its station's name, shown in the summary.
        county: the county's name.
        actor: who escalates (the township office).
        clock: the current time.
        parent: the Qt parent.
    """

    def __init__(
        self,
        store: Store,
        item: ItemDetail,
        station: str,
        county: str,
        *,
        actor: str,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.item = item
        self._clock = clock
        self._actor = actor
        self.setWindowTitle(self.tr("上报县 {number}").format(number=item.number))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(item_summary(item, station, self))
        note = QLabel(
            self.tr(
                "乡镇无法协调解决的重大疑难事项，上报{county}协调交办。县里的交办和办理结果"
                "随县级交办包发回本乡镇，再发回工作站回访。"
            ).format(county=county),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #616161;")
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.reason = text_box(
            self, self.tr("写明乡镇无法解决的原因，例如涉及跨乡镇、县直部门职责"), height=120
        )
        self.reason_error = FieldError(self.reason, self)
        self.reason.textChanged.connect(self.reason_error.clear)
        form.addRow(self.tr("上报理由(&Y)"), self.reason_error.box)
        buttons, self.ok_button = ok_cancel(self, self.tr("上报县"), self.submit)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def submit(self) -> None:
        """Escalate; a refusal is shown under the reason and the dialog stays open."""
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.reason_error.show(self.tr("请写明上报县的理由。"))
            return
        if self.item.state not in AT_TOWNSHIP:
            self.reason_error.show(self.tr("只有已上报、待交办或已交办的事项才能上报县。"))
            return
        try:
            self.store.items.escalate_to_county(
                self.item.number, reason, actor=self._actor, now=self._clock()
            )
        except DomainError as exc:
            self.reason_error.show(exc.message)
            return
        super().accept()

    def accept(self) -> None:
        """Enter submits (through the checks) rather than closing."""
        self.submit()

    def reject(self) -> None:
        """Ask before closing with a reason typed."""
        if self.reason.toPlainText().strip() and not confirm(
            self,
            self.tr("放弃填写"),
            self.tr("上报理由还没有提交。确定关闭并放弃吗？"),
            self.tr("放弃"),
        ):
            return
        super().reject()
