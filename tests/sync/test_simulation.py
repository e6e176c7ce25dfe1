"""The simulation of SYNC.md's promises (tests/sync/simulation.py), small enough for CI.

The long run is ``bench/bench_sync_simulation.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.simulation import check, run

pytestmark = pytest.mark.slow


def test_eight_stations_and_unreliable_sticks(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    township, nodes, stats = run(_template_dirs[0], tmp_path, seed=7, stations=8, rounds=3)
    try:
        figures = check(township, nodes, stats)
        # the run exercised what it claims to (seeded, so these are stable)
        assert stats.lost and stats.duplicated and stats.delayed and stats.already
        assert stats.township_moves and figures["rows"] > 200
        # crossing moves (a station withdrawing what the township assigned) were logged
        assert stats.crossing and figures["conflicts"] >= stats.crossing
    finally:
        for node in (township, *nodes):
            node.close()
