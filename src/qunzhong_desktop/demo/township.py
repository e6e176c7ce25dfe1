"""The township's part of the demo: its steps on the items its stations escalated.

A station's demo stops each escalated item at 已上报 (:mod:`.demo_items`): assignment and
disposition belong to the township. A ``demo`` run at the township takes the escalated
items it has imported and carries them on as the old full stories did — some wait to be
assigned, most are assigned to a unit with a deadline, many of those are resolved, a few
are refused — with times after each item's last step and not after ``now``. The steps go
through the items repository like the township's typing, so they travel back to the
stations in the dispatch bundles. Pure and reproducible: one seeded generator.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.demo.items import STEP_GAPS, office_moment
from qunzhong_desktop.demo.texts import REJECT_REASONS, RESULTS, TOWNSHIP_STAFF

_S = State
# what the township does with an escalated item, with the weights of the old full stories
CONTINUATIONS: tuple[tuple[tuple[State, ...], int], ...] = (
    ((), 2),
    ((_S.AWAITING_ASSIGNMENT,), 2),
    ((_S.AWAITING_ASSIGNMENT, _S.ASSIGNED), 3),
    ((_S.ASSIGNED,), 2),
    ((_S.AWAITING_ASSIGNMENT, _S.ASSIGNED, _S.RESOLVED), 6),
    ((_S.REJECTED,), 1),
)


@dataclass(frozen=True, slots=True)
class Escalated:
    """An item waiting at the township: its number, state, domain and last step's time."""

    number: str
    state: State
    domain: str
    since: dt.datetime


@dataclass(frozen=True, slots=True)
class TownshipStep:
    """One step the township makes on an item."""

    number: str
    target: State
    at: dt.datetime
    actor: str
    note: str
    data: dict[str, object] = field(default_factory=dict)


def plan_township_steps(
    items: Sequence[Escalated],
    *,
    units: Sequence[str],
    seed: int = 1,
    now: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> list[TownshipStep]:
    """The township's steps on ``items``, in order of time per item.

    Args:
        items: escalated (已上报) or waiting (待交办) items, as imported.
        units: the township's units (责任单位) to assign to.
        seed: the seed of the generator.
        now: no step lies after it (default: now).
        calendar: working days for the gaps and deadlines (default: bundled schedules).

    Raises:
        ValueError: no units to assign to.
    """
    if not units:
        raise ValueError("no units")
    rng = random.Random(seed)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    calendar = calendar or WorkCalendar()
    steps: list[TownshipStep] = []
    weights = [w for _, w in CONTINUATIONS]
    for item in sorted(items, key=lambda i: i.number):
        moves = rng.choices([c for c, _ in CONTINUATIONS], weights)[0]
        if item.state is State.AWAITING_ASSIGNMENT:
            moves = tuple(m for m in moves if m is not State.AWAITING_ASSIGNMENT)
        last = item.since
        for target in moves:
            low, high = STEP_GAPS[target]
            day = calendar.add_workdays(last.date(), rng.randint(low, high))
            if day > now.date():
                break  # not yet: the rest of the story lies in the future
            at = office_moment(rng, day, now.date(), last)
            if at > now:
                break
            note, data = _note_and_data(rng, calendar, item, target, at=at, units=units)
            steps.append(
                TownshipStep(item.number, target, at, rng.choice(TOWNSHIP_STAFF), note, data)
            )
            last = at
    return steps


def _note_and_data(
    rng: random.Random,
    calendar: WorkCalendar,
    item: Escalated,
    target: State,
    *,
    at: dt.datetime,
    units: Sequence[str],
) -> tuple[str, dict[str, object]]:
    if target is State.AWAITING_ASSIGNMENT:
        return "已接收，待研究交办", {}
    if target is State.ASSIGNED:
        unit = rng.choice(list(units))
        deadline = calendar.add_workdays(at.date(), rng.randint(5, 15))
        return f"交{unit}办理", {"unit": unit, "deadline": deadline.isoformat()}
    if target is State.RESOLVED:
        result = rng.choice(RESULTS.get(item.domain) or RESULTS["其他"])
        return result, {"result": result}
    return rng.choice(REJECT_REASONS), {}
