"""On top of the ledger village (tests/helpers/ledger_data.py): the extremely poor and cases.

Added in 2026, all through the write paths the forms use:
    0004 刘老汉户 (特困供养(五保) on 刘老汉; 刘小芳 without a tag), unpaired:
        资金 1,200 元 to 刘老汉 on 3 March; 物品 600 元 to the household on 10 April (300
        each): 刘老汉 1,500 元 in the year — under 2,000, listed.
    0005 陈阿婆户 (the household carries 特困供养(五保); she lives alone), unpaired:
        资金 2,500 元 on 12 April to the household — above, not listed.
    A need of 0002 李奶奶 reported 1 April with the time limit 15 April, left at 待复核:
        past its time limit by 15 days on 30 April (TODAY).
    A need of 0001 reported 2 April, sent back on 3 April (已退回).
In April: reported 3 (0004's 2 April... see ``APRIL``), help 物品 600 + 资金 2,500.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import Need, NeedStep, Step
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage.store import Store
from tests.helpers.assistance_data import checked_need
from tests.helpers.ledger_data import TODAY, Village

POOR_TAG = "特困供养(五保)"


@dataclass
class Poor:
    liu: str  # household 0004
    liu_old: str  # 刘老汉 (under the threshold)
    chen: str  # household 0005 (above)
    overdue_need: str
    returned_need: str


def give(
    store: Store,
    household: str,
    need: str,
    day: dt.date,
    kind: str,
    yuan: int,
    person: str | None = None,
) -> None:
    store.assistance.save(
        AssistanceRecord(
            household_id=household, given_on=day, helping_unit="镇民政办", helper="",
            content=f"{kind}帮扶 {yuan} 元", kind=kind, amount_fen=yuan * 100,
            person_id=person, need_id=need, helper_ids=tuple(_cadres(store)[:1]),
        ),
        today=TODAY,
    )  # fmt: skip


def _cadres(store: Store) -> list[str]:
    return [c.id for c in store.register.cadres() if c.id]


def add_poor(store: Store, village: Village) -> Poor:
    liu = store.register.save_household(
        Household(number="0004", grid_id=village.grid_east, members=[
            Person(name="刘老汉", relation="户主", tags=[POOR_TAG]),
            Person(name="刘小芳", relation="子女"),
        ])
    )  # fmt: skip
    chen = store.register.save_household(
        Household(number="0005", grid_id=village.grid_west, tags=[POOR_TAG],
                  members=[Person(name="陈阿婆", relation="户主")])
    )  # fmt: skip
    assert liu.id and chen.id and liu.members[0].id
    liu_need = checked_need(store, liu.id, day=dt.date(2026, 3, 1), what="生活困难")
    give(store, liu.id, liu_need, dt.date(2026, 3, 3), "资金", 1200, liu.members[0].id)
    give(store, liu.id, liu_need, dt.date(2026, 4, 10), "物品", 600)
    chen_need = checked_need(store, chen.id, day=dt.date(2026, 4, 1), what="生活困难")
    give(store, chen.id, chen_need, dt.date(2026, 4, 12), "资金", 2500)
    late = store.needs.report(
        Need(household_id=village.member_tagged, what="屋顶漏雨需修缮", category="住房",
             reported_on=dt.date(2026, 4, 1), reported_by="王网长",
             time_limit=dt.date(2026, 4, 15)),
        actor="王网长", today=TODAY,
    )  # fmt: skip
    late_id = late.need.id or ""
    store.needs.take_step(
        late_id, NeedStep(Step.VILLAGE_CHECK, dt.date(2026, 4, 2), "李书记"), today=TODAY
    )
    back = store.needs.report(
        Need(household_id=village.tagged, what="孩子上学需要资助", category="教育",
             reported_on=dt.date(2026, 4, 2), reported_by="王网长"),
        actor="王网长", today=TODAY,
    )  # fmt: skip
    back_id = back.need.id or ""
    store.needs.take_step(
        back_id,
        NeedStep(Step.SEND_BACK, dt.date(2026, 4, 3), "李书记", "请补充在校证明"),
        today=TODAY,
    )
    return Poor(liu.id, liu.members[0].id, chen.id, late_id, back_id)
