"""``qunzhong backup``: a checked copy of the store now, into a folder or a USB stick.

Without ``--out`` the copy goes to ``backups/auto`` in the data folder (and the rotation
runs); ``--list`` shows the automatic copies. An encrypted store's copies stay encrypted.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.sync import optional_passphrase
from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.home import scratch_dir
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.sync import recovery
from qunzhong_desktop.sync.service import SyncService


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``backup``."""
    command = commands.add_parser(
        "backup",
        help="备份数据库（到数据目录的 backups/auto，或 --out 指定的文件夹、U盘）",
        description="立即做一份经过完整性检查的数据库备份；加密的数据库备份后仍然加密。",
        parents=[home],
    )
    command.add_argument("--out", default=None, metavar="DIR", help="保存到这个文件夹（如 U 盘）")
    command.add_argument("--list", action="store_true", help="列出自动备份")
    command.set_defaults(handler=run_backup)
    restore = commands.add_parser(
        "restore",
        help="从备份恢复数据库（站长；先显示备份内容，加 --yes 才恢复）",
        description="显示备份的日期、户数、事项数，确认后用它替换当前数据库（当前的先另存）。"
        "已与乡镇同步的工作站恢复后须更换密钥并重新登记，否则乡镇会拒收。",
        parents=[home],
    )
    restore.add_argument("file", metavar="FILE", help="备份文件（.sqlite3.gz 或 .sqlite3）")
    restore.add_argument("--yes", action="store_true", help="确认恢复")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Make a copy now (or list the automatic ones)."""
    with store_of(args) as store:
        folder = backups.folder_of(store.db)
        if args.list:
            found = backups.backups(folder)
            if not found:
                print("还没有自动备份。")
            for b in found:
                size = b.path.stat().st_size / 1024
                print(f"{b.made_at:%Y-%m-%d %H:%M}　{b.reason}　{size:.0f} KB　{b.path.name}")
            return 0
        if args.out:
            out = Path(args.out)
            if not out.is_dir():
                raise ValidationError(
                    f"文件夹 {out} 不存在，请先插好 U 盘或选择其他文件夹。", code="backup.folder"
                )
            made = backups.make_backup(store.db, out, "manual")
        else:
            made = backups.make_backup(store.db, folder, "manual")
            backups.rotate(folder)
        print(f"已备份：{made.resolve()}（{made.stat().st_size / 1024:.0f} KB）")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Show what a backup holds; with --yes put it back and lead through re-enrolment."""
    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"找不到备份文件 {path}。", code="restore.missing")
    store = store_of(args)
    try:
        require(store.db.operator, Permission.SETTINGS)
        scratch = scratch_dir(store.home, "restore")
        summary = backups.inspect(path, store.db.key, scratch)
        if not summary.ok:
            raise ValidationError(
                f"备份文件 {path.name} 已损坏（未通过完整性检查），不能用来恢复。",
                code="restore.damaged",
            )
        print(f"备份：{path.name}")
        print(summary.describe())
        if not args.yes:
            print("确认无误后加 --yes 恢复（当前数据库会先另存到 backups 文件夹）。")
            return 0
        home, role = store.home, node_role(store.db)
        restored = backups.restore(store.db, path, scratch)
    finally:
        store.close()
        if "scratch" in locals():
            shutil.rmtree(scratch, ignore_errors=True)
    advice = recovery.after_restore(home, restored, role=role)
    print(advice.text)
    if advice.new_keys:
        with store_of(args) as again:
            sync = SyncService(again.db, again.home)
            secret = optional_passphrase(new=True)
            if secret is None:
                print("请马上运行 qunzhong rekey 更换密钥（需要新的密钥口令）。")
                return 0
            fingerprint = sync.rekey(secret)
        print("已更换本机密钥。新的密钥指纹（登记时核对）：")
        print(fingerprint)
    return 0
