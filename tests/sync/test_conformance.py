"""The sync conformance harness in the test run (tests/sync/conformance.py).

One walk drives every action once and fails when a function marked ``@write_path`` is not
driven (add it to the harness, or to ``EXEMPT`` with the reason); then hypothesis plays
actions in random orders with syncs in between. The long run: bench/soak_sync_conformance.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from qunzhong_desktop.core.intake.states import Role
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from tests.helpers.conformance import EXEMPT, World, driven_since, import_everything, walk_all

_TEMPLATE: list[Path] = []


def test_every_write_path_is_driven_and_every_table_syncs(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    import_everything()
    before = dict(write_paths.REGISTRY)
    world = World(_template_dirs[0], tmp_path, seed=1)
    try:
        walk_all(world)
        with world.township.store.db.session() as s:  # the station's access log arrived
            logged = set(s.execute(select(m.AccessLog.operator, m.AccessLog.action)))
        assert {("李秀英", "export"), ("王站长", "show_full"), ("李秀英", "sign_in")} <= logged
        assert world.county is not None and world.figures.rounds  # the county took every round
        assert world.county.sync.county_board()[0].stations[0].code == world.station.code
    finally:
        world.close()
    missing = set(write_paths.REGISTRY) - driven_since(before) - set(EXEMPT)
    assert not missing, (
        f"write paths the sync harness does not drive: {sorted(missing)}",
        world.figures.refused,
    )
    assert not set(EXEMPT) - set(write_paths.REGISTRY), "EXEMPT names a path that is gone"
    assert world.figures.rows_compared > 0 and world.figures.changes_down > 0
    # the walk really wrote something on each action (a refusal is not a drive)
    refused = {name.split(":")[0] for name in world.figures.refused}
    assert not refused & {
        "roster.fresh",
        "household.form",
        "item.new",
        "item.correct",
        "item.responsibility",
        "diary",
        "demo",
        "agency",
        "county.escalate",
        "county.departments",
        "county.assign",
        "county.meeting",
        "county.result",
        "county.back",
        "county.follow_up",
        "county.reassign",
    }
    # the county's moves were made there, on what the township escalated (not skipped)
    done = ("assign", "back", "result", "follow_up", "reassign")
    assert all(world.figures.actions[f"county.{a}"] for a in done)


class SyncMachine(RuleBasedStateMachine):
    """Random orders of the actions, a sync now and then, the same rows after each."""

    def __init__(self) -> None:
        super().__init__()
        self.work = Path(tempfile.mkdtemp(prefix="conformance-"))
        self.world = World(_TEMPLATE[0], self.work, seed=0, county=False)
        self.edits = 0

    @rule(fmt=st.sampled_from(["xlsx", "xls", "ods"]),
          edit=st.sampled_from(["fresh", "same", "changed", "added", "removed"]))  # fmt: skip
    def roster(self, fmt: str, edit: str) -> None:
        self.world.roster_import(fmt, edit)
        self.edits += 1

    @rule(action=st.sampled_from([
        "household_form", "household_form", "stale_form", "delete_and_reenter", "save_batch",
        "grids_and_cadres", "pairing", "cards", "new_item", "new_item", "move_item", "diary",
        "assistance", "needs", "agency", "station_settings", "station_calendar", "correct_item",
        "delete_and_restore", "retire_and_delete", "operators", "responsibility", "voice",
    ]), seed=st.integers(0, 2**16))  # fmt: skip
    def station_acts(self, action: str, seed: int) -> None:
        self.world.rng.seed(seed)
        getattr(self.world, action)()
        self.edits += 1

    @rule(action=st.sampled_from(["township_moves", "township_config", "township_demo", "demo"]))
    def rarer(self, action: str) -> None:
        if action == "township_moves":
            self.world.move_item(Role.TOWNSHIP)
        else:
            getattr(self.world, action)()
        self.edits += 1

    @precondition(lambda self: self.edits > 0)
    @rule()
    def rekey(self) -> None:
        self.world.rekey()

    @precondition(lambda self: self.edits > 0)
    @rule()
    def sync(self) -> None:
        self.world.sync()
        self.edits = 0

    def teardown(self) -> None:
        try:
            self.world.sync()
        finally:
            self.world.close()


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@pytest.mark.slow
def test_random_orders_of_writes_sync_exactly(_template_dirs: tuple[Path, Path]) -> None:
    _TEMPLATE[:] = [_template_dirs[0]]
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=4,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
