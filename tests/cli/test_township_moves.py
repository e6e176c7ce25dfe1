"""``qunzhong items move`` at a township office makes the township's moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import open_store
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import make_station, make_township


def test_assign_with_working_days_and_record_the_result(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township = make_township(_template_dirs[0], tmp_path / "t")
    station = make_station(_template_dirs[0], tmp_path / "s", township, 1)
    number = register(station.store, FRIDAY, item_type="上报件", content="桥梁塌陷")
    township.sync.import_bundle(station.export(tmp_path / "usb")[0], township.keys)
    home = str(township.home)
    for node in (township, station):
        node.close()

    assert (
        main(
            ["--home", home, "items", "move", number, "已交办", "--unit", "城建办", "--days", "10"]
        )
        == 0
    )
    assert main(["--home", home, "items", "move", number, "已办结", "--result", "已修复"]) == 0
    out = capsys.readouterr().out
    assert f"{number}：已上报 → 已交办" in out and "已交办 → 已办结" in out

    store = open_store(Path(home))
    try:
        detail = store.items.item(number)
        assigned = next(e for e in detail.events if e.to_state is State.ASSIGNED)
        assert assigned.data["unit"] == "城建办"
        due = dt.date.fromisoformat(assigned.data["deadline"])
        assert due == store.items.deadline_after(10, dt.date.today())
        assert assigned.actor == "白沙镇群众工作办"
        assert detail.state is State.RESOLVED
    finally:
        store.close()
    # a station's move is refused at the township, with the moves it may make
    assert main(["--home", home, "items", "move", number, "已回访", "--satisfaction", "满意"]) == 1
    assert "由工作站办理" in capsys.readouterr().err
