"""``qunzhong import-roster``: import a village roster (花名册) from .xlsx, .xls or .ods."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.roster.parse import load_roster
from qunzhong_desktop.core.roster.plan import Action, ImportPlan
from qunzhong_desktop.core.safe_write import OutputError
from qunzhong_desktop.storage.roster_import import apply_roster, plan_roster


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``import-roster``."""
    command = commands.add_parser(
        "import-roster",
        help="导入花名册（.xlsx、.xls、.ods）",
        description="导入花名册：有效的行一次性导入，有问题的行写入错误报告，改正后可再次导入。",
        parents=[home],
    )
    command.add_argument("file", metavar="FILE", help="花名册文件")
    command.add_argument(
        "--report", metavar="ERRORS.xlsx", help="把未导入的行及错误原因写入此 Excel 文件"
    )
    command.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    command.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    command.set_defaults(handler=run_import_roster)


def run_import_roster(args: argparse.Namespace) -> int:
    """Read, check and import a roster; print the counts."""
    # read the file before opening the store: a bad file never touches the data directory
    roster = load_roster(Path(args.file))
    with store_of(args) as store:
        plan = plan_roster(store.db, roster) if args.dry_run else apply_roster(store.db, roster)
    report = None
    failed: OutputError | None = None
    if args.report and plan.rejected:
        try:
            from qunzhong_desktop.reports.roster_errors import write_error_report

            report = write_error_report(plan, Path(args.report))
        except OutputError as exc:  # the roster is in already: say both, exit non-zero
            failed = exc
    if args.json:
        print(json.dumps(plan.summary(), ensure_ascii=False))
    else:
        _print_text(plan, report, dry_run=args.dry_run)
    if failed is not None:
        done = "花名册已检查（未导入）" if args.dry_run else "花名册已导入"
        print(f"错误：{done}，但错误报告没有保存：{failed.message}", file=sys.stderr)
        return 1
    return 0


def _print_text(plan: ImportPlan, report: Path | None, *, dry_run: bool) -> None:
    roster = plan.roster
    verb = "将" if dry_run else "已"
    print(
        f"花名册：{roster.source}（工作表“{roster.sheet}”，表头在第 {roster.header.row_index + 1} 行）"
    )
    for kind, label in (("households", "户"), ("persons", "人")):
        created = plan.count(kind, Action.CREATE)
        updated = plan.count(kind, Action.UPDATE)
        print(f"{label}：{verb}新建 {created}，{verb}更新 {updated}")
    print(f"需核对（已导入并标记）：{len(plan.flagged)} 行")
    print(f"未导入：{len(plan.rejected)} 行")
    for issue in plan.rejected:
        print(f"  第 {issue.row} 行 {issue.name}：{issue.reason}")
    for warning in roster.warnings:
        print(f"注意：{warning}")
    if report is not None:
        print(f"错误报告：{report}（改正后可直接再次导入）")
    elif plan.rejected:
        print("提示：加上 --report 错误报告.xlsx 可导出未导入的行，改正后再次导入。")
    if dry_run:
        print("（预览模式，未写入任何数据）")
