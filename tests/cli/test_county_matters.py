"""``qunzhong county`` and ``items escalate-county`` (issue 19), through the real CLI.

One data folder plays the tiers in turn (tests/helpers/county_data.py): items registered at
the station, escalated by the township, coordinated by the county.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from qunzhong_desktop.storage.store import open_store
from tests.helpers.cli_runs import init_station, run
from tests.helpers.county_data import at_township, set_role, station_item

NOW = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station with three escalated items and one still open."""
    home = tmp_path_factory.mktemp("county") / "home"
    init_station(home)
    store = open_store(home)
    try:
        numbers = [station_item(store, c, now=NOW) for c in ("甲", "乙", "丙")]
        station_item(store, "站内办理", now=NOW, escalate=False)
        set_role(store, "township")
        for number in numbers:
            at_township(store, number, now=NOW)
    finally:
        store.close()
    return home


def _role(home: Path, role: str) -> None:
    store = open_store(home)
    try:
        set_role(store, role)
    finally:
        store.close()


def test_the_path_through_the_county(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    first, second, third = (f"430121101201-{NOW.year}-0000{n}" for n in (1, 2, 3))
    _role(home, "station")
    code, _, err = run(capsys, home, "items", "escalate-county", first, "--reason", "跨乡镇")
    assert code == 1 and "乡镇" in err
    _role(home, "township")
    code, _, err = run(capsys, home, "items", "escalate-county", f"430121101201-{NOW.year}-00004",
                       "--reason", "x")  # fmt: skip
    assert code == 1 and "已受理" in err and "上报县" in err
    code, _, err = run(capsys, home, "items", "escalate-county", first, "--reason", " ")
    assert code == 1 and "理由" in err
    for number in (first, second, third):
        code, out, _ = run(capsys, home, "items", "escalate-county", number, "--reason", "权属")
        assert code == 0 and "待交办 → 已上报县" in out
    code, _, err = run(capsys, home, "county", "departments", "add", "--name", "县人社局")
    assert code == 1 and "县群众工作部" in err  # the township has no county departments
    _role(home, "county")
    for name in ("县人社局", "县住建局"):
        assert run(capsys, home, "county", "departments", "add", "--name", name)[0] == 0
    code, _, err = run(capsys, home, "county", "departments", "add", "--name", "县人社局")
    assert code == 1 and "已经有了" in err
    code, out, _ = run(capsys, home, "county", "departments", "list", "--json")
    assert [d["name"] for d in json.loads(out)] == ["县人社局", "县住建局"]
    code, _, err = run(capsys, home, "county", "assign", first, "--department", "县教育局",
                       "--days", "5")  # fmt: skip
    assert code == 1 and "县教育局" in err and "县直部门" in err
    code, _, err = run(capsys, home, "county", "assign", first, "--department", "县人社局",
                       "--days", "0")  # fmt: skip
    assert code == 1 and "工作日" in err
    code, _, err = run(capsys, home, "county", "result", first, "--text", "已解决")
    assert code == 1 and "已上报县" in err
    code, out, _ = run(capsys, home, "county", "assign", first, "--department", "县人社局",
                       "--days", "5")  # fmt: skip
    assert code == 0 and "已交县人社局办理，5 个工作日" in out
    code, out, _ = run(capsys, home, "county", "back", second, "--reason", "属乡镇职责")
    assert code == 0 and "已上报县 → 待交办" in out
    code, out, _ = run(capsys, home, "county", "list", "--waiting", "--json")
    assert [r["number"] for r in json.loads(out)] == [third]
    code, out, _ = run(capsys, home, "county", "list", "--json")
    listed = json.loads(out)
    assert [(r["number"], r["department"], r["days"]) for r in listed] == [
        (third, "", 0), (first, "县人社局", 5)
    ]  # fmt: skip
    assert listed[1]["due_on"] and listed[0]["reason"] == "权属"
    assert json.loads(run(capsys, home, "county", "list", "--overdue", "--json")[1]) == []
    code, out, _ = run(capsys, home, "county", "meeting", "add", "--item", first, "--item", third,
                       "--lead", "县住建局", "--with", "县人社局", "--decisions", "住建局牵头",
                       "--attendees", "王局长")  # fmt: skip
    assert code == 0 and "已登记协调会" in out
    key = out.split("协调会 ")[1][:8]
    code, out, _ = run(capsys, home, "county", "meeting", "show", key)
    assert code == 0 and "牵头单位：县住建局" in out and "配合单位：县人社局" in out
    code, _, err = run(capsys, home, "county", "meeting", "add", "--item",
                       f"430121101201-{NOW.year}-00004", "--lead", "县住建局",
                       "--decisions", "x")  # fmt: skip
    assert code == 1 and "没有上报到县" in err  # never escalated to the county
    code, out, _ = run(capsys, home, "county", "meeting", "list", "--item", first, "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, home, "county", "result", first, "--text", "已补发")
    assert code == 0 and "县已交办 → 已办结" in out
    code, _, err = run(capsys, home, "county", "departments", "retire", "--name", "县教育局")
    assert code == 1 and "县教育局" in err
