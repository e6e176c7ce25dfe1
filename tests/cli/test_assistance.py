"""``qunzhong assistance``: the issue's "done when" walked through the CLI, and its refusals."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.storage.settings_repo import AssistanceOptions, store_assistance_options
from qunzhong_desktop.storage.store import open_store

TODAY = dt.date.today()
DAY0 = TODAY - dt.timedelta(days=30)
CLOSED = DAY0 + dt.timedelta(days=12)  # when the walk-through closes its need
ID_NUMBER = "430121198001011232"
PHONE = "13812345678"


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    code = main(
        [
            "init", "station", "--home", str(home), "--code", "430121101201",
            "--name", "白沙村群众工作站", "--township-code", "430121101",
            "--township-name", "白沙镇", "--phone", "0731-84561234",
            "--supervision-phone", "0731-12345678", "--operator", "李秀英",
        ]
    )  # fmt: skip
    assert code == 0
    store = open_store(home)
    try:
        grid = store.register.save_grid(Grid(name="东片网格", leader_name="赵网长"))
        for name, unit, phone in (("刘建国", "镇党委", "13900001111"),
                                  ("孙超峰", "驻村工作队", "13900002222")):  # fmt: skip
            store.register.save_cadre(Cadre(name=name, unit=unit, phone=phone))
        store.register.save_household(
            Household(
                number="0001", grid_id=grid.id, phone=PHONE, address="白沙村三组 12 号",
                tags=["低保户"],
                members=[Person(name="王建明", relation="户主", id_number=ID_NUMBER,
                                phone=PHONE),
                         Person(name="王小妹", relation="子女")],
            )
        )  # fmt: skip
        store.register.save_household(Household(number="0002", members=[Person(name="李桂兰")]))
    finally:
        store.close()
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The command fails with one Chinese line on stderr and prints nothing."""
    code, out, err = run(capsys, *argv)
    assert code == 1, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("错误：")
    assert re.search(r"[\u4e00-\u9fff]", err)
    return err


def day(offset: int) -> str:
    return (DAY0 + dt.timedelta(days=offset)).isoformat()


def report(home: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    out = ok(
        capsys, "assistance", "need", "add", "--home", str(home), "--household", "0001",
        "--person", "王小妹", "--what", "王小妹上学缺学费和冬衣", "--category", "教育",
        "--urgent", "--date", day(0), "--time-limit", day(60), *extra,
    )  # fmt: skip
    found = re.match(r"^需求 ([0-9a-f]{8}) 已登记：0001 王建明户 王小妹，待初核。$", out.strip())
    assert found, out
    return found.group(1)


def step(home: Path, need: str, name: str, *extra: str) -> list[str]:
    return ["assistance", "need", name, need, "--home", str(home), *extra]


def give(home: Path, need: str, *extra: str) -> list[str]:
    return ["assistance", "give", "--home", str(home), "--need", need, "--unit", "驻村工作队",
            "--content", "资助学费", "--date", day(3), *extra]  # fmt: skip


def cases(home: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    out = ok(capsys, "assistance", "list", "--home", str(home), "--json", *extra)
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_a_need_reported_checked_helped_closed_and_put_on_the_notice(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    need = report(home, capsys)
    out = ok(capsys, *step(home, need, "check", "--level", "village", "--by", "李书记",
                           "--date", day(1)))  # fmt: skip
    assert "村党组织初核（李书记" in out and "现在是“待复核”" in out
    # help only on a checked need: the township's 复核 is not recorded yet
    err = refused(capsys, *give(home, need, "--kind", "资金", "--amount", "1200",
                                "--helper", "刘建国"))  # fmt: skip
    assert "只有经过村党组织初核和镇（县）复核" in err
    out = ok(capsys, *step(home, need, "check", "--level", "township", "--by", "张镇长",
                           "--date", day(2)))  # fmt: skip
    assert "现在是“实施中”" in out

    out = ok(capsys, *give(home, need, "--kind", "资金", "--amount", "1,200",
                           "--helper", "刘建国", "--helper", "孙超峰"))  # fmt: skip
    money = re.match(r"^帮扶记录 ([0-9a-f]{8}) 已登记：", out)
    assert money and "资金 1,200 元" in out and "帮扶人 刘建国、孙超峰" in out
    out = ok(capsys, *give(home, need, "--kind", "物品", "--amount", "350.50",
                           "--helper", "孙超峰", "--content", "送去棉衣两件、书包一个"))  # fmt: skip
    assert "物品 350.50 元" in out

    # the outcome a week later, then corrected: both kept
    ok(capsys, "assistance", "outcome", money.group(1), "--home", str(home),
       "--text", "学费已交清", "--date", day(10))  # fmt: skip
    ok(capsys, "assistance", "outcome", money.group(1), "--home", str(home),
       "--text", "学费已交清，已返校上课", "--date", day(11))  # fmt: skip

    err = refused(capsys, *step(home, need, "close", "--by", "李书记"))
    assert "请填写帮扶结果" in err
    out = ok(capsys, *step(home, need, "close", "--by", "李书记", "--date", day(12),
                           "--result", "已返校，冬衣已送到"))  # fmt: skip
    assert "现在是“已销号”" in out

    [case] = cases(home, capsys)
    assert case["state_name"] == "已销号" and case["result"] == "已返校，冬衣已送到"
    assert case["person"] == "王小妹" and case["urgent"] is True
    assert case["reported_by"] == "赵网长"  # the grid's leader, by default
    assert case["amount_yuan"] == "1,550.50"
    assert [(s["name"], s["actor"]) for s in case["steps"]] == [  # type: ignore[attr-defined]
        ("网长报告", "赵网长"), ("村党组织初核", "李书记"), ("镇（县）复核", "张镇长"),
        ("销号", "李书记"),
    ]  # fmt: skip
    first, second = case["help"]  # type: ignore[misc]
    assert (first["kind"], first["amount_fen"], first["helpers"]) == ("资金", 120000,
                                                                     "刘建国、孙超峰")  # fmt: skip
    assert len(first["helper_ids"]) == 2 and second["amount_yuan"] == "350.50"
    assert first["outcome"] == "学费已交清，已返校上课"
    assert [(o["date"], o["text"]) for o in first["outcomes"]] == [
        (day(10), "学费已交清"), (day(11), "学费已交清，已返校上课"),
    ]  # fmt: skip
    assert cases(home, capsys, "--open") == []

    text_list = ok(capsys, "assistance", "list", "--home", str(home))
    assert f"需求 {need}  [已销号]" in text_list and "资金 1,200 元" in text_list
    assert PHONE not in text_list and ID_NUMBER not in text_list

    # closed this year: on the notice, masked, nothing else personal, no amounts by default
    pdf = tmp_path / "公示.pdf"
    out = ok(capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf))
    assert "（1 项）" in out
    text = pdf_text(pdf)
    assert "帮扶工作五公开公示" in text and "白沙村群众工作站" in text
    assert "王*妹" in text and "刘建国、孙超峰" in text and "驻村工作队" in text
    assert "王小妹" not in text and "王建明" not in text
    assert ID_NUMBER not in text and PHONE not in text and "三组" not in text
    assert "低保户" not in text
    assert "1,200" not in text and "350.50" not in text and "1,550.50" not in text
    assert "0731-12345678" in text  # the supervision phone, for objections
    if CLOSED.year == TODAY.year:  # the notice lists this year's closings by default
        assert "已销号" in text

    # the township turns amounts on: the total per case is printed
    store = open_store(home)
    try:
        with store.db.writing() as s:
            store_assistance_options(s, AssistanceOptions(notice_amounts=True))
    finally:
        store.close()
    ok(capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf),
       "--year", str(CLOSED.year))  # fmt: skip
    text = pdf_text(pdf)
    assert "金额（元）" in text and "1,550.50" in text


def test_send_back_resubmit_and_reopen(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    need = report(home, capsys)
    err = refused(capsys, *step(home, need, "back", "--by", "李书记"))
    assert "退回的原因" in err
    out = ok(capsys, *step(home, need, "back", "--by", "李书记", "--reason", "情况不实",
                           "--date", day(1)))  # fmt: skip
    assert "现在是“已退回”" in out
    err = refused(capsys, *step(home, need, "check", "--level", "township", "--by", "张镇长"))
    assert "不能镇（县）复核" in err
    ok(capsys, *step(home, need, "resubmit", "--by", "赵网长", "--date", day(2)))
    for level, who in (("village", "李书记"), ("township", "张镇长")):
        ok(capsys, *step(home, need, "check", "--level", level, "--by", who, "--date", day(3)))
    ok(capsys, *step(home, need, "close", "--by", "李书记", "--result", "已解决"))
    err = refused(capsys, *step(home, need, "reopen", "--by", "李书记"))
    assert "重新打开的原因" in err
    out = ok(capsys, *step(home, need, "reopen", "--by", "李书记", "--reason", "冬衣不合身"))
    assert "现在是“实施中”" in out
    [case] = cases(home, capsys, "--open")
    assert [s["name"] for s in case["steps"]] == [  # type: ignore[attr-defined]
        "网长报告", "退回", "重新报告", "村党组织初核", "镇（县）复核", "销号", "重新打开",
    ]  # fmt: skip
    assert case["steps"][1]["note"] == "情况不实"  # type: ignore[index]
    assert case["result"] == ""


def test_refusals_keep_the_store_as_it_was(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    add = ["assistance", "need", "add", "--home", str(home), "--what", "房屋漏雨",
           "--category", "住房"]  # fmt: skip
    assert "户号为“0099”" in refused(capsys, *add, "--household", "0099")
    assert "晚于今天" in refused(capsys, *add, "--household", "0002", "--date", tomorrow)
    assert "需求类别应为" in refused(capsys, *add[:-1], "旅游", "--household", "0002")
    assert "没有（或有不止一个）叫“张三”" in refused(
        capsys, *add, "--household", "0002", "--person", "张三"
    )
    assert "看不懂" in refused(capsys, *add, "--household", "0002", "--date", "明天")
    assert cases(home, capsys) == []

    need = report(home, capsys)
    for level, who in (("village", "李书记"), ("township", "张镇长")):
        ok(capsys, *step(home, need, "check", "--level", level, "--by", who, "--date", day(1)))
    err = refused(capsys, *step(home, need, "check", "--level", "county", "--by", "某"))
    assert "village" in err and "township" in err
    helper = ["--helper", "刘建国"]
    assert "超过 1,000,000 元" in refused(
        capsys, *give(home, need, "--kind", "资金", "--amount", "99999999", *helper)
    )
    assert "金额应大于 0" in refused(capsys, *give(home, need, "--kind", "资金", "--amount",
                                                    "0", *helper))  # fmt: skip
    assert "以元为单位的数字" in refused(
        capsys, *give(home, need, "--kind", "资金", "--amount", "-50", *helper)
    )
    assert "“致富信息”不填金额" in refused(
        capsys, *give(home, need, "--kind", "致富信息", "--amount", "100", *helper)
    )
    assert "资金帮扶请填写金额" in refused(capsys, *give(home, need, "--kind", "资金", *helper))
    assert "没有“王五”" in refused(
        capsys, *give(home, need, "--kind", "资金", "--amount", "100", "--helper", "王五")
    )
    assert "请填写帮扶责任人" in refused(capsys, *give(home, need, "--kind", "政策办理"))
    assert "晚于今天" in refused(
        capsys, *give(home, need, "--kind", "政策办理", *helper, "--date", tomorrow)
    )
    assert "没有编号为“ffffff”" in refused(
        capsys, *give(home, "ffffff", "--kind", "政策办理", *helper)
    )
    assert "太短" in refused(capsys, *give(home, need[-4:], "--kind", "政策办理", *helper))
    [case] = cases(home, capsys)
    assert case["help"] == [] and case["state_name"] == "实施中"

    # a short id of 6 characters is enough; an outcome in the future or empty is refused
    out = ok(capsys, *give(home, need[-6:], "--kind", "致富信息", *helper))
    record = re.match(r"^帮扶记录 ([0-9a-f]{8})", out)
    assert record
    outcome = ["assistance", "outcome", record.group(1), "--home", str(home)]
    assert "晚于今天" in refused(capsys, *outcome, "--text", "已种上", "--date", tomorrow)
    assert "请填写帮扶成效" in refused(capsys, *outcome, "--text", "  ")
    assert "早于帮扶日期" in refused(capsys, *outcome, "--text", "已种上", "--date", day(0))
    [case] = cases(home, capsys)
    assert case["help"][0]["outcomes"] == []  # type: ignore[index]


def test_notice_by_grid_and_year(home: Path, capsys: pytest.CaptureFixture[str],
                                 tmp_path: Path) -> None:  # fmt: skip
    pdf = tmp_path / "notice.pdf"
    assert "没有名为“北片”的网格" in refused(
        capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf), "--grid", "北片"
    )
    assert "看不懂" in refused(
        capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf), "--year", "去年"
    )
    assert "公示年份" in refused(
        capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf),
        "--year", str(TODAY.year + 1),
    )  # fmt: skip
    assert not pdf.exists()
    need = report(home, capsys)
    for level, who in (("village", "李书记"), ("township", "张镇长")):
        ok(capsys, *step(home, need, "check", "--level", level, "--by", who, "--date", day(1)))
    ok(capsys, *give(home, need, "--kind", "政策办理", "--helper", "孙超峰"))
    out = ok(capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf),
             "--grid", "东片网格")  # fmt: skip
    assert "（1 项）" in out
    assert "东片网格" in pdf_text(pdf) and "王*妹" in pdf_text(pdf)
    # an open case in 实施中 is listed whatever the year
    out = ok(capsys, "assistance", "notice", "--home", str(home), "--out", str(pdf),
             "--year", "2020")  # fmt: skip
    assert "（1 项）" in out
