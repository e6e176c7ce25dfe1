"""Administrative division codes (GB/T 2260 and the statistical division codes)."""

from __future__ import annotations

import re

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

# Province-level codes (first two digits) of GB/T 2260; 71 Taiwan, 81/82 Hong Kong and Macao,
# 83 the residence permits of residents from Taiwan.
PROVINCES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省",
    "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区", "83": "台湾居民",
}  # fmt: skip

_DIGITS = re.compile(r"^\d+$")


def plausible_area(code6: str) -> bool:
    """Whether six digits can be the area part of a citizen ID number.

    A real province, and not the province itself (``430000``): people are registered in a
    county or city district.
    """
    return (
        len(code6) == 6
        and code6[:2] in PROVINCES
        and code6[2:] != "0000"
        and (code6[:2] in {"71", "81", "82", "83"} or code6[2:4] != "00")
    )


def _no_letters(code: str, what: str, error: str) -> None:
    """Point at the first character of ``code`` that is not a digit (an O for a 0 …)."""
    for position, char in enumerate(code, start=1):
        if not ("0" <= char <= "9"):
            raise ValidationError(
                f"{what}“{code}”第 {position} 位“{char}”不是数字：代码只能由数字组成"
                "（注意字母 O 和数字 0、字母 l 和数字 1）。",
                code=error,
                value=code,
                position=position,
            )


def normalise_station_code(raw: str) -> str:
    """Check a station's 12-digit statistical division code (村/社区级统计用区划代码).

    Raises:
        ValidationError: with a Chinese message naming what is wrong.
    """
    code = compact(raw)
    _no_letters(code, "工作站代码", "station_code.format")
    if not _DIGITS.match(code) or len(code) != 12:
        raise ValidationError(
            f"工作站代码应为 12 位数字的统计用区划代码，现在是“{code}”（{len(code)} 位）。",
            code="station_code.format",
            value=code,
        )
    if code[:2] not in PROVINCES or code[:2] in {"71", "81", "82", "83"}:
        raise ValidationError(
            f"工作站代码“{code}”的前两位“{code[:2]}”不是有效的省级代码。",
            code="station_code.province",
            value=code,
        )
    if code[6:9] == "000" or code[9:] == "000":
        raise ValidationError(
            f"工作站代码“{code}”不是村（社区）级代码：第 7–9 位是乡镇，第 10–12 位是村，都不能为 000。",
            code="station_code.level",
            value=code,
        )
    return code


def normalise_township_code(raw: str) -> str:
    """Check a township's 9-digit division code (乡镇级统计用区划代码)."""
    code = compact(raw)
    _no_letters(code, "乡镇代码", "township_code.format")
    if not _DIGITS.match(code) or len(code) != 9:
        raise ValidationError(
            f"乡镇代码应为 9 位数字，现在是“{code}”（{len(code)} 位）。",
            code="township_code.format",
            value=code,
        )
    if code[:2] not in PROVINCES or code[6:] == "000":
        raise ValidationError(
            f"乡镇代码“{code}”不是有效的乡镇级区划代码。",
            code="township_code.level",
            value=code,
        )
    return code


def check_station_in_township(station_code: str, township_code: str) -> None:
    """A station's code begins with its township's code."""
    if station_code[:9] != township_code:
        raise ValidationError(
            f"工作站代码“{station_code}”的前 9 位应与乡镇代码“{township_code}”一致。",
            code="station_code.township",
            station_code=station_code,
            township_code=township_code,
        )
