"""A demo station's data travels with zero conflicts; the township's demo steps come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.cli import main
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncConflict
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.network import Node


def _states(node: Node) -> dict[str, str]:
    with node.store.db.session() as s:
        return dict(s.execute(select(m.IntakeItem.number, m.IntakeItem.state)).all())


def _conflicts(node: Node) -> int:
    with node.store.db.session() as s:
        return len(s.scalars(select(SyncConflict)).all())


def test_demo_station_and_township_demo_round_trip(
    net: tuple[Node, Node, Node], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, one, _ = net
    assert main(["demo", "--home", str(one.home), "--households", "40", "--items", "60"]) == 0
    station_states = _states(one)
    assert "escalated" in station_states.values()
    assert not {"awaiting_assignment", "assigned"} & set(station_states.values())
    with one.store.db.session() as s:  # the station wrote none of the township's steps
        roles = set(s.scalars(select(m.ItemEvent.actor_role)))
    assert roles == {"station"}

    report = township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    assert (report.status, report.flagged) == (APPLIED, 0), report.message
    assert _states(township) == station_states and _conflicts(township) == 0

    capsys.readouterr()
    assert main(["demo", "--home", str(township.home), "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "件上报事项生成乡镇办理记录" in out
    moved = {n: s for n, s in _states(township).items() if s != station_states[n]}
    assert {"assigned", "resolved"} <= set(moved.values()), moved
    with township.store.db.session() as s:
        for event in s.scalars(select(m.ItemEvent).where(m.ItemEvent.actor_role == "township")):
            assert event.at <= event.at.now()

    dispatch = township.export(tmp_path / "down", station_code=one.code)[0]
    back = one.sync.import_bundle(dispatch, one.keys)
    assert (back.status, back.flagged) == (APPLIED, 0), back.message
    assert _states(one) == _states(township) and _conflicts(one) == 0


def test_township_demo_refuses_station_options_and_says_when_nothing_waits(
    net: tuple[Node, Node, Node], capsys: pytest.CaptureFixture[str]
) -> None:
    township, _, _ = net
    assert main(["demo", "--home", str(township.home), "--households", "5"]) == 1
    assert "乡镇不生成户籍" in capsys.readouterr().err
    assert main(["demo", "--home", str(township.home)]) == 0
    assert "没有待乡镇办理的上报事项" in capsys.readouterr().out
