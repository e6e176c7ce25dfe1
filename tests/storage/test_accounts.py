"""Operators' accounts and roles (issue 13): the storage refuses what a role may not do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from qunzhong_desktop.core.access import PERMISSIONS, Permission, PermissionDenied, Role
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import DuplicateError, ValidationError
from qunzhong_desktop.core.ledger import LedgerFilter
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.storage import access_log, write_paths
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers.conformance import import_everything
from tests.helpers.intake_data import FRIDAY, register

PASSWORD = "村务123456"
CLERK_LOGIN = ("李秀英", PASSWORD)
import_everything()  # every marked write path, for the property below


def accounts(store: Store) -> None:
    """A head, a clerk and a reader; no one signed in."""
    store.accounts.create("王站长", PASSWORD, Role.HEAD)
    store.accounts.sign_in("王站长", PASSWORD)
    store.accounts.create("李秀英", PASSWORD, Role.CLERK)
    store.accounts.create("赵查阅", PASSWORD, Role.READER)
    store.accounts.sign_out()


def test_the_first_account_is_the_heads_and_then_only_a_head_makes_accounts(
    store: Store,
) -> None:
    with pytest.raises(ValidationError) as first:
        store.accounts.create("李秀英", PASSWORD, Role.CLERK)
    assert first.value.code == "account.first_head"
    accounts(store)
    assert [(a.name, a.role) for a in store.accounts.accounts()] == [
        ("王站长", Role.HEAD), ("李秀英", Role.CLERK), ("赵查阅", Role.READER)
    ]  # fmt: skip
    clerk = store.accounts.sign_in("李秀英", PASSWORD)
    assert clerk.role_name == "工作人员" and store.db.user == "李秀英"
    with pytest.raises(PermissionDenied) as denied:
        store.accounts.create("张三", PASSWORD, Role.HEAD)
    assert "李秀英（工作人员）没有权限管理操作员账号" in denied.value.message
    store.accounts.reset_password(clerk.id, "新密码654321")  # one's own: allowed
    assert store.accounts.verify("李秀英", "新密码654321").name == "李秀英"
    store.accounts.sign_in("王站长", PASSWORD)
    with pytest.raises(DuplicateError):
        store.accounts.create("李秀英", PASSWORD, Role.CLERK)
    with pytest.raises(ValidationError) as short:
        store.accounts.create("张三", "12345", Role.CLERK)
    assert "至少 6 位" in short.value.message


@pytest.mark.real_argon2
def test_passwords_are_argon2_hashes_and_a_wrong_one_says_nothing_more(store: Store) -> None:
    accounts(store)
    with store.db.session() as s:
        hashes = list(s.scalars(select(m.OperatorAccount.password_hash)))
    # the shipped cost (argon2-cffi's default: 64 MiB, 3 passes, 4 lanes); other tests hash
    # at a cheap cost (tests/conftest.py), which each hash names, so every check stays real
    assert all(h.startswith("$argon2id$v=19$m=65536,t=3,p=4$") for h in hashes), hashes
    assert all(PASSWORD not in h for h in hashes)
    for name, password in (("李秀英", "wrong-password"), ("没有这人", PASSWORD)):
        with pytest.raises(ValidationError) as wrong:
            store.accounts.sign_in(name, password)
        assert wrong.value.message == "姓名或密码不对，请再试一次；忘记密码请找站长重设。"
    assert store.db.operator is None


def test_a_forgotten_password_is_reset_by_the_head_and_the_last_head_stays(store: Store) -> None:
    accounts(store)
    head = store.accounts.sign_in("王站长", PASSWORD)
    clerk = next(a for a in store.accounts.accounts() if a.name == "李秀英")
    store.accounts.reset_password(clerk.id, "重设的密码1")
    assert store.accounts.verify("李秀英", "重设的密码1").role is Role.CLERK
    with pytest.raises(ValidationError) as last:
        store.accounts.update(head.id, role=Role.CLERK, cadre_id=None)
    assert last.value.code == "account.last_head"
    with pytest.raises(ValidationError):
        store.accounts.update(head.id, role=Role.HEAD, cadre_id=None, retired=True)
    store.accounts.update(clerk.id, role=Role.CLERK, cadre_id=None, retired=True)
    with pytest.raises(ValidationError):
        store.accounts.sign_in("李秀英", "重设的密码1")  # retired: cannot sign in
    lines = access_log.entries(store.db)
    assert [e.action_name for e in lines[:2]] == ["账号管理", "账号管理"]
    assert "停用账号 李秀英" in lines[0].what


def test_roles_are_refused_in_storage_and_the_head_sees_the_clerks_export(
    store: Store, tmp_path: Path
) -> None:
    accounts(store)
    household = store.register.save_household(Household(number="001", members=[Person(name="甲")]))
    register(store, FRIDAY)
    store.accounts.sign_in("赵查阅", PASSWORD)
    with pytest.raises(PermissionDenied):
        store.register.save_household(Household(number="002", members=[Person(name="乙")]))
    store.accounts.sign_in("李秀英", PASSWORD)
    store.register.save_household(Household(number="002", members=[Person(name="乙")]))
    for refused in (
        lambda: store.register.delete_household(household.id or ""),
        lambda: store.register.reveal("户籍列表", 2),
        lambda: store.items.set_units(["民政办"]),
        lambda: access_log.entries(store.db),
    ):
        with pytest.raises(PermissionDenied):
            refused()
    export_ledger(store, LedgerFilter(), tmp_path / "台账.xlsx", today=dt.date(2026, 11, 30))
    store.accounts.sign_in("王站长", PASSWORD)
    store.register.reveal("户 001", 1)
    store.register.delete_household(household.id or "")
    lines = access_log.entries(store.db)
    assert [(e.operator, e.action_name) for e in lines] == [
        ("王站长", "查看完整号码"), ("王站长", "登录"), ("李秀英", "导出"),
        ("李秀英", "登录"), ("赵查阅", "登录"), ("王站长", "账号管理"), ("王站长", "账号管理"),
        ("王站长", "登录"),
    ]  # fmt: skip
    export = lines[2]
    assert export.count == 1 and "民情台账" in export.what and export.role == "工作人员"


def _dummy_store(operator: object) -> object:
    class Db:
        pass

    class Repo:
        db = Db()

    Repo.db.operator = operator  # type: ignore[attr-defined]
    return Repo()


@settings(max_examples=60, deadline=None)
@given(role=st.sampled_from(list(Role)), name=st.sampled_from(sorted(write_paths.MARKED)))
def test_no_role_reaches_a_refused_write_path(role: Role, name: str) -> None:
    """Every marked write path checks its permission before it touches anything."""
    from qunzhong_desktop.core.access import Operator

    fn, needs = write_paths.MARKED[name]
    operator = Operator("id", "某人", role)
    if needs is None or needs in PERMISSIONS[role]:
        return
    before = write_paths.REGISTRY[name]
    with pytest.raises(PermissionDenied):
        fn(_dummy_store(operator))  # refused before its arguments are even looked at
    assert write_paths.REGISTRY[name] == before


def test_every_write_path_is_marked_with_what_it_needs() -> None:
    needs = {name: need for name, (_fn, need) in write_paths.MARKED.items()}
    assert needs["storage.register_repo.SqlRegister.delete_household"] is Permission.DELETE
    assert needs["storage.roster_import.apply_roster"] is Permission.IMPORT_ROSTER
    assert needs["storage.access_log.record"] is None  # reading is logged for every role
    assert set(needs.values()) >= {Permission.WRITE, Permission.DELETE, Permission.SETTINGS}


def test_exports_mask_phones_unless_a_head_asks(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    accounts(store)
    register(store, FRIDAY)  # 王大爷, 13812345678

    def phones(path: Path) -> set[str]:
        ws = load_workbook(path).active
        assert ws is not None
        return {str(c.value) for row in ws.iter_rows() for c in row if "138" in str(c.value)}

    store.accounts.sign_in(*CLERK_LOGIN)
    masked = tmp_path / "masked.xlsx"
    export_ledger(store, LedgerFilter(), masked, today=dt.date(2026, 11, 30))
    assert phones(masked) == {"138****5678"}
    with pytest.raises(PermissionDenied):
        export_ledger(store, LedgerFilter(), tmp_path / "x.xlsx", full_numbers=True)
    assert not (tmp_path / "x.xlsx").exists()
    store.accounts.sign_in("王站长", PASSWORD)
    full = tmp_path / "full.xlsx"
    export_ledger(store, LedgerFilter(), full, today=dt.date(2026, 11, 30), full_numbers=True)
    assert phones(full) == {"13812345678"}
    assert access_log.entries(store.db)[0].what.endswith("（完整电话）")


def test_a_store_not_yet_set_up_names_roles_as_at_a_station(empty_store: Store) -> None:
    empty_store.accounts.create("王站长", PASSWORD, Role.HEAD)
    assert empty_store.accounts.verify("王站长", PASSWORD).role_name == "站长"
