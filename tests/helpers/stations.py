"""The station most tests are set up as, and a copy of a migrated store."""

from __future__ import annotations

import shutil
from pathlib import Path

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.store import Store

STATION = dict(
    code="430121101201",
    name="白沙村群众工作站",
    township_code="430121101",
    township_name="白沙镇",
    address="湖南省长沙县白沙镇白沙村村部",
    phone="0731-84561234",
    supervision_phone="0731-12345678",
    township_phone="0731-84560000",
    operator="李秀英",
)


def copy_store(template: Path, target: Path) -> Store:
    """A store in ``target`` holding a copy of the migrated database in ``template``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(database_path(template), database_path(target))
    return Store(home=target, db=Database(database_path(target), user="测试员"))
