import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.cli import calendar as calendar_cli
from qunzhong_desktop.cli import main
from qunzhong_desktop.storage.store import Store

SCHEDULE = """\
# 2027 年部分节假日安排
年份 2027
2027-01-01 休 元旦
2027-02-06..2027-02-12 休 春节
2027-02-14 班 春节调休
"""


def _home(store: Store) -> list[str]:
    return ["--home", str(store.home)]


def test_deadline_over_national_day_2026(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", "deadline", "2026-09-30", "5", "--home", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == "2026-10-13\n"
    assert err == ""


def test_deadline_into_an_unknown_year_warns_but_prints_the_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", "deadline", "2026-12-31", "1", "--home", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == "2027-01-01\n"  # a Friday: 元旦 unknown, weekends only
    assert err.count("\n") == 1 and "2027 年节假日安排未导入" in err


@pytest.mark.parametrize(
    ("date", "days", "words"),
    [("2026-02-30", "1", "日期"), ("30/09/2026", "1", "日期"), ("2026-09-30", "-1", "工作日数"),
     ("2026-09-30", "x", "工作日数"), ("2026-09-30", "400", "工作日数")],
)  # fmt: skip
def test_deadline_refuses_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, days: str, words: str
) -> None:
    assert main(["calendar", "deadline", date, days, "--home", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err


def test_import_then_deadline_uses_the_schedule(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2027.txt"
    path.write_text(SCHEDULE, encoding="utf-8")
    assert main(["calendar", "import", str(path), *_home(store)]) == 0
    out = capsys.readouterr().out
    assert "2027.txt" in out and "2027 年：休息日 8 天，调休上班日 1 天" in out
    assert store.calendar.loaded_years() == [2027]
    assert main(["calendar", "deadline", "2026-12-31", "1", *_home(store)]) == 0
    out, err = capsys.readouterr()
    assert out == "2027-01-04\n" and err == ""


def test_import_of_a_bad_file_changes_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("年份 2027\n2027-01-01 休\n2027-01-04 班 调休\n", encoding="utf-8")
    assert main(["calendar", "import", str(path), *_home(store)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：第 3 行：") and "\n" not in err
    assert store.calendar.loaded_years() == []


def test_import_of_a_missing_file(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "import", str(store.home / "none.txt"), *_home(store)]) == 1
    assert "无法读取" in capsys.readouterr().err


def test_import_of_a_bundled_year_says_it_replaces_it(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "2026.txt"
    path.write_text("年份 2026\n2026-01-01 休 元旦\n", encoding="utf-8")
    assert main(["calendar", "import", str(path), *_home(store)]) == 0
    assert "2026 年原有内置安排" in capsys.readouterr().out


def test_status_lists_bundled_and_loaded_years_and_warns(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar_cli, "today", lambda: dt.date(2027, 3, 1))
    assert main(["calendar", "status", *_home(store)]) == 0
    out, err = capsys.readouterr()
    assert "内置节假日安排：2004—2026 年" in out and "已导入：无" in out
    assert "警告：2027 年节假日安排未导入" in err and "2028" in err

    path = tmp_path / "2027.txt"
    path.write_text(SCHEDULE, encoding="utf-8")
    assert main(["calendar", "import", str(path), *_home(store)]) == 0
    capsys.readouterr()
    assert main(["calendar", "status", *_home(store)]) == 0
    out, err = capsys.readouterr()
    assert "已导入：2027 年（2027.txt）" in out
    assert "2027" not in err and "提示：2028 年" in err
