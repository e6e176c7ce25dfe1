"""``store.assessment``: the township's scheme and records in its settings, who may change them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.core.access import PermissionDenied, Role
from qunzhong_desktop.core.assessment import Record
from qunzhong_desktop.core.assessment_scheme import DEFAULT_SCHEME, UNITS
from qunzhong_desktop.core.monthly.period import half, year
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage import access_log
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assessment_repo import SCHEME_SETTING, records_key
from qunzhong_desktop.storage.store import Store
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

ONE, TWO = "430121101201", "430121101202"
H2 = half(2026, 2)
PASSWORD = "村务123456"


@pytest.fixture
def township(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Store:
    store = make_township(copy_store(_template_dirs[0], tmp_path / "township"))
    yield store  # type: ignore[misc]
    store.close()


def test_records_are_kept_per_period_and_list_and_a_reduced_item_caps_them(
    township: Store,
) -> None:
    a = township.assessment
    a.set_manual(H2, of="stations", entry=ONE, item="民情恳谈会与台账", points=9)
    a.veto(H2, of="stations", entry="青山村群众工作站", reason="  群体性事件 ")  # by name too
    a.set_manual(H2, of=UNITS, entry="民政办", item="双联系工作", points=6.5)
    assert a.records(H2) == {
        ONE: Record({"民情恳谈会与台账": 9.0}),
        TWO: Record({}, "群体性事件"),
    }
    assert a.records(H2, UNITS) == {"民政办": Record({"双联系工作": 6.5})}
    assert a.records(year(2026)) == {}
    a.unveto(H2, of="stations", entry=TWO)
    assert a.records(H2)[TWO] == Record({})

    scheme = DEFAULT_SCHEME.as_json()
    scheme["stations"][1]["points"] = 5
    scheme["stations"][0]["points"] = 25
    scheme["stations"][0]["parts"][0]["weight"] = 11
    a.set_scheme(scheme)
    sheet = a.sheet(H2, today=dt.date(2027, 1, 5))
    assert [(e.key, e.items[1].points) for e in sheet.entries] == [(ONE, 5.0), (TWO, 0.0)]
    assert sheet.entries[1].remark == (
        "群众工作：按期办结率无数据、满意率无数据、一次办结率无数据；民情恳谈会与台账：未录入"
    )  # no items: the rates have nothing to count
    assert sheet.title == "白沙镇群众工作办 2026年下半年 考评排名" and sheet.as_of == ""


def test_a_damaged_stored_scheme_reads_as_the_default(township: Store) -> None:
    with township.db.writing() as s:
        s.add(m.Setting(key=SCHEME_SETTING, value='{"stations": [{"name": ""}]}'))
        s.add(m.Setting(key=records_key(H2), value="not json"))
    assert township.assessment.scheme() == DEFAULT_SCHEME
    assert township.assessment.records(H2) == {}


def test_only_who_may_change_settings_enters_scores_and_an_export_is_logged(
    township: Store, tmp_path: Path
) -> None:
    accounts = township.accounts
    accounts.create("王管理员", PASSWORD, Role.HEAD)
    accounts.sign_in("王管理员", PASSWORD)
    accounts.create("赵查阅", PASSWORD, Role.READER)
    accounts.sign_in("赵查阅", PASSWORD)
    a = township.assessment
    for change in (
        lambda: a.set_scheme(DEFAULT_SCHEME.as_json()),
        lambda: a.veto(H2, of="stations", entry=ONE, reason="理由"),
        lambda: a.set_manual(H2, of="stations", entry=ONE, item="民情恳谈会与台账", points=1),
        lambda: documents.assessment(township, H2, tmp_path / "x.pdf"),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert a.records(H2) == {} and not (tmp_path / "x.pdf").exists()

    accounts.sign_in("王管理员", PASSWORD)
    a.veto(H2, of="stations", entry=ONE, reason="理由")
    sheet = documents.assessment(township, H2, tmp_path / "x.pdf", of=UNITS)
    assert (tmp_path / "x.pdf").stat().st_size > 1000 and sheet.of == UNITS
    line = access_log.entries(township.db)[0]
    assert (line.action, line.what) == ("export", "考评排名 2026年下半年 责任单位")
