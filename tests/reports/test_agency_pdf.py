"""The authorisation form (代办委托书) and the list of residents turning an age (real PDFs)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.access import PermissionDenied, Role
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.agency import Agency, AgencyEntry
from qunzhong_desktop.core.register_due import window
from qunzhong_desktop.reports import agency_documents
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage import access_log
from qunzhong_desktop.storage.store import Store
from tests.helpers.agency_data import NOW, RECEIVED, TODAY, agency_item, seed_elders
from tests.helpers.roster_builder import make_id

WANG_ID = make_id("19561128", "011")  # 王建明's, as seed_elders registers it


@pytest.fixture(autouse=True)
def _font() -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def text_of(path: Path, pages: int = 1) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_the_authorisation_form(store: Store, tmp_path: Path) -> None:
    number = agency_item(store, seed_elders(store))
    for text in ("户口本、身份证复印件", "一寸照片两张", "<b>证明</b> & 原件"):
        store.agency.add_entry(number, AgencyEntry("收件", dt.date(2026, 11, 10), text),
                               actor="张华", now=NOW)  # fmt: skip
    store.agency.add_entry(number, AgencyEntry("进展", dt.date(2026, 11, 11), "已递交"),
                           actor="张华", now=NOW)  # fmt: skip
    out = agency_documents.authorisation(store, number, tmp_path / "委托书.pdf")
    text = text_of(out)
    for words in ("代办委托书", "白沙村群众工作站", number, "王建明", "上门代办", "张华",
                  "县政务服务中心", "代办高龄津贴申请", "书面", "2026年11月10日",
                  "户口本、身份证复印件", "一寸照片两张", "委托人（签字或按手印）", "代办员（签字）",
                  "工作站（盖章）"):  # fmt: skip
        assert words in text, words
    assert "<b>证明</b>&原件" in text  # markup is text here
    assert "已递交" not in text  # progress is not a document handed over
    assert "4301**********0110" in text and WANG_ID not in text  # the ID number masked
    assert "0731-****0000" in text  # the phone masked


def test_full_numbers_need_the_permission_and_are_logged(store: Store, tmp_path: Path) -> None:
    number = agency_item(store, seed_elders(store))
    store.accounts.create("王站长", "站长密码123", Role.HEAD)
    store.accounts.create("李秀英", "工作人员密码1", Role.CLERK)
    store.accounts.sign_in("李秀英", "工作人员密码1")
    with pytest.raises(PermissionDenied):
        agency_documents.authorisation(store, number, tmp_path / "a.pdf", full=True)
    assert not (tmp_path / "a.pdf").exists()
    assert WANG_ID not in text_of(agency_documents.authorisation(store, number, tmp_path / "b.pdf"))
    store.accounts.sign_in("王站长", "站长密码123")
    full = agency_documents.authorisation(store, number, tmp_path / "c.pdf", full=True)
    assert WANG_ID in text_of(full)
    logged = access_log.entries(store.db, action="show_full")
    assert [(e.operator, e.what) for e in logged] == [("王站长", f"事项 {number} 的代办委托书")]
    assert WANG_ID not in logged[0].what and "王建明" not in logged[0].what


def test_a_long_matter_stays_on_one_page_and_pending_fields_are_blank(
    store: Store, tmp_path: Path
) -> None:
    number = agency_item(store, seed_elders(store))
    store.agency.set_agency(number, Agency(mode="定点代办"), now=NOW)  # 委托待补
    for n in range(9):
        store.agency.add_entry(number, AgencyEntry("收件", RECEIVED.date(), f"材料{n}" * 12),
                               actor="x", now=NOW)  # fmt: skip
    store.items.correct(
        number,
        dataclasses.replace(_fix(store, number), content="请代为办理。" * 300),
        actor="x", reason="补充", now=NOW,
    )  # fmt: skip
    text = text_of(agency_documents.authorisation(store, number, tmp_path / "long.pdf"))
    assert "另有3项" in text and "□书面□口头" in text
    assert text.count("＿＿＿＿年＿＿月＿＿日") == 3  # the day is written by hand


def _fix(store: Store, number: str):  # type: ignore[no-untyped-def]
    from qunzhong_desktop.core.intake.corrections import ItemFix

    item = store.items.item(number)
    return ItemFix(item.requester_name, item.requester_phone, item.requester_person_id,
                   item.domain, item.grade, item.content)  # fmt: skip


def test_only_an_agency_item_has_a_form(store: Store, tmp_path: Path) -> None:
    number = agency_item(store, seed_elders(store))
    store.agency.clear_agency(number)
    with pytest.raises(ValidationError, match="不是代办事项"):
        agency_documents.authorisation(store, number, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_the_due_list(store: Store, tmp_path: Path) -> None:
    seed_elders(store)
    due = store.agency.due([60, 70, 80], window(TODAY))
    assert agency_documents.due_list(store, due, tmp_path / "名单.pdf") == 5
    text = text_of(tmp_path / "名单.pdf")
    assert (
        "即将到龄名单（年满60、70、80周岁）" in text and "到龄日期：2026-11-01至2026-12-31" in text
    )
    for name in ("孙德明", "陈秋生", "王建明", "刘春花", "赵桂兰"):
        assert name in text
    assert "张国庆" not in text and WANG_ID not in text and "4301**********0110" in text
    assert "老年优待证" in text and "低保户" in text
    tagged = store.agency.due([70], window(TODAY), tag="低保户")
    assert agency_documents.due_list(store, tagged, tmp_path / "低保.pdf") == 1
    assert "（年满70周岁，低保户）" in text_of(tmp_path / "低保.pdf")
