"""Normalisation of typed and imported text: full-width characters, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII; Chinese punctuation such as
# ，。；：（） stays as written, because it belongs to Chinese prose
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code - 0xFEE0).isalnum()
}


def clean(value: object) -> str:
    """Free text (content, addresses, notes) with spaces collapsed and full-width digits folded.

    Spreadsheet cells and pasted text carry full-width digits (``１２３``), ideographic and
    non-breaking spaces; digits and Latin letters become ASCII and runs of spaces a single
    space, trimmed at both ends. Chinese punctuation is kept.
    """
    if value is None:
        return ""
    text = str(value).translate(_FULLWIDTH_ALNUM)
    return _SPACES.sub(" ", text).strip()


def compact(value: object) -> str:
    """Numbers, codes and names: every full-width form folded (NFKC) and every space removed.

    ``１２３４－５６``, ``（0731）`` and ``1 3 8`` become ``1234-56``, ``(0731)`` and ``138``.
    """
    if value is None:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(value)))
