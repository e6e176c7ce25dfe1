import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.storage.store import open_store

DAY = dt.date.today() - dt.timedelta(days=3)
MONTH = f"{DAY:%Y-%m}"


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    code = main(
        [
            "init", "station", "--home", str(home), "--code", "430121101201",
            "--name", "白沙村群众工作站", "--township-code", "430121101",
            "--township-name", "白沙镇", "--phone", "0731-84561234", "--operator", "李秀英",
        ]
    )  # fmt: skip
    assert code == 0
    store = open_store(home)
    try:
        store.register.save_cadre(Cadre(name="刘建国", unit="镇党委"))
        for number, name in (("0001", "张三丰"), ("0002", "李桂兰")):
            store.register.save_household(Household(number=number, members=[Person(name=name)]))
    finally:
        store.close()
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add(home: Path, *extra: str) -> list[str]:
    return [
        "diary", "add", "--home", str(home), "--cadre", "刘建国", "--date", DAY.isoformat(),
        "--kind", "入户走访", "--household", "0001", "--household", "0002",
        "--text", "走访结对户，李家屋顶漏雨。", *extra,
    ]  # fmt: skip


def test_add_list_finding_and_pdf(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *add(home, "--check", "look_kitchen", "--check", "ask_living"))
    assert code == 0, err
    assert "刘建国" in out and "走访 2 户" in out

    code, out, err = run(capsys, *add(home))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "已有一篇民情日记（入户走访）" in err

    code, out, err = run(
        capsys, "diary", "finding", "--home", str(home), "--cadre", "刘建国",
        "--date", DAY.isoformat(), "--household", "0002", "--content", "屋顶漏雨，需危房改造",
        "--domain", "基础设施",
    )  # fmt: skip
    assert code == 0, err
    number = out.strip()
    assert re.match(r"^430121101201-\d{4}-00001$", number)

    code, out, _ = run(capsys, "diary", "list", "--home", str(home), "--month", MONTH, "--json")
    rows = json.loads(out)
    assert [(r["cadre"], r["households"], r["items"]) for r in rows] == [("刘建国", 2, 1)]
    store = open_store(home)
    try:
        entry = store.diary.entry(rows[0]["id"])
        assert entry.visits[0].checks["look_kitchen"].done
        assert store.items.item(number).channel == "走访"
    finally:
        store.close()

    pdf = home / "日记.pdf"
    code, out, err = run(
        capsys, "diary", "pdf", "--home", str(home), "--cadre", "刘建国", "--month", MONTH,
        "--out", str(pdf),
    )  # fmt: skip
    assert code == 0, err
    text = "".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "刘建国" in text and number in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--cadre", "王五"), "没有名叫“王五”的干部"),
        (("--household", "9999"), "户号为“9999”"),
        (("--kind", "开会"), "日记类型“开会”"),
        (("--date", "2026-13-01"), "日期“2026-13-01”"),
        (("--check", "look_garden"), "look_garden"),
    ],
)
def test_errors_are_one_chinese_line(
    home: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], message: str
) -> None:
    argv = add(home)
    if change[0] in argv and change[0] != "--household" and change[0] != "--check":
        argv[argv.index(change[0]) + 1] = change[1]
    else:
        argv += list(change)
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("错误：") and message in err and err.count("\n") == 1


def test_future_day_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = add(home)
    argv[argv.index("--date") + 1] = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    code, _out, err = run(capsys, *argv)
    assert code == 1 and "还没到" in err


def test_a_phone_call_with_its_place(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "diary", "add", "--home", str(home), "--cadre", "刘建国", "--date", DAY.isoformat(),
        "--kind", "电话回访", "--text", "在村委会回访李大爷。", "--place", "白沙村村委会",
    ]  # fmt: skip
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    with open_store(home) as store:
        (row,) = store.diary.entries(month=DAY.strftime("%Y-%m"))
        assert store.diary.entry(row.id).place == "白沙村村委会"
        assert store.diary.days_by_cadre(DAY.strftime("%Y-%m"))[row.cadre_id]["village"] == 1
