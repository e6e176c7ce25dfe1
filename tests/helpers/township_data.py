"""A township with two stations whose November 2026 items were imported through sync.

Built the way users do it: each station registers and moves its items, exports its bundle,
the township imports both and then assigns and resolves the escalated item. The figures of
November 2026 (1 November is a Sunday; no holiday in the month, so the promised dates are
working days Monday to Friday) are worked out by hand below, item by item.

第1村群众工作站 (…201):
    A1 承诺件 社会保障 (5 working days), received Mon 2 Nov: due Mon 9 Nov. Resolved Wed 4 Nov
       (on time, first time), followed up Thu 5 Nov 满意.
    A2 即办件 政策咨询, received and resolved Tue 3 Nov (on time, first time), followed up
       Fri 6 Nov 不满意.
    A3 承诺件 社会保障, received Mon 2 Nov, due Mon 9 Nov, left open: in progress and overdue
       at the month's end.
    → 受理 3, 办结 2 (A1, A2), 办理中 1 (A3), 超期 1 (A3), 一次办结 2/2, 按时 2/2, 满意 1/2.

第2村群众工作站 (…202):
    B0 承诺件, received Mon 12 Oct and resolved Wed 14 Oct: nothing in November, counts nowhere.
    B1 上报件 基础设施, received Mon 9 Nov (escalated at once). The township assigns it to 民政办
       on Tue 10 Nov with the deadline Fri 20 Nov and resolves it Wed 25 Nov: resolved, late
       (25 > 20) and not first time (escalated).
    B2 承诺件 矛盾纠纷 (7 working days), received Mon 23 Nov: due Wed 2 Dec, open at the end,
       not overdue.
    → 受理 2 (B1, B2), 办结 1 (B1), 办理中 1 (B2), 超期 0, 一次办结 0/1, 按时 0/1, 满意 —(0/0).

全乡镇: 受理 3 + 2 = 5, 办结 2 + 1 = 3, 办理中 1 + 1 = 2, 超期 1 + 0 = 1,
    一次办结 (2 + 0)/(2 + 1) = 2/3, 按时 (2 + 0)/3 = 2/3, 满意 (1 + 0)/(2 + 0) = 1/2, 上报 1;
    民政办 +1.0 (B1 resolved in the month after its assignment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.assistance_data import checked_need
from tests.helpers.intake_data import register
from tests.helpers.network import Node, make_station, make_township

NOV = Month(2026, 11)
AFTER = dt.date(2026, 12, 1)  # the month is over when the tests look at it
TOWNSHIP_NAME = "白沙镇群众工作办"


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour)


@dataclass
class Township:
    """The township, its two stations and the numbers of their items."""

    township: Node
    one: Node
    two: Node
    a: list[str]  # A1, A2, A3
    b: list[str]  # B0, B1, B2

    def close(self) -> None:
        for node in (self.township, self.one, self.two):
            node.close()


def build(template: Path, root: Path) -> Township:
    """Make the township and its two stations, register, sync, and move at the township."""
    township = make_township(template, root / "township")
    one = make_station(template, root / "station1", township, 1)
    two = make_station(template, root / "station2", township, 2)

    s1 = one.store
    cadre = s1.register.save_cadre(Cadre(name="赵一", unit="第1村村委会"))
    # on duty in November: on the register then (a cadre who came later is not judged)
    s1.diary.save_entry(
        DiaryEntry(
            cadre_id=cadre.id or "", day=dt.date(2026, 11, 16), kind="坐班接待", text="值班"
        ),
        today=AFTER,
    )
    a1 = register(s1, at(11, 2), content="咨询养老保险补缴")
    s1.items.move(a1, State.RESOLVED, actor="李秀英", data={"result": "已协助补缴"}, now=at(11, 4))
    s1.items.move(
        a1, State.FOLLOWED_UP, actor="李秀英", data={"satisfaction": "满意", "way": "电话"},
        now=at(11, 5),
    )  # fmt: skip
    a2 = register(
        s1, at(11, 3), item_type="即办件", domain="政策咨询", content="咨询低保政策",
        result="当场答复",
    )  # fmt: skip
    s1.items.move(
        a2, State.FOLLOWED_UP, actor="李秀英", data={"satisfaction": "不满意", "way": "当面"},
        now=at(11, 6),
    )  # fmt: skip
    a3 = register(s1, at(11, 2), content="咨询医保报销")

    s2 = two.store
    cadre = s2.register.save_cadre(Cadre(name="钱二", unit="第2村村委会"))
    # on duty in November: on the register then (a cadre who came later is not judged)
    s2.diary.save_entry(
        DiaryEntry(
            cadre_id=cadre.id or "", day=dt.date(2026, 11, 16), kind="坐班接待", text="值班"
        ),
        today=AFTER,
    )
    b0 = register(s2, at(10, 12), content="十月的事")
    s2.items.move(b0, State.RESOLVED, actor="周敏", data={"result": "已办"}, now=at(10, 14))
    b1 = register(s2, at(11, 9), item_type="上报件", domain="基础设施", content="桥梁损坏需要维修")
    b2 = register(s2, at(11, 23), domain="矛盾纠纷", content="邻里宅基地纠纷")

    _poor(s1, "周老汉", 1000)  # 特困, 1,000 元 in 2026: under the 2,000 of the year
    _poor(s2, "吴阿婆", 2500)  # above: not listed

    bundles = one.export(root / "usb") + two.export(root / "usb")
    reports = township.sync.import_bundles(bundles, township.keys)
    assert [r.status for r in reports] == [APPLIED, APPLIED]

    t = township.store
    t.items.move(
        b1, State.ASSIGNED, actor="王乡长", role=Role.TOWNSHIP,
        data={"unit": "民政办", "deadline": "2026-11-20"}, now=at(11, 10),
    )  # fmt: skip
    t.items.move(
        b1, State.RESOLVED, actor="民政办", role=Role.TOWNSHIP, note="已修复",
        data={"result": "桥梁已修复"}, now=at(11, 25),
    )  # fmt: skip
    return Township(township, one, two, [a1, a2, a3], [b0, b1, b2])


def _poor(store: Store, name: str, yuan: int) -> None:
    """An extremely poor person living alone, given money on 10 November against a need."""
    household = store.register.save_household(
        Household(number="0101", members=[Person(name=name, tags=["特困供养(五保)"])])
    )
    assert household.id
    need = checked_need(store, household.id, day=dt.date(2026, 11, 2))
    store.assistance.save(
        AssistanceRecord(
            household_id=household.id, given_on=dt.date(2026, 11, 10), helping_unit="镇民政办",
            helper="刘干事", content="临时救助金", kind="资金", amount_fen=yuan * 100,
            need_id=need,
        ),
        today=AFTER,
    )  # fmt: skip
