"""A small station for the ledger tests: two grids, tagged households, items in every step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage.store import Store
from tests.helpers.assistance_data import checked_need

DAY = dt.datetime(2026, 3, 2, 9, 0)  # a Monday
TODAY = dt.date(2026, 4, 30)


@dataclass
class Village:
    grid_east: str
    grid_west: str
    tagged: str  # household with a household tag, paired, two records
    member_tagged: str  # a member carries the tag, no record
    plain: str  # no tag


def build(store: Store) -> Village:
    east = store.register.save_grid(Grid(name="东片网格", leader_name="赵一"))
    west = store.register.save_grid(Grid(name="西片网格"))
    cadre = store.register.save_cadre(Cadre(name="孙超峰", unit="驻村工作队", phone="13900001111"))
    tagged = store.register.save_household(
        Household(
            number="0001", grid_id=east.id, phone="13812345678", tags=["低保户"],
            members=[Person(name="王大爷", relation="户主", tags=["残疾人"]),
                     Person(name="王小妹", relation="子女", tags=["留守儿童"])],
        )
    )  # fmt: skip
    member = store.register.save_household(
        Household(
            number="0002", grid_id=west.id,
            members=[Person(name="李奶奶", relation="户主", phone="0731-84561234",
                            tags=["孤寡老人"])],
        )
    )  # fmt: skip
    plain = store.register.save_household(
        Household(number="0003", grid_id=east.id, members=[Person(name="张三")])
    )
    assert tagged.id and member.id and plain.id and cadre.id
    store.register.pair(cadre.id, [tagged.id])
    need = checked_need(store, tagged.id, day=dt.date(2026, 1, 10))
    for given, content in ((dt.date(2026, 1, 10), "发放临时救助金 800 元"),
                           (dt.date(2026, 3, 5), "协助申领残疾人两项补贴")):  # fmt: skip
        store.assistance.save(
            AssistanceRecord(
                household_id=tagged.id, given_on=given, helping_unit="驻村工作队",
                helper="孙超峰", content=content, target="保障基本生活",
                time_limit=given + dt.timedelta(days=90), need_id=need,
            ),
            today=TODAY,
        )  # fmt: skip
    _items(store, tagged.members[0].id, member.members[0].id)
    assert east.id and west.id
    return Village(east.id, west.id, tagged.id, member.id, plain.id)


def new_item(person_id: str | None, **kw: object) -> NewItem:
    values: dict[str, object] = dict(
        channel="来访", domain="社会保障", grade="B", item_type="承诺件",
        content="咨询城乡居民养老保险补缴", requester_person_id=person_id,
    )  # fmt: skip
    values.update(kw)
    return NewItem(**values)  # type: ignore[arg-type]


def _items(store: Store, east_person: str | None, west_person: str | None) -> None:
    items = store.items
    at = DAY
    # 1: closed with result and follow-up (east)
    closed = items.register_item(new_item(east_person), actor="李秀英", now=at)
    items.move(closed.number, State.IN_PROGRESS, actor="李秀英", now=at)
    items.move(closed.number, State.RESOLVED, actor="李秀英",
               data={"result": "已协助补缴 3 年"}, now=at + dt.timedelta(days=2))  # fmt: skip
    items.move(closed.number, State.FOLLOWED_UP, actor="李秀英",
               data={"way": "电话", "satisfaction": "满意"}, now=at + dt.timedelta(days=3))  # fmt: skip
    items.move(closed.number, State.CLOSED, actor="李秀英", now=at + dt.timedelta(days=4))
    # 2: escalated and assigned to a unit (west), different domain
    up = items.register_item(
        new_item(west_person, domain="基础设施", item_type="上报件", content="村道路灯损坏"),
        actor="李秀英", now=at + dt.timedelta(days=1),
    )  # fmt: skip
    items.move(up.number, State.AWAITING_ASSIGNMENT, actor="镇", role=Role.TOWNSHIP, now=at)
    items.move(up.number, State.ASSIGNED, actor="镇", role=Role.TOWNSHIP,
               data={"unit": "城建办", "deadline": "2026-03-20"}, now=at + dt.timedelta(days=1))  # fmt: skip
    # 3: an outsider, registered in April, still open and overdue by TODAY
    items.register_item(
        new_item(None, requester_name="外村人", requester_phone="13900002222", content="问路"),
        actor="李秀英", now=dt.datetime(2026, 4, 1, 10),
    )  # fmt: skip
    # 4: rejected with a reason
    rejected = items.register_item(new_item(None, requester_name="某某"), actor="李秀英",
                                   now=dt.datetime(2026, 4, 2, 10))  # fmt: skip
    items.move(rejected.number, State.REJECTED, actor="李秀英", note="不属于受理范围",
               now=dt.datetime(2026, 4, 2, 11))  # fmt: skip


def sample(n: int) -> list[tuple[object, ...]]:
    """``n`` rows of the intake ledger as the report writes them."""
    return [
        (i, f"430121101201-2026-{i:05d}", "2026-03-02", "来访", "王大爷", "138****5678",
         "东片网格", "社会保障", "B", "咨询养老保险补缴，" * (1 + i % 5), "承诺件",
         "2026-03-09", "李秀英", "镇民政办", "县农业农村局", "办理中", "", "", "", "")
        for i in range(1, n + 1)
    ]  # fmt: skip
