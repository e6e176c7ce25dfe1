"""Demo intake items: requests from the generated households with plausible histories.

Pure and reproducible like :mod:`.demo`: one :class:`random.Random` seeded by the caller. Each
item follows a *story* (a path through the five steps) that ends in one of the states, so a
demo store has items in every state — waiting for documents, escalated, reopened after a
不满意 follow-up, rejected, withdrawn, closed — and about a quarter of the open items are
past their promised date relative to ``today``. Every history passes
:func:`.intake.check_move`; the stored ``due_on`` is what the repository would compute.

Some stories are 代办 (:mod:`.intake.agency`): the station acts for the resident, who is
told to collect (通知领取) and collects (已领取) before the follow-up; those items carry the
agency fields and their records (收件, 进展, 还件).

A station owns only its own steps (SYNC.md, "ownership"), so by default a story stops where
the township's part begins: escalated items wait at 已上报 until the township works on them
(:mod:`.demo_township`, a ``demo`` run at the township). ``township_steps=True`` keeps the
whole story, for one store that stands for both tiers (benchmarks of reports and ledgers).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field

from qunzhong_desktop.core.intake.agency import AGENCY_MODES, AUTH_KINDS, Agency, AgencyEntry
from qunzhong_desktop.core.intake.clock import Calendar, assignment_deadline, due_date
from qunzhong_desktop.core.intake.rules import (
    DOMAIN_DAYS,
    INITIAL_MOVE,
    Event,
    check_move,
    promised_days,
)
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, MOVES, Role, State
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.demo.texts import (
    AGENCY_OFFICES,
    AGENCY_PAPERS,
    ASSIGNED_UNITS,
    COLLECTORS,
    CONTENTS,
    DOCUMENTS,
    OUTSIDERS,
    REJECT_REASONS,
    RESULTS,
    TOWNSHIP_STAFF,
    WITHDRAW_REASONS,
)
from qunzhong_desktop.demo.village import DemoData

DEFAULT_ITEMS = 200
DEFAULT_SPAN_DAYS = 120
OVERDUE_SHARE = 0.25
_QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_ONE_DAY = dt.timedelta(days=1)
_S = State

# (item type, the moves after 受理登记, weight). For 即办件, 补办件 and 上报件 the first move is
# the intake's own (INITIAL_MOVE), made at the same moment. A follow-up followed by 办理中 is
# the 不满意 one that reopened the item.
STORIES: tuple[tuple[str, tuple[State, ...], int], ...] = (
    ("承诺件", (), 8),
    ("承诺件", (_S.IN_PROGRESS,), 14),
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED), 8),
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED, _S.FOLLOWED_UP), 6),
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED, _S.FOLLOWED_UP, _S.CLOSED), 20),
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED, _S.FOLLOWED_UP, _S.IN_PROGRESS), 2),
    (
        "承诺件",
        (
            _S.IN_PROGRESS,
            _S.RESOLVED,
            _S.FOLLOWED_UP,
            _S.IN_PROGRESS,
            _S.RESOLVED,
            _S.FOLLOWED_UP,
            _S.CLOSED,
        ),
        2,
    ),
    ("承诺件", (_S.IN_PROGRESS, _S.AWAITING_DOCUMENTS), 2),
    ("承诺件", (_S.IN_PROGRESS, _S.ESCALATED, _S.AWAITING_ASSIGNMENT), 2),
    ("承诺件", (_S.REJECTED,), 2),
    ("承诺件", (_S.IN_PROGRESS, _S.WITHDRAWN), 2),
    ("即办件", (_S.RESOLVED,), 3),
    ("即办件", (_S.RESOLVED, _S.FOLLOWED_UP, _S.CLOSED), 12),
    ("补办件", (_S.AWAITING_DOCUMENTS,), 4),
    ("补办件", (_S.AWAITING_DOCUMENTS, _S.IN_PROGRESS), 3),
    (
        "补办件",
        (_S.AWAITING_DOCUMENTS, _S.IN_PROGRESS, _S.RESOLVED, _S.FOLLOWED_UP, _S.CLOSED),
        4,
    ),
    ("补办件", (_S.AWAITING_DOCUMENTS, _S.WITHDRAWN), 1),
    ("上报件", (_S.ESCALATED,), 3),
    ("上报件", (_S.ESCALATED, _S.AWAITING_ASSIGNMENT), 2),
    ("上报件", (_S.ESCALATED, _S.AWAITING_ASSIGNMENT, _S.ASSIGNED), 3),
    ("上报件", (_S.ESCALATED, _S.ASSIGNED), 2),
    ("上报件", (_S.ESCALATED, _S.AWAITING_ASSIGNMENT, _S.ASSIGNED, _S.RESOLVED), 2),
    (
        "上报件",
        (_S.ESCALATED, _S.AWAITING_ASSIGNMENT, _S.ASSIGNED, _S.RESOLVED, _S.FOLLOWED_UP, _S.CLOSED),
        4,
    ),
    ("上报件", (_S.ESCALATED, _S.REJECTED), 1),
    # 代办: told to collect, collected, then followed up and closed
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED, _S.NOTIFIED), 2),
    ("承诺件", (_S.IN_PROGRESS, _S.RESOLVED, _S.NOTIFIED, _S.COLLECTED), 1),
    (
        "承诺件",
        (_S.IN_PROGRESS, _S.RESOLVED, _S.NOTIFIED, _S.COLLECTED, _S.FOLLOWED_UP, _S.CLOSED),
        2,
    ),
)
_COLLECTION = frozenset({State.NOTIFIED, State.COLLECTED})

_CHANNELS: tuple[tuple[str, int], ...] = (
    ("来访", 40), ("来电", 20), ("走访", 15), ("网络", 8), ("来信", 4), ("民情恳谈会", 6),
    ("上级交办", 7),
)  # fmt: skip
_DOMAINS: tuple[tuple[str, int], ...] = (
    ("政策咨询", 14), ("社会保障", 16), ("医疗卫生", 8), ("劳动就业", 6), ("教育", 5),
    ("土地山林宅基地", 9), ("矛盾纠纷", 10), ("基础设施", 10), ("环境卫生", 8), ("证照代办", 7),
    ("治安安全", 3), ("农业生产", 6), ("其他", 2),
)  # fmt: skip
# how many working days a step usually takes after the previous one
STEP_GAPS: dict[State, tuple[int, int]] = {
    State.IN_PROGRESS: (0, 1),
    State.AWAITING_DOCUMENTS: (0, 2),
    State.ESCALATED: (0, 2),
    State.AWAITING_ASSIGNMENT: (0, 1),
    State.ASSIGNED: (0, 3),
    State.RESOLVED: (1, 6),
    State.NOTIFIED: (0, 2),
    State.COLLECTED: (0, 4),
    State.FOLLOWED_UP: (1, 5),
    State.CLOSED: (0, 3),
    State.REJECTED: (0, 1),
    State.WITHDRAWN: (1, 5),
}


@dataclass(slots=True)
class DemoItem:
    """A generated intake item.

    ``requester`` indexes ``DemoData.households`` (household, member), or is None for an
    outsider known only by name and phone.
    """

    received_at: dt.datetime
    channel: str
    domain: str
    grade: str
    item_type: str
    content: str
    requester: tuple[int, int] | None
    requester_name: str
    requester_phone: str
    handler: str
    promised_days: int
    query_code: str
    events: list[Event] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    due_on: dt.date | None = None
    agency: Agency = field(default_factory=Agency)  # 代办 ("" mode: not)
    agency_entries: list[AgencyEntry] = field(default_factory=list)

    @property
    def state(self) -> State:
        """The target of the last event."""
        return self.events[-1].to_state


def demo_due(item: DemoItem, calendar: Calendar) -> dt.date:
    """The promised date as the repository keeps it, as of the item's last event.

    The township's deadline wins once the item is assigned; otherwise N working days after
    intake plus the working days spent waiting for documents.
    """
    assigned = assignment_deadline(item.events)
    if assigned is not None:
        return assigned
    last = item.events[-1].at.date()
    return due_date(item.received_at.date(), item.promised_days, item.events, calendar, last)


def is_overdue(item: DemoItem, today: dt.date) -> bool:
    """Whether the clock runs and the promised date has passed."""
    return item.state in CLOCK_RUNNING and item.due_on is not None and item.due_on < today


def generate_items(
    data: DemoData,
    *,
    count: int = DEFAULT_ITEMS,
    seed: int = 1,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    operator: str = "",
    span_days: int = DEFAULT_SPAN_DAYS,
    township_steps: bool = False,
) -> list[DemoItem]:
    """Generate intake items, oldest first.

    Args:
        data: the generated village; requesters are drawn from its adults.
        count: how many items; with len(STORIES) (27) or more, every story (and so every state) occurs.
        seed: the seed of the generator.
        today: the reference date; no event lies after it (default: today).
        calendar: the working-day calendar of the store (default: bundled schedules only).
        operator: the station's clerk, one of the handlers.
        span_days: about how far back closed items reach.
        township_steps: keep the township's steps (assignment, result) in the stories.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    rng = random.Random(seed)
    today = today or dt.date.today()
    span = max(5, span_days * 5 // 7)
    cal = _Days(calendar or WorkCalendar(), today, span)
    handlers = [operator] if operator else []
    handlers += [c.name for c in data.cadres if c.unit == "村两委"] or [c.name for c in data.cadres]
    handlers = handlers or ["值班员"]
    adults = _adults(data, today)
    weights = [w for _, _, w in STORIES]
    stories = list(STORIES[:count]) + rng.choices(STORIES, weights, k=max(0, count - len(STORIES)))
    if not township_steps:
        stories = [station_part(story) for story in stories]
    items = [
        _item(rng, cal, today, story, adults=adults, handlers=handlers, span=span)
        for story in stories
    ]
    items.sort(key=lambda i: i.received_at)
    return items


def station_part(
    story: tuple[str, tuple[State, ...], int],
) -> tuple[str, tuple[State, ...], int]:
    """A story up to the first move only the township may make."""
    item_type, moves, weight = story
    state = State.REGISTERED
    for index, target in enumerate(moves):
        if Role.STATION not in MOVES[(state, target)]:
            return item_type, moves[:index], weight
        state = target
    return story


def _adults(data: DemoData, today: dt.date) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    for h_index, item in enumerate(data.households):
        household = item.household
        for p_index, person in enumerate(household.members):
            birth = person.birth_date
            if birth is not None and (today - birth).days >= 18 * 366:
                phone = person.phone or household.phone
                found.append((h_index, p_index, person.name, phone))
    return found


def _item(
    rng: random.Random,
    cal: _Days,
    today: dt.date,
    story: tuple[str, tuple[State, ...], int],
    *,
    adults: list[tuple[int, int, str, str]],
    handlers: list[str],
    span: int,
) -> DemoItem:
    item_type, moves, _ = story
    domain = _weighted(rng, _DOMAINS)
    if _COLLECTION & set(moves):
        domain = "证照代办"
    if adults and rng.random() < 0.93:
        h_index, p_index, name, phone = rng.choice(adults)
        requester: tuple[int, int] | None = (h_index, p_index)
    else:
        requester, (name, phone) = None, rng.choice(OUTSIDERS)
    grade = "C" if domain == "政策咨询" and rng.random() < 0.8 else _grade(rng)
    promised = 0 if item_type == "即办件" else promised_days(DOMAIN_DAYS[domain], grade)
    channel = _weighted(rng, _CHANNELS)
    # working-day offsets of the moves after intake, then how old the item is today
    offsets: list[int] = []
    at = 0
    for index, target in enumerate(moves):
        if index == 0 and INITIAL_MOVE[item_type] is target:
            offsets.append(0)
            continue
        low, high = STEP_GAPS[target]
        at += rng.randint(low, high)
        offsets.append(at)
    final = moves[-1] if moves else State.REGISTERED
    overdue = final in CLOCK_RUNNING and rng.random() < OVERDUE_SHARE
    deadline_days = rng.randint(5, 15)
    age = _age(rng, final, last_offset=at, promised=promised, span=span, overdue=overdue)
    if State.ASSIGNED in moves and final in CLOCK_RUNNING:
        assigned_at = offsets[moves.index(State.ASSIGNED)]
        if overdue:
            age = max(age, assigned_at + deadline_days + rng.randint(1, 6))
        else:
            age = min(age, assigned_at + deadline_days - 1)
    received = cal.workdays_before(today, age)
    handler = rng.choice(handlers)
    item = DemoItem(
        received_at=office_moment(rng, received, today, None),
        channel=channel,
        domain=domain,
        grade=grade,
        item_type=item_type,
        content=rng.choice(CONTENTS[domain]),
        requester=requester,
        requester_name=name,
        requester_phone=phone,
        handler=handler,
        promised_days=promised,
        query_code="".join(rng.choice(_QUERY_ALPHABET) for _ in range(6)),
    )
    if _COLLECTION & set(moves):
        item.agency = Agency(
            mode=rng.choice(AGENCY_MODES), auth_on=received, auth_kind=rng.choice(AUTH_KINDS),
            agent=handler, office=rng.choice(AGENCY_OFFICES),
        )  # fmt: skip
        item.agency_entries.append(
            AgencyEntry("收件", received, rng.choice(AGENCY_PAPERS), handler)
        )
    _append(
        item,
        State.REGISTERED,
        Role.STATION,
        actor=handler,
        when=item.received_at,
        note="受理登记",
        data={},
    )
    for index, (target, offset) in enumerate(zip(moves, offsets, strict=True)):
        day = cal.add_workdays(received, offset)
        when = (
            item.received_at if offset == 0 else office_moment(rng, day, today, item.events[-1].at)
        )
        following = moves[index + 1] if index + 1 < len(moves) else None
        note, data = _note_and_data(
            rng, cal, item, target, when=when, following=following, deadline_days=deadline_days
        )
        roles = MOVES[(item.state, target)]
        role = Role.STATION if Role.STATION in roles else Role.TOWNSHIP
        actor = handler if role is Role.STATION else rng.choice(TOWNSHIP_STAFF)
        _append(item, target, role, actor=actor, when=when, note=note, data=data)
        if item.agency.active and target in (State.RESOLVED, State.COLLECTED):
            text = "已办结，通知群众领取" if target is State.RESOLVED else "原件已退还群众"
            kind = "进展" if target is State.RESOLVED else "还件"
            item.agency_entries.append(AgencyEntry(kind, when.date(), text, handler))
    item.due_on = demo_due(item, cal)
    return item


def _age(
    rng: random.Random, final: State, *, last_offset: int, promised: int, span: int, overdue: bool
) -> int:
    """Working days between intake and today."""
    if final not in CLOCK_RUNNING:
        return last_offset + rng.randint(0, max(0, span - last_offset))
    if overdue:
        return max(last_offset, promised) + rng.randint(1, 12)
    return rng.randint(last_offset, max(last_offset, promised - 1))


def _note_and_data(
    rng: random.Random,
    cal: _Days,
    item: DemoItem,
    target: State,
    *,
    when: dt.datetime,
    following: State | None,
    deadline_days: int,
) -> tuple[str, dict[str, object]]:
    state = item.state
    if target is State.RESOLVED:
        result = rng.choice(RESULTS[item.domain])
        return result, {"result": result}
    if target is State.FOLLOWED_UP:
        if following is State.IN_PROGRESS:  # the 不满意 that reopened it
            satisfaction = "不满意"
        elif following is State.CLOSED:  # only a satisfied item is closed
            satisfaction = rng.choices(("满意", "基本满意"), (80, 17))[0]
        else:
            satisfaction = rng.choices(("满意", "基本满意", "不满意"), (80, 17, 3))[0]
        way = rng.choices(("电话", "当面", "网络", "信函"), (60, 30, 8, 2))[0]
        remarks = {
            "满意": "群众表示满意",
            "基本满意": "群众基本认可",
            "不满意": "群众认为问题未解决",
        }
        return remarks[satisfaction], {"way": way, "satisfaction": satisfaction}
    if target is State.NOTIFIED:
        how = rng.choice(("电话", "电话", "短信", "微信"))
        return f"已{how}通知群众领取", {"notified_on": when.date().isoformat(), "how": how}
    if target is State.COLLECTED:
        by = rng.choice(COLLECTORS)
        return f"{by}已领取", {"collected_on": when.date().isoformat(), "by": by}
    if target is State.AWAITING_DOCUMENTS:
        return f"需补交：{rng.choice(DOCUMENTS)}", {}
    if target is State.IN_PROGRESS:
        if state is State.AWAITING_DOCUMENTS:
            return "材料已补齐，恢复办理", {}
        if state is State.FOLLOWED_UP:
            return "回访不满意，重新办理", {}
        return "已安排专人办理", {}
    if target is State.ESCALATED:
        return "超出村级办理权限，上报镇党委政府", {}
    if target is State.AWAITING_ASSIGNMENT:
        return "已接收，待研究交办", {}
    if target is State.ASSIGNED:
        deadline = cal.add_workdays(when.date(), deadline_days)
        unit = rng.choice(ASSIGNED_UNITS)
        return f"交{unit}办理", {"unit": unit, "deadline": deadline.isoformat()}
    if target is State.REJECTED:
        return rng.choice(REJECT_REASONS), {}
    if target is State.WITHDRAWN:
        return rng.choice(WITHDRAW_REASONS), {}
    if target is State.CLOSED:
        return "办结回访完毕，予以销号", {}
    return "", {}


def _append(
    item: DemoItem,
    target: State,
    role: Role,
    *,
    actor: str,
    when: dt.datetime,
    note: str,
    data: dict[str, object],
) -> None:
    # the generator's stories are meant to be valid; refuse loudly if one is not
    agency = item.agency.mode if role is Role.STATION else None
    check_move(item.events, target, role=role, note=note, data=data, agency=agency, at=when)
    previous = item.events[-1].to_state if item.events else None
    item.events.append(Event(when, actor, previous, target, note, data))
    item.roles.append(role)


def office_moment(
    rng: random.Random, day: dt.date, today: dt.date, after: dt.datetime | None
) -> dt.datetime:
    """A time of the office day (on ``today`` early, so not ahead of the user's clock)."""
    start, end = (8 * 60, 9 * 60) if day >= today else (8 * 60 + 30, 17 * 60 + 30)
    moment = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=rng.randint(start, end))
    if after is not None and moment <= after:
        moment = after + dt.timedelta(minutes=rng.randint(1, 20))
    return moment


class _Days:
    """The calendar over the demo's span as a table of running working-day counts.

    A generator of 100,000 items asks millions of questions; :class:`WorkCalendar` walks
    day by day for each.
    """

    def __init__(self, calendar: WorkCalendar, today: dt.date, span: int) -> None:
        self.calendar = calendar
        self.first = today - dt.timedelta(days=span * 2 + 60)
        self.last = today + dt.timedelta(days=400)
        # counts[i]: working days in (first, first + i days]
        self.counts = [0]
        day = self.first
        while day < self.last:
            day += _ONE_DAY
            self.counts.append(self.counts[-1] + calendar.is_workday(day))

    def _index(self, day: dt.date) -> int:
        return (day - self.first).days

    def _inside(self, *days: dt.date) -> bool:
        return all(self.first <= day <= self.last for day in days)

    def is_workday(self, day: dt.date) -> bool:
        return self.calendar.is_workday(day)

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        if days <= 0 or not self._inside(start):
            return self.calendar.add_workdays(start, days)
        wanted = self.counts[self._index(start)] + days
        index = bisect.bisect_left(self.counts, wanted)
        if index >= len(self.counts):
            return self.calendar.add_workdays(start, days)
        return self.first + dt.timedelta(days=index)

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        if end <= start or not self._inside(start, end):
            return self.calendar.workdays_between(start, end)
        return self.counts[self._index(end)] - self.counts[self._index(start)]

    def workdays_before(self, day: dt.date, days: int) -> dt.date:
        """The date ``days`` working days before ``day`` (``day`` itself when 0)."""
        index = self._index(day)
        # the working day d with ``days`` working days in [d, day)
        wanted = self.counts[index - 1] - days + 1 if 0 < index < len(self.counts) else 0
        if days > 0 and wanted > 0:
            return self.first + dt.timedelta(days=bisect.bisect_left(self.counts, wanted))
        left = days
        while left > 0:
            day -= _ONE_DAY
            if self.calendar.is_workday(day):
                left -= 1
        return day


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _grade(rng: random.Random) -> str:
    return rng.choices(("A", "B", "C"), (8, 70, 22))[0]
