"""Needs on SQLite: reported, checked twice, helped by two cadres, outcome later, closed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import Need, NeedState, NeedStep, Step, StepRefused
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.ledger import SupportFilter
from qunzhong_desktop.storage.assistance_cases import NeedFilter
from qunzhong_desktop.storage.store import Store
from tests.helpers.assistance_data import checked_need
from tests.helpers.backends import Built, built_store, prebuilt
from tests.helpers.ledger_data import TODAY, Village, build

D = TODAY - dt.timedelta(days=10)


built = prebuilt(build)  # once per engine; each test on its own copy
store = built_store


@pytest.fixture
def village(built: Built[Village]) -> Village:
    return built.value


def test_a_need_from_report_to_closing(store: Store, village: Village) -> None:
    needs, help_ = store.needs, store.assistance
    case = needs.report(
        Need(household_id=village.member_tagged, what=" 老人卧床，需要护理床 ", category="医疗",
             reported_on=D, reported_by="王网长", urgent=True, time_limit=D + dt.timedelta(30)),
        actor="王网长", today=TODAY,
    )  # fmt: skip
    need_id = case.need.id or ""
    assert (case.state, case.need.what, case.beneficiary) == (
        NeedState.REPORTED, "老人卧床，需要护理床", "李奶奶",
    )  # fmt: skip
    record = AssistanceRecord(
        household_id=village.member_tagged, given_on=D, helping_unit="镇民政办", helper="刘芳娜",
        content="送护理床一张", need_id=need_id, kind="物品", amount_fen=80_000,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="待初核"):  # help only on a checked need
        help_.save(record, today=TODAY)
    needs.take_step(need_id, NeedStep(Step.VILLAGE_CHECK, D, "李书记"), today=TODAY)
    with pytest.raises(StepRefused, match="不能销号"):
        needs.take_step(need_id, NeedStep(Step.CLOSE, D, "李书记", "已解决"), today=TODAY)
    case = needs.take_step(need_id, NeedStep(Step.TOWNSHIP_CHECK, D, "张镇长"), today=TODAY)
    assert case.state is NeedState.VERIFIED

    # two cadres help: money and goods
    one = store.register.save_cadre(Cadre(name="刘芳娜", unit="镇民政办"))
    two = store.register.save_cadre(Cadre(name="孙超峰", unit="驻村工作队"))
    helpers = (one.id or "", two.id or "")
    goods = help_.save(dataclasses.replace(record, helper="", helper_ids=helpers), today=TODAY)
    assert goods.helper == "刘芳娜、孙超峰"  # named from the cadres chosen
    money = help_.save(
        dataclasses.replace(record, kind="资金", amount_fen=120_000, content="临时救助金",
                            helper_ids=helpers[:1]),
        today=TODAY,
    )  # fmt: skip
    case = needs.get(need_id)
    assert [h.kind for h in case.help] == ["物品", "资金"] and case.amount_fen == 200_000

    # the outcome a week later, then corrected: both kept
    help_.set_outcome(goods.id or "", "已用上护理床", today=TODAY - dt.timedelta(days=2))
    help_.set_outcome(goods.id or "", "已用上护理床，老人可以翻身", today=TODAY)
    assert [o.text for o in help_.outcomes(goods.id or "")] == [
        "已用上护理床", "已用上护理床，老人可以翻身",
    ]  # fmt: skip
    assert help_.get(goods.id or "").result == "已用上护理床，老人可以翻身"
    with pytest.raises(ValidationError, match="请填写帮扶成效"):
        help_.set_outcome(goods.id or "", "  ")
    # the help form saves the whole record: an outcome changed there is kept in the history too
    edited = help_.get(goods.id or "")
    help_.save(dataclasses.replace(edited, result="老人可以下床活动"), today=TODAY)
    help_.save(dataclasses.replace(edited, result="老人可以下床活动"), today=TODAY)  # unchanged
    assert [o.text for o in help_.outcomes(goods.id or "")][-2:] == [
        "已用上护理床，老人可以翻身", "老人可以下床活动",
    ]  # fmt: skip
    assert len(help_.outcomes(goods.id or "")) == 3

    # closing needs its result; then the need is closed and takes no more help
    with pytest.raises(ValidationError, match="帮扶结果"):
        needs.take_step(need_id, NeedStep(Step.CLOSE, TODAY, "李书记", ""), today=TODAY)
    case = needs.take_step(need_id, NeedStep(Step.CLOSE, TODAY, "李书记", "需求已满足"))
    assert (case.state, case.result) == (NeedState.CLOSED, "需求已满足")
    with pytest.raises(ValidationError, match="已销号"):
        help_.save(dataclasses.replace(record, content="再送一次"), today=TODAY)
    with pytest.raises(StepRefused, match="先重新打开"):
        needs.edit(dataclasses.replace(case.need, what="改"), today=TODAY)
    # an outcome may still be written on help given before the close
    help_.set_outcome(money.id or "", "救助金已到账", today=TODAY)
    case = needs.take_step(need_id, NeedStep(Step.REOPEN, TODAY, "李书记", "病情反复"))
    assert (case.state, case.result) == (NeedState.VERIFIED, "")
    assert [s.step for s in case.steps][-2:] == [Step.CLOSE, Step.REOPEN]
    # help given cannot vanish with its need
    with pytest.raises(StepRefused, match="不能删除"):
        needs.delete(need_id)


def test_send_back_resubmit_edit_and_delete(store: Store, village: Village) -> None:
    needs = store.needs
    case = needs.report(
        Need(household_id=village.tagged, what="孩子上学缺学费", category="教育", reported_on=D),
        actor="王网长", today=TODAY,
    )  # fmt: skip
    need_id = case.need.id or ""
    with pytest.raises(ValidationError, match="退回的原因"):
        needs.take_step(need_id, NeedStep(Step.SEND_BACK, D, "李书记"), today=TODAY)
    case = needs.take_step(need_id, NeedStep(Step.SEND_BACK, D, "李书记", "情况不清，请补充"))
    assert case.state is NeedState.RETURNED and case.steps[-1].note == "情况不清，请补充"
    case = needs.edit(dataclasses.replace(case.need, what="孩子读高一，缺学费 2000 元"))
    case = needs.take_step(need_id, NeedStep(Step.RESUBMIT, TODAY, "王网长"), today=TODAY)
    assert case.state is NeedState.REPORTED and case.need.what.startswith("孩子读高一")
    built = {c.need.id for c in needs.cases()} - {need_id}  # the ledger village's own need
    assert len(built) == 1
    assert {c.need.id for c in needs.cases(NeedFilter(open_only=True))} == {need_id, *built}
    assert needs.cases(NeedFilter(state=NeedState.CLOSED)) == []
    assert [c.need.id for c in needs.cases(NeedFilter(state=NeedState.REPORTED))] == [need_id]
    assert len(needs.cases(NeedFilter(grid_id=village.grid_east))) == 2
    assert needs.cases(NeedFilter(grid_id=village.grid_west)) == []
    assert needs.cases(NeedFilter(category="教育")) == [needs.get(need_id)]
    needs.delete(need_id)
    with pytest.raises(NotFoundError):
        needs.get(need_id)
    assert {c.need.id for c in needs.cases()} == built


def test_bad_needs_are_refused(store: Store, village: Village) -> None:
    needs = store.needs
    base = Need(household_id=village.tagged, what="x", category="住房", reported_on=D)
    with pytest.raises(NotFoundError, match="不在户籍"):
        needs.report(dataclasses.replace(base, household_id="nope"), actor="王", today=TODAY)
    [other] = store.assistance.households([village.member_tagged])
    with pytest.raises(NotFoundError, match="不是这一户的成员"):
        needs.report(
            dataclasses.replace(base, person_id=other.members[0].id), actor="王", today=TODAY
        )
    with pytest.raises(ValidationError, match="经办人"):
        needs.report(base, actor="", today=TODAY)
    with pytest.raises(ValidationError, match="需求类别"):
        needs.report(dataclasses.replace(base, category="吃饭"), actor="王", today=TODAY)
    assert len(needs.cases()) == 1  # the ledger village's own, nothing more
    # help on another household's need, and a helper who is not a cadre
    need = checked_need(store, village.tagged, day=D)
    record = AssistanceRecord(
        household_id=village.member_tagged, given_on=D, helping_unit="村两委", helper="王",
        content="送米", need_id=need,
    )  # fmt: skip
    with pytest.raises(NotFoundError, match="不是这一户的"):
        store.assistance.save(record, today=TODAY)
    with pytest.raises(ValidationError, match="请先选择"):
        store.assistance.save(dataclasses.replace(record, need_id=None), today=TODAY)
    mine = dataclasses.replace(record, household_id=village.tagged, helper_ids=("nobody",))
    with pytest.raises(NotFoundError, match="不在干部名单"):
        store.assistance.save(mine, today=TODAY)


def test_help_for_a_household_without_a_tag_is_on_the_support_ledger(
    store: Store, village: Village
) -> None:
    def numbers() -> list[str]:
        return [str(row[1]) for row in store.assistance.ledger_rows(SupportFilter())]

    assert "0003" not in numbers()  # no support tag, nothing on record
    need = checked_need(store, village.plain, day=D, what="火灾后需要临时安置")
    assert numbers().count("0003") == 1  # a need on record lists the household
    store.assistance.save(
        AssistanceRecord(household_id=village.plain, given_on=D, helping_unit="镇民政办",
                         helper="刘芳娜", content="临时救助金", need_id=need, kind="资金",
                         amount_fen=200_000),
        today=TODAY,
    )  # fmt: skip
    rows = [r for r in store.assistance.ledger_rows(SupportFilter()) if r[1] == "0003"]
    assert len(rows) == 1 and "临时救助金" in rows[0]
    assert store.assistance.ledger_row_count(SupportFilter()) == len(numbers())
