"""``qunzhong items agency``, ``items authorisation``, the collection moves, ``register due``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import open_store
from tests.helpers.roster_builder import make_id

TODAY = dt.date.today()
ADD = [
    "items", "add", "--channel", "来访", "--domain", "社会保障", "--grade", "B",
    "--type", "承诺件", "--content", "代办高龄津贴申请",
]  # fmt: skip


def birth_for(age: int, days_ahead: int) -> dt.date:
    """A birth date that turns ``age`` in ``days_ahead`` days."""
    day = TODAY + dt.timedelta(days=days_ahead)
    try:
        return day.replace(year=day.year - age)
    except ValueError:  # 29 February
        return day.replace(year=day.year - age, day=28)


#: (household, name, birth): three turn 70 within 60 days, one turns 80, one is young
PEOPLE = [
    ("E01", "王建明", birth_for(70, 5)),
    ("E02", "赵桂兰", birth_for(70, 20)),
    ("E03", "孙德明", birth_for(70, 45)),
    ("E04", "陈秋生", birth_for(80, 30)),
    ("E05", "周小明", birth_for(30, 10)),
]


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert main([
        "init", "station", "--home", str(home), "--code", "430121101201",
        "--name", "白沙村群众工作站", "--township-code", "430121101",
        "--township-name", "白沙镇", "--phone", "0731-84561234", "--operator", "李秀英",
    ]) == 0  # fmt: skip
    store = open_store(home)
    try:
        for index, (number, name, _birth) in enumerate(PEOPLE):
            store.register.save_household(
                Household(number=number, address=f"白沙村三组 {index + 1} 号",
                          tags=["低保户"] if index == 0 else [],
                          members=[Person(name=name, id_number=id_of(index))])
            )  # fmt: skip
    finally:
        store.close()
    capsys.readouterr()
    return home


def id_of(index: int) -> str:
    return make_id(PEOPLE[index][2].strftime("%Y%m%d"), f"{index + 1:02d}1")


def run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--home", str(home)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(
    capsys: pytest.CaptureFixture[str], home: Path, *argv: str, listed: bool = False
) -> str:
    """The one Chinese line a refusal prints (exit 1; on stdout nothing, or the list first)."""
    code, out, err = run(capsys, home, *argv)
    assert code == 1 and (out == "") != listed, (out, err)
    assert err.count("\n") == 1 and err.startswith("错误："), err
    return err


def add(capsys: pytest.CaptureFixture[str], home: Path, index: int = 0) -> str:
    code, out, err = run(capsys, home, *ADD, "--requester-id", id_of(index))
    assert code == 0, err
    return out.strip()


def state_of(home: Path, number: str) -> State:
    store = open_store(home)
    try:
        return store.items.item(number).state
    finally:
        store.close()


def test_an_item_taken_as_home_agency_notified_and_collected(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    number = add(capsys, home)
    code, out, err = run(
        capsys, home, "items", "agency", number, "--mode", "上门代办",
        "--auth-on", TODAY.isoformat(), "--auth-kind", "书面", "--agent", "张华",
        "--office", "县政务服务中心", "--at-home",
    )  # fmt: skip
    assert code == 0, err
    assert (
        f"代办：上门代办　{TODAY.isoformat()} 书面委托　代办干部 张华　办理部门 县政务服务中心"
        in out
    )
    assert "上门服务" in out
    for kind, text in (("收件", "户口簿、身份证复印件"), ("进展", "已到县政务服务中心递交")):
        code, out, err = run(capsys, home, "items", "agency", number, "--entry", kind,
                             "--text", text)  # fmt: skip
        assert code == 0 and f"{TODAY.isoformat()}　{kind}　{text}　李秀英" in out, err
    for state, *extra in (("办理中",), ("已办结", "--note", "已办好"),
                          ("已通知领取", "--how", "电话"), ("已领取", "--by", "配偶代领")):  # fmt: skip
        code, out, err = run(capsys, home, "items", "move", number, state, *extra)
        assert code == 0 and out.strip().endswith(state), err
    code, out, _ = run(capsys, home, "items", "agency", number, "--entry", "还件",
                       "--text", "户口簿原件")  # fmt: skip
    assert (
        f"{TODAY.isoformat()}　已电话通知领取" in out
        and f"{TODAY.isoformat()}　已领取（配偶代领）" in out
    )
    code, out, _ = run(capsys, home, "items", "show", number)
    assert code == 0 and "还件　户口簿原件" in out and "已领取" in out
    assert state_of(home, number) is State.COLLECTED
    try:
        find_cjk_font()
    except Exception:  # pragma: no cover - a machine without CJK fonts
        return
    pdf = tmp_path / "委托书.pdf"
    code, out, err = run(capsys, home, "items", "authorisation", number, "--out", str(pdf))
    assert code == 0 and "已生成代办委托书" in out, err
    text = "".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "代办委托书" in text and "王建明" in text and "张华" in text
    assert id_of(0) not in text and f"{id_of(0)[:4]}**********{id_of(0)[-4:]}" in text


def test_bad_input_is_refused_in_one_chinese_line(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = add(capsys, home)
    assert "不是代办事项" in refused(capsys, home, "items", "agency", plain, "--entry", "收件",
                                     "--text", "户口簿")  # fmt: skip
    assert "代办方式" in refused(capsys, home, "items", "agency", plain, "--mode", "代跑")
    future = (TODAY + dt.timedelta(days=1)).isoformat()
    assert "不能晚于今天" in refused(
        capsys, home, "items", "agency", plain, "--mode", "定点代办", "--auth-on", future,
        "--auth-kind", "书面",
    )  # fmt: skip
    assert "看不懂" in refused(capsys, home, "items", "agency", plain, "--mode", "定点代办",
                               "--auth-on", "去年")  # fmt: skip
    assert "须填写代办干部" in refused(capsys, home, "items", "agency", plain, "--mode", "流动代办")
    assert "再打印委托书" in refused(
        capsys, home, "items", "authorisation", plain, "--out", "x.pdf"
    )
    # a 代办 item: collected only once resolved and told; followed up only once collected
    code, _, err = run(capsys, home, "items", "agency", plain, "--mode", "定点代办")
    assert code == 0, err
    assert "当前可改为" in refused(capsys, home, "items", "move", plain, "已领取", "--by", "本人")
    for state, *extra in (("办理中",), ("已办结", "--note", "已办好")):
        assert run(capsys, home, "items", "move", plain, state, *extra)[0] == 0
    assert "领取后再回访" in refused(capsys, home, "items", "move", plain, "已回访",
                                     "--satisfaction", "满意")  # fmt: skip
    assert "通知方式" in refused(capsys, home, "items", "move", plain, "已通知领取")
    assert "领取人" in refused(capsys, home, "items", "move", plain, "已领取")
    assert "受理日期" in refused(capsys, home, "items", "move", plain, "已领取", "--by", "本人",
                                 "--on", "2020-01-01")  # fmt: skip
    assert state_of(home, plain) is State.RESOLVED
    # an item that is not 代办 is never told to collect
    other = add(capsys, home, 1)
    for state, *extra in (("办理中",), ("已办结", "--note", "已办好")):
        assert run(capsys, home, "items", "move", other, state, *extra)[0] == 0
    assert "不是代办事项" in refused(capsys, home, "items", "move", other, "已通知领取",
                                     "--how", "电话")  # fmt: skip


def test_turning_70_lists_three_and_creates_three_agency_items(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    due = ["register", "due", "--turning", "70", "--within", "60"]
    code, out, err = run(capsys, home, *due)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].endswith("年满 70 周岁：3 人")
    assert [line.split("　")[1] for line in lines[1:]] == ["王建明", "赵桂兰", "孙德明"]
    code, out, _ = run(capsys, home, *due, "--json")
    listed = json.loads(out)
    assert [p["name"] for p in listed] == ["王建明", "赵桂兰", "孙德明"]
    assert listed[0]["tags"] == ["低保户"] and listed[0]["service"] == "高龄津贴"
    assert listed[0]["id_number"] == f"{id_of(0)[:4]}**********{id_of(0)[-4:]}"
    assert id_of(0) not in out
    # creating needs the clerk's confirmation: without it nothing is made
    err = refused(capsys, home, *due, "--create", listed=True)[len("错误：") :]
    assert "加 --yes" in err
    code, out, err = run(capsys, home, *due, "--create", "--yes", "--mode", "上门代办",
                         "--agent", "张华")  # fmt: skip
    assert code == 0, err
    made = [line.split()[-1] for line in out.splitlines() if line.startswith("已登记代办事项")]
    assert len(made) == 3
    store = open_store(home)
    try:
        for number, name in zip(made, ["王建明", "赵桂兰", "孙德明"], strict=True):
            item = store.items.item(number)
            assert item.requester_name == name and item.state is State.REGISTERED
            assert store.agency.of(number).agency.mode == "上门代办"
    finally:
        store.close()
    code, out, _ = run(capsys, home, *due, "--create", "--yes", "--mode", "上门代办",
                       "--agent", "张华")  # fmt: skip
    assert out.count("未重复登记") == 3 and "已登记代办事项" not in out
    code, out, _ = run(capsys, home, "register", "due", "--turning", "80", "--within", "60",
                       "--tag", "低保户")  # fmt: skip
    assert out.splitlines() == [out.splitlines()[0]] and out.rstrip().endswith("：0 人")


def test_the_due_query_refuses_odd_ages_and_days(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "1–120" in refused(capsys, home, "register", "due", "--turning", "0")
    assert "1–366" in refused(capsys, home, "register", "due", "--turning", "70", "--within", "0")
    assert "诉求类别" in refused(capsys, home, "register", "due", "--turning", "70", "--within",
                                 "60", "--create", "--yes", "--domain", "民政服务",
                                 listed=True)  # fmt: skip
