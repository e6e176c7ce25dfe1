"""Sync on the command line (SYNC.md): kits, enrollment, bundles and the stations board.

``station-kit`` and ``enroll`` run at the township, ``enrollment`` at a station; the county
tier the same a level up: ``county-kit`` and ``enroll`` at the county, ``accept-kit`` (with
``--fingerprint``) and ``enrollment`` at the township;
``export-bundle``, ``import-bundle`` and ``stations`` at both. The keys' passphrase comes
from ``QUNZHONG_PASSPHRASE`` or, in a terminal, is asked for (twice for new keys).

Output a script reads stands on the last lines: ``enrollment`` ends with the fingerprint,
``export-bundle`` with the bundle paths. ``import-bundle`` goes on after a refused file and
exits with status 1 at the end when any was refused.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.progress import long_work
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.work import Cancelled
from qunzhong_desktop.sync import node
from qunzhong_desktop.sync.importer import import_order
from qunzhong_desktop.sync.keys import KeyStoreError, NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ExportResult, PeerStatus

NO_PASSPHRASE = "请设置环境变量 QUNZHONG_PASSPHRASE 或在终端中运行以输入密钥口令。"

TABLE_HEADER = (
    "代码",
    "名称",
    "已登记",
    "最近数据包",
    "已收至序号",
    "缺失",
    "指纹",
    "未办结",
    "超期",
)

SUMMARY_NAMES = {
    "households": "户",
    "persons": "人员",
    "items": "事项",
    "events": "流转记录",
    "diary": "日记",
    "config": "配置",
    "other": "其他",
    "stations": "工作站名单",  # a county bundle's signed list of the township's stations
}


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add the sync commands (see the module docstring)."""
    kit = commands.add_parser(
        "station-kit",
        help="乡镇：导出乡镇工作包（发给各工作站）",
        description="乡镇群众工作办导出签名的乡镇工作包：乡镇信息、公钥、责任单位和工作日历。",
        parents=[home],
    )
    kit.add_argument("--out", required=True, type=Path, metavar="FILE", help="工作包文件（.qzkit）")
    kit.set_defaults(handler=run_station_kit)

    county_kit = commands.add_parser(
        "county-kit",
        help="县：导出县工作包（发给各乡镇群众工作办）",
        description="县（市、区）群众工作部导出签名的县工作包：县的信息和公钥。"
        "乡镇导入时须输入县里念出的密钥指纹。",
        parents=[home],
    )
    county_kit.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="县工作包文件（.qzkit）"
    )
    county_kit.set_defaults(handler=run_county_kit)

    accept = commands.add_parser(
        "accept-kit",
        help="工作站：导入乡镇工作包（更新配置；乡镇换密钥后须输入新指纹）",
        description="工作站导入乡镇工作包，更新责任单位、办理时限和工作日历。"
        "乡镇更换密钥后的新工作包，须打电话核对新的密钥指纹并用 --fingerprint 输入。",
        parents=[home],
    )
    accept.add_argument("file", type=Path, metavar="FILE", help="乡镇工作包（.qzkit）")
    accept.add_argument(
        "--fingerprint", default="", metavar="FP", help="乡镇新的密钥指纹（乡镇换密钥后才需要）"
    )
    accept.set_defaults(handler=run_accept_kit)

    enrollment = commands.add_parser(
        "enrollment",
        help="工作站：导出登记表（交乡镇登记本机）",
        description="工作站导出签名的登记文件；最后一行输出本机密钥指纹，请抄在登记表上交乡镇核对。",
        parents=[home],
    )
    enrollment.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="登记文件（.qzenroll）"
    )
    enrollment.add_argument(
        "--sheet",
        default=None,
        type=Path,
        metavar="PDF",
        help="同时生成打印用的登记表（PDF，含密钥指纹）：工作站交乡镇，乡镇交县",
    )
    enrollment.set_defaults(handler=run_enrollment)

    enroll = commands.add_parser(
        "enroll",
        help="乡镇：登记一个工作站（核对密钥指纹）",
        description="乡镇导入工作站的登记文件；输入的指纹须与登记表上的一致。",
        parents=[home],
    )
    enroll.add_argument("file", type=Path, metavar="FILE", help="工作站的登记文件")
    enroll.add_argument(
        "--fingerprint", required=True, metavar="FP", help="登记表上的密钥指纹（空格可省略）"
    )
    enroll.set_defaults(handler=run_enroll)

    export = commands.add_parser(
        "export-bundle",
        help="导出数据包（工作站发往乡镇，或乡镇发往工作站）",
        description="把应发出的数据包写入文件夹（例如U盘）；最后几行是数据包文件的路径。",
        parents=[home],
    )
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="目标文件夹")
    export.add_argument(
        "--station", default=None, metavar="CODE", help="乡镇：只发给这个工作站（12 位代码）"
    )
    export.set_defaults(handler=run_export)

    imp = commands.add_parser(
        "import-bundle",
        help="导入数据包（可一次导入多个文件）",
        description="逐个核验并导入数据包；被拒绝的文件不写入任何数据，其余文件照常导入。",
        parents=[home],
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="数据包文件（.qzb）")
    imp.set_defaults(handler=run_import)

    stations = commands.add_parser(
        "stations",
        help="同步状况：各工作站（乡镇）或乡镇（工作站）",
        description="列出同步对象：是否已登记、最近数据包、已收至序号、缺失的数据包、指纹……",
        parents=[home],
    )
    stations.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    stations.set_defaults(handler=run_stations)

    rekey = commands.add_parser(
        "rekey",
        help="更换本机密钥（口令丢失或密钥泄露时；之后须重新登记）",
        description="生成新的一套密钥（密钥版本加 1）；旧密钥文件移到 keys/retired-…，不删除。"
        "之后工作站须重新导出登记表交乡镇登记，乡镇须重新导出乡镇工作包发给各站。",
        parents=[home],
    )
    rekey.set_defaults(handler=run_rekey)


# passphrase and keys -------------------------------------------------------------------------
def passphrase(*, new: bool) -> str:
    """The keys' passphrase: ``QUNZHONG_PASSPHRASE``, else asked in a terminal.

    Args:
        new: keys are about to be created: ask twice and check the length.

    Raises:
        KeyStoreError: no passphrase can be had (no variable, no terminal), the two
            entries differ, or a new one is too short.
    """
    given = optional_passphrase(new=new)
    if given is None:
        raise KeyStoreError(NO_PASSPHRASE, code="keys.passphrase_missing")
    return given


def optional_passphrase(*, new: bool) -> str | None:
    """Like :func:`passphrase`, but None when there is neither the variable nor a terminal."""
    given = node.passphrase_from_env()
    if given is None:
        if not sys.stdin.isatty():
            return None
        given = getpass.getpass("新的密钥口令：" if new else "密钥口令：")
        if not given:
            raise KeyStoreError("没有输入密钥口令。", code="keys.passphrase_empty")
        if new and getpass.getpass("再次输入密钥口令：") != given:
            raise KeyStoreError("两次输入的密钥口令不一致，请重新运行。", code="keys.mismatch")
    if new:
        node.check_new_passphrase(given)
    return given


def settle_keys(sync: SyncService, secret: str) -> str:
    """Create this PC's keys, or open those an interrupted set-up left; the fingerprint."""
    if sync.has_keys():
        return sync.load_keys(secret).fingerprint
    return sync.create_keys(secret)


def open_keys(sync: SyncService) -> NodeKeys:
    """This PC's keys; created (and their fingerprint printed) when set-up made none."""
    if sync.has_keys():
        return sync.load_keys(passphrase(new=False))
    keys = node.create_keys(sync.home, passphrase(new=True))
    print(f"已生成本机密钥，指纹：{keys.fingerprint}。请牢记密钥口令。")
    return keys


# commands ----------------------------------------------------------------------------------
def run_station_kit(args: argparse.Namespace) -> int:
    """Township: write the station kit."""
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        keys = open_keys(sync)
        path = sync.write_station_kit(args.out, keys)
        print(f"已导出乡镇工作包：{path}")
        print(f"乡镇密钥指纹：{keys.fingerprint}")
        return 0


def run_rekey(args: argparse.Namespace) -> int:
    """New keys, new epoch; the peer must enroll this PC again."""
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        fingerprint = sync.rekey(passphrase(new=True))
        again = (
            "请重新导出乡镇工作包（station-kit）发给各工作站。"
            if sync.role == "township"
            else "请重新导出登记表（enrollment）交乡镇群众工作办登记。"
        )
        print(f"已更换本机密钥（密钥版本已加 1），以后的数据包用新密钥签名。{again}")
        print(fingerprint)
        return 0


def run_enrollment(args: argparse.Namespace) -> int:
    """Station or township: the enrollment file (``--sheet``: and the sheet to print).

    The fingerprint is the last line.
    """
    sheet: Path | None = args.sheet
    if sheet is not None and not sheet.parent.is_dir():  # refused before anything is written
        raise ValidationError(
            f"登记表的文件夹“{sheet.parent}”不存在，请先建立它或换一个位置。",
            code="enrollment.sheet_folder",
            field="sheet",
        )
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        keys = open_keys(sync)
        fingerprint = sync.write_enrollment(args.out, keys)
        township = sync.role == "township"
        station = store.register.station()
        who = f"{station.name}（{station.code}）" if station is not None else "本机"
        print(f"已导出{who}的登记文件：{args.out}")
        above = "县（市、区）群众工作部" if township else "乡镇群众工作办"
        if sheet is not None:
            from qunzhong_desktop.reports import documents  # reportlab: only when asked

            info = (sync.read_township_enrollment if township else sync.read_enrollment)(args.out)
            county = next((p.name for p in sync.peers() if p.role == "county"), "")
            written = documents.enrollment_sheet(
                store, info, sheet, file_name=args.out.name, above=county if township else None
            )
            print(f"已生成登记表：{written}。请打印，签字盖章后连同登记文件交{above}。")
        print(f"请把下面的密钥指纹抄在登记表上，交{above}核对：")
        print(fingerprint)
        return 0


def run_county_kit(args: argparse.Namespace) -> int:
    """County: write the county kit."""
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        keys = open_keys(sync)
        path = sync.write_county_kit(args.out, keys)
        print(f"已导出县工作包：{path}")
        print(f"县密钥指纹：{keys.fingerprint}")
        return 0


def run_accept_kit(args: argparse.Namespace) -> int:
    """Station: take a kit of its township; township: take its county's kit."""
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        if sync.role == "township":
            county = sync.accept_county_kit(args.file, args.fingerprint)
            print(
                f"已加入{county.county_name}（{county.county_code}），"
                f"密钥指纹 {county.fingerprint}。请导出本乡镇的登记表（enrollment）交县里登记。"
            )
            return 0
        info = sync.accept_station_kit(args.file, args.fingerprint)
        print(
            f"已导入{info.township_name}（{info.township_code}）的工作包："
            f"责任单位 {len(info.units)} 个，密钥指纹 {info.fingerprint}"
        )
        return 0


def run_enroll(args: argparse.Namespace) -> int:
    """Township: enroll a station once the fingerprint matches."""
    with store_of(args) as store:
        info = SyncService(store.db, store.home).enroll(args.file, args.fingerprint)
        print(
            f"已登记{'乡镇' if info.role == 'township' else '工作站'}：{info.station_name}（{info.station_code}），"
            f"密钥版本 {info.epoch}，指纹 {info.fingerprint}"
        )
        return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the bundles due; a summary line each, then their paths on the last lines."""
    with store_of(args) as store:
        sync = SyncService(store.db, store.home)
        keys = open_keys(sync)
        out = Path(args.out)
        if out.parent.is_dir():  # `--out E:/同步` on the stick: make the folder
            out.mkdir(exist_ok=True)
        results = sync.export_bundles(out, keys, station_code=args.station)
    if not results:
        print("没有要导出的数据包（还没有登记的工作站）。")
        return 0
    for result in results:
        print(export_summary(result))
    for result in results:
        print(result.path)
    return 0


def export_summary(result: ExportResult) -> str:
    """``发往 白沙镇群众工作办（430121101）：序号 1–5，共 5 条变更（事项 1、流转记录 4）``."""
    to = f"发往 {result.recipient_name}（{result.recipient_code}）"
    if not result.changes:
        return f"{to}：没有新的变更（只带回执）"
    order = [*SUMMARY_NAMES, *sorted(set(result.summary) - set(SUMMARY_NAMES))]
    counts = "、".join(
        f"{SUMMARY_NAMES.get(key, key)} {result.summary[key]}"
        for key in order
        if result.summary.get(key)
    )
    seq = f"序号 {result.seq_from}–{result.seq_to}，" if result.seq_to >= result.seq_from else ""
    return f"{to}：{seq}共 {result.changes} 条变更" + (f"（{counts}）" if counts else "")


def run_import(args: argparse.Namespace) -> int:
    """Import each file in turn; a refused one is reported and the next goes on."""
    store = store_of(args)
    refused = 0
    try:
        sync = SyncService(store.db, store.home)
        keys = open_keys(sync)
        # oldest first (by sender and sequence in the name), as the window does: `E:/*.qzb`
        # in any order then imports without a false gap
        for path in sorted(args.files, key=import_order):
            try:
                with long_work(f"正在导入 {path.name}……") as (progress, cancel):
                    report = sync.import_bundle(path, keys, progress=progress, cancel=cancel)
            except Cancelled:
                raise  # Ctrl+C: this file is not written, the later ones are not tried
            except DomainError as exc:
                refused += 1
                print(f"错误：{path.name}：{exc.message}", file=sys.stderr)
                continue
            sender = f"{report.sender_name}（{report.sender_code}）" if report.sender_code else ""
            seq = (
                f"序号 {report.seq_from}–{report.seq_to}"
                if report.seq_to >= report.seq_from
                else "没有新的变更"
            )
            where = "，".join(x for x in (sender, seq) if x)
            print(f"{path.name}" + (f"（{where}）" if where else "") + f"：{report.message}")
    finally:
        store.close()
    return 1 if refused else 0


def run_stations(args: argparse.Namespace) -> int:
    """The stations board (township) or the township's row (station)."""
    with store_of(args) as store:
        peers = SyncService(store.db, store.home).peers()
    if args.json:
        print(json.dumps([peer_json(p) for p in peers], ensure_ascii=False, indent=1))
        return 0
    if not peers:
        print("还没有同步对象（乡镇：登记工作站；工作站：导入乡镇工作包）。")
        return 0
    header = list(TABLE_HEADER)
    rows = [header, *(peer_row(p) for p in peers)]
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = [pad(cell, width) for cell, width in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip())
    return 0


# helpers -----------------------------------------------------------------------------------
def peer_row(peer: PeerStatus) -> list[str]:
    """One line of the stations table."""
    missing = f"{peer.missing[0]}–{peer.missing[1]}" if peer.missing else "—"
    return [
        peer.code,
        peer.name,
        "是" if peer.enrolled else "否",
        local_time(peer.last_received_at),
        str(peer.received_through),
        missing,
        peer.fingerprint or "—",
        str(peer.open_items),
        str(peer.overdue_items),
    ]


def peer_json(peer: PeerStatus) -> dict[str, Any]:
    """Every field of a peer, datetimes as ISO strings (UTC)."""
    data = dataclasses.asdict(peer)
    for key, value in data.items():
        if isinstance(value, dt.datetime):
            aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
            data[key] = aware.isoformat(timespec="seconds")
        elif isinstance(value, tuple):
            data[key] = list(value)
    return data


def local_time(value: dt.datetime | None) -> str:
    """A stored (naive UTC) time as local ``YYYY-MM-DD HH:MM``, or —."""
    if value is None:
        return "—"
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def text_width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * (width - text_width(text))
