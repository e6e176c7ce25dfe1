"""A register with households whose cards can be printed."""

from __future__ import annotations

from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.storage.store import Store


def populate(store: Store, count: int) -> list[str]:
    """``count`` households over three grids, every other one paired with a cadre."""
    grids = [
        store.register.save_grid(
            Grid(name=f"第{n}网格", leader_name=f"网长{n}", leader_phone=f"1381234567{n}")
        )
        for n in (1, 2, 3)
    ]
    cadre = store.register.save_cadre(Cadre(name="李四", phone="13912345678", unit="民政办"))
    ids = []
    for i in range(count):
        household = store.register.save_household(
            Household(
                number=f"{i % 3 + 1}-{i + 1:03d}",
                grid_id=grids[i % 3].id,
                cadre_id=cadre.id if i % 2 == 0 else None,
                members=[
                    Person(name=f"王{i:02d}女", relation="配偶"),
                    Person(name=f"张{i:02d}", relation="户主"),
                ],
            )
        )
        ids.append(household.id or "")
    return ids
