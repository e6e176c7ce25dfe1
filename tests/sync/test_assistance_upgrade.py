"""Help records made before cases become help given against a need, and travel (issue 16).

``tests/data/releases/0010-assistance-demo.zip`` was made by the program at schema 0010 (commit
ce3b564) with ``make_0010_assistance.sh``: a demo station whose help records name no need,
and its township, which imported the station's first bundle. Nothing in it is rebuilt by the
current code.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.assistance_case import NeedState, Step
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assistance_upgrade import ADOPTED_BY, adopt_records
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import APPLIED

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parents[1] / "data" / "releases" / "0010-assistance-demo.zip"
PASSPHRASE = "release-0010"


def _links(store: Store) -> dict[str, tuple[str | None, tuple[str, ...], str]]:
    with store.db.session() as s:
        return {
            r.id: (r.need_id, tuple(r.helper_ids), r.household_id)
            for r in s.scalars(select(m.Assistance).where(m.Assistance.deleted_at.is_(None)))
        }


def _needs(store: Store) -> dict[str, tuple[object, ...]]:
    with store.db.session() as s:
        return {
            n.id: (n.household_id, n.category, n.state, n.reported_on, n.what)
            for n in s.scalars(select(m.AssistanceNeed))
        }


def test_older_help_records_become_cases_at_the_station_and_reach_the_township(
    tmp_path: Path,
) -> None:
    with zipfile.ZipFile(FIXTURE) as zf:
        zf.extractall(tmp_path)
    station = open_store(tmp_path / "station")
    township = open_store(tmp_path / "township")
    try:
        links = _links(station)
        households = {household for _need, _helpers, household in links.values()}
        assert len(links) == 14 and len(households) > 3
        # one checked need per household, every record linked to its household's need
        needs = _needs(station)
        assert len(needs) == len(households)
        assert all(need in needs for need, _h, _household in links.values())
        assert all(needs[need][0] == household for need, _h, household in links.values())
        cases = station.needs.cases()
        assert {c.state for c in cases} == {NeedState.VERIFIED}
        for case in cases:
            assert [s.step for s in case.steps] == [
                Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK,
            ]  # fmt: skip
            assert {s.actor for s in case.steps} == {ADOPTED_BY}
            assert case.help and all(h.need_id == case.need.id for h in case.help)
            assert case.need.reported_on == min(h.given_on for h in case.help)
        # the paired cadre is the first helper of a paired household's records
        with station.db.session() as s:
            paired = {
                household_id: cadre_id
                for household_id, cadre_id in s.execute(
                    select(m.Household.id, m.Household.cadre_id)
                )
            }
        for _need, helpers, household in links.values():
            assert helpers == ((paired[household],) if paired.get(household) else ())
        # opening again adopts nothing more; the township never adopts
        assert adopt_records(station.db) == 0
        with township.db.session() as s:
            assert s.scalar(select(func.count()).select_from(m.AssistanceNeed)) == 0
            unlinked = s.scalar(
                select(func.count()).select_from(m.Assistance).where(m.Assistance.need_id.is_(None))
            )
        assert unlinked == 14

        # the next bundle carries the needs, their steps and the records' new fields
        s_keys = NodeKeys.load(tmp_path / "station" / "keys", PASSPHRASE)
        t_keys = NodeKeys.load(tmp_path / "township" / "keys", PASSPHRASE)
        (tmp_path / "usb").mkdir()
        (bundle,) = SyncService(station.db, station.home).export_bundles(tmp_path / "usb", s_keys)
        report = SyncService(township.db, township.home).import_bundle(bundle.path, t_keys)
        assert (report.status, report.flagged) == (APPLIED, 0), report.message
        assert _needs(township) == _needs(station)
        assert _links(township) == _links(station)
        assert len(township.needs.cases()) == len(households)
    finally:
        station.close()
        township.close()
