"""Operators' accounts (操作员账号): create, sign in, reset a password, change a role.

Passwords are hashed with Argon2id (``argon2-cffi``: memory-hard, the reference
implementation); only the hash is stored, and the ``operator`` table never syncs. Signing in
binds the operator to the store (:attr:`Database.operator`), so every write path and
guarded read checks that person's role and records their name (:mod:`core.access`).

The first account of a data folder is its head's (站长 / 管理员), made by the set-up wizard
or, for a folder made before accounts existed, at the first start after the upgrade; from
then on only a head manages accounts. A forgotten password is reset by a head; there is
always at least one head who is not retired.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from qunzhong_desktop.core import limits
from qunzhong_desktop.core.access import Operator, Permission, Role, require
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import keyring
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import node_role

MIN_PASSWORD = 6
_HASHER = PasswordHasher()  # Argon2id, 64 MiB, 3 passes: about 0.1 s a check here


@dataclass(frozen=True, slots=True)
class Account:
    """An operator's account as the accounts page lists it (no hash)."""

    id: str
    name: str
    role: Role
    cadre_id: str | None
    retired: bool


def check_password(password: str) -> None:
    """Refuse a password too short to protect a village's personal data.

    Raises:
        ValidationError: shorter than :data:`MIN_PASSWORD`, or only spaces.
    """
    if len(password.strip()) < MIN_PASSWORD:
        raise ValidationError(
            f"密码至少 {MIN_PASSWORD} 位（现在 {len(password.strip())} 位）。",
            code="account.password_short",
            field="password",
        )


class SqlAccounts:
    """The operators of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # reading -----------------------------------------------------------------------------
    def count(self) -> int:
        """How many accounts (retired ones too) exist; 0 before the head's is made."""
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(m.OperatorAccount)) or 0)

    def accounts(self, *, with_retired: bool = False) -> list[Account]:
        """The accounts by name (heads first)."""
        with self.db.session() as s:
            stmt = select(m.OperatorAccount)
            if not with_retired:
                stmt = stmt.where(m.OperatorAccount.retired.is_(False))
            rows = s.scalars(stmt).all()
        order = {Role.HEAD: 0, Role.CLERK: 1, Role.READER: 2}
        found = [Account(r.id, r.name, Role(r.role), r.cadre_id, r.retired) for r in rows]
        return sorted(found, key=lambda a: (a.retired, order[a.role], a.name))

    # signing in --------------------------------------------------------------------------
    def sign_in(self, name: str, password: str) -> Operator:
        """Check the password and make this person the store's operator (logged).

        Raises:
            ValidationError: no such live account, or the password is wrong (one message
                for both, so a guess learns nothing).
        """
        operator = self.verify(name, password)
        self.db.operator = operator
        self.db.user = operator.name
        record(self.db, "sign_in")
        return operator

    def verify(self, name: str, password: str) -> Operator:
        """The operator whose name and password these are (to unlock a locked window).

        Raises:
            ValidationError: no such live account, or the password is wrong.
        """
        with self.db.session() as s:
            row = s.scalars(
                select(m.OperatorAccount).where(
                    m.OperatorAccount.name == compact(name),
                    m.OperatorAccount.retired.is_(False),
                )
            ).first()
            stored = row.password_hash if row is not None else None
        try:
            if row is None or stored is None:
                raise VerificationError
            _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            raise ValidationError(
                "姓名或密码不对，请再试一次；忘记密码请找站长重设。",
                code="account.sign_in",
                field="password",
            ) from None
        assert row is not None
        if _HASHER.check_needs_rehash(stored):
            self._set_hash(row.id, password)
        place = node_role(self.db) or "station"  # before set-up: named as at a station
        return Operator(row.id, row.name, Role(row.role), row.cadre_id, place)

    def sign_out(self) -> None:
        """No one is signed in (the window is locked or switching users)."""
        self.db.operator = None

    # managing ----------------------------------------------------------------------------
    def create(
        self, name: str, password: str, role: Role, *, cadre_id: str | None = None
    ) -> Account:
        """Make an account. The very first must be a head's and needs no one signed in.

        Raises:
            PermissionDenied: accounts exist and the operator may not manage them.
            ValidationError: a blank or long name, a short password, a first account that
                is not a head's.
            DuplicateError: the name is taken.
        """
        first = self.count() == 0
        if not first:
            require(self.db.operator, Permission.ACCOUNTS)
        elif role is not Role.HEAD:
            raise ValidationError(
                "第一个账号须是站长（管理员）的账号。", code="account.first_head", field="role"
            )
        name = compact(name)
        if not name:
            raise ValidationError("请填写操作员姓名。", code="account.name", field="name")
        if limits.too_long(name, limits.NAME):
            raise ValidationError(
                limits.message("姓名", limits.NAME, name), code="account.name", field="name"
            )
        check_password(password)
        with self.db.writing() as s:
            taken = s.scalar(select(func.count()).where(m.OperatorAccount.name == name))
            if taken:
                raise DuplicateError(
                    f"已经有名为“{name}”的操作员账号。", code="account.duplicate", field="name"
                )
            row = m.OperatorAccount(
                name=name, role=role.value, cadre_id=cadre_id, password_hash=_HASHER.hash(password)
            )
            s.add(row)
            s.flush()
            account = Account(row.id, row.name, role, cadre_id, False)
        if self.db.key is not None:  # an encrypted store: this password opens it too
            keyring.put(self.db.path.parent, self.db.key, name, password)
        if not first:
            record(self.db, "accounts", f"新建账号 {name}")
        return account

    def reset_password(self, account_id: str, password: str) -> None:
        """Set a new password (a head for anyone; anyone for themselves).

        Raises:
            PermissionDenied: another's password, without the right to manage accounts.
            ValidationError: the password is too short. NotFoundError: no such account.
        """
        operator = self.db.operator
        if operator is None or operator.id != account_id:
            require(operator, Permission.ACCOUNTS)
        check_password(password)
        name = self._set_hash(account_id, password)
        if self.db.key is not None:
            keyring.put(self.db.path.parent, self.db.key, name, password)
        record(self.db, "accounts", f"重设密码 {name}")

    def update(
        self, account_id: str, *, role: Role, cadre_id: str | None, retired: bool = False
    ) -> None:
        """Change an account's role, linked cadre, or retire it (停用).

        Raises:
            PermissionDenied: the operator may not manage accounts.
            ValidationError: it would leave no head able to sign in, or retire oneself.
            NotFoundError: no such account.
        """
        require(self.db.operator, Permission.ACCOUNTS)
        operator = self.db.operator
        if retired and operator is not None and operator.id == account_id:
            raise ValidationError("不能停用自己正在使用的账号。", code="account.self")
        with self.db.writing() as s:
            row = s.get(m.OperatorAccount, account_id)
            if row is None:
                raise NotFoundError("找不到这个操作员账号。", code="account.missing")
            heads = s.scalar(
                select(func.count()).where(
                    m.OperatorAccount.role == Role.HEAD.value,
                    m.OperatorAccount.retired.is_(False),
                    m.OperatorAccount.id != account_id,
                )
            )
            if not heads and (role is not Role.HEAD or retired):
                raise ValidationError(
                    "至少要保留一个可以登录的站长（管理员）账号。", code="account.last_head"
                )
            row.role, row.cadre_id, row.retired = role.value, cadre_id, retired
            name = row.name
        if retired and self.db.key is not None:  # a stopped account no longer opens the store
            keyring.remove(self.db.path.parent, name)
        record(self.db, "accounts", f"{'停用' if retired else '修改'}账号 {name}")

    def _set_hash(self, account_id: str, password: str) -> str:
        with self.db.writing() as s:
            row = s.get(m.OperatorAccount, account_id)
            if row is None:
                raise NotFoundError("找不到这个操作员账号。", code="account.missing")
            row.password_hash = _HASHER.hash(password)
            return row.name
