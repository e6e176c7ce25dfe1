"""What a restore means for sync, said once for the CLI and the window (SYNC.md, "Epochs").

A station or township put back from a backup numbers its changes again from the backup's
sequence: the peer has seen those numbers with other content and would take the PC for a
copy. So a PC that has keys takes new ones (a new epoch) and is enrolled again; its item
numbers are looked after by :mod:`qunzhong_desktop.storage.item_numbers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.storage.backups import Restored
from qunzhong_desktop.sync import node


@dataclass(frozen=True, slots=True)
class Advice:
    """After a restore: whether new keys are needed, and what to tell the clerk."""

    new_keys: bool
    text: str


def after_restore(home: Path, restored: Restored, *, role: str = "station") -> Advice:
    """What has to happen now that ``restored`` is in place in ``home``."""
    lines = [f"已恢复。恢复前的数据库已另存为：{restored.aside}"]
    if not restored.numbers_safe:
        lines.append(
            "本机此前的数据不在这台电脑上：乡镇可能已收到本机更晚登记的事项编号。"
            "导入乡镇下发的下一个数据包时，编号重复的事项会自动改用新编号，并告诉您改了哪些。"
        )
    new_keys = node.has_keys(home)
    if new_keys:
        again = (
            "然后导出乡镇工作包，发给各工作站。"
            if role == "township"
            else "然后导出登记表，交乡镇群众工作办重新登记。"
        )
        lines.append(
            "本机与对方同步过：恢复后的数据包序号对方已经见过，必须先更换本机密钥（新的密钥版本），"
            + again
        )
    return Advice(new_keys, "\n".join(lines))
