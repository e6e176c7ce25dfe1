"""Report files: written atomically (naming their error), and the A4 page they share.

The monthly report and the cadre's record lay out the same A4 page: margins, a grey footer
line with the page number, a document carrying the embedded CJK font.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm as _mm
from reportlab.platypus import SimpleDocTemplate

from qunzhong_desktop.core.safe_write import OutputError
from qunzhong_desktop.core.safe_write import write_atomically as _write


class ReportOutputError(OutputError):
    """The report file cannot be written where the user asked."""

    code = "report.output"


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """Write a report file safely (see :func:`.output.write_atomically`); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there; nothing is left behind.
    """
    _write(out, write, error=ReportOutputError)
    return Path(out)


mm: float = _mm  # reportlab is untyped
PAGE_W, PAGE_H = float(A4[0]), float(A4[1])
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 15 * mm, 18 * mm
GREY = colors.Color(0.35, 0.35, 0.35)


def build_a4(path: Path, story: Sequence[Any], *, font: str, title: str, author: str,
             footer: str) -> None:  # fmt: skip
    """Lay ``story`` out on A4 pages, each with ``footer`` and its page number at the foot."""

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN_X, 10 * mm, footer)
        canvas.drawRightString(PAGE_W - MARGIN_X, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
        creator="群众工作站桌面版", pageCompression=1, initialFontName=font, initialFontSize=10,
    )  # fmt: skip
    doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate)
