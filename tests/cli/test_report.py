"""``qunzhong report --month YYYY-MM --out FILE.pdf|FILE.xlsx``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import open_store


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    code = main(
        [
            "init", "station", "--home", str(home), "--code", "430121101201",
            "--name", "白沙村群众工作站", "--township-code", "430121101",
            "--township-name", "白沙镇", "--operator", "李秀英",
        ]
    )  # fmt: skip
    assert code == 0
    store = open_store(home)
    try:
        new = NewItem("来访", "社会保障", "B", "承诺件", "咨询养老保险", "王大爷")
        number = store.items.register_item(new, actor="李秀英", now=dt.datetime(2026, 11, 2, 9))
        store.items.move(
            number.number,
            State.RESOLVED,
            actor="李秀英",
            data={"result": "已答复"},
            now=dt.datetime(2026, 11, 4, 9),
        )
        immediate = NewItem("来电", "政策咨询", "C", "即办件", "咨询", "李四", result="当场答复")
        store.items.register_item(immediate, actor="李秀英", now=dt.datetime(2026, 11, 5, 9))
    finally:
        store.close()
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_report_as_xlsx(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "月报.xlsx"
    code, stdout, err = run(
        capsys, "report", "--home", str(home), "--month", "2026-11", "--out", str(out)
    )
    assert code == 0, err
    assert "受理 2 件，办结 2 件" in stdout and "100.0%（2/2）" in stdout
    assert str(out.resolve()) in stdout
    figures = {row[0]: row[1] for row in load_workbook(out)["概况"].iter_rows(values_only=True)}
    assert figures["本月受理"] == 2 and figures["本月办结"] == 2


def test_report_as_pdf(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")
    out = tmp_path / "月报.pdf"
    code, _, err = run(
        capsys, "--home", str(home), "report", "--month", "2026年11月", "--out", str(out)
    )
    assert code == 0, err
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "民情月报" in text and "2026年11月" in text and "本月受理2件" in text


def test_bad_month_or_format_is_one_chinese_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "report",
        "--home",
        str(home),
        "--month",
        "2026-13",
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert code == 1 and err.startswith("错误：") and "2026-13" in err
    code, _, err = run(
        capsys,
        "report",
        "--home",
        str(home),
        "--month",
        "2026-11",
        "--out",
        str(tmp_path / "a.doc"),
    )
    assert code == 1 and ".pdf 或 .xlsx" in err
    assert not (tmp_path / "a.doc").exists()


def test_report_needs_a_station(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "report",
        "--home",
        str(tmp_path / "new"),
        "--month",
        "2026-11",
        "--out",
        str(tmp_path / "a.xlsx"),
    )
    assert code == 1 and "设置工作站" in err


def test_report_over_a_period_as_json_and_xlsx(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    code, stdout, err = run(capsys, "report", "--home", str(home), "--period", "2026-Q4", "--json")
    assert code == 0, err
    report = json.loads(stdout)
    assert (report["period"], report["previous"]["period"], report["year_before"]["period"]) == (
        "2026-Q4",
        "2026-Q3",
        "2025-Q4",
    )
    assert report["current"]["received"] == 2 and report["current"]["resolved"] == 2
    rows = {row["key"]: row for row in report["comparisons"]}
    assert rows["received"]["previous"]["text"] == "+2"
    assert rows["on_time"]["current"]["text"] == "100.0%（2/2）"
    assert report["cumulative"]["since"] == "2026-10-01"
    code, stdout, err = run(
        capsys, "report", "--home", str(home), "--period", "2026-01-01..2026-12-31",
        "--since", "2026-01-01", "--out", str(tmp_path / "全年.xlsx"),
    )  # fmt: skip
    assert code == 0, err
    assert "受理 2 件" in stdout and "全年.xlsx" in stdout
    assert "概况" in load_workbook(tmp_path / "全年.xlsx").sheetnames


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--period", "2026-Q5", "--json"], "看不懂"),
        (["--period", "2026-12-31..2026-01-01", "--json"], "早于开始日"),
        (["--month", "2026-11", "--since", "2026-01-01", "--json"], "只能与 --period 同用"),
        (["--period", "2026-H1", "--since", "2026-07-01", "--json"], "晚于统计期末"),
        (["--period", "2026-H1", "--since", "去年", "--json"], "2026-01-01 的样子"),
        (["--period", "2026-H1", "--out", "{tmp}/x.txt"], ".pdf 或 .xlsx"),
    ],
)
def test_report_over_a_period_refuses_in_chinese(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _out, err = run(capsys, "report", "--home", str(home), *argv)
    assert code != 0 and message in err, err
    assert not list(tmp_path.glob("x.*"))


def test_report_over_a_period_lists_the_cadres_as_json(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from qunzhong_desktop.core.diary import DiaryEntry
    from qunzhong_desktop.core.entities import Cadre

    store = open_store(home)
    try:
        cadre = store.register.save_cadre(Cadre(name="周驻村", phone="13800001111", unit="镇党委"))
        member = store.register.save_cadre(Cadre(name="吴党员", role="党员"))
        weekdays = [
            dt.date(2026, m, d)
            for m in (7, 8, 9)
            for d in range(1, 29)
            if dt.date(2026, m, d).weekday() < 5
        ]
        counts = {7: 12, 8: 7, 9: 12}  # August: 7 days, none on duty
        for month, count in counts.items():
            days = [d for d in weekdays if d.month == month][:count]
            for index, day in enumerate(days):
                kind = "坐班接待" if month != 8 and index < 2 else "集中工作日"
                store.diary.save_entry(
                    DiaryEntry(cadre_id=cadre.id or "", day=day, kind=kind, text="在村"),
                    today=dt.date(2026, 10, 1),
                )
        store.diary.save_entry(
            DiaryEntry(cadre_id=member.id or "", day=dt.date(2026, 8, 3), kind="集中工作日",
                       text="走访"),
            today=dt.date(2026, 10, 1),
        )  # fmt: skip
    finally:
        store.close()
    code, stdout, err = run(capsys, "report", "--home", str(home), "--period", "2026-Q3", "--json")
    assert code == 0, err
    assert "13800001111" not in stdout  # no phones
    report = json.loads(stdout)
    cadres = {c["name"]: c for c in report["cadres"]}
    zhou = cadres["周驻村"]
    assert (zhou["village_days"], zhou["duty_days"]) == (31, 4)
    assert zhou["months"] == ["2026-07", "2026-08", "2026-09"]
    assert zhou["shortfalls"] == [
        {"month": "2026-08", "reasons": ["在村 7 天，少于 10 天", "坐班 0 天，少于 2 天"]}
    ]
    assert zhou["verdict"] == "不达标" and zhou["category"] == "乡驻村干部"
    assert zhou["remarks"] == "8月：在村 7 天，少于 10 天，坐班 0 天，少于 2 天"
    assert "station" not in zhou  # at a station: its own cadres
    wu = cadres["吴党员"]
    assert (wu["verdict"], wu["months"], wu["village_days"]) == ("不考核", [], 1)
    assert {"考核月数", "未达标月份", "结论"} <= set(report["definitions"])
    out = str(tmp_path / "q3.xlsx")
    code, stdout, err = run(
        capsys, "report", "--home", str(home), "--period", "2026-Q3", "--out", out
    )
    assert code == 0 and "干部 2 名，未达标 1 名" in stdout, err
