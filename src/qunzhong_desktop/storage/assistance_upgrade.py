"""Help records from before cases become help given against a need (issue 16's upgrade).

Migration 0011 adds the tables; it does not write them, because rows a migration writes are
not captured and would never reach the township. Instead, when a station's store opens,
:func:`adopt_records` gives every household whose live help records name no need one need
(category 其他, what the records were for, reported on the first record's day), checked
at once (报告, 初核, 复核 on that day, by ``（原帮扶记录）``: the help was given, so the need
was real), and links the records to it, with the household's paired cadre as their first
helper. It runs through the captured write path like any form, so the needs, their steps and
the records' new fields travel to the township in the next bundle. The township never adopts:
its stations' records come linked from the stations.

The need's id is derived from the household's, so two starts racing (the window and the CLI)
cannot make two needs for one household.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import select

from qunzhong_desktop.core.assistance_case import NeedState, Step
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.write_paths import write_path

#: who took the steps of an adopted need
ADOPTED_BY = "（原帮扶记录）"
_NAMESPACE = uuid.UUID("6f1d2c0e-8a51-4e36-9a55-6b4f1a0c1601")


def need_id_for(household_id: str) -> str:
    """The id of the need adopted for a household's older records."""
    return str(uuid.uuid5(_NAMESPACE, f"adopted-need:{household_id}"))


@write_path(needs=None)
def adopt_records(db: Database, *, actor: str = ADOPTED_BY) -> int:
    """Link help records that name no need to one checked need per household (a station only).

    Returns:
        How many needs were made (0 at the township, or when nothing is left to adopt).
    """
    with db.session() as s:
        node = s.scalars(select(m.LocalNode)).first()
        if node is None or node.role != "station":
            return 0
        waiting = s.scalar(
            select(m.Assistance.id)
            .where(m.Assistance.need_id.is_(None), m.Assistance.deleted_at.is_(None))
            .limit(1)
        )
    if waiting is None:  # every start asks: one indexed query
        return 0
    made = 0
    with db.writing() as s:
        records: dict[str, list[m.Assistance]] = defaultdict(list)
        for row in s.scalars(
            select(m.Assistance)
            .where(m.Assistance.need_id.is_(None), m.Assistance.deleted_at.is_(None))
            .order_by(m.Assistance.given_on, m.Assistance.id)
        ):
            records[row.household_id].append(row)
        for household_id, rows in records.items():
            household = s.get(m.Household, household_id)
            need_id = need_id_for(household_id)
            need = s.get(m.AssistanceNeed, need_id)
            if need is None:
                first = rows[0]
                about = first.target or first.content
                need = m.AssistanceNeed(
                    id=need_id,
                    household_id=household_id,
                    person_id=first.person_id,
                    what=f"帮扶：{about}"[:2000],
                    category="其他",
                    urgent=False,
                    reported_by="",
                    reported_on=first.given_on,
                    time_limit=max((r.time_limit for r in rows if r.time_limit), default=None),
                    state=NeedState.VERIFIED.value,
                    result="",
                )
                s.add(need)
                s.flush()
                for step in (Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK):
                    s.add(
                        m.AssistanceStep(
                            need_id=need_id,
                            step=step.value,
                            day=first.given_on,
                            actor=actor,
                            note="由原有帮扶记录转为帮扶需求" if step is Step.REPORT else "",
                        )
                    )
                made += 1
            paired = household.cadre_id if household is not None else None
            for row in rows:
                row.need_id = need_id
                if not row.helper_ids and paired:
                    row.helper_ids = [paired]
            s.flush()
    return made
