import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import open_store
from tests.helpers.roster_builder import make_id

NUMBER = re.compile(r"^430121101201-\d{4}-\d{5}$")
ADD = [
    "items", "add", "--channel", "来访", "--domain", "社会保障", "--grade", "B",
    "--type", "承诺件", "--content", "咨询城乡居民养老保险补缴",
]  # fmt: skip


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
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> str:
    code, out, err = run(
        capsys, *ADD, "--home", str(home), "--requester-name", "王大爷", "--phone", "138 1234 5678",
        *extra,
    )  # fmt: skip
    assert code == 0, err
    return out.strip()


def test_add_prints_the_new_number(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = dt.date.today().year
    assert add(capsys, home) == f"430121101201-{year}-00001"
    second = add(capsys, home)
    assert NUMBER.match(second) and second.endswith("-00002")
    store = open_store(home)
    try:
        item = store.items.item(second)
    finally:
        store.close()
    assert (item.requester_name, item.requester_phone) == ("王大爷", "13812345678")
    assert item.handler == "李秀英" and item.state is State.REGISTERED


def test_add_refuses_bad_fields_in_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ADD[:-1], "  ", "--home", str(home), "--requester-name", "王")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "诉求内容" in err
    code, _, err = run(
        capsys, *ADD, "--home", str(home), "--requester-name", "王", "--phone", "12345"
    )
    assert code == 1 and "电话" in err


def test_immediate_item_with_result(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = ["--type", "即办件", "--result", "当场开具证明", "--handler", "张华"]
    number = add(capsys, home, *extra)
    store = open_store(home)
    try:
        item = store.items.item(number)
    finally:
        store.close()
    assert item.state is State.RESOLVED and item.handler == "张华"
    assert item.events[-1].data["result"] == "当场开具证明"


def test_refused_move_is_one_line_and_leaves_the_item(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = add(capsys, home)
    code, out, err = run(capsys, "items", "move", number, "已销号", "--home", str(home))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误：") and "已受理" in err
    code, _, err = run(capsys, "items", "move", number, "飞走了", "--home", str(home))
    assert code == 1 and "飞走了" in err and err.count("\n") == 1
    store = open_store(home)
    try:
        item = store.items.item(number)
    finally:
        store.close()
    assert item.state is State.REGISTERED and len(item.events) == 1


def test_full_path_to_closed(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = add(capsys, home)
    h = ["--home", str(home)]
    assert run(capsys, "items", "move", number, "办理中", *h)[0] == 0
    code, out, _ = run(capsys, "items", "move", number, "resolved", "--note", "已办理补缴", *h)
    assert code == 0 and "办理中 → 已办结" in out
    code, _, err = run(capsys, "items", "move", number, "已回访", *h)
    assert code == 1 and "满意度" in err
    assert run(capsys, "items", "move", number, "已回访", "--satisfaction", "满意", *h)[0] == 0
    assert run(capsys, "items", "move", number, "已销号", *h)[0] == 0
    store = open_store(home)
    try:
        item = store.items.item(number)
    finally:
        store.close()
    assert item.state is State.CLOSED
    assert [e.to_state for e in item.events] == [
        State.REGISTERED, State.IN_PROGRESS, State.RESOLVED, State.FOLLOWED_UP, State.CLOSED,
    ]  # fmt: skip
    assert item.events[2].data["result"] == "已办理补缴"
    assert item.events[3].data == {"way": "电话", "satisfaction": "满意"}
    assert all(e.actor == "李秀英" for e in item.events)


def test_list_json_and_overdue(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh = add(capsys, home)
    store = open_store(home)
    try:
        old = store.items.register_item(
            NewItem(
                channel="来电", domain="矛盾纠纷", grade="A", item_type="承诺件",
                content="邻里排水沟纠纷", requester_name="赵六",
            ),
            actor="x",
            now=dt.datetime(2025, 3, 3, 10),
        )  # fmt: skip
    finally:
        store.close()
    code, out, _ = run(capsys, "items", "list", "--json", "--home", str(home))
    assert code == 0
    rows = json.loads(out)
    assert [r["number"] for r in rows] == [fresh, old.number]
    assert rows[1] == {
        "number": old.number,
        "received_at": "2025-03-03T10:00:00",
        "requester": "赵六",
        "channel": "来电",
        "domain": "矛盾纠纷",
        "grade": "A",
        "type": "承诺件",
        "state": "已受理",
        "state_code": "registered",
        "due_on": "2025-03-07",  # grade A: 4 of 矛盾纠纷's 7 working days (急事急办)
        "urgency": "overdue",
    }
    code, out, _ = run(capsys, "items", "list", "--overdue", "--json", "--home", str(home))
    assert [r["number"] for r in json.loads(out)] == [old.number]
    code, out, _ = run(capsys, "items", "list", "--state", "办理中", "--json", "--home", str(home))
    assert json.loads(out) == []
    code, out, _ = run(capsys, "items", "list", "--overdue", "--home", str(home))
    assert code == 0 and old.number in out and fresh not in out and "已超期" in out


def test_requester_from_the_register(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    id_number = make_id("19580301", "011")
    store = open_store(home)
    try:
        store.register.save_household(
            Household(
                number="001",
                members=[Person(name="张三丰", id_number=id_number, phone="13900000000")],
            )
        )
    finally:
        store.close()
    lower = id_number[:-1] + id_number[-1].lower()
    code, out, err = run(capsys, *ADD, "--home", str(home), "--requester-id", f" {lower} ")
    assert code == 0, err
    store = open_store(home)
    try:
        item = store.items.item(out.strip())
    finally:
        store.close()
    assert (item.requester_name, item.requester_phone) == ("张三丰", "13900000000")
    assert item.requester_person_id is not None
    unknown = make_id("19900101", "021")
    code, out, err = run(capsys, *ADD, "--home", str(home), "--requester-id", unknown)
    assert code == 1 and out == "" and err.count("\n") == 1 and "户籍" in err


def test_receipt_writes_a_pdf(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")
    number = add(capsys, home)
    out = tmp_path / "回执.pdf"
    code, printed, err = run(capsys, "receipt", number, "--out", str(out), "--home", str(home))
    assert code == 0, err
    assert str(out.resolve()) in printed
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert number in text and "0731-84561234" in text
    code, _, err = run(capsys, "receipt", number[:-1] + "9", "--out", str(out), "--home", str(home))
    assert code == 1 and "找不到" in err and err.count("\n") == 1


def test_correct_changes_only_what_is_given_and_show_lists_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    id_number = make_id("19580301", "011")
    store = open_store(home)
    try:
        store.register.save_household(
            Household(number="001", members=[Person(name="张三丰", id_number=id_number)])
        )
    finally:
        store.close()
    number = add(capsys, home)
    h = ["--home", str(home)]
    code, out, err = run(capsys, "items", "correct", number, *h, "--grade", "a",
                         "--reason", "登记时选错等级")  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"{number}：已更正　等级：B 一般 → A 重大紧急（原因：登记时选错等级）"
    code, out, err = run(capsys, "items", "correct", number, *h, "--requester-id", id_number)
    assert code == 0, err
    assert "诉求人：王大爷 → 张三丰" in out and "联系电话：138****5678 → （空）" in out
    code, out, err = run(capsys, "items", "correct", number, *h, "--grade", "A")
    assert code == 1 and out == "" and "没有改动" in err and err.count("\n") == 1
    code, out, err = run(capsys, "items", "correct", number, *h, "--domain", "外星")
    assert code == 1 and "外星" in err
    code, out, _err = run(capsys, "items", "show", number, *h)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("诉求人：张三丰") and "A 重大紧急" in lines[2]
    history = [line for line in lines if "　更正　" in line]
    assert len(history) == 2 and "命令行" not in history[0]  # the station's operator
    assert history[0].split("　")[1] == "李秀英"
