"""What a bundle shows on the stick without its keys: nothing personal (issue 13, item 6)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.states import Role, State
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node
from tests.helpers.roster_builder import make_id

NAME, ADDRESS, PHONE, HARDSHIP = "欧阳秀珍", "白沙村三组十七号", "13912345678", "重病患者"


def _secrets() -> list[str]:
    return [NAME, ADDRESS, PHONE, HARDSHIP, make_id("19580301", "021")]


def _clear_parts(bundle: Path) -> str:
    """The file's name and everything in the zip that is not the encrypted payload."""
    with zipfile.ZipFile(bundle) as z:
        parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n != "payload.age"]
        names = " ".join(z.namelist())
    return " ".join([bundle.name, names, *parts])


def test_no_name_number_phone_or_hardship_in_the_clear(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    one.store.register.save_household(
        Household(number="017", address=ADDRESS, phone=PHONE, tags=[HARDSHIP],
                  members=[Person(name=NAME, id_number=_secrets()[-1], phone=PHONE)])
    )  # fmt: skip
    number = register(one.store, FRIDAY, item_type="上报件", requester_name=NAME,
                      requester_phone=PHONE, content=f"{NAME}反映{ADDRESS}道路损坏")  # fmt: skip
    up = one.export(tmp_path / "up")[0]
    assert township.sync.import_bundle(up, township.keys).flagged == 0  # it works all the same
    township.store.items.move(number, State.AWAITING_ASSIGNMENT, actor="乡镇", role=Role.TOWNSHIP)
    down = township.export(tmp_path / "down", one.code)[0]
    for bundle in (up, down):
        clear = _clear_parts(bundle)
        assert "manifest.json" in clear  # the manifest was read
        leaked = [s for s in _secrets() if s in clear]
        assert leaked == [], (bundle.name, leaked)
        raw = bundle.read_bytes()  # the payload is encrypted: not even in the raw bytes
        assert not [s for s in _secrets() if s.encode() in raw]
