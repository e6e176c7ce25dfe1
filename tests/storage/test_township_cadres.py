"""The township's cadre table: every station's cadres and its own (包村), each person once.

A township cadre registered at the township (包村 a village) is also on the register of the
station where he writes the diary; the township counts the days both rows recorded under
its own row. Namesakes among village cadres are never joined to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.township_data import AFTER, NOV, build


def test_the_township_lists_its_own_cadres_with_their_station_days(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    tw = build(_template_dirs[0], tmp_path / "net")
    try:
        # a village committee member at the second station who happens to be called 孙三
        s2 = tw.two.store
        member = s2.register.save_cadre(
            Cadre(name="孙三", category="村两委其他干部", unit="第2村村委会")
        )
        for day in (3, 4, 5):
            s2.diary.save_entry(
                DiaryEntry(cadre_id=member.id or "", day=dt.date(2026, 11, day),
                           kind="集中工作日", text="集中工作日在村"),
                today=AFTER,
            )  # fmt: skip
        reports = tw.township.sync.import_bundles(
            tw.two.export(tmp_path / "usb2"), tw.township.keys
        )
        assert [r.status for r in reports] == [APPLIED]

        t = tw.township.store
        # the township's own rows: 赵一 包村 the first village (whose station registered
        # him too, with a duty day on 16 Nov), 孙三 包村 the second, on duty there on 18 Nov
        zhao = t.register.save_cadre(
            Cadre(name="赵一", category="乡驻村干部", unit="镇党委", village_code=tw.one.code)
        )
        sun = t.register.save_cadre(
            Cadre(name="孙三", category="乡驻村干部", unit="镇党委", village_code=tw.two.code)
        )
        t.diary.save_entry(
            DiaryEntry(cadre_id=sun.id or "", day=dt.date(2026, 11, 18), kind="坐班接待",
                       text="在第2村便民服务点坐班。"),
            today=AFTER,
        )  # fmt: skip

        table = t.reports.cadre_table(NOV, today=AFTER)
        rows = {(c.name, c.station): c for c in table}
        assert set(rows) == {
            ("赵一", "乡镇本级（包村：第1村群众工作站）"),
            ("钱二", "第2村群众工作站"),
            ("孙三", "乡镇本级（包村：第2村群众工作站）"),
            ("孙三", "第2村群众工作站"),
        }  # the first station's 赵一 is the township's 赵一: listed once
        township_zhao = rows[("赵一", "乡镇本级（包村：第1村群众工作站）")]
        assert township_zhao.cadre_id == zhao.id
        assert (township_zhao.village_days, township_zhao.duty_days) == (1, 1)
        assert township_zhao.unit == "镇党委" and township_zhao.category == "乡驻村干部"
        # the namesake in the village keeps its own days and rule
        village_sun = rows[("孙三", "第2村群众工作站")]
        assert (village_sun.village_days, village_sun.category) == (3, "村两委其他干部")
        township_sun = rows[("孙三", "乡镇本级（包村：第2村群众工作站）")]
        assert (township_sun.village_days, township_sun.duty_days) == (1, 1)

        # the township's report counts each person once, as the table does
        report = t.reports.township_report(NOV, today=AFTER)
        assert sorted(c.name for c in report.overall.cadres) == ["孙三", "孙三", "赵一", "钱二"]

        # the year view of the township's own cadre counts the station's day as well
        year = t.reports.cadre_year(zhao.id or "", 2026, today=AFTER)
        assert year is not None and year.village_days == 1

        # a station's own report at the township lists its rows as the station sent them
        one = t.reports.monthly_report(NOV, today=AFTER, station_code=tw.one.code)
        assert [(c.name, c.unit) for c in one.cadres] == [("赵一", "第1村村委会")]
    finally:
        tw.close()
