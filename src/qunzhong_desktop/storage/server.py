r"""A data directory whose database lives on a PostgreSQL server (the county, issue 19).

The data directory still holds the keys, the scratch folder and the settings of the PC; the
file ``database-server.txt`` in it names the server with a SQLAlchemy URL
(``postgresql+psycopg://user@host:5432/qunzhong``). A password is best kept out of the URL,
in the PostgreSQL password file (``~/.pgpass``, or ``%APPDATA%\postgresql\pgpass.conf``)
that libpq reads; if the URL carries one, the file is readable by its owner only, like the
rest of the folder. The URL is never logged or shown with its password.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage.environment import StoreUnavailable

SERVER_FILE = "database-server.txt"
SCHEMES = ("postgresql+psycopg",)


def server_url(home: Path) -> str | None:
    """The server the data directory points at, or None (its own SQLite file)."""
    path = Path(home) / SERVER_FILE
    if not path.is_file():
        return None
    url = path.read_text(encoding="utf-8").strip()
    return url or None


def checked_url(url: str) -> str:
    """``url`` if it names a PostgreSQL database this program can use.

    Raises:
        ValidationError: not a URL, another kind of database, or no database name.
    """
    url = url.strip()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValidationError(
            "数据库地址格式不对。示例：postgresql+psycopg://qunzhong@127.0.0.1:5432/qunzhong",
            code="server.url",
            field="db",
        ) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in SCHEMES:
        raise ValidationError(
            f"只支持 PostgreSQL 数据库（地址以 postgresql+psycopg:// 开头），不支持 {parsed.drivername}。",
            code="server.url",
            field="db",
        )
    if not parsed.database:
        raise ValidationError(
            "数据库地址里缺少数据库名（地址最后的 /库名）。", code="server.url", field="db"
        )
    return parsed.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL to show or log: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "（无效的数据库地址）"


def point_at_server(home: Path, url: str) -> str:
    """Record that the data directory's database is on the server at ``url``.

    The server is reached first: a wrong address, password or database name is said now,
    not at the next start.

    Raises:
        ValidationError: the URL is malformed or not PostgreSQL.
        StoreUnavailable: the server cannot be reached or refuses the login.
    """
    url = checked_url(url)
    probe(url)
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    path = home / SERVER_FILE
    path.write_text(url + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return url


def probe(url: str) -> bool:
    """Connect once; whether the database already holds this program's tables.

    Raises:
        StoreUnavailable: the server cannot be reached, refuses the login, or has no such
            database.
    """
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _check_collation(conn, url)
            return inspect(conn).has_table("alembic_version")
    except DBAPIError as exc:
        raise explain_server(exc, url) from exc
    finally:
        engine.dispose()


#: Collations that compare text byte by byte, as SQLite does.
BYTEWISE = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8"})


def _check_collation(conn: Connection, url: str) -> None:
    """The database must compare text byte-wise (created with the C locale).

    Item numbers, station and township codes are filtered by ranges (``number >= '430121101'
    AND number < '430121102'``) that the unique indexes answer; under a language collation
    (zh_CN, en_US, an ICU locale) punctuation is skipped and the ranges, and the natural
    order of 户号, would not mean what they mean on SQLite.

    Raises:
        StoreUnavailable: ``server.collation``.
    """
    collate = conn.execute(
        text("SELECT datcollate FROM pg_database WHERE datname = current_database()")
    ).scalar_one()
    provider = "c"
    if (conn.dialect.server_version_info or (0,)) >= (15,):
        provider = conn.execute(
            text("SELECT datlocprovider FROM pg_database WHERE datname = current_database()")
        ).scalar_one()
    if provider != "c" or collate not in BYTEWISE:
        raise StoreUnavailable(
            f"数据库 {shown(url)} 的排序规则是 {collate if provider == 'c' else 'ICU'}，本程序需要按字节比较的"
            " C 排序规则。请管理员重新建库：createdb --template template0 --lc-collate C"
            " --lc-ctype C.UTF-8"
            " --encoding UTF8 --owner 用户 库名（库里还没有数据时删掉重建即可）。",
            code="server.collation",
        )


def explain_server(exc: BaseException, url: str) -> StoreUnavailable:
    """The sentence for a server that cannot be used (the password never shown)."""
    original = getattr(exc, "orig", None) or exc
    message = str(original).lower()
    where = shown(url)
    if "password" in message or "authentication" in message:
        return StoreUnavailable(
            f"数据库服务器拒绝登录（{where}）：用户名或密码不对。请向县里的信息管理员核对。",
            code="server.login",
        )
    if "does not exist" in message and "database" in message:
        return StoreUnavailable(
            f"数据库服务器上没有这个数据库（{where}）。请先由管理员建库（createdb），再设置本机。",
            code="server.no_database",
        )
    if "permission denied" in message:
        return StoreUnavailable(
            f"数据库用户没有建表或写入的权限（{where}）。请让管理员授予该用户对数据库的所有权。",
            code="server.permission",
        )
    return StoreUnavailable(
        f"无法连接数据库服务器（{where}）。请确认服务器已开机、网络已连接、地址和端口正确。",
        code="server.unreachable",
    )
