"""The half-year report of a township with two stations and their paired units (issue 17).

Built as users do it: the stations send their first bundles, the township registers its
units and pairs them with the villages, its dispatch carries the register back, the stations
register items (their 主管部门 and 双联系单位 taken from the register), and the township
imports them and assigns the escalated one.

2026 下半年 (Jul–Dec; 上期 2026 上半年, 去年同期 2025 下半年):
    第1村 (paired with 县农业农村局):
        a1 社会保障 received 3 Aug, resolved 5 Aug, answered 满意   → 民政办, 县农业农村局
        a2 社会保障 received 7 Sep, open                            → 民政办, 县农业农村局
        a0 received 2 Mar 2026 (上期), z0 received 4 Aug 2025 (去年同期), both resolved
    第2村 (paired with 镇林业站):
        b1 上报件 基础设施 received 12 Oct; assigned to 派出所, resolved  → 派出所, 镇林业站
        b2 矛盾纠纷 received 2 Nov, resolved 4 Nov, answered 不满意      → 司法所, 镇林业站
    受理 4 (上期 1, 去年同期 1: +3, +300%).
    Scores (+1 resolved, −0.3 open): 镇林业站 +2.0; 司法所 +1.0 (never named in an
    assignment); 派出所 +1.0; 民政办 +0.7; 县农业农村局 +0.7 — the last two tied at the bottom.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.intake_data import register
from tests.helpers.network import Node, make_station, make_township


def _dispatch(township: Node, station: Node, out: Path) -> None:
    (dispatch,) = township.export(out, station_code=station.code)
    station.sync.import_bundle(dispatch, station.keys)


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9)


@pytest.fixture
def quick_net(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> Iterator[tuple[Node, Node, Node]]:
    """A township and two stations with keys made in memory (no passphrase to stretch)."""
    township = make_township(_template_dirs[0], tmp_path / "township")
    one = make_station(_template_dirs[0], tmp_path / "station1", township, 1)
    two = make_station(_template_dirs[0], tmp_path / "station2", township, 2)
    yield township, one, two
    for node in (township, one, two):
        node.close()


def test_the_half_year_report_of_a_township_with_paired_units(
    quick_net: tuple[Node, Node, Node], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, one, two = quick_net
    for station in (one, two):
        township.sync.import_bundle(station.export(tmp_path / "first")[0], township.keys)
    t = township.store
    t.units.save(
        [
            Unit("民政办", domains=("社会保障",)),
            Unit("司法所", domains=("矛盾纠纷",)),
            Unit("派出所"),
            Unit("县农业农村局", "县直", "双联系单位", villages=(one.code,), contacts=("张局长",)),
            Unit("镇林业站", "乡镇", "双联系单位", villages=(two.code,)),
        ]
    )
    for station in (one, two):
        _dispatch(township, station, tmp_path / f"back-{station.code}")

    s1, s2 = one.store, two.store
    a0 = register(s1, at(2026, 3, 2))
    s1.items.move(a0, State.RESOLVED, actor="李秀英", data={"result": "已办"}, now=at(2026, 3, 4))
    z0 = register(s1, at(2025, 8, 4))
    s1.items.move(z0, State.RESOLVED, actor="李秀英", data={"result": "已办"}, now=at(2025, 8, 6))
    a1 = register(s1, at(2026, 8, 3))
    s1.items.move(a1, State.RESOLVED, actor="李秀英", data={"result": "已办"}, now=at(2026, 8, 5))
    s1.items.move(
        a1, State.FOLLOWED_UP, actor="李秀英", data={"satisfaction": "满意", "way": "电话"},
        now=at(2026, 8, 6),
    )  # fmt: skip
    a2 = register(s1, at(2026, 9, 7))
    detail = s1.items.item(a2)
    assert (detail.competent_unit, detail.paired_unit) == ("民政办", "县农业农村局")
    b1 = register(s2, at(2026, 10, 12), item_type="上报件", domain="基础设施", content="桥坏了")
    b2 = register(s2, at(2026, 11, 2), domain="矛盾纠纷", content="邻里纠纷")
    s2.items.move(b2, State.RESOLVED, actor="周敏", data={"result": "已调解"}, now=at(2026, 11, 4))
    s2.items.move(
        b2, State.FOLLOWED_UP, actor="周敏", data={"satisfaction": "不满意", "way": "当面"},
        now=at(2026, 11, 5),
    )  # fmt: skip
    bundles = one.export(tmp_path / "usb") + two.export(tmp_path / "usb")
    assert [r.status for r in township.sync.import_bundles(bundles, township.keys)] == [
        APPLIED,
        APPLIED,
    ]
    t.items.move(
        b1, State.ASSIGNED, actor="王乡长", role=Role.TOWNSHIP,
        data={"unit": "派出所", "deadline": "2026-10-30"}, now=at(2026, 10, 13),
    )  # fmt: skip
    t.items.move(
        b1, State.RESOLVED, actor="派出所", role=Role.TOWNSHIP, data={"result": "已修"},
        now=at(2026, 10, 20),
    )  # fmt: skip

    code = main(["report", "--home", str(township.home), "--period", "2026-H2", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    report = json.loads(out.out)
    assert report["title"].startswith("2026年下半年")
    rows = {row["key"]: row for row in report["comparisons"]}
    received = rows["received"]
    assert received["current"] == 4
    assert (received["previous"]["value"], received["previous"]["text"]) == (1, "+3（+300%）")
    assert (received["year_before"]["value"], received["year_before"]["text"]) == (1, "+3（+300%）")
    assert report["previous"]["period"] == "2026-H1"
    assert report["year_before"]["period"] == "2025-H2"
    units = {u["unit"]: u for u in report["units"]}
    assert [(u["unit"], u["score_text"], u["rank"]) for u in report["units"]] == [
        ("镇林业站", "+2.0", 1),
        ("司法所", "+1.0", 2),
        ("派出所", "+1.0", 2),
        ("民政办", "+0.7", 4),
        ("县农业农村局", "+0.7", 4),
    ]
    assert [u["unit"] for u in report["units"] if u["bottom"]] == ["民政办", "县农业农村局"]
    # 司法所 was never named in an assignment: it answers for b2 as its domain's department
    assert (units["司法所"]["answered"], units["司法所"]["satisfaction"]["不满意"]) == (1, 1)
    assert units["县农业农村局"]["satisfaction"] == {"满意": 1, "基本满意": 0, "不满意": 0}
    assert units["县农业农村局"]["level"] == "县直"
    paired = {p["unit"]: p for p in report["paired"]}
    assert paired["县农业农村局"]["villages"] == ["第1村群众工作站"]
    assert paired["县农业农村局"]["received"] == {"A": 0, "B": 2, "C": 0}
    assert paired["县农业农村局"]["resolved"] == {"A": 0, "B": 1, "C": 0}
    assert paired["镇林业站"]["resolved"]["B"] == 2
    stations = {s["code"]: s for s in report["stations"]}
    assert (stations[one.code]["received"], stations[two.code]["received"]) == (2, 2)

    # one station's report at the township; its units are those answering for its items
    code = main(
        ["report", "--home", str(township.home), "--period", "2026-H2", "--station", two.code,
         "--json"]
    )  # fmt: skip
    one_station = json.loads(capsys.readouterr().out)
    assert code == 0 and one_station["current"]["received"] == 2
    scored = {u["unit"] for u in one_station["units"] if u["answered"]}
    assert scored == {"镇林业站", "司法所", "派出所"}

    # a2 is resolved at the station after the township's report kept its facts: the import
    # drops them (migration 0013's triggers) and the next report counts it resolved
    s1.items.move(a2, State.RESOLVED, actor="李秀英", data={"result": "已办"}, now=at(2026, 11, 20))
    (bundle,) = one.export(tmp_path / "later")
    assert township.sync.import_bundle(bundle, township.keys).status == APPLIED
    code = main(["report", "--home", str(township.home), "--period", "2026-H2", "--json"])
    again = json.loads(capsys.readouterr().out)
    assert code == 0
    assert again["current"]["resolved"] == report["current"]["resolved"] + 1
    assert again["current"]["in_progress"] == report["current"]["in_progress"] - 1
