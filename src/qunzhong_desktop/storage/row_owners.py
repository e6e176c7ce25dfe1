"""Which station's bundles brought a row to the township (its owner peer's code)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion


def row_stations(s: Session, table: str) -> dict[str, str]:
    """At the township: row id → the code of the peer whose bundles brought the row.

    Rows made on this PC are not listed.
    """
    rows = s.execute(
        select(SyncRowVersion.row_id, SyncPeer.code)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(SyncRowVersion.table_name == table)
    )
    return {row_id: code for row_id, code in rows}


def row_station_names(s: Session, table: str) -> dict[str, str]:
    """At the township: row id → the name of the station whose bundles brought the row."""
    rows = s.execute(
        select(SyncRowVersion.row_id, SyncPeer.name, SyncPeer.code)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(SyncRowVersion.table_name == table)
    )
    return {row_id: name or code for row_id, name, code in rows}
