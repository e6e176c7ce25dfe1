"""The township's demo steps (:mod:`core.demo_township`) on the items it has imported."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.demo.township import Escalated, TownshipStep
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.write_paths import write_path

_WAITING = (State.ESCALATED.value, State.AWAITING_ASSIGNMENT.value)


def escalated_items(items: SqlItems) -> list[Escalated]:
    """The live items waiting for the township, with the time of their last step."""
    last_step = (
        select(m.ItemEvent.item_id, func.max(m.ItemEvent.at).label("at"))
        .group_by(m.ItemEvent.item_id)
        .subquery()
    )
    with items.db.session() as s:
        rows = s.execute(
            select(m.IntakeItem.number, m.IntakeItem.state, m.IntakeItem.domain, last_step.c.at)
            .join(last_step, last_step.c.item_id == m.IntakeItem.id)
            .where(m.IntakeItem.state.in_(_WAITING), m.IntakeItem.deleted_at.is_(None))
            .order_by(m.IntakeItem.number)
        ).all()
    return [Escalated(number, State(state), domain, at) for number, state, domain, at in rows]


@write_path(needs=Permission.SETTINGS)
def load_township_steps(items: SqlItems, steps: list[TownshipStep]) -> Counter[State]:
    """Make the steps as the township (each one a captured move); returns the final states."""
    final: dict[str, State] = {}
    for step in steps:
        items.move(
            step.number, step.target, actor=step.actor, role=Role.TOWNSHIP,
            note=step.note, data=dict(step.data), now=step.at,
        )  # fmt: skip
        final[step.number] = step.target
    return Counter(final.values())
