import datetime as dt

import pytest

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.ledger import SUPPORT_COLUMNS, SupportFilter
from qunzhong_desktop.storage.store import Store
from tests.helpers.assistance_data import checked_need
from tests.helpers.backends import Built, built_store, prebuilt
from tests.helpers.ledger_data import TODAY, Village, build

H = [c.header for c in SUPPORT_COLUMNS]

built = prebuilt(build)  # the village once per engine; each test on its own copy
store = built_store


@pytest.fixture
def village(built: Built[Village]) -> Village:
    return built.value


def test_save_update_delete_and_lists(store: Store, village: Village) -> None:
    records = store.assistance.for_household(village.tagged)
    assert [r.given_on for r in records] == [dt.date(2026, 1, 10), dt.date(2026, 3, 5)]
    first = records[0]
    assert first.id is not None
    updated = store.assistance.save(
        AssistanceRecord(**{**_fields(first), "result": "救助金已到账"}), today=TODAY
    )
    assert updated.id == first.id and store.assistance.get(first.id).result == "救助金已到账"
    assert len(store.assistance.in_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))) == 1
    store.assistance.delete(first.id)
    assert store.assistance.count() == 1
    with pytest.raises(NotFoundError):
        store.assistance.get(first.id)
    store.assistance.restore(first.id)  # 撤销删除 (Ctrl+Z)
    assert store.assistance.get(first.id).result == "救助金已到账"
    with pytest.raises(NotFoundError):
        store.assistance.restore(first.id)  # live: nothing to restore
    store.assistance.delete(first.id)
    store.register.delete_household(village.tagged)
    with pytest.raises(NotFoundError) as gone:
        store.assistance.restore(first.id)
    assert "回收站" in gone.value.message


def _fields(r: AssistanceRecord) -> dict[str, object]:
    return {k: getattr(r, k) for k in AssistanceRecord.__slots__}  # type: ignore[attr-defined]


def test_save_refuses_bad_records(store: Store, village: Village) -> None:
    base = dict(household_id=village.tagged, given_on=TODAY, helping_unit="民政办",
                helper="孙超峰", content="救助金")  # fmt: skip
    with pytest.raises(ValidationError):
        store.assistance.save(AssistanceRecord(**{**base, "helper": ""}), today=TODAY)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        store.assistance.save(
            AssistanceRecord(**{**base, "given_on": TODAY + dt.timedelta(days=1)}),  # type: ignore[arg-type]
            today=TODAY,
        )
    with pytest.raises(NotFoundError):
        store.assistance.save(AssistanceRecord(**{**base, "household_id": "nope"}), today=TODAY)  # type: ignore[arg-type]


def test_support_ledger_lists_households_in_difficulty(store: Store, village: Village) -> None:
    rows = [dict(zip(H, r, strict=True)) for r in store.assistance.ledger_rows(SupportFilter())]
    assert [(r["序号"], r["户号"]) for r in rows] == [(1, "0001"), (1, "0001"), (2, "0002")]
    first = rows[0]
    assert first["户主"] == "王大爷" and first["联系电话"] == "138****5678"
    assert first["帮扶类别"] == "低保户、残疾人、留守儿童"
    assert first["结对干部"] == "孙超峰（驻村工作队）"
    assert (first["帮扶单位"], first["帮扶责任人"], first["帮扶内容"]) == (
        "驻村工作队", "孙超峰", "发放临时救助金 800 元",
    )  # fmt: skip
    assert first["帮扶日期"] == "2026-01-10" and first["帮扶时限"] == "2026-04-10"
    assert rows[2]["帮扶内容"] == "" and rows[2]["联系电话"] == "0731-****1234"
    assert store.assistance.ledger_row_count(SupportFilter()) == 3


def test_support_ledger_filters(store: Store, village: Village) -> None:
    def count(f: SupportFilter) -> list[str]:
        return [str(r[1]) for r in store.assistance.ledger_rows(f)]

    march = SupportFilter(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31))
    assert count(march) == ["0001", "0002"]  # one record in March; 0002 still listed once
    assert count(SupportFilter(grid_id=village.grid_west)) == ["0002"]
    assert count(SupportFilter(tag="留守儿童")) == ["0001", "0001"]
    assert count(SupportFilter(tag="低保户")) == ["0001", "0001"]
    assert count(SupportFilter(tag="重病患者")) == []


def test_the_person_helped_is_a_member_and_named_in_the_ledger(
    store: Store, village: Village
) -> None:
    """五公开 names 帮扶对象, the person helped (issue 15); 帮扶目标 keeps its own column."""
    [household] = store.assistance.households([village.tagged])
    head, child = household.members
    assert (head.name, child.name, child.tags) == ("王大爷", "王小妹", ("留守儿童",))
    base = dict(household_id=village.tagged, given_on=TODAY, helping_unit="村两委",
                helper="孙超峰", content="送学习用品", target="安全健康成长",
                need_id=checked_need(store, village.tagged, day=TODAY))  # fmt: skip
    saved = store.assistance.save(AssistanceRecord(**base, person_id=child.id), today=TODAY)  # type: ignore[arg-type]
    assert store.assistance.get(saved.id or "").person_id == child.id
    [other] = store.assistance.households([village.member_tagged])
    with pytest.raises(NotFoundError) as info:  # someone of another household
        store.assistance.save(AssistanceRecord(**base, person_id=other.members[0].id), today=TODAY)  # type: ignore[arg-type]
    assert info.value.code == "assistance.person"
    rows = [dict(zip(H, row, strict=True)) for row in store.assistance.ledger_rows(SupportFilter())]
    mine = [r for r in rows if r["户号"] == "0001"]
    assert [(r["帮扶对象"], r["帮扶目标"]) for r in mine] == [
        ("王大爷户", "保障基本生活"), ("王大爷户", "保障基本生活"), ("王小妹", "安全健康成长"),
    ]  # fmt: skip
    # the child moves away: the record still names her, and may be edited keeping her
    fresh = store.register.household(village.tagged)
    fresh.members = [p for p in fresh.members if p.id != child.id]
    store.register.save_household(fresh)
    [household] = store.assistance.households([village.tagged])
    assert [m.left for m in household.members] == [False, True]
    result = AssistanceRecord(**{**base, "result": "孩子按时上学"}, person_id=child.id, id=saved.id)  # type: ignore[arg-type]
    store.assistance.save(result, today=TODAY)
    with pytest.raises(NotFoundError):  # but a new record cannot name her
        store.assistance.save(AssistanceRecord(**base, person_id=child.id), today=TODAY)  # type: ignore[arg-type]
    rows = [dict(zip(H, row, strict=True)) for row in store.assistance.ledger_rows(SupportFilter())]
    assert [r["帮扶对象"] for r in rows if r["户号"] == "0001"][-1] == "王小妹"
