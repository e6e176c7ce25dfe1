import datetime as dt

from qunzhong_desktop.core.intake.rules import Event, check_move
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.demo.township import Escalated, plan_township_steps

NOW = dt.datetime(2026, 11, 30, 16, 0)
UNITS = ["民政办", "城建办"]


def _waiting(count: int) -> list[Escalated]:
    return [
        Escalated(
            f"430121101201-2026-{i:05d}",
            State.ESCALATED if i % 3 else State.AWAITING_ASSIGNMENT,
            "基础设施",
            NOW - dt.timedelta(days=40 - i % 40, hours=3),
        )
        for i in range(1, count + 1)
    ]


def test_steps_are_the_townships_valid_moves_in_time_order() -> None:
    items = _waiting(120)
    steps = plan_township_steps(items, units=UNITS, seed=5, now=NOW)
    by_number = {item.number: item for item in items}
    histories: dict[str, list[Event]] = {}
    for step in steps:
        item = by_number[step.number]
        history = histories.setdefault(
            step.number, [Event(item.since, "站", State.REGISTERED, item.state, "", {})]
        )
        check_move(history, step.target, role=Role.TOWNSHIP, note=step.note, data=step.data)
        assert history[-1].at <= step.at <= NOW
        history.append(
            Event(step.at, step.actor, history[-1].to_state, step.target, step.note, step.data)
        )
        if step.target is State.ASSIGNED:
            assert (
                step.data["unit"] in UNITS
                and str(step.data["deadline"]) > step.at.date().isoformat()
            )
    finals = {h[-1].to_state for h in histories.values()}
    assert {State.AWAITING_ASSIGNMENT, State.ASSIGNED, State.RESOLVED, State.REJECTED} <= finals
    assert len(histories) < len(items)  # some still wait
    assert plan_township_steps(items, units=UNITS, seed=5, now=NOW) == steps


def test_nothing_is_planned_after_now() -> None:
    fresh = [
        Escalated("430121101201-2026-00001", State.ESCALATED, "教育", NOW - dt.timedelta(minutes=5))
    ]
    for seed in range(30):
        for step in plan_township_steps(fresh, units=UNITS, seed=seed, now=NOW):
            assert step.at <= NOW
