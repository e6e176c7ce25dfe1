"""``qunzhong backup``: a checked copy of the store now, into a folder or a USB stick.

Without ``--out`` the copy goes to ``backups/auto`` in the data folder (and the rotation
runs); ``--list`` shows the automatic copies. An encrypted store's copies stay encrypted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage import backups


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
