"""The 民情与信访 figures read from a store (storage/voice_figures.py): a station's, and the
township's over the rows its stations' bundles brought (tests/helpers/voice_data.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.voice_figures import SqlVoiceFigures
from tests.helpers import voice_data
from tests.helpers.voice_data import NOV_FIRST, NOV_LAST, TODAY, VoiceTownship

ONE, TWO = "430121101201", "430121101202"


@pytest.fixture(scope="module")
def world(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[VoiceTownship]:
    built = voice_data.build(_template_dirs[0], tmp_path_factory.mktemp("voice"))
    yield built
    built.close()


def test_a_station_counts_its_own_month(world: VoiceTownship) -> None:
    f = SqlVoiceFigures(world.one.store.db).figures(NOV_FIRST, NOV_LAST, today=TODAY)
    c = f.counts
    assert (c["talks"], c["analyses"], c["problems"], c["problems_to_items"]) == (1, 1, 3, 2)
    assert (c["info"], c["suggestions"], c["signals"], c["common"]) == (3, 1, 2, 0)
    assert (c["info_to_items"], c["groups_answered"]) == (1, 1)
    assert (c["petitions"], c["初信初访"], c["重复信访"], c["到乡"], c["到县"]) == (2, 1, 1, 1, 1)
    assert f.petitions.read.rate == Rate(1, 2) and f.petitions.read.late == 1
    e = f.evaluations
    assert (e.rounds, e.cadres_rated, e.units_rated) == (1, 5, 2)
    assert e.no_promotion == ("张三",) and e.admonish == ("张三",) and e.bottom == ("镇财政所",)
    # on 10 November P2 (received the 9th) still had its days: left out, waiting
    early = SqlVoiceFigures(world.one.store.db).figures(
        NOV_FIRST, NOV_LAST, today=dt.date(2026, 11, 10)
    )
    assert early.petitions.read.rate == Rate(1, 1) and early.petitions.read.waiting == 1


def test_the_township_sees_every_station_and_each_alone(world: VoiceTownship) -> None:
    figures = SqlVoiceFigures(world.township.store.db)
    whole = figures.figures(NOV_FIRST, NOV_LAST, today=TODAY)
    assert whole.meetings.talks == 2 and whole.meetings.problems == 4
    assert whole.petitions.total == 2
    assert whole.evaluations.no_promotion == ("张三（第1村群众工作站）",)
    rows = figures.by_station(NOV_FIRST, NOV_LAST, today=TODAY)
    assert [(code, name) for code, name, _ in rows] == [
        (ONE, "第1村群众工作站"),
        (TWO, "第2村群众工作站"),
    ]
    one, two = rows[0][2], rows[1][2]
    station = SqlVoiceFigures(world.one.store.db).figures(NOV_FIRST, NOV_LAST, today=TODAY)
    assert one.counts == station.counts
    assert (two.meetings.talks, two.meetings.problems, two.petitions.total) == (1, 1, 0)
    alone = figures.figures(NOV_FIRST, NOV_LAST, today=TODAY, station_code=TWO)
    assert alone.counts == two.counts
    last_year = figures.figures(dt.date(2025, 11, 1), dt.date(2025, 11, 30), today=TODAY)
    assert last_year.petitions.counts["赴京"] == 1 and last_year.petitions.read.rate == Rate(1, 1)
    with pytest.raises(ValidationError):
        figures.figures(NOV_FIRST, NOV_LAST, station_code="430121101299")


def test_deleted_rows_and_unmarked_items_do_not_count(world: VoiceTownship) -> None:
    db = world.one.store.db
    before = SqlVoiceFigures(db).figures(NOV_FIRST, NOV_LAST, today=TODAY)
    with write_paths.scope("test setup"), db.session() as s:
        talk = s.scalars(select(m.MassMeeting).where(m.MassMeeting.kind == "民情恳谈会")).one()
        talk.deleted_at = dt.datetime(2026, 12, 1)
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.petition == "重复信访")).one()
        item.petition, item.petition_form, item.petition_reach = "", "", ""
        s.commit()
    try:
        after = SqlVoiceFigures(db).figures(NOV_FIRST, NOV_LAST, today=TODAY)
        assert (after.meetings.talks, after.meetings.problems) == (0, 0)
        assert after.petitions.total == 1 and after.petitions.read.rate == Rate(1, 1)
        assert after.info.total == before.info.total
    finally:
        with write_paths.scope("test setup"), db.session() as s:
            talk = s.scalars(select(m.MassMeeting).where(m.MassMeeting.kind == "民情恳谈会")).one()
            talk.deleted_at = None
            item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.content == "灌溉渠堵塞")).one()
            item.petition, item.petition_form, item.petition_reach = "重复信访", "来信", "到县"
            s.commit()
