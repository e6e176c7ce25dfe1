"""The sync conformance harness's actions on issue 18's evaluation records (tests/helpers/conformance.py).

:func:`steps` gives the actions in the order the harness's walk runs them; each writes
through the program's own write paths on the station (or the township's own records at the
township), and the harness then checks both sides hold the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from qunzhong_desktop.core.evaluation import ANSWERS, KINDS, UNIT, RatedRow, Round, Tally

if TYPE_CHECKING:
    from tests.helpers.conformance import World


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order."""
    return [
        lambda: create(world),
        lambda: ballot(world),
        lambda: tally(world),
        lambda: edit(world),
        lambda: rows(world),
        lambda: delete(world, restore=True),
        lambda: create(world),
        lambda: delete(world, restore=False),
        lambda: survey(world, "start"),
        lambda: survey(world, "answer"),
        lambda: survey(world, "answer"),
        lambda: survey(world, "start"),
        lambda: survey(world, "delete"),
    ]


def _round_ids(world: World) -> list[str]:
    return [r.id for r in world.station.store.evaluations.rounds()]


def create(world: World) -> None:
    """A new round with the candidates the registers offer (a few of them)."""
    store = world.station.store
    with world._act("evaluation.create"):
        offered = list(store.evaluations.candidates().rows)
        chosen = world.rng.sample(offered, k=min(len(offered), world.rng.randint(2, 5)))
        returned = world.rng.randint(0, 30)
        store.evaluations.create(
            Round(
                kind=world._pick(list(KINDS)),
                day=world.now().date(),
                villages=(world.station.code,),
                participants=returned + 5,
                ballots_issued=returned + world.rng.randint(0, 5),
                ballots_returned=returned,
                period=f"{world.now().year}-H{world.rng.randint(1, 2)}",
            ),
            [RatedRow(Tally(c.name, c.rated, role=c.role), c.cadre_id) for c in chosen],
            title=world._pick(["", "半年民意测评"]),
        )


def tally(world: World) -> None:
    """Counts for every row (now and then too many: refused)."""
    store = world.station.store
    with world._act("evaluation.tally"):
        stored = store.evaluations.round(world._pick(_round_ids(world)) or "none")
        top = stored.round.ballots_returned + (1 if world.rng.random() < 0.2 else 0)
        counts = {}
        for row in stored.rows:
            satisfied = world.rng.randint(0, top)
            fair = world.rng.randint(0, top - satisfied)
            counts[row.tally.name] = (satisfied, fair, world.rng.randint(0, top - satisfied - fair))
        store.evaluations.tally(stored.id, counts)


def ballot(world: World) -> None:
    """One ballot counted (refused once the ballots returned are all in)."""
    store = world.station.store
    with world._act("evaluation.ballot"):
        stored = store.evaluations.round(world._pick(_round_ids(world)) or "none")
        answers = {row.tally.name: world._pick([*ANSWERS, ""]) for row in stored.rows}
        if stored.rows and not any(answers.values()):
            answers[stored.rows[0].tally.name] = ANSWERS[0]
        store.evaluations.add_ballot(stored.id, answers)


def edit(world: World) -> None:
    """A round's details changed: more ballots came back, another date or title."""
    store = world.station.store
    with world._act("evaluation.edit"):
        stored = store.evaluations.round(world._pick(_round_ids(world)) or "none")
        r = stored.round
        store.evaluations.update(
            stored.id,
            Round(r.kind, r.day - dt.timedelta(days=1), r.villages, r.participants + 2,
                  r.ballots_issued + 1, r.ballots_returned + 1, r.period),
            title=f"{stored.title}（更正）"[:40],
            note="补录一张选票",
        )  # fmt: skip


def rows(world: World) -> None:
    """The ballot's list edited: a unit added, the first row dropped."""
    store = world.station.store
    with world._act("evaluation.rows"):
        stored = store.evaluations.round(world._pick(_round_ids(world)) or "none")
        kept = list(stored.rows[1:])
        kept.append(RatedRow(Tally(f"联系单位{world.rng.randint(1, 999)}", UNIT, role="职能部门")))
        store.evaluations.set_rows(stored.id, kept)


def delete(world: World, *, restore: bool) -> None:
    """A round deleted (tombstones), and perhaps brought back."""
    store = world.station.store
    with world._act("evaluation.delete"):
        round_id = world._pick(_round_ids(world)) or "none"
        store.evaluations.delete(round_id)
        if restore:
            store.evaluations.restore(round_id)


def survey(world: World, what: str) -> None:
    """The township's survey of a cadre's served households: started, answered, deleted."""
    store = world.township.store
    with world._act(f"survey.{what}"):
        if what == "start":
            served = [
                c.id
                for c in store.register.cadres()
                if c.id and store.surveys.served_households(c.id)
            ]
            store.surveys.start(world._pick(served) or "none", "拟提拔考察", world.now().date())
            return
        found = store.surveys.surveys()
        chosen = world._pick(found)
        if chosen is None:
            store.surveys.delete("none")  # refused: nothing to work on
        elif what == "answer":
            answer = world._pick(chosen.answers)
            store.surveys.record(
                chosen.id,
                world._pick([answer.id, answer.household.number]),
                world._pick([*ANSWERS, ""]),
                note=world._pick(["", "电话征求"]),
                day=world.now().date(),
            )
        else:
            store.surveys.delete(chosen.id)
