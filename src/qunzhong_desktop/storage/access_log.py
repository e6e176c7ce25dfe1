"""The access log (访问记录): who saw or took out personal data, and who signed in.

Append-only rows in ``access_log``, written by whoever is signed in (reading is what is
logged, so every role writes here) and synced to the township with the station's other
rows. With no one signed in (set-up, a data folder whose head has no account yet, tools)
there is no one to account for and nothing is logged. What a line says names a list, a household number or a month — never a person's
name, ID number or phone. Only a head reads the log (:data:`Permission.ACCOUNTS`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from qunzhong_desktop.core.access import LOG_ACTIONS, Permission, require
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.write_paths import write_path


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the access log."""

    at: dt.datetime
    operator: str
    role: str
    action: str
    what: str
    count: int

    @property
    def action_name(self) -> str:
        """What the action is called: 登录, 导出, 查看完整号码 and so on."""
        return LOG_ACTIONS.get(self.action, self.action)


@write_path(needs=None)
def record(
    db: Database, action: str, what: str = "", count: int = 0, *, now: dt.datetime | None = None
) -> None:
    """Append a line for the operator signed in (nothing when no one is).

    Raises:
        ValidationError: an action the log does not know (a program error).
    """
    if action not in LOG_ACTIONS:
        raise ValidationError(f"未知的访问记录类型 {action}。", code="access_log.action")
    operator = db.operator
    if operator is None:
        return
    with db.session() as s:
        s.add(
            m.AccessLog(
                at=(now or dt.datetime.now()).replace(microsecond=0),
                operator=operator.name,
                role=operator.role_name,
                action=action,
                what=what[:200],
                count=max(0, count),
            )
        )


def entries(
    db: Database, *, since: dt.date | None = None, action: str | None = None
) -> list[LogEntry]:
    """The log, the latest first (a head only).

    Raises:
        PermissionDenied: the operator may not read the access log.
    """
    require(db.operator, Permission.ACCOUNTS)
    stmt = select(m.AccessLog).where(m.AccessLog.deleted_at.is_(None))
    if since is not None:
        stmt = stmt.where(m.AccessLog.at >= dt.datetime.combine(since, dt.time()))
    if action is not None:
        stmt = stmt.where(m.AccessLog.action == action)
    with db.session() as s:
        rows = s.scalars(stmt.order_by(m.AccessLog.at.desc(), m.AccessLog.id.desc())).all()
        return [LogEntry(r.at, r.operator, r.role, r.action, r.what, r.count) for r in rows]
