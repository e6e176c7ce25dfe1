"""The sync conformance harness's actions on issue 18's 民情 meetings and 民情信息.

:func:`steps` gives the actions in the order the harness's walk runs them; each writes
through the program's own write paths on the station (meetings and information are the
station's; the township changes none), and the harness then checks both sides hold the
same rows. Each action finds what it works on or does nothing, so the random state machine
may sample them in any order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from qunzhong_desktop.core.mass_info import TOPICS, TYPES, Info
from qunzhong_desktop.core.meetings import ANALYSIS, TALK, Meeting, Topic

if TYPE_CHECKING:
    from tests.helpers.conformance import World


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order."""
    return [
        lambda: _add_meeting(world, TALK), lambda: _edit_meeting(world),
        lambda: _problem_to_item(world), lambda: _delete_meeting(world),
        lambda: _add_info(world), lambda: _add_info(world), lambda: _add_info(world),
        lambda: _edit_info(world), lambda: _delete_info(world), lambda: _info_to_item(world),
        lambda: _group(world), lambda: _ungroup(world), lambda: _group(world),
        lambda: _answer(world), lambda: _add_meeting(world, ANALYSIS), lambda: _link(world),
    ]  # fmt: skip


def _add_meeting(world: World, kind: str) -> None:
    store = world.station.store
    n = world._next()
    topics = (
        tuple(Topic(text=f"群众反映问题 {n}-{k}", raised_by=f"第{k}村民小组") for k in (1, 2, 3))
        if kind == TALK
        else ()
    )
    with world._act("meeting.add"):
        store.meetings.add(
            Meeting(kind=kind, held_on=world.now().date(), place="村部", host="刘书记",
                    attendance=10 + n % 30, attendees="各组代表", summary=f"会议 {n}",
                    topics=topics),
        )  # fmt: skip


def _talks(world: World) -> list[Meeting]:
    return world.station.store.meetings.meetings(kind=TALK)


def _edit_meeting(world: World) -> None:
    meeting = world._pick(_talks(world))
    if meeting is None:
        return
    with world._act("meeting.edit"):
        kept = [t for t in meeting.topics if t.item_id] + [
            dataclasses.replace(t, owner="张主任") for t in meeting.topics if not t.item_id
        ][1:]  # the first open problem is removed
        world.station.store.meetings.edit(
            dataclasses.replace(
                meeting, decisions=f"决定 {world._next()}",
                topics=(*kept, Topic(text=f"补记问题 {world._next()}", raised_by="王大伯")),
            )
        )  # fmt: skip


def _problem_to_item(world: World) -> None:
    open_ = [(m, t) for m in _talks(world) for t in m.topics if not t.item_id]
    picked = world._pick(open_)
    if picked is None:
        return
    meeting, topic = picked
    with world._act("meeting.item"):
        world.station.store.meetings.problem_to_item(
            meeting.id or "", topic.id or "", domain="基础设施", grade="B", actor="刘书记",
            now=world.now(),
        )  # fmt: skip


def _delete_meeting(world: World) -> None:
    meeting = world._pick(_talks(world))
    if meeting is None:
        return
    with world._act("meeting.delete"):
        world.station.store.meetings.delete(meeting.id or "")
        world.station.store.meetings.restore(meeting.id or "")  # Ctrl+Z


def _link(world: World) -> None:
    repo = world.station.store.meetings
    analysis = world._pick(repo.meetings(kind=ANALYSIS))
    if analysis is None:
        return
    numbers = [t.item_number for m in _talks(world) for t in m.topics if t.item_number]
    infos = world.station.store.mass_info.infos()
    with world._act("meeting.link"):
        if numbers:
            repo.link(analysis.id or "", item_number=world._pick(numbers), owner="张主任")
        if infos:
            repo.link(analysis.id or "", info_id=world._pick(infos).id or "", text="分析")


def _add_info(world: World) -> None:
    n = world._next()
    households = world._household_ids()
    named = tuple(world.rng.sample(households, k=min(2, len(households))))
    with world._act("info.add"):
        world.station.store.mass_info.add(
            Info(received_on=world.now().date(), source=world.rng.choice(("网格员", "来电")),
                 topic=world.rng.choice(TOPICS[:2]), info_type=world.rng.choice(TYPES),
                 text=f"民情信息 {n}", reporter="网格员老陈", household_ids=named),
        )  # fmt: skip


def _edit_info(world: World) -> None:
    info = world._pick(world.station.store.mass_info.infos())
    if info is None:
        return
    with world._act("info.edit"):
        world.station.store.mass_info.edit(
            dataclasses.replace(info, text=f"{info.text}；补充 {world._next()}", households=5)
        )


def _delete_info(world: World) -> None:
    info = world._pick(world.station.store.mass_info.infos())
    if info is None:
        return
    with world._act("info.delete"):
        world.station.store.mass_info.delete(info.id or "")
        world.station.store.mass_info.restore(info.id or "")  # Ctrl+Z


def _info_to_item(world: World) -> None:
    info = world._pick([i for i in world.station.store.mass_info.infos() if not i.item_id])
    if info is None:
        return
    with world._act("info.item"):
        world.station.store.mass_info.to_item(
            info.id or "", domain="社会保障", grade="B", actor="刘书记", now=world.now()
        )


def _group(world: World) -> None:
    free = world.station.store.mass_info.infos(grouped=False)
    by_topic = {t: [i.id or "" for i in free if i.topic == t] for t in TOPICS}
    alike = world._pick([ids for ids in by_topic.values() if len(ids) >= 2])
    if alike is None:
        return
    with world._act("info.group"):
        world.station.store.mass_info.group(alike, f"共性问题 {world._next()}")


def _ungroup(world: World) -> None:
    grouped = world.station.store.mass_info.infos(grouped=True)
    info = world._pick(grouped)
    if info is None:
        return
    with world._act("info.ungroup"):
        world.station.store.mass_info.ungroup(info.id or "")


def _answer(world: World) -> None:
    repo = world.station.store.mass_info
    group = world._pick(repo.groups())
    if group is None:
        return
    # not before the group's newest information (the demo's may be dated today)
    day = max([world.now().date(), *(repo.info(i).received_on for i in group.members)])
    with world._act("info.answer"):
        repo.answer_group(group.id or "", f"统一答复 {world._next()}", day, "刘书记")
        repo.follow_up_group(group.id or "", "回访满意", day)
