"""A checked need to record help against (报告, 初核, 复核 done), as the forms would make it."""

from __future__ import annotations

import datetime as dt

from qunzhong_desktop.core.assistance_case import Need, NeedStep, Step
from qunzhong_desktop.storage.store import Store


def checked_need(
    store: Store,
    household_id: str,
    *,
    day: dt.date,
    what: str = "家庭生活困难，需要帮扶",
    category: str = "生活",
    person_id: str | None = None,
    time_limit: dt.date | None = None,
) -> str:
    """Report a need on ``day`` and check it twice the same day; its id."""
    case = store.needs.report(
        Need(household_id=household_id, what=what, category=category, reported_on=day,
             reported_by="王网长", person_id=person_id, time_limit=time_limit),
        actor="王网长",
        today=max(day, dt.date.today()),
    )  # fmt: skip
    need_id = case.need.id or ""
    for step, actor in ((Step.VILLAGE_CHECK, "李书记"), (Step.TOWNSHIP_CHECK, "张镇长")):
        store.needs.take_step(need_id, NeedStep(step, day, actor), today=max(day, dt.date.today()))
    return need_id
