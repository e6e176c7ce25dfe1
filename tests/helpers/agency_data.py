"""Elders of 白沙村 and a 代办 item, for the agency tests (a helper module, not a conftest).

Seen from :data:`TODAY` (20 November 2026), this month and the next: 王建明, 赵桂兰 and
孙德明 turn 70, 陈秋生 turns 80, 刘春花 turns 60; 张国庆 turned 70 in January; 周小明 is a
child. 王建明's and 刘春花's households are 低保户.
"""

from __future__ import annotations

import datetime as dt

from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.intake.agency import Agency
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from tests.helpers.roster_builder import make_id

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 0)
RECEIVED = dt.datetime(2026, 11, 9, 9, 30)
#: (household number, name, birth YYYYMMDD, household tags)
ELDERS = (
    ("E01", "王建明", "19561128", ["低保户"]),
    ("E02", "赵桂兰", "19561231", []),
    ("E03", "孙德明", "19561101", []),
    ("E04", "陈秋生", "19461102", []),
    ("E05", "刘春花", "19661210", ["低保户"]),
    ("E06", "张国庆", "19560105", []),
    ("E07", "周小明", "20160101", []),
)
TURNING_70 = ["孙德明", "王建明", "赵桂兰"]  # by birthday
AGENCY = Agency(
    mode="上门代办", auth_on=dt.date(2026, 11, 10), auth_kind="书面", agent="张华",
    office="县政务服务中心",
)  # fmt: skip


def seed_elders(store: Store) -> dict[str, str]:
    """Register the elders (one household each); return {name: person id}."""
    people: dict[str, str] = {}
    for index, (number, name, birth, tags) in enumerate(ELDERS):
        saved = store.register.save_household(
            Household(
                number=number, address=f"白沙村三组 {index + 1} 号", tags=list(tags),
                phone=f"0731-8456{index:04d}",
                members=[Person(name=name, id_number=make_id(birth, f"{index + 1:02d}1"))],
            )
        )  # fmt: skip
        people[name] = saved.members[0].id or ""
    return people


def agency_item(store: Store, people: dict[str, str], name: str = "王建明") -> str:
    """A promised item of ``name``'s, marked 上门代办; its number."""
    item = store.items.register_item(
        NewItem(
            channel="来访", domain="社会保障", grade="B", item_type="承诺件",
            content="代办高龄津贴申请", requester_person_id=people[name],
        ),
        actor="李秀英", now=RECEIVED,
    )  # fmt: skip
    store.agency.set_agency(item.number, AGENCY, now=RECEIVED + dt.timedelta(days=1))
    return item.number


def resolve(store: Store, number: str, when: dt.datetime) -> None:
    """Start and finish the work on an item."""
    store.items.move(number, State.IN_PROGRESS, actor="李秀英", now=when)
    store.items.move(number, State.RESOLVED, actor="张华", data={"result": "已办好"}, now=when)


def visit(store: Store, household_number: str, day: dt.date, kind: str = "入户走访") -> str:
    """A cadre's diary entry visiting a household; its id."""
    cadre = store.register.save_cadre(Cadre(name=f"张华{day.day}", unit="村两委"))
    household = next(
        hid
        for hid in store.register.search_households()
        if store.register.household(hid).number == household_number
    )
    visits = [DiaryVisit(household_id=household)] if kind == "入户走访" else []
    entry = store.diary.save_entry(
        DiaryEntry(cadre_id=cadre.id or "", day=day, kind=kind, text="上门走访", visits=visits),
        today=day,
    )
    return entry.id or ""
