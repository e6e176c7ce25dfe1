"""The sync conformance harness's actions on issue 18's petitions records (tests/helpers/conformance.py).

:func:`steps` gives the actions in the order the harness's walk runs them; each writes
through the program's own write paths on the station (or the township's own records at the
township), and the harness then checks both sides hold the same rows.

- ``petition.new``: an item registered with its 信访 mark (one transaction);
- ``petition.mark``: a station's item marked, re-marked or unmarked (the mark travels);
- ``duty.set`` / ``duty.rotate`` / ``duty.clear``: the township's roster (its own rows);
- ``duty.reception``: a reception logged, edited, deleted and restored at the township.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from qunzhong_desktop.core.duty import Reception
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.petitions import FORMS, LEVELS, REACHES, Mark

if TYPE_CHECKING:
    from tests.helpers.conformance import World


def _rng(world: World, name: str) -> random.Random:
    """Its own random numbers: the other actions' choices stay as they were without it."""
    return random.Random(world.figures.actions[name] * 31 + len(name))


def _new_petition(world: World) -> None:
    rng = _rng(world, "petition.new")
    with world._act("petition.new"):
        world.station.store.items.register_item(
            NewItem(channel="来访", domain="社会保障", grade="B", item_type="承诺件",
                    content="反映低保评定不公", requester_name="上访人甲",
                    petition=rng.choice(LEVELS), petition_form=rng.choice(FORMS),
                    petition_reach=rng.choice(REACHES)),
            actor="站务员", now=world.now(),
        )  # fmt: skip


def _mark(world: World) -> None:
    items = world.station.store.items
    ids = items.search_ids(ItemFilter())
    if not ids:
        return
    rng = _rng(world, "petition.mark")
    with world._act("petition.mark"):
        number = items.rows([rng.choice(ids)])[0].number
        petitions = world.station.store.petitions
        if petitions.mark_of(number).is_petition and rng.random() < 0.5:
            petitions.unmark(number)
        else:
            petitions.mark(number, Mark(rng.choice(LEVELS), rng.choice(FORMS), rng.choice(REACHES)))


def _working_days(world: World, first: dt.date, count: int) -> list[dt.date]:
    calendar = world.township.store.calendar.calendar()
    days, day = [], first
    while len(days) < count:
        if calendar.is_workday(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _duty(world: World, what: str) -> None:
    duty = world.township.store.duty
    today = world.now().date()
    rng = _rng(world, f"duty.{what}")
    with world._act(f"duty.{what}"):
        if what == "rotate":
            first = today - dt.timedelta(days=today.weekday())
            duty.rotate(["张书记", "李镇长", "王委员"], first, first + dt.timedelta(days=13),
                        by=rng.choice(["week", "day"]))  # fmt: skip
        elif what == "set":
            day = rng.choice(_working_days(world, today, 5))
            duty.set_duty(day, rng.choice(["赵委员", "钱委员"]), note=rng.choice(["", "调班"]))
        elif what == "clear":
            duty.clear(rng.choice(_working_days(world, today, 5)))


def _reception(world: World) -> None:
    duty = world.township.store.duty
    today = world.now().date()
    rng = _rng(world, "duty.reception")
    with world._act("duty.reception"):
        # a day of the week rotated (its member receives), else yesterday with a receiver named
        day = _working_days(world, today - dt.timedelta(days=today.weekday()), 1)[0]
        member = ""
        if day > today:
            day, member = today - dt.timedelta(days=1), "值班员"
        kept = duty.add_reception(
            Reception(day, member, "反映土地流转费用未到位", visitors=rng.randint(1, 5),
                      units=tuple(rng.sample(["镇农业办", "镇司法所"], k=rng.randint(0, 2)))),
            today=today,
        )  # fmt: skip
        edited = duty.edit_reception(
            Reception(kept.day, kept.member or "值班员", kept.matter, kept.visitors + 1,
                      kept.units, handling="已交镇农业办办理", id=kept.id),
            today=today,
        )  # fmt: skip
        turn = world.figures.actions["duty.reception"]  # 1, 2, …: delete every second one
        if turn % 2 == 0:
            duty.delete_reception(edited.id or "")
            if turn % 4 == 2:
                duty.restore_reception(edited.id or "")


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order: petitions at the station, the duty at the township."""
    return [
        lambda: _new_petition(world),
        lambda: _mark(world),
        lambda: _mark(world),
        lambda: _duty(world, "rotate"),
        lambda: _duty(world, "set"),
        lambda: _duty(world, "clear"),
        lambda: _reception(world),
        lambda: _reception(world),
    ]
