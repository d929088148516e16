"""Property tests: ``extract_text`` on texts built from real fragments never fails.

For any text glued from fragments of Vietnamese legal documents (markers, agencies, deadlines,
table pipes, markdown, odd Unicode), ``extract_text``:

* raises nothing (it never raises on text; only the readers raise the typed errors);
* gives spans inside ``[0, len(text)]`` with ``start <= end``, everywhere in the output;
* gives unique task ids and unique structure node ids;
* gives an output that validates against the published JSON Schema.

The readers, on arbitrary bytes, return a ``Source`` or raise a :class:`VbplError`, nothing else.
``scripts/fuzz.py`` runs the same checks at scale.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vbpl_extract.errors import VbplError
from vbpl_extract.pipeline import extract_text
from vbpl_extract.readers import Source, read_bytes
from vbpl_extract.schema import validate_data

FRAGMENTS: tuple[str, ...] = (
    # header and signature
    "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Số: 123/KH-UBND", "Số: 03/NQ-CP", "Hà Nội, ngày 09 tháng 01 năm 2025",
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CÔNG ĐIỆN", "Về việc", "V/v triển khai",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:", "Kính gửi:",
    "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    "Nguyễn Văn A",
    # structure markers
    "Phần I", "Chương II", "Mục 1", "Điều 1.", "Điều 2.", "Điều 15a.", "I.", "II.", "1.", "2.", "1.1.",
    "1.2.3.", "a)", "b)", "đ)", "(1)", "- ", "+ ", "* ", "• ", "– ", "PHỤ LỤC", "Phụ lục I",
    # task language
    "Giao Sở Tài chính chủ trì", ", phối hợp với Sở Nội vụ", " xây dựng kế hoạch", " tham mưu Ủy ban nhân dân tỉnh",
    "Bộ Công an", "Bộ KH&CN", "các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã",
    "Sở Y tế chủ trì hoàn thiện", "báo cáo Thủ tướng Chính phủ", "Sản phẩm: Quyết định",
    "trước ngày 15/12/2025", "trong quý IV/2025", "hằng tháng, trước ngày 25", "năm 2025", "thường xuyên",
    "trước ngày 31 tháng 12 năm 2025", "Thời gian hoàn thành:", "Tổ chức thực hiện", "hoá", "Uỷ ban",
    "theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Quyết định số 1110/QĐ-BTTTT",
    # tables and markup
    "|", "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |", "|---|---|---|---|", "| 1 | Rà soát | Sở Tư pháp | 2025 |",
    "**", "*", "#", "## ", "<br>", "<table><tr><td>1</td></tr></table>", "\\.",
    # whitespace and odd characters
    "\n", "\n", "\n", "\n\n", " ", "  ", "\t", "\r\n", "\r", "\u00a0", "\u200b", "\ufeff", "\u0301", "\u0300",
    "\u0323", "ạ", "Đ", ".", ";", ":", ",", "(", ")", "/", "…", "“", "”", "0", "9", "x",
)

fragment_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
mixed_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40
).map("".join)
forms = st.sampled_from(["as is", "NFC", "NFD"])

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIGHT = settings(SETTINGS, max_examples=100)


def _spans(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every ``span``-like value in the output JSON, with where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}/{key}"
            if key.endswith("span") and item is not None:
                yield where, item
            elif key == "cell_spans" and item is not None:
                yield from ((f"{where}/{i}", s) for i, s in enumerate(item))
            else:
                yield from _spans(item, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _spans(item, f"{path}/{i}")


def _node_ids(nodes: list[dict[str, Any]]) -> Iterator[str]:
    for node in nodes:
        yield node["id"]
        yield from _node_ids(node.get("children") or [])


def check_output(text: str) -> dict[str, Any]:
    """Run the pipeline on ``text`` and assert the output invariants; returns the output JSON."""
    graph = extract_text(text)
    data = json.loads(graph.model_dump_json())
    n = len(text)
    assert data["source"]["length"] == n
    for where, span in _spans(data):
        assert isinstance(span, list) and len(span) == 2, (where, span)
        assert 0 <= span[0] <= span[1] <= n, (where, span, n)
    task_ids = [t["id"] for t in data["tasks"]]
    assert len(task_ids) == len(set(task_ids)), task_ids
    node_ids = list(_node_ids(data["structure"]))
    assert len(node_ids) == len(set(node_ids)), node_ids
    known = set(node_ids)
    for t in data["tasks"]:
        assert t["span"][0] < t["span"][1] or not t["text"], t
        assert t["unit_id"] is None or t["unit_id"] in known, t["unit_id"]
    assert validate_data(data) == []
    return data


@SETTINGS
@given(text=fragment_texts, form=forms)
@example(text="Điều 1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng kế hoạch trước ngày 15/12/2025.",
         form="NFD")
@example(text="", form="as is")
@example(text="|\n|\n|", form="as is")
@example(text="**\n*\n#", form="as is")
@example(text="a)\n" * 30 + "- " * 30, form="as is")
def test_fragments_never_break_the_pipeline(text: str, form: str) -> None:
    if form != "as is":
        text = unicodedata.normalize(form, text)
    check_output(text)


@LIGHT
@given(text=mixed_texts)
def test_fragments_and_arbitrary_unicode(text: str) -> None:
    check_output(text)


@LIGHT
@given(lines=st.lists(st.sampled_from(FRAGMENTS[24:60]), min_size=1, max_size=30))
def test_one_fragment_per_line(lines: list[str]) -> None:
    """Each fragment on its own line: the shape of a real plan, markers at line starts."""
    check_output("\n".join(lines))


READER_NAMES = ("a.txt", "a.md", "a.html", "a.docx", "a.pdf")
PREFIXES = (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body><p>",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(READER_NAMES), prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000))
def test_readers_raise_only_typed_errors(name: str, prefix: bytes, body: bytes) -> None:
    try:
        source = read_bytes(prefix + body, name)
    except VbplError as exc:
        assert exc.path == name and exc.problem
        return
    assert isinstance(source, Source) and source.text.strip()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "cp1258"])
@settings(max_examples=30, deadline=None)
@given(text=fragment_texts)
def test_encoded_fragments_read_or_fail_typed(encoding: str, text: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        source = read_bytes(data, "vanban.txt")
    except VbplError:
        return
    check_output(source.text)
