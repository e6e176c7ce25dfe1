"""Households for the register GUI tests (a helper module, not a conftest)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from qunzhong_desktop.core.citizen_id import check_digit
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.storage.store import Store

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "秀英", "志强", "桂兰", "海涛", "玉梅", "德明", "春花", "永红", "国庆")
AREA = "430121"


def make_id(birth: str, sequence: int, *, female: bool = False) -> str:
    """A valid 18-digit ID number for Changsha county: birth as YYYYMMDD."""
    seq = f"{sequence % 100:02d}{(sequence % 5) * 2 + (0 if female else 1)}"
    first17 = AREA + birth + seq
    return first17 + check_digit(first17)


def seed(store: Store, count: int, *, with_grids: bool = True) -> list[str]:
    """Store ``count`` households (two members each) plus 张三丰 and 单志生; return ids."""
    register = store.register
    grids = (
        [
            register.save_grid(
                Grid(name=f"第{n}网格", leader_name=f"网长{n}", leader_phone=f"1390000000{n}")
            )
            for n in (1, 2, 3)
        ]
        if with_grids
        else []
    )
    cadre = register.save_cadre(Cadre(name="刘书记", phone="13700000000", unit="镇党委"))
    batch: list[Household] = []
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        household = Household(
            number=f"3-{i + 100:03d}",
            address=f"白沙村{i % 9 + 1}组{i + 1}号",
            grid_id=grids[i % 3].id if grids else None,
            phone=f"138{i:08d}",
            cadre_id=cadre.id if i % 4 == 0 else None,
            tags=["低保户"] if i % 7 == 0 else [],
            members=[
                Person(name=name, id_number=make_id(f"19{50 + i % 40}0{i % 9 + 1}15", i)),
                Person(name=name[0] + "小" + name[-1], relation="子女"),
            ],
        )
        batch.append(household)
    ids = [h.id or "" for h in register.save_households(batch)]
    zhang = register.save_household(
        Household(
            number="1-001",
            address="白沙村一组 12 号",
            grid_id=grids[0].id if grids else None,
            phone="0731-84561234",
            tags=["残疾人"],
            members=[
                Person(name="张三丰", id_number=make_id("19491231", 2), phone="13812345678"),
                Person(name="张小宝", relation="子女"),
            ],
        )
    )
    shan = register.save_household(
        Household(
            number="2-001",
            address="白沙村二组 3 号",
            members=[Person(name="单志生", tags=["孤寡老人"], phone="13912345678")],
        )
    )
    return [*ids, zhang.id or "", shan.id or ""]


def type_text(qtbot: object, widget: QWidget, text: str) -> None:
    """Type like a clerk: ASCII with ``qtbot.keyClicks``, other characters as key events.

    QTest asserts on characters outside ASCII (its key table has no Chinese), so those go
    as a key event carrying the text, as an input method would commit them.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)  # type: ignore[attr-defined]
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
