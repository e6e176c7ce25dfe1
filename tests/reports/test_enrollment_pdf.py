"""The enrollment sheet: the fingerprint readable in the PDF's text, fonts embedded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.reports.enrollment_pdf import (
    EnrollmentOutputError,
    fingerprint_groups,
    render_enrollment_sheet,
)
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.views import EnrollmentInfo

FINGERPRINT = NodeKeys.generate().fingerprint


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _info(**kw: object) -> EnrollmentInfo:
    values: dict[str, object] = dict(
        station_code="430121101201",
        station_name="白沙村群众工作站",
        node_id="0193a0c0-0000-7000-8000-000000000001",
        epoch=1,
        fingerprint=FINGERPRINT,
    )
    values.update(kw)
    return EnrollmentInfo(**values)  # type: ignore[arg-type]


def _embedded(reader: PdfReader) -> list[dict[str, object]]:
    fonts = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    descriptors = []
    for ref in fonts.values():
        font = ref.get_object()
        for desc in font.get("/DescendantFonts", [font]):
            descriptors.append(desc.get_object().get("/FontDescriptor"))
    return [d.get_object() if d is not None else {} for d in descriptors]


def test_sheet_shows_station_and_fingerprint(font: CjkFont, tmp_path: Path) -> None:
    created = dt.datetime(2026, 11, 16, 9, 30)
    out = render_enrollment_sheet(
        _info(),
        tmp_path / "登记表.pdf",
        font=font,
        township_name="白沙镇",
        file_name="白沙村群众工作站-登记表.qzenroll",
        created=created,
    )
    assert out == tmp_path / "登记表.pdf"
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = "".join(reader.pages[0].extract_text().split())
    # the 8 groups, in order and next to each other
    assert "".join(FINGERPRINT.split()) in text
    assert len(fingerprint_groups(FINGERPRINT)) == 8
    for expected in (
        "工作站登记表",
        "白沙村群众工作站",
        "430121101201",
        "0193a0c0-0000-7000-8000-000000000001",
        "白沙镇",
        "乡镇确认人签字",
        "确认日期",
        "2026-11-1609:30",
        "白沙村群众工作站-登记表.qzenroll",
    ):
        assert expected in text, expected
    embedded = _embedded(reader)
    assert embedded and all("/FontFile2" in d for d in embedded)  # every font is embedded
    assert reader.metadata is not None and "白沙村群众工作站" in str(reader.metadata.title)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_reenrollment_says_so(font: CjkFont, tmp_path: Path) -> None:
    out = render_enrollment_sheet(_info(epoch=2), tmp_path / "a.pdf", font=font)
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "第2套（更换密钥后重新登记）" in text


def test_a_long_name_is_cut_not_overflowing(font: CjkFont, tmp_path: Path) -> None:
    name = "白沙镇白沙村第一第二第三第四第五第六第七第八第九第十村民小组联合群众工作站" * 2
    out = render_enrollment_sheet(_info(station_name=name), tmp_path / "a.pdf", font=font)
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "…" in text and "".join(FINGERPRINT.split()) in text


def test_unwritable_folder_is_explained(font: CjkFont, tmp_path: Path) -> None:
    with pytest.raises(EnrollmentOutputError) as caught:
        render_enrollment_sheet(_info(), tmp_path / "missing" / "a.pdf", font=font)
    assert "不存在" in caught.value.message


def test_a_township_s_sheet_for_its_county(font: CjkFont, tmp_path: Path) -> None:
    info = _info(station_code="430121101", station_name="白沙镇群众工作办", role="township")
    out = render_enrollment_sheet(
        info, tmp_path / "乡镇登记表.pdf", font=font, township_name="长沙县群众工作部",
        file_name="白沙镇群众工作办-县级登记.qzenroll",
    )  # fmt: skip
    reader = PdfReader(out)
    text = "".join(reader.pages[0].extract_text().split())
    assert "".join(FINGERPRINT.split()) in text
    for expected in (
        "乡镇登记表", "县级数据同步·本乡镇密钥指纹确认单", "乡镇名称白沙镇群众工作办",
        "乡镇代码430121101", "所属县（市）长沙县群众工作部", "登记乡镇", "乡镇经办人签字",
        "县确认人签字", "（乡镇盖章）", "白沙镇群众工作办-县级登记.qzenroll",
    ):  # fmt: skip
        assert expected in text, expected
    for station_words in ("工作站登记表", "工作站名称", "所属乡镇", "登记站点", "乡镇确认人"):
        assert station_words not in text, station_words
    assert reader.metadata is not None and reader.metadata.title == "乡镇登记表 白沙镇群众工作办"
