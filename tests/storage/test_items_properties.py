"""Stateful property test of the item store: random registrations (some failing inside their
transaction), items marked 代办 or not, and random moves through SqlItems on a real SQLite file.

After every step the stored ``state`` is the target of the last stored event, ``due_on`` is
what the core computes from the stored history, and the numbers of each year run 1..N with
no gap or duplicate, the counter at N."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.agency import Agency
from qunzhong_desktop.core.intake.clock import due_date
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.rules import (
    DOMAIN_DAYS,
    ITEM_TYPES,
    MoveRefused,
    check_move,
    item_number,
)
from qunzhong_desktop.core.intake.states import Role, State, allowed_targets
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import items_repo
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems, to_event
from qunzhong_desktop.storage.store import Store
from tests.helpers.intake_strategies import data_values, draw_target, notes, valid_move_data
from tests.helpers.stations import STATION

FAILURES = ("query_code", "due", "after_flush")


def _failing(point: str) -> Any:
    """A patch that makes register_item fail at ``point`` inside its transaction."""
    boom = OSError("disk full")
    if point == "query_code":  # the counter is bumped, the item not yet added
        return patch.object(items_repo, "new_query_code", side_effect=boom)
    if point == "due":  # item and first event added, not flushed
        return patch.object(items_repo, "_due", side_effect=boom)
    # everything flushed to the file inside the open transaction, then the error
    return patch.object(SqlItems, "_detail", side_effect=boom)


def check_store(db: Database) -> int:
    """Assert the stored items agree with their histories and their numbers; return N."""
    with db.session() as s:
        calendar = load_calendar(s)
        items = list(s.scalars(select(m.IntakeItem)))
        per_year: dict[int, list[int]] = defaultdict(list)
        for item in items:
            rows = sorted(item.events, key=lambda e: e.position)
            assert [e.position for e in rows] == list(range(len(rows)))
            events = [to_event(e) for e in rows]
            assert item.state == events[-1].to_state.value
            assert events[0].from_state is None and events[0].to_state is State.REGISTERED
            for before, after in itertools.pairwise(events):
                assert after.from_state is before.to_state
            # the last assignment's deadline, the township's (交办) or the county's (县交办)
            assigned = [e for e in events if e.to_state in (State.ASSIGNED, State.COUNTY_ASSIGNED)]
            if assigned:
                expected = dt.date.fromisoformat(assigned[-1].data["deadline"])
            else:
                expected = due_date(
                    item.received_at.date(),
                    item.promised_days,
                    events,
                    calendar,
                    events[-1].at.date(),
                )
            assert item.due_on == expected, (item.number, [e.to_state for e in events])
            assert item.number == item_number(STATION["code"], item.year, item.sequence)
            per_year[item.year].append(item.sequence)
        for year, sequences in per_year.items():
            assert sorted(sequences) == list(range(1, len(sequences) + 1)), year
            counter = s.get(m.ItemCounter, year)
            assert counter is not None and counter.last == len(sequences)
        captured = s.scalar(
            select(func.count())
            .select_from(m.SyncChange)
            .where(m.SyncChange.table_name == "intake_item", m.SyncChange.op == "insert")
        )
        assert captured == len(items)
        return len(items)


@pytest.mark.slow
def test_random_registrations_and_moves_keep_the_store_consistent(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    runs = itertools.count()

    class ItemsMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            home = tmp_path / f"run{next(runs)}"
            home.mkdir()
            shutil.copy(database_path(_template_dirs[1]), database_path(home))
            self.store = Store(home=home, db=Database(database_path(home), user="测试员"))
            # a week before New Year, so the numbering of a second year starts on the way
            self.clock = dt.datetime(2025, 12, 24, 9, 0)
            self.numbers: list[str] = []
            self.failures = 0

        def teardown(self) -> None:
            self.store.close()

        def _tick(self, minutes: int) -> dt.datetime:
            self.clock += dt.timedelta(minutes=minutes)
            return self.clock

        @rule(
            item_type=st.sampled_from(ITEM_TYPES),
            domain=st.sampled_from(sorted(DOMAIN_DAYS)),
            result=st.sampled_from(["", "当场答复"]),
            minutes=st.integers(0, 3 * 24 * 60),
        )
        def register(self, item_type: str, domain: str, result: str, minutes: int) -> None:
            new = NewItem("来访", domain, "B", item_type, "反映路灯损坏", "王大爷", result=result)
            before = check_store(self.store.db)
            try:
                detail = self.store.items.register_item(
                    new, actor="李秀英", now=self._tick(minutes)
                )
            except MoveRefused:
                assert item_type == "即办件" and not result
                assert check_store(self.store.db) == before
                return
            self.numbers.append(detail.number)
            assert detail.number.endswith(f"{len(self._numbers_of(detail.number)):05d}")

        def _numbers_of(self, number: str) -> list[str]:
            year = number.split("-")[1]
            return [n for n in self.numbers if n.split("-")[1] == year]

        @rule(point=st.sampled_from(FAILURES), minutes=st.integers(0, 600))
        def register_failing(self, point: str, minutes: int) -> None:
            before = check_store(self.store.db)
            new = NewItem("来电", "其他", "C", "承诺件", "咨询", "张三")
            with _failing(point), pytest.raises(OSError):
                self.store.items.register_item(new, actor="x", now=self._tick(minutes))
            self.failures += 1
            assert check_store(self.store.db) == before

        @rule(
            pick=st.integers(0, 10**6),
            to=st.sampled_from(State),
            role=st.sampled_from(Role),
            note=notes,
            data=data_values,
            minutes=st.integers(0, 2 * 24 * 60),
        )
        def any_move(
            self, pick: int, to: State, role: Role, note: str, data: dict[str, Any], minutes: int
        ) -> None:
            if self.numbers:
                self._move(self.numbers[pick % len(self.numbers)], to, role, note, data, minutes)

        @rule(pick=st.integers(0, 10**6), mode=st.sampled_from(["定点代办", "上门代办", ""]))
        def agency(self, pick: int, mode: str) -> None:
            """代办 marked (or cleared): its items are told and collect before the follow-up."""
            if not self.numbers:
                return
            number = self.numbers[pick % len(self.numbers)]
            agency = Agency(mode=mode, agent="张华")
            try:
                if mode:
                    self.store.agency.set_agency(number, agency, now=self.clock)
                else:
                    self.store.agency.clear_agency(number)
            except ValidationError as exc:  # the item ended, or the resident was told
                assert exc.code in ("agency.ended", "agency.collecting"), exc.code

        @rule(pick=st.integers(0, 10**6), rng=st.data(), minutes=st.integers(0, 5 * 24 * 60))
        def allowed_move(self, pick: int, rng: st.DataObject, minutes: int) -> None:
            if not self.numbers:
                return
            number = self.numbers[pick % len(self.numbers)]
            state = self.store.items.item(number).state
            role = rng.draw(st.sampled_from(Role))
            allowed = allowed_targets(state, role)
            if allowed:
                to = draw_target(rng, allowed)
                note, data = valid_move_data(rng, to, self.clock.date().isoformat())
                self._move(number, to, role, note, data, minutes)

        def _move(
            self, number: str, to: State, role: Role, note: str, data: dict[str, Any], minutes: int
        ) -> None:
            history = self.store.items.item(number).events
            now, mode = self._tick(minutes), self.store.agency.of(number).agency.mode
            try:
                check_move(history, to, role=role, note=note, data=data, agency=mode, at=now)
                expected: str | None = None
            except MoveRefused as exc:
                expected = exc.code
            try:
                detail = self.store.items.move(
                    number, to, actor="x", role=role, note=note, data=data, now=now
                )
            except MoveRefused as exc:
                assert exc.code == expected
                assert self.store.items.item(number).events == history
                return
            assert expected is None
            assert detail.state is to and len(detail.events) == len(history) + 1

        @invariant()
        def store_is_consistent(self) -> None:
            assert check_store(self.store.db) == len(self.numbers)

    run_state_machine_as_test(
        ItemsMachine,
        settings=settings(
            # make test's share of its 4 minutes on 2 cores (30 before issue 15, 20 before 16, 15 before 17)
            max_examples=10,
            stateful_step_count=50,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
