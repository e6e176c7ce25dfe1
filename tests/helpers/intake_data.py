"""Items for the intake GUI tests (a helper module, not a conftest)."""

from __future__ import annotations

import datetime as dt

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.storage.store import Store

FRIDAY = dt.datetime(2026, 11, 20, 9, 30)


def new_item(**values: object) -> NewItem:
    """A promised item (承诺件) from an outsider, with any field replaced."""
    fields: dict[str, object] = dict(
        channel="来访", domain="社会保障", grade="B", item_type="承诺件",
        content="咨询城乡居民养老保险补缴", requester_name="王大爷", requester_phone="13812345678",
    )  # fmt: skip
    fields.update(values)
    return NewItem(**fields)  # type: ignore[arg-type]


def register(store: Store, when: dt.datetime, **values: object) -> str:
    """Register an item at ``when``; return its number."""
    return store.items.register_item(new_item(**values), actor="李秀英", now=when).number
