from pathlib import Path

import pytest

from qunzhong_desktop.ui.common import errors
from qunzhong_desktop.ui.common.pdf_print import PdfOpenError, open_pdf, preview_pdf


def test_a_file_that_is_not_a_pdf_is_explained_not_raised(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    del qtbot  # the QApplication
    bad = tmp_path / "坏文件.pdf"
    bad.write_text("not a pdf", encoding="utf-8")
    shown: list[Exception] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc, **kw: shown.append(exc))
    assert preview_pdf(bad) is False
    assert len(shown) == 1 and isinstance(shown[0], PdfOpenError)
    assert "无法打开 PDF 文件“坏文件.pdf”" in str(shown[0]) and shown[0].code == "pdf.open"
    assert str(tmp_path) not in str(shown[0])  # no folder path in the sentence (issue 12)
    with pytest.raises(PdfOpenError):
        open_pdf(tmp_path / "missing.pdf", None)  # type: ignore[arg-type]
