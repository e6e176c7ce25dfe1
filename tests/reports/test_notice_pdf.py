"""The 五公开 notice: which cases it lists, what it hides, and how it looks (A4, pypdf text)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.access import PermissionDenied, Role
from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import NeedStep, Step
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.reports import documents
from qunzhong_desktop.reports.notice_pdf import HIDDEN_AMOUNT, NoticeOutputError, public_text
from qunzhong_desktop.storage import access_log
from qunzhong_desktop.storage.settings_repo import AssistanceOptions, store_assistance_options
from qunzhong_desktop.storage.store import Store
from tests.helpers import ledger_data
from tests.helpers.assistance_data import checked_need
from tests.helpers.ui_built import built_store, built_value

TODAY = ledger_data.TODAY  # 2026-04-30
ID_NUMBER = "430121198001011232"
PASSWORD = "村务123456"


def _give(store: Store, household_id: str, need: str, day: dt.date, **kw: object) -> None:
    values: dict[str, object] = dict(
        household_id=household_id, given_on=day, helping_unit="镇民政办", helper="",
        content="协助办理", need_id=need, kind="其他",
    )  # fmt: skip
    values.update(kw)
    store.assistance.save(AssistanceRecord(**values), today=TODAY)  # type: ignore[arg-type]


def village(store: Store) -> ledger_data.Village:
    """ledger_data's village, and: 王小妹's own case with money typed with a phone and an
    ID number; a case closed last year; one not checked yet; one checked without help."""
    v = ledger_data.build(store)
    tagged = store.register.household(v.tagged)
    girl = next(p for p in tagged.members if p.name == "王小妹")
    liu = store.register.save_cadre(Cadre(name="刘建国", unit="镇党委", phone="13900003333"))
    sun = next(c for c in store.register.cadres() if c.name == "孙超峰")
    need = checked_need(store, v.tagged, day=dt.date(2026, 2, 1), person_id=girl.id,
                        what="王小妹上学缺学费", category="教育",
                        time_limit=dt.date(2026, 8, 31))  # fmt: skip
    _give(store, v.tagged, need, dt.date(2026, 2, 3), kind="资金", amount_fen=150000,
          helper_ids=(liu.id, sun.id), helping_unit="镇党委",
          content=f"资助学费 1500 元，联系王大爷 13812345678，身份证 {ID_NUMBER}")  # fmt: skip
    _give(store, v.tagged, need, dt.date(2026, 2, 5), kind="物品", amount_fen=35050,
          helper_ids=(sun.id,), content="送冬衣两件")  # fmt: skip
    old = checked_need(store, v.member_tagged, day=dt.date(2025, 5, 1), what="修缮漏雨的屋顶")
    _give(store, v.member_tagged, old, dt.date(2025, 5, 2), helper_ids=(sun.id,),
          content="请人修好屋顶")  # fmt: skip
    store.needs.take_step(old, NeedStep(Step.CLOSE, dt.date(2025, 6, 1), "李书记", "已修好"),
                          today=TODAY)  # fmt: skip
    # not checked yet / checked but no help given: not on the notice
    from qunzhong_desktop.core.assistance_case import Need

    store.needs.report(
        Need(household_id=v.plain, what="张三申请危房改造", category="住房",
             reported_on=dt.date(2026, 4, 1)),
        actor="赵一", today=TODAY,
    )  # fmt: skip
    checked_need(store, v.plain, day=dt.date(2026, 4, 2), what="张三就业需求")
    return v


# the village written once per worker (tests/helpers/ui_built.py), a copy per test
village_store = built_store(village)
village_ids = built_value(village)


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_notice_lists_open_and_this_years_cases_masked(
    village_store: Store, tmp_path: Path
) -> None:
    store = village_store
    out = tmp_path / "公示.pdf"
    written = documents.assistance_notice(store, out, today=TODAY)
    assert written.rows == 2 and written.path == out
    reader = PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = text_of(out)
    assert "帮扶工作五公开公示" in text and "白沙村群众工作站" in text
    assert "公示日期：2026年4月30日" in text
    for column in ("帮扶对象", "帮扶单位", "帮扶人", "帮扶内容", "帮扶时限"):
        assert column in text
    # the person helped, masked; a household-level case is the head's masked name + 户
    assert "王*妹" in text and "王*爷户" in text
    assert "刘建国、孙超峰" in text and "镇党委" in text and "2026年8月31日" in text
    # nothing personal besides: no full names, ID numbers, phones, tags (a column of the
    # ledger, not of the notice; "残疾人两项补贴" is what the help was, typed by the clerk)
    for secret in ("王小妹", "王大爷", ID_NUMBER, "13812345678", "13900003333", "低保户",
                   "留守儿童", "孤寡老人", "张三", "李奶奶"):  # fmt: skip
        assert secret not in text, secret
    assert "联系王*爷 ****，身份证 ****" in text  # typed phone and ID number: hidden
    # no amounts unless the township turns them on: not even typed into the content
    assert "1500" not in text and "1,500" not in text and "350.50" not in text
    assert f"资助学费 {HIDDEN_AMOUNT}" in text and "金额（元）" not in text
    assert "0731-12345678" in text and "如有异议" in text  # the supervision phone
    assert "本表共2项" in text and "2026年内已销号" in text


def test_amounts_when_the_township_shows_them_and_other_years_and_grids(
    village_store: Store, village_ids: ledger_data.Village, tmp_path: Path
) -> None:
    store, v = village_store, village_ids
    with store.db.writing() as s:
        store_assistance_options(s, AssistanceOptions(notice_amounts=True))
    out = tmp_path / "notice.pdf"
    assert documents.assistance_notice(store, out, today=TODAY).rows == 2
    text = text_of(out)
    assert "金额（元）" in text and "1,850.50" in text and "1500 元" in text
    # last year's closing is on last year's notice (and the open cases too)
    assert documents.assistance_notice(store, out, year=2025, today=TODAY).rows == 3
    text = text_of(out)
    assert "李*奶户" in text and "已销号" in text and "请人修好屋顶" in text
    # a grid's notice lists only its households
    west = documents.assistance_notice(store, out, grid_id=v.grid_west, year=2025, today=TODAY)
    assert west.rows == 1 and "西片网格" in text_of(out)
    with pytest.raises(ValidationError, match="公示年份"):
        documents.assistance_notice(store, out, year=2027, today=TODAY)


def test_many_cases_flow_over_pages_with_the_head_row_again(store: Store, tmp_path: Path) -> None:
    cadre = store.register.save_cadre(Cadre(name="孙超峰", unit="驻村工作队"))
    for n in range(14):
        household = store.register.save_household(
            Household(number=f"{n + 1:04d}", members=[Person(name=f"欧阳建{n}明")])
        )
        need = checked_need(store, household.id or "", day=dt.date(2026, 3, 1),
                            what="家中老人长期患病，需要帮助申请医疗救助和临时救助" * 3)  # fmt: skip
        _give(store, household.id or "", need, dt.date(2026, 3, 2), helper_ids=(cadre.id,),
              content="帮助办理大病医疗救助申请，联系县医院上门随访" * 2)  # fmt: skip
    out = tmp_path / "notice.pdf"
    assert documents.assistance_notice(store, out, today=TODAY).rows == 14
    pages = PdfReader(str(out)).pages
    assert len(pages) >= 2
    assert all("帮扶内容" in page.extract_text() for page in pages)
    assert "第 2 页" in pages[1].extract_text()
    text = text_of(out)
    assert "欧**明户" not in text  # 欧阳建0明 has five characters
    assert "欧***明户" in text and "欧阳建" not in text
    if shutil.which("pdftoppm"):  # look at it: the pages render
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "p")],
                       check=True)  # fmt: skip
        assert len(list(tmp_path.glob("p-*.png"))) == len(pages)


def test_an_empty_notice_says_so(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "notice.pdf"
    assert documents.assistance_notice(store, out, today=TODAY).rows == 0
    assert "本期没有需要公示的帮扶事项" in text_of(out)


def test_export_permission_and_access_log_without_personal_data(
    village_store: Store, tmp_path: Path
) -> None:
    store = village_store
    store.accounts.create("王站长", PASSWORD, Role.HEAD)
    store.accounts.sign_in("王站长", PASSWORD)
    store.accounts.create("赵查阅", PASSWORD, Role.READER)
    store.accounts.sign_in("赵查阅", PASSWORD)
    out = tmp_path / "notice.pdf"
    with pytest.raises(PermissionDenied):
        documents.assistance_notice(store, out, today=TODAY)
    assert not out.exists()
    store.accounts.sign_in("王站长", PASSWORD)
    documents.assistance_notice(store, out, today=TODAY)
    line = access_log.entries(store.db)[0]
    assert (line.action_name, line.count) == ("打印清单", 2)
    assert "五公开" in line.what and "王" not in line.what


def test_a_folder_that_cannot_be_written_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NoticeOutputError):
        documents.assistance_notice(store, tmp_path / "missing" / "x.pdf", today=TODAY)


@pytest.mark.parametrize(
    ("typed", "amounts", "shown"),
    [
        ("发放临时救助金 800 元", False, f"发放临时救助金 {HIDDEN_AMOUNT}"),
        ("发放临时救助金 800 元", True, "发放临时救助金 800 元"),
        ("补助1,200.50元和0.5万元", False, f"补助{HIDDEN_AMOUNT}和{HIDDEN_AMOUNT}"),
        ("王建明和王建家里", False, "王*明和王建家里"),
        ("电话 0731-84561234，138 1234 5678", False, "电话 ****，****"),
        ("身份证 43012119800101123X 已核", True, "身份证 **** 已核"),
        ("2026-03-05 前办好，户号 0001", False, "2026-03-05 前办好，户号 0001"),
        ("送米 2 袋", False, "送米 2 袋"),
    ],
)
def test_public_text(typed: str, amounts: bool, shown: str) -> None:
    assert public_text(typed, ["王建明"], amounts=amounts) == shown
