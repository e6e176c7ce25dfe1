"""A year's holiday schedule (节假日安排) as a plain text file the user can type.

The State Council publishes each year's schedule late in the year before; until the
``chinese-calendar`` package knows it, the station types it in. The format, one entry a line::

    # 2027 年部分节假日安排（国务院办公厅通知）
    年份 2027
    2027-01-01 休 元旦
    2027-02-06..2027-02-12 休 春节
    2027-02-14 班 春节调休

- ``年份 2027`` (or ``year 2027``; several years on one line or several lines) declares the
  years the file covers. A file replaces everything loaded before for exactly those years.
- A day line is a date or a range, the kind, then an optional note (up to 50 characters).
  Dates are ``2027-02-06``, ``2027/2/6`` or ``2027年2月6日``; a range is ``A..B``, ``A 至 B``
  or ``A~B`` (both ends included).
- The kind is ``休`` (also ``休息``, ``放假``, ``off``): a holiday; ``班`` (also ``上班``,
  ``work``): a make-up workday (调休).
- ``#`` starts a comment; blank lines are ignored; full-width digits and punctuation are
  read as their half-width forms. The file is UTF-8 (GB18030, as older Notepad saves it,
  is accepted too).

Rules, each refused with the line number and a Chinese sentence:
- every day lies in a declared year, and no day is listed twice (ranges included);
- ``班`` only on a Saturday or Sunday — a weekday is a workday anyway, so it is a typo;
- every declared year has at least one ``休`` day.

``休`` on a Saturday or Sunday is accepted: the notices write holidays as whole ranges that
include the weekend, and such a day is off either way.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from qunzhong_desktop.core.bounded import regular_file
from qunzhong_desktop.core.errors import ValidationError

NOTE_MAX = 50
MAX_BYTES = 1_000_000
MAX_RANGE = 31  # the longest holiday is about nine days
_WEEKDAYS = "一二三四五六日"
_KINDS = {
    "休": False, "休息": False, "放假": False, "off": False,
    "班": True, "上班": True, "work": True,
}  # fmt: skip
_YEAR_WORDS = ("年份", "year")
_DATE = r"\d[\d\-/年月日]*"
_DAY_LINE = re.compile(
    rf"^(?P<start>{_DATE})(?:\s*(?:\.{{2,3}}|至|~)\s*(?P<end>{_DATE}))?"
    r"(?:\s*(?P<kind>休息|放假|上班|休|班|[A-Za-z]+|\S+)(?:\s*(?P<note>.*))?)?$"
)
_DATE_PARTS = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")


@dataclass(frozen=True)
class ScheduleDay:
    """One day that differs from the plain week.

    Attributes:
        day: the date.
        workday: ``True`` a make-up workday (班), ``False`` a holiday (休).
        note: e.g. ``春节`` or ``春节调休``.
        line: the line of the file it came from (0 when not from a file).
    """

    day: dt.date
    workday: bool
    note: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Schedule:
    """The parsed file: the years it covers and its days, in date order."""

    years: tuple[int, ...]
    days: tuple[ScheduleDay, ...]
    source: str = ""

    def holidays(self, year: int | None = None) -> list[ScheduleDay]:
        """The 休 days (of ``year`` when given)."""
        return [d for d in self.days if not d.workday and year in (None, d.day.year)]

    def makeup_days(self, year: int | None = None) -> list[ScheduleDay]:
        """The 班 days (of ``year`` when given)."""
        return [d for d in self.days if d.workday and year in (None, d.day.year)]


class ScheduleError(ValidationError):
    """The schedule file is not acceptable.

    ``message`` names the first problem (with its line); ``data["problems"]`` lists every
    problem found, each a ``(line, message)`` pair (line 0: the file as a whole).
    """

    code = "calendar.file"


def _problem(line: int, text: str) -> tuple[int, str]:
    return line, (f"第 {line} 行：{text}" if line else text)


def _date(text: str, line: int, problems: list[tuple[int, str]]) -> dt.date | None:
    match = _DATE_PARTS.fullmatch(text.removesuffix("日"))
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        problems.append(_problem(line, f"“{text}”不是有效的日期，请写成 2027-02-06 这样的格式。"))
        return None


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw)
    return text.split("#", 1)[0].strip()


def _years(rest: str, line: int, problems: list[tuple[int, str]]) -> list[int]:
    words = rest.lstrip(":").replace(",", " ").replace("、", " ").split()
    if not words:
        problems.append(_problem(line, "“年份”后面没有写年份，例如：年份 2027。"))
    years = []
    for word in words:
        digits = word.removesuffix("年")
        if not (digits.isascii() and digits.isdigit() and 1949 <= int(digits) <= 2100):
            problems.append(_problem(line, f"“{word}”不是有效的年份，请写四位数字，例如 2027。"))
        else:
            years.append(int(digits))
    return years


def parse_schedule(text: str, *, source: str = "") -> Schedule:
    """Read a schedule written in the format above.

    Raises:
        ScheduleError: the text breaks a rule; every problem found is in ``data``.
    """
    problems: list[tuple[int, str]] = []
    years: dict[int, int] = {}  # year -> line that declared it
    seen: dict[dt.date, ScheduleDay] = {}
    year_lines = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        word = next((w for w in _YEAR_WORDS if line.lower().startswith(w)), None)
        if word is not None:
            year_lines += 1
            for year in _years(line[len(word) :].strip(), number, problems):
                if year in years:
                    problems.append(_problem(number, f"年份 {year} 已在第 {years[year]} 行写过。"))
                years.setdefault(year, number)
            continue
        for day in _day_line(line, number, problems):
            if day.day in seen:
                earlier = seen[day.day].line
                problems.append(
                    _problem(number, f"{day.day} 已在第 {earlier} 行写过，一天只能写一次。")
                )
            else:
                seen[day.day] = day
    if not year_lines:
        problems.insert(0, _problem(0, "文件中没有“年份”行，请在开头写明年份，例如：年份 2027。"))
    elif years:
        _check_years(years, seen, problems)
    if problems:
        problems.sort(key=lambda p: p[0])
        first = problems[0][1]
        if len(problems) > 1:
            first += f"（另有 {len(problems) - 1} 处错误）"
        raise ScheduleError(first, problems=problems, source=source)
    return Schedule(
        years=tuple(sorted(years)),
        days=tuple(sorted(seen.values(), key=lambda d: d.day)),
        source=source,
    )


def _day_line(line: str, number: int, problems: list[tuple[int, str]]) -> list[ScheduleDay]:
    match = _DAY_LINE.match(line)
    if match is None:
        problems.append(
            _problem(
                number, f"看不懂“{line}”。每行应为：日期 休/班 备注，例如 2027-01-01 休 元旦。"
            )
        )
        return []
    kind_text = match["kind"]
    if kind_text is None:
        problems.append(_problem(number, "日期后面缺少“休”或“班”。"))
        return []
    kind = _KINDS.get(kind_text.lower())
    if kind is None:
        problems.append(_problem(number, f"“{kind_text}”应为“休”（放假）或“班”（调休上班）。"))
        return []
    note = (match["note"] or "").strip()
    if len(note) > NOTE_MAX:
        problems.append(_problem(number, f"备注太长（最多 {NOTE_MAX} 个字）。"))
        return []
    start = _date(match["start"], number, problems)
    end = _date(match["end"], number, problems) if match["end"] else start
    if start is None or end is None:
        return []
    if end < start:
        problems.append(_problem(number, f"日期范围的结束日 {end} 早于开始日 {start}。"))
        return []
    if (end - start).days >= MAX_RANGE:
        problems.append(_problem(number, f"日期范围超过 {MAX_RANGE} 天，请检查起止日期。"))
        return []
    days = []
    for day in _days(start, end):
        if kind and day.weekday() < 5:
            weekday = _WEEKDAYS[day.weekday()]
            problems.append(
                _problem(
                    number,
                    f"{day} 是星期{weekday}，本来就是工作日；“班”只用于周六、周日的调休上班日。",
                )
            )
            return []
        days.append(ScheduleDay(day, kind, note, number))
    return days


def _check_years(
    years: dict[int, int], seen: dict[dt.date, ScheduleDay], problems: list[tuple[int, str]]
) -> None:
    declared = "、".join(str(y) for y in sorted(years))
    reported: set[int] = set()
    for day in seen.values():
        if day.day.year not in years and day.line not in reported:
            reported.add(day.line)
            problems.append(_problem(day.line, f"{day.day} 不在文件写明的年份（{declared}）内。"))
    if problems:
        return  # a year without 休 is most likely a consequence of an error above
    holidays = Counter(d.day.year for d in seen.values() if not d.workday)
    for year, line in years.items():
        if not holidays[year]:
            problems.append(_problem(line, f"{year} 年没有写任何“休”的日子。"))


def read_schedule(path: Path) -> Schedule:
    """Read and parse a schedule file (UTF-8, or GB18030 as older Notepad saves it).

    Raises:
        ScheduleError: the file cannot be read or breaks a rule.
    """
    try:
        if regular_file(path).st_size > MAX_BYTES:
            raise ScheduleError(
                f"文件 {path.name} 太大，不像节假日安排（应为几十行的文本文件）。",
                source=str(path),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ScheduleError(
            f"无法读取文件 {path.name}：{exc.strerror or exc}", source=str(path)
        ) from exc
    if len(data) > MAX_BYTES:
        raise ScheduleError(
            f"文件 {path.name} 太大，不像节假日安排（应为几十行的文本文件）。", source=str(path)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ScheduleError(
                f"文件 {path.name} 不是文本文件，请用记事本另存为 UTF-8 编码后再导入。",
                source=str(path),
            ) from exc
    if "\x00" in text:
        raise ScheduleError(
            f"文件 {path.name} 不是文本文件，请用记事本另存为 UTF-8 编码后再导入。",
            source=str(path),
        )
    return parse_schedule(text, source=path.name)
