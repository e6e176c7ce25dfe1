from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.cli import main
from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_repo import SqlRegister

INIT = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip
DEMO = ["demo", "--households", "50", "--seed", "1"]


def _snapshot(home: Path) -> dict[str, object]:
    db = Database(database_path(home))
    try:
        register = SqlRegister(db)
        ids = register.search_households()
        with db.session() as s:
            outbox = dict(
                s.execute(
                    select(m.SyncChange.table_name, func.count()).group_by(m.SyncChange.table_name)
                ).all()
            )
            persons = list(s.scalars(select(m.Person)))
            households = list(s.scalars(select(m.Household)))
            return {
                "households": len(ids),
                "numbers": sorted(h.number for h in households),
                "grids": [g.name for g in register.grids()],
                "cadres": register.cadres(),
                "paired": sum(1 for h in households if h.cadre_id),
                "grid_less": sum(1 for h in households if not h.grid_id),
                "persons": len(persons),
                "ids": [p.id_number for p in persons if p.id_number],
                "names": sorted(p.name for p in persons),
                "outbox": outbox,
            }
    finally:
        db.close()


def test_demo_fills_a_station(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--home", str(tmp_path)]) == 0
    assert "50 户" in capsys.readouterr().out
    snap = _snapshot(tmp_path)
    assert snap["households"] == 50
    assert snap["numbers"] == [f"{i:04d}" for i in range(1, 51)]
    assert snap["grids"] == ["一组", "二组"]
    assert 8 <= len(snap["cadres"]) <= 12  # type: ignore[arg-type]
    assert snap["paired"] >= 24 and snap["grid_less"] == 0  # type: ignore[operator]
    ids = snap["ids"]
    assert all(citizen_id.is_valid(i) for i in ids)  # type: ignore[attr-defined]
    assert all(i.startswith("430121") for i in ids)  # type: ignore[attr-defined]
    outbox = snap["outbox"]
    assert outbox["household"] == 50  # type: ignore[index]
    assert outbox["person"] == snap["persons"]  # type: ignore[index]
    assert outbox["grid"] == 2  # type: ignore[index]
    assert outbox["cadre"] == len(snap["cadres"])  # type: ignore[index, arg-type]


def test_same_seed_gives_the_same_village(tmp_path: Path) -> None:
    for home in (tmp_path / "a", tmp_path / "b"):
        assert main([*INIT, "--home", str(home)]) == 0
        assert main([*DEMO, "--home", str(home)]) == 0
    a, b = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert a["names"] == b["names"] and a["ids"] == b["ids"]


def test_demo_twice_appends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--home", str(tmp_path)]) == 0
    assert "从 51 开始" in capsys.readouterr().out
    snap = _snapshot(tmp_path)
    assert snap["households"] == 100
    assert snap["numbers"] == [f"{i:04d}" for i in range(1, 101)]
    assert snap["grids"] == ["一组", "二组"]
    ids = snap["ids"]
    assert len(set(ids)) == len(ids)  # type: ignore[arg-type]


def test_demo_before_setup_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*DEMO, "--home", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "还没有设置工作站" in err and "init station" in err


def test_demo_refuses_a_silly_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main(["demo", "--households", "0", "--home", str(tmp_path)]) == 1
    assert "户数" in capsys.readouterr().err


def test_demo_creates_items_in_every_station_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--items", "60", "--home", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "受理事项 60 件" in out and "已超期" in out
    db = Database(database_path(tmp_path))
    try:
        with db.session() as s:
            states = set(s.scalars(select(m.IntakeItem.state)))
            numbered = s.execute(select(m.IntakeItem.year, m.IntakeItem.sequence)).all()
            linked = s.scalar(
                select(func.count()).where(m.IntakeItem.requester_person_id.is_not(None))
            )
            # the demo diaries' findings add items of their own (channel 走访, linked)
            plain = select(m.IntakeItem.id).where(m.IntakeItem.diary_entry_id.is_(None))
            outbox = s.scalar(
                select(func.count()).where(
                    m.SyncChange.table_name == "intake_item",
                    m.SyncChange.op == "insert",  # later updates: the demo's 信访 marks
                    m.SyncChange.row_id.in_(plain),
                )
            )
    finally:
        db.close()
    # the township's and the county's states come only from them (a dispatch brings them)
    upper = {State.AWAITING_ASSIGNMENT, State.ASSIGNED, State.ESCALATED_COUNTY}
    upper |= {State.COUNTY_ASSIGNED}
    assert states == {state.value for state in State} - {state.value for state in upper}
    for year in {y for y, _ in numbered}:
        sequences = sorted(q for y, q in numbered if y == year)
        assert sequences == list(range(1, len(sequences) + 1))
    assert linked and outbox == 60
    assert main(["demo", "--items", "-1", "--home", str(tmp_path)]) == 1
    assert "受理事项件数" in capsys.readouterr().err


def test_demo_makes_assistance_cases_in_every_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from qunzhong_desktop.core.assistance_case import NeedState
    from qunzhong_desktop.storage.assistance_figures import SqlAssistanceFigures

    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--home", str(tmp_path)]) == 0
    assert "帮扶记录" in capsys.readouterr().out
    db = Database(database_path(tmp_path))
    try:
        with db.session() as s:
            states = set(s.scalars(select(m.AssistanceNeed.state)))
            steps = s.scalar(select(func.count()).select_from(m.AssistanceStep))
            kinds = set(s.scalars(select(m.Assistance.kind)))
            loose = s.scalar(
                select(func.count()).where(m.Assistance.need_id.is_(None))
            )  # every record answers a need: nothing left for the upgrade to adopt
        assert states == {state.value for state in NeedState}
        assert steps and loose == 0 and len(kinds) >= 3
        today = dt.date.today()
        figures = SqlAssistanceFigures(db).figures(dt.date(today.year, 1, 1), today, today=today)
        assert figures.poor and figures.poor[0].received_fen < 200_000
    finally:
        db.close()


def test_demo_voice_records_follow_the_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18's demo: a round, meetings, information; petitions marked repeat only where
    the program itself would suggest a repeat."""
    import datetime as dt

    from qunzhong_desktop.core.petitions import REPEAT
    from qunzhong_desktop.storage.store import open_store

    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*DEMO, "--items", "300", "--home", str(tmp_path)]) == 0
    assert "民意测评 1 次" in capsys.readouterr().out
    store = open_store(tmp_path)
    try:
        today = dt.date.today()
        rows = store.petitions.petitions(today - dt.timedelta(days=800), today)
        assert rows
        for row in rows:
            suggested = bool(store.petitions.repeats(row.number))
            assert (row.mark.level == REPEAT) == suggested, row.number
        assert store.meetings.meetings() and store.mass_info.groups()
    finally:
        store.close()
