import datetime as dt

import pytest

from qunzhong_desktop.core.assistance import AssistanceRecord, checked_assistance
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.ledger import (
    ITEM_COLUMNS,
    SUPPORT_COLUMNS,
    NeedLine,
    SupportHousehold,
    SupportMember,
    item_row,
    period_text,
    support_rows,
    support_tags,
)
from qunzhong_desktop.core.ledger import (
    LedgerFilter as _LedgerFilter,  # noqa: F401 - importable
)
from qunzhong_desktop.core.text import mask_name

AT = dt.datetime(2026, 3, 2, 9, 0)
HEADERS = [
    "序号", "编号", "受理日期", "来源渠道", "诉求人", "联系电话", "所属网格", "诉求类别", "等级",
    "诉求内容", "件类型", "承诺时限", "责任人/单位", "主管部门", "双联系单位", "办理情况", "办结日期", "回访/满意度",
    "销号日期", "备注",
]  # fmt: skip


class Item:
    number = "430121101201-2026-00001"
    received_at = AT
    channel = "来访"
    requester_name = "王大爷"
    requester_phone = "13812345678"
    grid_name = "东片网格"
    domain = "社会保障"
    grade = "B"
    content = "咨询养老保险补缴"
    item_type = "承诺件"
    due_on = dt.date(2026, 3, 9)
    handler = "李秀英"
    state = "closed"
    competent_unit = "县人社局"
    paired_unit = "县农业农村局"


def ev(state: State, days: int, note: str = "", **data: object) -> Event:
    return Event(AT + dt.timedelta(days=days), "x", None, state, note, dict(data))


def test_columns_follow_the_domain() -> None:
    assert [c.header for c in ITEM_COLUMNS] == HEADERS
    # the five publics (五公开) name the person helped (帮扶对象); the goal keeps its own name
    headers = [c.header for c in SUPPORT_COLUMNS]
    assert headers[7:20] == [
        "帮扶需求", "需求状态", "帮扶对象", "帮扶单位", "帮扶责任人", "帮扶人", "帮扶目标",
        "帮扶内容", "帮扶方式", "金额（元）", "帮扶日期", "帮扶时限", "帮扶成效",
    ]  # fmt: skip
    assert {"帮扶时限", "帮扶日期", "帮扶成效"} <= set(headers)
    assert all(c.width > 0 for c in ITEM_COLUMNS + SUPPORT_COLUMNS)


def test_a_closed_item_shows_result_follow_up_and_dates() -> None:
    events = [
        ev(State.REGISTERED, 0),
        ev(State.ESCALATED, 0),
        ev(State.ASSIGNED, 1, unit="民政办", deadline="2026-03-20"),
        ev(State.RESOLVED, 3, result="已协助补缴"),
        ev(State.FOLLOWED_UP, 4, way="电话", satisfaction="满意"),
        ev(State.CLOSED, 5),
    ]
    row = dict(zip(HEADERS, item_row(7, Item(), events), strict=True))
    assert row["序号"] == 7
    assert row["受理日期"] == "2026-03-02"
    assert row["联系电话"] == "138****5678"
    assert row["责任人/单位"] == "李秀英 / 民政办"
    assert row["主管部门"] == "民政办"  # the township's assignment names it
    assert row["双联系单位"] == "县农业农村局"
    assert row["办理情况"] == "已协助补缴"
    assert row["办结日期"] == "2026-03-05"
    assert row["回访/满意度"] == "电话 / 满意"
    assert row["销号日期"] == "2026-03-07"
    assert row["承诺时限"] == "2026-03-09"


def test_an_open_item_shows_its_state_and_overdue() -> None:
    item = Item()
    item.state = "in_progress"  # type: ignore[misc]
    row = dict(zip(HEADERS, item_row(1, item, [], dt.date(2026, 3, 10)), strict=True))
    assert row["办理情况"] == "办理中"
    assert row["办结日期"] == row["销号日期"] == row["回访/满意度"] == ""
    assert row["备注"] == "已超期"
    assert (row["主管部门"], row["双联系单位"]) == ("县人社局", "县农业农村局")  # not assigned
    assert dict(zip(HEADERS, item_row(1, item, [], dt.date(2026, 3, 9)), strict=True))["备注"] == ""


def test_rejected_item_shows_the_reason_and_immediate_items_say_so() -> None:
    item = Item()
    item.state = "rejected"  # type: ignore[misc]
    item.item_type = "即办件"  # type: ignore[misc]
    row = dict(
        zip(HEADERS, item_row(1, item, [ev(State.REJECTED, 0, "不属于受理范围")]), strict=True)
    )
    assert row["办理情况"] == "不予受理：不属于受理范围"
    assert row["承诺时限"] == "即办"


def test_period_text() -> None:
    assert period_text(None, None) == "全部"
    assert period_text(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == "2026-01-01 至 2026-03-31"
    assert period_text(dt.date(2026, 1, 1), None) == "2026-01-01 起"


def test_support_rows_one_per_record_or_one_without() -> None:
    h = SupportHousehold(
        "h1", "0001", "王大爷", "13812345678", "东片", ("低保户",), "孙超峰", "工作队"
    )
    assert support_rows(3, h, []) == [
        (3, "0001", "王大爷", "138****5678", "东片", "低保户", "孙超峰（工作队）", *[""] * 13)
    ]
    record = AssistanceRecord("h1", dt.date(2026, 1, 10), "工作队", "孙超峰", "救助金",
                              target="保障", time_limit=dt.date(2026, 4, 10))  # fmt: skip
    rows = support_rows(1, h, [record, record])
    assert len(rows) == 2
    assert rows[0][7:] == (
        "", "", "王大爷户", "工作队", "孙超峰", "孙超峰", "保障", "救助金", "其他", "",
        "2026-01-10", "2026-04-10", "",
    )  # fmt: skip


def test_support_rows_name_the_need_the_kind_the_amount_and_every_helper() -> None:
    h = SupportHousehold("h1", "0001", "王大爷", "", "东片", ("低保户",))
    record = AssistanceRecord(
        "h1", dt.date(2026, 11, 10), "镇民政办", "孙超峰、李梅", "临时救助", kind="资金",
        amount_fen=120050, helper_ids=("c1", "c2", "gone"), need_id="n1",
    )  # fmt: skip
    [row] = support_rows(
        1, h, [record],
        needs={"n1": NeedLine("冬季取暖困难", "实施中")},
        helpers={"c1": "孙超峰（驻村工作队）", "c2": "李梅（镇民政办）"},
    )  # fmt: skip
    column = dict(zip([c.header for c in SUPPORT_COLUMNS], row, strict=True))
    assert (column["帮扶需求"], column["需求状态"]) == ("冬季取暖困难", "实施中")
    assert column["帮扶人"] == "孙超峰（驻村工作队）、李梅（镇民政办）"
    assert (column["帮扶方式"], column["金额（元）"]) == ("资金", "1,200.50")
    # a need not found (removed since) leaves its cells empty rather than failing
    [row] = support_rows(1, h, [record])
    column = dict(zip([c.header for c in SUPPORT_COLUMNS], row, strict=True))
    assert (column["帮扶需求"], column["帮扶人"]) == ("", "孙超峰、李梅")
    assert support_tags(["低保户"], [["残疾人", "低保户"], ["留守儿童"]]) == [
        "低保户", "残疾人", "留守儿童",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"helping_unit": " "}, "helping_unit"),
        ({"helper": ""}, "helper"),
        ({"content": "  "}, "content"),
        ({"given_on": dt.date(2026, 5, 1)}, "given_on"),
        ({"time_limit": dt.date(2026, 1, 1)}, "time_limit"),
    ],
)
def test_assistance_checks(change: dict[str, object], field: str) -> None:
    values: dict[str, object] = dict(
        household_id="h1", given_on=dt.date(2026, 3, 1), helping_unit="民政办",
        helper="孙超峰", content="救助金",
    )  # fmt: skip
    values.update(change)
    with pytest.raises(ValidationError) as info:
        checked_assistance(AssistanceRecord(**values), dt.date(2026, 4, 1))  # type: ignore[arg-type]
    assert info.value.data["field"] == field


def test_assistance_text_is_tidied() -> None:
    record = AssistanceRecord("h1", dt.date(2026, 3, 1), " 民政办 ", " 孙 超峰", " 救助  金 ")
    ok = checked_assistance(record, dt.date(2026, 3, 1))
    assert (ok.helping_unit, ok.helper, ok.content) == ("民政办", "孙超峰", "救助 金")


def test_demo_cases_cover_every_state_with_help_only_on_checked_needs() -> None:
    from qunzhong_desktop.core.assistance_case import NeedState, NeedStep, Step, state_after
    from qunzhong_desktop.core.assistance_figures import is_poor_tag
    from qunzhong_desktop.demo.assistance import generate_assistance
    from qunzhong_desktop.demo.village import generate

    today = dt.date(2026, 6, 1)
    data = generate("430121101201", "白沙村", households=300, seed=7, today=today)
    cases = generate_assistance(data, seed=7, today=today)
    tagged = [
        i for i, h in enumerate(data.households)
        if support_tags(h.household.tags, (p.tags for p in h.household.members))
    ]  # fmt: skip
    helped = {c.household for c in cases}
    assert helped <= set(tagged)
    assert 0.45 < len(helped) / len(tagged) < 0.75
    assert cases == generate_assistance(data, seed=7, today=today)  # reproducible
    assert {c.state for c in cases} == set(NeedState)  # 待初核 … 已销号
    for case in cases:
        steps = [NeedStep(step, day, actor, note) for step, day, actor, note in case.steps]
        assert state_after(steps) is case.state and steps[0].day == case.reported_on
        assert [s.day for s in steps] == sorted(s.day for s in steps) and steps[-1].day <= today
        assert all(s.note for s in steps if s.step in (Step.SEND_BACK, Step.CLOSE))
        assert bool(case.help) == (case.state in (NeedState.VERIFIED, NeedState.CLOSED))
        checked = next((s.day for s in steps if s.step is Step.TOWNSHIP_CHECK), None)
        for h in case.help:  # help after the 复核, before the 销号, with an amount when it has one
            last = steps[-1].day if case.state is NeedState.CLOSED else today
            assert checked is not None and checked <= h.given_on <= last
            assert (h.amount_fen is not None) == (h.kind in ("资金", "物品"))
            assert h.helpers and len(h.helper.split("、")) == len(h.helpers)
        if case.state is NeedState.CLOSED:
            assert case.result and case.steps[-1][3] == case.result
    given = [h for c in cases for h in c.help]
    assert len({h.kind for h in given}) >= 5 and any(len(h.helpers) == 2 for h in given)
    open_late = [
        c for c in cases if c.state is not NeedState.CLOSED and (c.time_limit or today) < today
    ]
    assert 0 < len(open_late) < len(cases)  # a few past their time limit
    # 帮扶对象: the member who carries a tag is named; a household's tag helps the household
    named = [c for c in cases if c.person is not None]
    assert 0 < len(named) < len(cases)
    for c in named:
        assert data.households[c.household].household.members[c.person or 0].tags
    # the first 特困 person gets one small gift this year, under the 2,000 元 minimum
    poor = [
        c for c in cases
        if c.person is not None and any(
            is_poor_tag(t) for t in data.households[c.household].household.members[c.person].tags
        )
    ]  # fmt: skip
    assert any(
        sum(h.amount_fen or 0 for h in c.help if h.given_on.year == today.year) < 200_000 and c.help
        for c in poor
    )


def test_a_small_demo_village_has_one_extremely_poor_person() -> None:
    from qunzhong_desktop.core.assistance_figures import is_poor_tag
    from qunzhong_desktop.demo.village import generate

    for seed in range(1, 6):
        data = generate("430121101201", "白沙村", households=12, seed=seed)
        tags = [t for h in data.households for p in h.household.members for t in p.tags]
        tags += [t for h in data.households for t in h.household.tags]
        assert any(is_poor_tag(t) for t in tags)
    assert generate("430121101201", "白沙村", households=0, seed=1).households == []


def test_the_beneficiary_is_the_person_helped_or_the_household() -> None:
    members = (
        SupportMember("p1", "王建明", "户主"),
        SupportMember("p2", "王小红", "子女", ("留守儿童",)),
        SupportMember("p3", "王老汉", "父亲", ("残疾人",), left=True),
    )
    h = SupportHousehold("h1", "0001", "王建明", "", "东片", ("低保户",), members=members)
    record = AssistanceRecord("h1", dt.date(2026, 1, 10), "工作队", "孙超峰", "送学习用品",
                              target="安全健康成长", person_id="p2")  # fmt: skip
    [row] = support_rows(1, h, [record])
    column = dict(zip([c.header for c in SUPPORT_COLUMNS], row, strict=True))
    assert (column["帮扶对象"], column["帮扶目标"]) == ("王小红", "安全健康成长")
    assert h.beneficiary("p2", masked=True) == "王*红"
    assert h.beneficiary("p3") == "王老汉"  # left the register since: still named
    assert h.beneficiary(None) == "王建明户" and h.beneficiary(None, masked=True) == "王*明户"
    assert h.beneficiary("gone") == "王建明户"
    assert SupportHousehold("h2", "0002", "", "", "", ()).beneficiary(None) == "0002 户"
    # a new record helps the first member in difficulty still registered, else the household
    assert h.likely_beneficiary() == "p2"
    assert (
        SupportHousehold("h3", "3", "李四", "", "", (), members=members[:1]).likely_beneficiary()
        is None
    )


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("王", "王"),
        ("王明", "王*"),
        ("王建明", "王*明"),
        ("欧阳建明", "欧**明"),
        (" 张三丰 ", "张*丰"),
    ],
)
def test_names_printed_for_the_public_hide_the_middle(name: str, masked: str) -> None:
    assert mask_name(name) == masked
