"""The township prints contact cards for a chosen station or all (issue 12, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.cards_repo import SqlCards
from tests.helpers.network import Node


def _village(node: Node, households: int) -> None:
    register = node.store.register
    grid = register.save_grid(Grid(name="一组", leader_name="网长甲", leader_phone="13700000000"))
    cadre = register.save_cadre(Cadre(name=f"干部{node.code[-1]}", phone="13600000000"))
    for n in range(1, households + 1):
        register.save_household(
            Household(number=f"{n:03d}", grid_id=grid.id, cadre_id=cadre.id,
                      members=[Person(name=f"户主{node.code[-1]}{n}")])
        )  # fmt: skip


@pytest.fixture
def synced(net: tuple[Node, Node, Node], tmp_path: Path) -> tuple[Node, Node, Node]:
    township, one, two = net
    _village(one, 3)
    _village(two, 2)
    one.store.cards.record_issues(one.store.cards.cards()[:1])  # one card printed at station 1
    for station in (one, two):
        report = township.sync.import_bundle(station.export(tmp_path / station.code)[0],
                                             township.keys)  # fmt: skip
        assert report.flagged == 0, report.message
    return township, one, two


def test_cards_per_station_carry_that_stations_profile(synced: tuple[Node, Node, Node]) -> None:
    township, one, two = synced
    every = SqlCards(township.store.db).cards()
    assert [(c.station_name, c.household_number) for c in every] == [
        (one.name, "001"), (one.name, "002"), (one.name, "003"),
        (two.name, "001"), (two.name, "002"),
    ]  # fmt: skip
    # the same card as the station prints (the same fingerprint, so the same QR and number)
    assert {c.fingerprint for c in every[:3]} == {c.fingerprint for c in one.store.cards.cards()}
    only_two = SqlCards(township.store.db, two.code).cards()
    assert [c.head_name for c in only_two] == ["户主21", "户主22"]
    assert {c.cadre_name for c in only_two} == {"干部2"}
    # what station 1 printed travelled: only its two unprinted households need cards
    assert SqlCards(township.store.db, one.code).counts().stale == 2
    with pytest.raises(NotFoundError) as unknown:
        SqlCards(township.store.db, "430121101999").cards()
    assert "430121101999" in unknown.value.message


def test_the_township_does_not_record_its_prints(synced: tuple[Node, Node, Node]) -> None:
    township, _one, _two = synced
    repo = SqlCards(township.store.db)
    assert not repo.records_issues()
    with township.store.db.session() as s:
        before = s.scalar(select(func.count()).select_from(m.CardIssue))
    assert repo.record_issues(repo.cards()) == 0
    with township.store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.CardIssue)) == before


def test_the_cli_prints_one_station_or_all(
    synced: tuple[Node, Node, Node], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, one, two = synced
    township.store.db.close()
    home = ["--home", str(township.home)]
    out = tmp_path / "two.pdf"
    assert main(["cards", "--out", str(out), "--station", two.code, *home]) == 0
    printed = capsys.readouterr().out
    assert f"已生成{two.name}的 2 张联系卡" in printed and "不计入" in printed
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert two.name in text and one.name not in text
    assert main(["cards", "--out", str(tmp_path / "all.pdf"), *home]) == 0
    assert "各工作站的 5 张" in capsys.readouterr().out
    assert (
        main(["cards", "--out", str(tmp_path / "x.pdf"), "--station", "430121101999", *home]) == 1
    )
    assert "没有编码为“430121101999”的工作站" in capsys.readouterr().err
    one.store.db.close()
    assert main(["cards", "--out", str(tmp_path / "y.pdf"), "--station", two.code,
                 "--home", str(one.home)]) == 1  # fmt: skip
    assert "只有乡镇" in capsys.readouterr().err
