"""Reading cells as columns: trimming spans, header and label words, cell features, and aligning a
row with fewer cells to the table's columns (group rows such as ``**I** | **Giai đoạn 2025-2027**``).

>>> _is_label("12."), _is_label("ii"), _is_label("nhiệm vụ")
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from vbpl_extract.textutil import display, match_key

from .blocks import CellBlock, RowBlock

_WS_CHARS = " \t\r\n\f\v\u00a0\u200b\ufeff"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and ``**`` on both sides."""
    while True:
        while start < end and text[start] in _WS_CHARS:
            start += 1
        while end > start and text[end - 1] in _WS_CHARS:
            end -= 1
        changed = False
        if end - start >= 2 and text.startswith("**", start):
            start += 2
            changed = True
        if end - start >= 2 and text.startswith("**", end - 2):
            end -= 2
            changed = True
        if not changed:
            return start, end


def _key(text: str, start: int, end: int, limit: int = 300) -> str:
    """Lower-cased, tone-folded display text of a span (first ``limit`` characters only)."""
    return match_key(display(text[start : min(end, start + limit)]))


# Row labels (on the lower-cased key): "1", "12.", "I", "II.", "I.1", "11.3", "a", "a)", "A.", "(1)", "1a".
_LABEL = regex.compile(
    r"(?:\d{1,3}(?:\.\d{1,3}){0,3}|[ivxlc]{1,6}(?:\.\d{1,3}){0,2}|[a-zđ]|\(\d{1,3}\)|\d{1,3}[a-zđ])[.)]?",
    regex.V1,
)
_TT = regex.compile(r"s?tt|số\s*tt|số\s*thứ\s*tự|thứ\s*tự|tt\s*\(?\d?\)?", regex.V1)
_HEADER_WORDS = regex.compile(
    r"\b(?:s?tt|nội dung|nhiệm vụ|giải pháp|chỉ tiêu|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|"
    r"tiến độ|sản phẩm|kết quả|ghi chú|tên|nguồn|kinh phí|mã số|định mức|số lượng|hoạt động|dự án|"
    r"lĩnh vực|địa bàn|mục tiêu|trách nhiệm|hình thức|dự kiến|chương trình|đề án|lộ trình|phân công|"
    r"văn bản|căn cứ|yêu cầu|chỉ số|năm)\b",
    regex.V1,
)
_BAD_HEADER = regex.compile(r"phụ lục|kèm theo|nơi nhận|số hiệu|ngày ban hành|tình trạng\s*(?::|hiệu lực)|^#", regex.V1)
_AGENCY = regex.compile(
    r"(?:các\s+)?(?:bộ|sở|ubnd|ủy ban|cơ quan|ban|văn phòng|công an|trung tâm|hội|liên hiệp|viện|trường|"
    r"đài|báo|tổng cục|cục|vụ|thanh tra|kho bạc|ngân hàng|tòa án|viện kiểm sát|tỉnh|thành phố|huyện|xã|"
    r"phường|doanh nghiệp|tập đoàn|tổng công ty|đoàn|mặt trận|vtv|vov|ttxvn)\b",
    regex.V1,
)
_TIME = regex.compile(
    r"\b(?:20\d\d|19\d\d|quý|tháng|năm|hằng|hàng|thường xuyên|giai đoạn|định kỳ|trước ngày)\b", regex.V1
)
_NUMERIC = regex.compile(r"[\d.,%≥≤<>=+\-–/ x\"]+", regex.V1)


def _is_label(key: str) -> bool:
    """``1``, ``12.``, ``II``, ``I.1``, ``a)``: the number of a row (``key`` is lower-cased)."""
    return 0 < len(key) <= 12 and _LABEL.fullmatch(key) is not None


def _features(key: str) -> tuple[float, ...]:
    """A small feature vector used to align a short row's cells with the table's columns."""
    if not key:
        return (0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (
        1.0 if _is_label(key) else 0.0,
        1.0 if _AGENCY.match(key.lstrip("-–+•* ")) else 0.0,
        1.0 if _TIME.search(key[:80]) and len(key) < 120 else 0.0,
        min(len(key), 300) / 150.0,
        0.0,
        1.0 if key[:1] in "-–+•" else 0.0,
        1.0 if _NUMERIC.fullmatch(key) else 0.0,
    )


def _align(feats: Sequence[tuple[float, ...]], profiles: Sequence[tuple[float, ...]]) -> list[int]:
    """Columns for the ``k`` cells of a short continuation row among ``n`` columns.

    The cells a row lacks are those spanning down from the row above; they form a block at the start
    and/or the end, so the row takes ``k`` consecutive columns: the block whose column profiles
    (:func:`_features` averaged over full rows) fit best, the rightmost on ties.
    """
    k, n = len(feats), len(profiles)
    if k >= n:
        return list(range(k))
    best_start, best_score = n - k, float("-inf")
    for start in range(n - k, -1, -1):
        score = -sum(abs(a - b) for i in range(k) for a, b in zip(feats[i], profiles[start + i], strict=True))
        if score > best_score + 1e-9:
            best_start, best_score = start, score
    return list(range(best_start, best_start + k))


def _pad_row(start: int, end: int, cells: Sequence[CellBlock], cols: Sequence[int], n: int) -> RowBlock:
    """A row of exactly ``n`` cells: ``cells[i]`` at ``cols[i]``, empty cells elsewhere."""
    out: list[CellBlock | None] = [None] * n
    for cell, col in zip(cells, cols, strict=False):
        if col < n:
            out[col] = cell
    filled: list[CellBlock] = []
    nxt = end
    for col in range(n - 1, -1, -1):
        cell = out[col]
        if cell is None:
            cell = CellBlock(nxt, nxt)
        else:
            nxt = cell.start
        filled.append(cell)
    return RowBlock(start, end, tuple(reversed(filled)))
