"""Who may do what: the operators' roles and their permissions (操作员与权限).

Several cadres share a station's PC, which holds the ID number, phone and hardship of every
resident. Each person signs in with an account of one of three roles; the permissions of
each role are fixed here, in one place, and the storage layer refuses what the operator
signed in may not do (the window only hides it first).

=========== =================== =========================================================
role        station / township  may
=========== =================== =========================================================
``head``    站长 / 管理员        everything: full numbers, delete, settings, accounts
``clerk``   工作人员            enter and change data, export, print cards, sync
``reader``  查阅                look (numbers masked); change nothing
=========== =================== =========================================================

A store opened without an operator (``None``: set-up, migrations, a data folder whose head
has no account yet, the tests) is not limited: the head's account is created before the
window opens, and from then on the window and the CLI always run as someone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from qunzhong_desktop.core.errors import DomainError


class Permission(StrEnum):
    """What an action needs."""

    WRITE = "write"  # enter and change households, items, diary, help records
    DELETE = "delete"  # delete (and bring back) households, entries, records; retire
    SHOW_FULL = "show_full"  # see and output full ID numbers and phones
    EXPORT = "export"  # ledgers and reports to Excel or PDF
    PRINT_CARDS = "print_cards"  # contact cards
    IMPORT_ROSTER = "import_roster"  # a roster from Excel
    SYNC = "sync"  # bundles, kits, enrollments, conflicts
    SETTINGS = "settings"  # the station's profile, calendar, township configuration, demo
    ACCOUNTS = "accounts"  # operators' accounts and the access log


class Role(StrEnum):
    """An operator's role."""

    HEAD = "head"
    CLERK = "clerk"
    READER = "reader"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.HEAD: frozenset(Permission),
    Role.CLERK: frozenset(
        {Permission.WRITE, Permission.EXPORT, Permission.PRINT_CARDS, Permission.SYNC}
    ),
    Role.READER: frozenset(),
}

#: What a role is called at a station and at a township office.
ROLE_NAMES: dict[str, dict[Role, str]] = {
    "station": {Role.HEAD: "站长", Role.CLERK: "工作人员", Role.READER: "查阅"},
    "township": {Role.HEAD: "管理员", Role.CLERK: "工作人员", Role.READER: "查阅"},
}

#: What each permission is called in a refusal: "你的角色不能{…}".
ACTIONS: dict[Permission, str] = {
    Permission.WRITE: "登记或修改数据",
    Permission.DELETE: "删除或恢复记录",
    Permission.SHOW_FULL: "查看完整的身份证号和电话",
    Permission.EXPORT: "导出台账和报表",
    Permission.PRINT_CARDS: "打印联系卡",
    Permission.IMPORT_ROSTER: "导入花名册",
    Permission.SYNC: "同步数据",
    Permission.SETTINGS: "修改设置",
    Permission.ACCOUNTS: "管理操作员账号和查看访问记录",
}


class PermissionDenied(DomainError):
    """The operator signed in may not do this."""

    code = "access.denied"


@dataclass(frozen=True, slots=True)
class Operator:
    """The person signed in."""

    id: str
    name: str
    role: Role
    cadre_id: str | None = None
    place: str = "station"  # or "township": what the role is called

    @property
    def role_name(self) -> str:
        """站长, 管理员, 工作人员 or 查阅."""
        return ROLE_NAMES[self.place][self.role]

    def can(self, permission: Permission) -> bool:
        """Whether this operator's role allows ``permission``."""
        return permission in PERMISSIONS[self.role]


def allowed(operator: Operator | None, permission: Permission) -> bool:
    """Whether ``permission`` is allowed (no operator: not limited, see the module doc)."""
    return operator is None or operator.can(permission)


def require(operator: Operator | None, permission: Permission) -> None:
    """Refuse what the operator may not do.

    Raises:
        PermissionDenied: with a sentence naming the role and the action.
    """
    if allowed(operator, permission):
        return
    assert operator is not None
    head = ROLE_NAMES[operator.place][Role.HEAD]
    raise PermissionDenied(
        f"{operator.name}（{operator.role_name}）没有权限{ACTIONS[permission]}，"
        f"请由{head}操作或调整角色。",
        code=PermissionDenied.code,
        permission=permission.value,
    )


#: What the access log (访问记录) records, by action code.
LOG_ACTIONS: dict[str, str] = {
    "sign_in": "登录",
    "show_full": "查看完整号码",
    "export": "导出",
    "print_cards": "打印联系卡",
    "print_list": "打印清单",
    "roster_import": "导入花名册",
    "sync_export": "生成同步包",
    "sync_import": "导入同步包",
    "accounts": "账号管理",
}
