"""设置 › 备份 › 从备份恢复…: what a copy holds, a confirmation, then the store as it was.

The same steps as ``qunzhong restore`` (:mod:`qunzhong_desktop.storage.backups`,
:mod:`qunzhong_desktop.sync.recovery`): a copy that fails its check is refused; the clerk
sees its date, households, items and sync position and confirms; the current store is put
aside in ``backups``; a PC that syncs is led to new keys and re-enrolment. The main window
builds its pages anew afterwards (they show the restored data).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.home import scratch_dir
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync import recovery
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.tasks import wait_for
from qunzhong_desktop.ui.sync import NewKeysDialog


class RestoreFlow(QObject):
    """One restore from the window; :meth:`confirm` and :meth:`tell` are the test seams."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        super().__init__(parent)
        self.window = parent
        self.store = store
        self.keys_dialog: NewKeysDialog | None = None

    def run(self, path: Path) -> backups.Restored | None:
        """Restore ``path`` if it is sound and the clerk confirms; None if nothing changed."""
        db = self.store.db
        scratch = scratch_dir(self.store.home, "restore")
        try:
            summary = wait_for(
                self.window,
                lambda: backups.inspect(path, db.key, scratch),
                label=self.tr("正在检查备份……"),
            )
            if not summary.ok:
                show_error(
                    self.window,
                    ValidationError(
                        self.tr("备份文件 {0} 已损坏（未通过完整性检查），不能用来恢复。").format(
                            path.name
                        )
                    ),
                    title=self.tr("不能恢复"),
                )
                return None
            if not self.confirm(summary):
                return None
            role = node_role(db)
            restored = wait_for(
                self.window,
                lambda: backups.restore(db, path, scratch),
                label=self.tr("正在恢复……"),
            )
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        db.reopen(db.key)
        advice = recovery.after_restore(self.store.home, restored, role=role)
        self.tell(advice.text)
        if advice.new_keys:
            self.keys_dialog = NewKeysDialog(
                SyncService(db, self.store.home), self.window, replace=True
            )
            self.keys_dialog.open()
        return restored

    def confirm(self, summary: backups.Summary) -> bool:
        """Ask before replacing anything; 取消 is the default."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("从备份恢复"))
        box.setText(self.tr("用这个备份替换本机现在的数据吗？"))
        box.setInformativeText(
            summary.describe()
            + "\n\n"
            + self.tr(
                "备份之后录入的内容会从本机消失；本机现在的数据库会先另存到数据目录的"
                " backups 文件夹，需要时还能找回。"
            )
        )
        restore = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def tell(self, text: str) -> None:
        """What was done and what to do next."""
        QMessageBox.information(self.window, self.tr("已恢复"), text)
