"""``qunzhong cadres`` (add, list, rules, rules set, record) and ``qunzhong report --json``.

October 2026 at 白沙村群众工作站, looked at after the month (today is later): National Day
(1–7 October) is off and Saturday 10 October is worked, so the first working week
(集中工作日, the month's first 5 working days) is 8, 9, 10, 12 and 13 October.

- 刘芳娜 (乡驻村干部): 8 入户走访 days and 2 坐班接待 days → 10 days in the village, 2 on
  duty: 达标.
- 张建军 (乡驻村干部): 8 入户走访 days, 1 坐班接待 day and 3 电话回访 days without a place →
  9 days in the village, 1 on duty: 不达标 on both.
- 李桂香 (村两委其他干部): 5 days, paired with 3 households tagged 低保户 (and one untagged):
  达标.
- 陈红梅 (党员): 1 day: 不考核.
- 周志强 (工作队员): one 集中工作日 on 20 October only: 不达标 (first week).
- 吴晓东 (工作队员): one 集中工作日 on 12 October: 达标.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import Store, open_store
from tests.helpers.network import make_township
from tests.helpers.township_data import build

STATION = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇", "--operator", "李秀英",
]  # fmt: skip
PHONE = "13812345678"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def october(day: int) -> dt.date:
    return dt.date(2026, 10, day)


def fill_october(store: Store) -> dict[str, str]:
    """The cadres of the module's docstring with their diaries; returns name → id."""
    households = [
        store.register.save_household(
            Household(
                number=f"000{n}",
                members=[Person(name=name)],
                tags=["低保户"] if n <= 3 else [],
            )
        ).id
        or ""
        for n, name in enumerate(("张三丰", "李桂兰", "王建明", "赵德胜", "孙丽华"), start=1)
    ]
    ids: dict[str, str] = {}
    for name, category, unit in (
        ("刘芳娜", "乡驻村干部", "镇党委"),
        ("张建军", "乡驻村干部", "镇党委"),
        ("李桂香", "村两委其他干部", "白沙村村委会"),
        ("陈红梅", "党员", ""),
        ("周志强", "工作队员", "县驻村工作队"),
        ("吴晓东", "工作队员", "县驻村工作队"),
    ):
        ids[name] = (
            store.register.save_cadre(Cadre(name=name, category=category, unit=unit)).id or ""
        )
    store.register.pair(ids["李桂香"], households[:4])  # three of them 低保户

    def entry(name: str, day: int, kind: str, *visited: str) -> None:
        store.diary.save_entry(
            DiaryEntry(
                cadre_id=ids[name], day=october(day), kind=kind, text="走访群众，了解情况。",
                visits=[DiaryVisit(h) for h in visited],
            )
        )  # fmt: skip

    for day in (8, 9, 12, 13, 14, 15, 16, 19):
        entry("刘芳娜", day, "入户走访", households[3], households[4])
        entry("张建军", day, "入户走访", households[4])
    for day in (20, 21):
        entry("刘芳娜", day, "坐班接待")
    entry("张建军", 20, "坐班接待")
    for day in (22, 23, 26):
        entry("张建军", day, "电话回访")
    for day in (8, 9, 12, 13, 14):
        entry("李桂香", day, "入户走访", households[0])
    entry("陈红梅", 15, "入户走访", households[1])
    entry("周志强", 20, "集中工作日", households[2])
    entry("吴晓东", 12, "集中工作日", households[2])

    # 刘芳娜 handled one item (resolved, followed up 满意) and found another on a visit
    handled = store.items.register_item(
        NewItem("来访", "社会保障", "B", "承诺件", "咨询养老保险补缴", "王大爷", handler="刘芳娜"),
        actor="李秀英",
        now=dt.datetime(2026, 10, 12, 9),
    )
    store.items.move(
        handled.number, State.RESOLVED, actor="李秀英", data={"result": "已协助补缴"},
        now=dt.datetime(2026, 10, 14, 9),
    )  # fmt: skip
    store.items.move(
        handled.number, State.FOLLOWED_UP, actor="李秀英",
        data={"satisfaction": "满意", "way": "电话"}, now=dt.datetime(2026, 10, 15, 9),
    )  # fmt: skip
    found = store.diary.entry_of(ids["刘芳娜"], october(9))
    assert found is not None and found.id is not None
    store.diary.finding_to_item(
        found.id, households[3], content="屋顶漏雨，需危房改造", domain="基础设施",
        grade="B", item_type="承诺件", actor="李秀英",
    )  # fmt: skip
    return ids


@pytest.fixture(scope="module")
def _october_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The station of the module's docstring, made once; each test works on a copy."""
    home = tmp_path_factory.mktemp("october") / "home"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([*STATION, "--home", str(home)]) == 0
    store = open_store(home)
    try:
        fill_october(store)
    finally:
        store.close()
    return home


@pytest.fixture
def home(_october_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(_october_home, home, symlinks=True)
    return home


@pytest.fixture
def bare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "bare"
    assert main([*STATION, "--home", str(home)]) == 0
    capsys.readouterr()
    return home


@pytest.fixture
def township(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Path:
    node = make_township(_template_dirs[0], tmp_path / "township")
    node.close()
    return node.home


def needs_font() -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def pdf_text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


# add and list ------------------------------------------------------------------------------
def test_add_and_list_with_the_phone_masked(bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "cadres", "add", "--home", bare, "--name", "刘芳娜", "--category", "乡驻村干部",
        "--unit", "镇党委", "--phone", PHONE, "--village", "430121101201",
    )  # fmt: skip
    assert code == 0, err
    assert "已登记干部：刘芳娜（乡驻村干部，干部；单位：镇党委；包村：430121101201）" in out
    assert "考核规则：每月在村 ≥ 10 天；坐班 ≥ 2 天" in out
    code, out, err = run(
        capsys, "cadres", "add", "--home", bare, "--name", "陈红梅", "--category", "党员",
    )  # fmt: skip
    assert code == 0 and "（党员，党员）" in out and "不考核在村天数" in out
    code, out, err = run(
        capsys, "cadres", "add", "--home", bare, "--name", "周志强", "--category", "工作队员",
        "--unit", "县驻村工作队",
    )  # fmt: skip
    assert code == 0, err

    code, out, _ = run(capsys, "cadres", "list", "--home", bare)
    assert code == 0
    assert "刘芳娜　乡驻村干部　干部　镇党委　138****5678　包村 430121101201" in out
    assert PHONE not in out
    code, out, _ = run(capsys, "cadres", "list", "--home", bare, "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["刘芳娜"] == {
        "name": "刘芳娜", "category": "乡驻村干部", "role": "干部", "unit": "镇党委",
        "phone": "138****5678", "village_code": "430121101201", "retired": False,
    }  # fmt: skip
    assert rows["陈红梅"]["role"] == "党员" and rows["陈红梅"]["phone"] == ""
    assert rows["周志强"]["role"] == "工作队员"
    assert PHONE not in out


def test_add_refusals_are_one_chinese_line(bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add = ["cadres", "add", "--home", str(bare), "--name", "刘芳娜"]
    code, out, err = run(capsys, *add, "--category", "干部")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "干部类别“干部”不在列表中，可用：乡驻村干部" in err and "联户党员" in err
    code, _, err = run(capsys, *add, "--category", "乡驻村干部", "--phone", "123")
    assert code == 1 and "手机号码" in err
    code, _, err = run(capsys, *add, "--category", "乡驻村干部", "--village", "4301")
    assert code == 1 and "12 位数字" in err
    code, _, err = run(capsys, "cadres", "add", "--home", bare, "--name", " ", "--category", "党员")
    assert code == 1 and "请填写干部姓名" in err
    assert run(capsys, *add, "--category", "乡驻村干部")[0] == 0
    code, _, err = run(capsys, *add, "--category", "乡驻村干部")
    assert code == 1 and "已有干部“刘芳娜”" in err and "--unit" in err
    code, out, _ = run(capsys, "cadres", "list", "--home", bare, "--json")
    assert [r["name"] for r in json.loads(out)] == ["刘芳娜"]


# rules -------------------------------------------------------------------------------------
def test_rules_at_a_station_are_read_only(bare: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cadres", "rules", "--home", bare)
    assert code == 0 and "乡镇设置，本站只读" in out
    assert "乡驻村干部　　　　每月在村 ≥ 10 天；坐班 ≥ 2 天（记民情日记）" in out
    code, out, _ = run(capsys, "cadres", "rules", "--home", bare, "--json")
    rules = {r["category"]: r for r in json.loads(out)}
    assert next(iter(rules)) == "乡驻村干部" and len(rules) == 9
    assert rules["村两委其他干部"]["village_days"] == 5
    assert rules["村两委其他干部"]["paired"] == [3, 5]
    assert rules["工作队员"]["first_week"] is True
    assert rules["县、镇机关干部"]["year_share"] == [1, 3]
    assert rules["党员"]["assessed"] is False and rules["党员"]["text"].startswith("不考核")
    assert all(r["default"] for r in rules.values())

    for extra in (["--category", "乡驻村干部", "--village-days", "8"], ["--reset"]):
        code, out, err = run(capsys, "cadres", "rules", "set", "--home", bare, *extra)
        assert code == 1 and out == ""
        assert (
            err
            == "错误：干部考核规则由乡镇群众工作办设置，随乡镇工作包和下发的数据包传到工作站。\n"
        )


def test_rules_set_at_the_township(township: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_ = ["cadres", "rules", "set", "--home", str(township)]
    code, out, err = run(
        capsys, *set_, "--category", "乡驻村干部", "--village-days", "8", "--paired", "2-4",
        "--note", "试行",
    )  # fmt: skip
    assert code == 0, err
    assert (
        "乡驻村干部　每月在村 ≥ 8 天；坐班 ≥ 2 天（记民情日记）；结对困难户 2–4 户（试行）" in out
    )
    code, out, err = run(
        capsys, *set_, "--category", "工作队员", "--first-week", "no", "--year-share", "1/4",
        "--note", "",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        capsys, *set_, "--category", "乡主要领导", "--village-days", "none", "--duty-days", "1"
    )
    assert code == 0 and "乡主要领导　坐班 ≥ 1 天（记民情日记）" in out

    code, out, _ = run(capsys, "cadres", "rules", "--home", township, "--json")
    rules = {r["category"]: r for r in json.loads(out)}
    assert rules["乡驻村干部"]["village_days"] == 8 and rules["乡驻村干部"]["paired"] == [2, 4]
    assert rules["乡驻村干部"]["default"] is False
    assert rules["工作队员"]["first_week"] is False and rules["工作队员"]["year_share"] == [1, 4]
    assert rules["工作队员"]["text"] == "全年在村 ≥ 工作日的 1/4"
    assert rules["乡主要领导"]["village_days"] is None
    code, out, _ = run(capsys, "cadres", "rules", "--home", township)
    assert "可用 `qunzhong cadres rules set` 修改" in out and "（已修改）" in out

    # refusals: nothing is changed
    for extra, message in (
        (["--category", "乡驻村干部", "--paired", "abc"], "--paired 应写成 3-5（下限-上限）"),
        (["--category", "乡驻村干部", "--paired", "5-3"], "结对困难户数下限大于上限"),
        (["--category", "乡驻村干部", "--village-days", "40"], "每月在村天数须是 0–31"),
        (["--category", "乡驻村干部", "--year-share", "0/3"], "全年在村比例须大于 0"),
        (["--category", "乡驻村干部", "--first-week", "maybe"], "--first-week 应为 yes 或 no"),
        (["--category", "干部", "--village-days", "3"], "干部类别“干部”不在列表中"),
        (["--category", "党员"], "至少给出一项修改"),
        (["--village-days", "3"], "请用 --category 指明类别"),
        (["--reset", "--village-days", "3"], "不能同时修改其他项"),
    ):
        code, out, err = run(capsys, *set_, *extra)
        assert code == 1 and out == "" and message in err, (extra, err)
    code, out, _ = run(capsys, "cadres", "rules", "--home", township, "--json")
    assert {r["category"]: r for r in json.loads(out)}["乡驻村干部"]["village_days"] == 8

    # reset one category, then all
    code, out, _ = run(capsys, *set_, "--reset", "--category", "乡驻村干部")
    assert code == 0 and "已恢复默认考核规则" in out and "每月在村 ≥ 10 天" in out
    code, out, _ = run(capsys, "cadres", "rules", "--home", township, "--json")
    rules = {r["category"]: r for r in json.loads(out)}
    assert rules["乡驻村干部"]["default"] and not rules["工作队员"]["default"]
    assert run(capsys, *set_, "--reset")[0] == 0
    code, out, _ = run(capsys, "cadres", "rules", "--home", township, "--json")
    assert all(r["default"] for r in json.loads(out))


# report --json -----------------------------------------------------------------------------
def report_json(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> dict[str, Any]:
    code, out, err = run(capsys, "report", "--home", home, "--month", "2026-10", "--json", *extra)
    assert code == 0, err
    figures: dict[str, Any] = json.loads(out)
    return figures


def test_report_json_judges_each_cadre_by_the_rule_of_the_category(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = report_json(capsys, home)
    cadres = {c["name"]: c for c in figures["cadres"]}

    stationed = cadres["刘芳娜"]
    assert (stationed["village_days"], stationed["duty_days"]) == (10, 2)
    assert stationed["verdict"] == "达标" and stationed["reasons"] == []
    assert stationed["rule"] == "每月在村 ≥ 10 天；坐班 ≥ 2 天（记民情日记）"

    short = cadres["张建军"]  # phone follow-ups are not days in the village
    assert (short["village_days"], short["duty_days"]) == (9, 1)
    assert short["verdict"] == "不达标"
    assert short["reasons"] == ["在村 9 天，少于 10 天", "坐班 1 天，少于 2 天"]

    member = cadres["李桂香"]
    assert member["category"] == "村两委其他干部"
    assert (member["village_days"], member["difficult_households"]) == (5, 3)
    assert member["verdict"] == "达标" and member["reasons"] == []

    party = cadres["陈红梅"]
    assert party["assessed"] is False and party["verdict"] == "不考核"
    assert party["reasons"] == [] and party["pending"] == []

    absent, present = cadres["周志强"], cadres["吴晓东"]
    assert absent["verdict"] == "不达标"
    assert absent["reasons"] == ["本月第一周集中工作日没有在村记录"]
    assert present["verdict"] == "达标"  # 12 October: the 4th working day (10 October worked)

    assert sorted(figures["shortfalls"]) == ["周志强", "张建军"]
    assert all(
        set(c) >= {"year_days", "year_required", "pending", "rule", "unit", "role"}
        for c in figures["cadres"]
    )
    # the item figures, with each rate's fraction
    assert figures["month"] == "2026-10" and figures["as_of"] is None
    assert figures["township"] is False and figures["name"] == "白沙村群众工作站"
    assert (figures["received"], figures["resolved"], figures["in_progress"]) == (1, 1, 0)
    assert figures["rates"]["satisfaction"] == {
        "numerator": 1, "denominator": 1, "value": 1.0, "text": "100.0%（1/1）",
    }  # fmt: skip
    assert figures["rates"]["on_time"]["denominator"] == 1
    assert figures["by_channel"]["来访"] == 1 and figures["by_domain"]["社会保障"] == 1
    assert figures["by_grade"]["B"] == 1 and figures["units"] == []
    assert "在村天数" in figures["definitions"] and "stations" not in figures


def test_report_json_has_no_personal_numbers(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(home)
    try:
        store.register.save_cadre(
            Cadre(name="郑有电", category="乡驻村干部", unit="镇党委", phone=PHONE)
        )
        store.items.register_item(
            NewItem(
                "来电", "社会保障", "B", "承诺件", "咨询", "王大爷", requester_phone="13900001111"
            ),
            actor="李秀英",
            now=dt.datetime(2026, 10, 20, 9),
        )
    finally:
        store.close()
    code, out, err = run(capsys, "report", "--home", home, "--month", "2026-10", "--json")
    assert code == 0, err
    assert PHONE not in out and "13900001111" not in out and "****" not in out
    # with --out too: the file is written and the figures printed as JSON
    target = tmp_path / "月报.xlsx"
    code, out, err = run(
        capsys, "report", "--home", home, "--month", "2026-10", "--json", "--out", target
    )
    assert code == 0 and target.exists() and json.loads(out)["received"] == 2
    code, out, err = run(capsys, "report", "--home", home, "--month", "2026-10")
    assert code == 1 and "--out" in err and "--json" in err


def test_report_json_at_the_township_has_a_row_per_station(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tw = build(_template_dirs[0], tmp_path / "net")
    # a township cadre (包村 the second village) on duty there one day in November
    t = tw.township.store
    own = t.register.save_cadre(
        Cadre(name="孙三", category="乡驻村干部", unit="镇党委", village_code=tw.two.code)
    )
    t.diary.save_entry(
        DiaryEntry(cadre_id=own.id or "", day=dt.date(2026, 11, 18), kind="坐班接待",
                   text="在第2村便民服务点坐班。")
    )  # fmt: skip
    tw.close()
    capsys.readouterr()
    code, out, err = run(
        capsys, "report", "--home", tw.township.home, "--month", "2026-11", "--json"
    )
    assert code == 0, err
    figures = json.loads(out)
    assert figures["township"] is True and figures["name"] == "白沙镇群众工作办"
    assert (figures["received"], figures["resolved"], figures["overdue"]) == (5, 3, 1)
    first = figures["rates"]["first_time"]  # the fraction beside the share
    assert first["denominator"] == 3 and 0 <= first["numerator"] <= 3
    assert first["text"].endswith(f"（{first['numerator']}/3）")
    assert figures["units"] == [
        {"unit": "民政办", "resolved": 1, "unresolved": 0, "score": 1.0, "score_text": "+1.0"}
    ]
    rows = {s["name"]: s for s in figures["stations"]}
    one, two = rows["第1村群众工作站"], rows["第2村群众工作站"]
    assert (one["received"], one["resolved"], one["in_progress"], one["overdue"]) == (3, 2, 1, 1)
    assert one["code"] == tw.one.code and one["rates"]["satisfaction"]["text"] == "50.0%（1/2）"
    assert (two["received"], two["resolved"]) == (2, 1)
    assert two["rates"]["satisfaction"]["value"] is None
    # the township's own cadre beside the stations' (those with days in November)
    township_cadre = {c["name"]: c for c in figures["cadres"]}["孙三"]
    assert (township_cadre["village_days"], township_cadre["duty_days"]) == (1, 1)
    assert township_cadre["reasons"] == ["在村 1 天，少于 10 天", "坐班 1 天，少于 2 天"]
    assert "孙三" in figures["shortfalls"]
    assert {c["name"] for c in figures["cadres"]} <= {"孙三", "赵一", "钱二"}

    # one station's report, at the township
    code, out, err = run(
        capsys, "report", "--home", tw.township.home, "--month", "2026-11", "--json",
        "--station", tw.one.code,
    )  # fmt: skip
    assert code == 0, err
    one_only = json.loads(out)
    assert one_only["name"] == "第1村群众工作站" and one_only["received"] == 3
    assert "stations" not in one_only and "孙三" not in out


# the record --------------------------------------------------------------------------------
def test_record_of_a_month_and_of_a_year(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs_font()
    out = tmp_path / "实绩记录.pdf"
    code, stdout, err = run(
        capsys, "cadres", "record", "--home", home, "--name", "刘芳娜", "--from", "2026-10-01",
        "--to", "2026-10-31", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert "在村 10 天，其中坐班 2 天；走访 2 户（16 户次）；经办事项 1 件" in stdout
    # counted from her first diary day (she was registered later)
    assert "本期不足一年（24 天，自2026年10月8日起算），晋升需满一年。" in stdout
    assert str(out.resolve()) in stdout
    text = pdf_text(out)
    for expected in (
        "群众工作实绩记录", "刘芳娜", "乡驻村干部", "镇党委", "白沙村群众工作站",
        "2026年10月8日至2026年10月21日",  # first and last diary day
        "乡驻村干部：每月在村≥10天；坐班≥2天（记民情日记）",
        "2026年10月", "达标", "本期走访群众2户，共16户次",
        "430121101201-2026-00001", "已协助补缴", "满意", "满意率100.0%",
        "结对0户", "本期不足一年（24天，自2026年10月8日起算），晋升需满一年。",
    ):  # fmt: skip
        assert expected in text, expected
    reader = PdfReader(out)
    fonts = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    embedded = [
        desc.get_object()["/FontDescriptor"].get_object()
        for ref in fonts.values()
        for desc in ref.get_object().get("/DescendantFonts", [ref])
        if "/FontDescriptor" in desc.get_object()
    ]
    assert embedded and all("/FontFile2" in d for d in embedded)
    assert not list(tmp_path.glob(".*.part"))

    # a year from a diary day on 1 November 2025: the record says so
    store = open_store(home)
    try:
        cadre = next(c for c in store.register.cadres() if c.name == "刘芳娜")
        store.diary.save_entry(
            DiaryEntry(cadre_id=cadre.id or "", day=dt.date(2025, 11, 1), kind="坐班接待",
                       text="坐班接待群众。")
        )  # fmt: skip
    finally:
        store.close()
    year = tmp_path / "一年.pdf"
    code, stdout, err = run(
        capsys, "cadres", "record", "--home", home, "--name", "刘芳娜", "--from", "2025-11-01",
        "--to", "2026-10-31", "--out", year,
    )  # fmt: skip
    assert code == 0, err
    assert "本期群众工作满一年（2025年11月1日至2026年10月31日，共 1 年）。" in stdout
    text = pdf_text(year)
    assert "本期群众工作满一年" in text and "2025年11月" in text and "2026年9月" in text
    assert "评定12个月，不达标11个月" in text  # 2025-11 … 2026-09 had (almost) no days
    assert "2025年11月1日至2026年10月21日" in text


def test_record_counts_the_items_and_the_paired_households(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs_font()
    out = tmp_path / "李桂香.pdf"
    code, stdout, err = run(
        capsys, "cadres", "record", "--home", home, "--name", "李桂香", "--from", "2026-10-01",
        "--to", "2026-12-31", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert "结对 4 户，其中困难户 3 户" in stdout and "经办事项 0 件" in stdout
    text = pdf_text(out)
    assert "（截至" in text  # the period is not over yet
    assert "本期没有经办或由民情日记转受理的事项" in text
    assert "结对4户，其中困难户（重点帮扶对象）3户" in text

    # the finding of 9 October, registered later, counts in a period that reaches today
    out = tmp_path / "刘芳娜.pdf"
    today = dt.date.today().isoformat()
    code, stdout, err = run(
        capsys, "cadres", "record", "--home", home, "--name", "刘芳娜", "--from", "2026-10-01",
        "--to", today, "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert "经办事项 2 件" in stdout
    text = pdf_text(out)
    assert "本期经办事项2件：" in text and "已受理1件" in text and "已回访1件" in text


def test_record_refusals(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = ["cadres", "record", "--home", str(home), "--out", str(tmp_path / "r.pdf")]
    code, _, err = run(
        capsys, *record, "--name", "无名", "--from", "2026-10-01", "--to", "2026-10-31"
    )
    assert code == 1 and "没有名叫“无名”的干部" in err
    code, _, err = run(
        capsys, *record, "--name", "刘芳娜", "--from", "2026-10-31", "--to", "2026-10-01"
    )
    assert code == 1 and "早于开始日期" in err
    code, _, err = run(capsys, *record, "--name", "刘芳娜", "--from", "2026-13-01", "--to", "x")
    assert code == 1 and "看不懂" in err
    assert not (tmp_path / "r.pdf").exists()


def test_record_at_the_township_gathers_the_name(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs_font()
    tw = build(_template_dirs[0], tmp_path / "net")
    t = tw.township.store
    # the township's own row of 赵一, 包村 the second village, with a duty day there
    own = t.register.save_cadre(
        Cadre(name="赵一", category="乡驻村干部", unit="镇党委", village_code=tw.two.code)
    )
    t.diary.save_entry(
        DiaryEntry(cadre_id=own.id or "", day=dt.date(2026, 11, 18), kind="坐班接待",
                   text="在第2村便民服务点坐班。")
    )  # fmt: skip
    # what the first station's row of 赵一 brought (the shared fixture may give it days)
    station_row = next(c for c in t.register.cadres() if c.name == "赵一" and c.id != own.id)
    brought = [r.day for r in t.diary.entries(station_row.id, month="2026-11")]
    assert dt.date(2026, 11, 18) not in brought
    tw.close()
    capsys.readouterr()
    out = tmp_path / "赵一.pdf"
    code, stdout, err = run(
        capsys, "cadres", "record", "--home", tw.township.home, "--name", "赵一",
        "--from", "2026-11-01", "--to", "2026-11-30", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    days = len(brought) + 1  # one person: the days of both rows
    assert f"在村 {days} 天，其中坐班" in stdout
    text = pdf_text(out)
    assert "第1村群众工作站" in text and "第1村村委会" in text
    if brought:
        assert f"{brought[0].month}月{brought[0].day}日至" in text
    else:
        assert "本期没有民情日记" in text
    assert "白沙镇群众工作办（包村：第2村群众工作站）" in text
    assert "2026年11月18日至2026年11月18日" in text
    assert "同名干部按同一人合并统计" in text

    code, out_text, _ = run(capsys, "cadres", "list", "--home", tw.township.home, "--json")
    rows = json.loads(out_text)
    assert {(r["name"], r["station"]) for r in rows} == {
        ("赵一", "第1村群众工作站"), ("钱二", "第2村群众工作站"), ("赵一", ""),
    }  # fmt: skip


def test_operators_roles_limit_the_commands(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    needs_font()
    h = ["--home", str(home)]
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "站长密码123")
    assert run(capsys, "accounts", "add", "王站长", "--role", "head", "--plain", *h)[0] == 0
    monkeypatch.setenv("QUNZHONG_PASSWORD", "站长密码123")
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "查阅密码123")
    code, _, err = run(
        capsys, "--operator", "王站长", "accounts", "add", "赵查阅", "--role", "reader", *h
    )
    assert code == 0, err

    monkeypatch.setenv("QUNZHONG_PASSWORD", "查阅密码123")
    reader = ["--operator", "赵查阅"]
    code, _, err = run(
        capsys, *reader, "cadres", "add", "--name", "新干部", "--category", "党员", *h
    )
    assert code == 1 and "没有权限登记或修改数据" in err
    assert run(capsys, *reader, "cadres", "list", *h)[0] == 0
    assert run(capsys, *reader, "cadres", "rules", *h)[0] == 0
    assert run(capsys, *reader, "report", "--month", "2026-10", "--json", *h)[0] == 0
    out = tmp_path / "r.pdf"
    record = ["cadres", "record", "--name", "刘芳娜", "--from", "2026-10-01", "--to", "2026-10-31"]
    code, _, err = run(capsys, *reader, *record, "--out", str(out), *h)
    assert code == 1 and "没有权限导出台账和报表" in err and not out.exists()

    monkeypatch.setenv("QUNZHONG_PASSWORD", "站长密码123")
    code, _, err = run(capsys, "--operator", "王站长", *record, "--out", str(out), *h)
    assert code == 0 and out.exists(), err
    code, log, _ = run(capsys, "--operator", "王站长", "accounts", "log", "--json", *h)
    exported = [e for e in json.loads(log) if e["action"] == "export"]
    assert exported and exported[0]["operator"] == "王站长"
    assert exported[0]["what"] == "刘芳娜 群众工作实绩记录 2026-10-01–2026-10-31"


def test_the_township_sets_a_stations_cadre_category(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tw = build(_template_dirs[0], tmp_path / "net")
    tw.close()
    capsys.readouterr()
    home, one = tw.township.home, tw.one.code
    code, out, err = run(
        capsys, "cadres", "category", "--home", home, "--name", "赵一", "--station", one,
        "--category", "村两委主要负责人",
    )  # fmt: skip
    assert code == 0, err
    assert "赵一：乡镇核定按“村两委主要负责人”考核（工作站登记为" in out
    report = json.loads(run(capsys, "report", "--home", home, "--month", "2026-11", "--json")[1])
    zhao = {c["name"]: c for c in report["cadres"]}["赵一"]
    assert zhao["category"] == "村两委主要负责人" and zhao["station"] == "第1村群众工作站"
    code, out, err = run(
        capsys, "cadres", "category", "--home", home, "--name", "赵一", "--station", one,
        "--reset",
    )  # fmt: skip
    assert code == 0 and "恢复按工作站登记的类别" in out
    refusals = [
        (["--name", "钱二", "--station", one, "--category", "党员"], "没有“钱二”"),
        (["--name", "赵一", "--station", one], "请用 --category 指明类别，或用 --reset"),
        (["--name", "赵一", "--station", one, "--category", "村长"], "不在列表中"),
    ]
    for extra, message in refusals:
        code, _, err = run(capsys, "cadres", "category", "--home", home, *extra)
        assert code != 0 and message in err, (extra, err)
    code, _, err = run(
        capsys, "cadres", "category", "--home", tw.one.home, "--name", "赵一", "--station",
        one, "--category", "党员",
    )  # fmt: skip
    assert code != 0 and "工作站请在户籍 › 网格与干部中修改" in err
