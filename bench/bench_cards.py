"""Benchmark: 1,000 contact cards (a4-10) from a fresh store to a PDF.

Run: ``.venv/bin/python bench/bench_cards.py [--households N] [--layout a4-10|single]``.
Prints the seconds to gather the cards, to render the PDF, the pages and the file size.
Target: 1,000 cards in ≤ 5 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.reports.cards_pdf import render_cards
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import open_store

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英志强桂兰海燕春梅德华玉兰红霞明辉"


def fill(home: Path, households: int) -> None:
    """A station with grids of 30 households, 20 cadres, and two members per household."""
    store = open_store(home, user="bench")
    init_station(
        store.db,
        StationProfile(
            code="430121101201",
            name="白沙村群众工作站",
            township_code="430121101",
            township_name="白沙镇",
            address="湖南省长沙县白沙镇白沙村村部",
            phone="0731-84561234",
            supervision_phone="0731-12345678",
            township_phone="0731-84560000",
        ),
    )
    with store.db.session() as s:
        grids = [
            m.Grid(name=f"第{g + 1}网格", leader_name=f"网长{g + 1}", leader_phone=f"138{g:08d}")
            for g in range(-(-households // 30))
        ]
        cadres = [
            m.Cadre(name=f"干部{c + 1}", phone=f"139{c:08d}", unit="白沙镇民政办")
            for c in range(20)
        ]
        s.add_all(grids + cadres)
        s.flush()
        for i in range(households):
            name = SURNAMES[i % 20] + GIVEN[(i * 7) % 16] + GIVEN[(i * 3 + 1) % 16]
            household = m.Household(
                number=f"{i // 30 + 1:02d}-{i + 1:04d}",
                grid_id=grids[i // 30].id,
                cadre_id=cadres[i % 20].id,
            )
            s.add(household)
            s.add(m.Person(household=household, name=name, relation="户主", position=0))
            s.add(m.Person(household=household, name=name[0] + "小宝", relation="子女", position=1))
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--layout", default="a4-10", choices=("a4-10", "single"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        fill(home, args.households)
        store = open_store(home)
        out = home / "cards.pdf"
        start = time.perf_counter()
        font = find_cjk_font(store.settings.get("cards.font_path"))
        repo = SqlCards(store.db)
        cards = repo.cards(stale_only=True)
        gathered = time.perf_counter()
        result = render_cards(cards, out, font=font, layout=args.layout)
        rendered = time.perf_counter()
        repo.record_issues(cards)
        recorded = time.perf_counter()
        store.close()
        print(f"database: {database_path(home).stat().st_size / 1e6:.1f} MB")
        print(f"font + gather {len(cards)} cards: {gathered - start:.2f} s")
        print(
            f"render {result.cards} cards, {result.pages} pages ({args.layout}): {rendered - gathered:.2f} s"
        )
        print(f"record {len(cards)} issues: {recorded - rendered:.2f} s")
        print(
            f"total: {recorded - start:.2f} s; PDF {result.bytes / 1e6:.2f} MB ({font.path.name})"
        )


if __name__ == "__main__":
    main()
