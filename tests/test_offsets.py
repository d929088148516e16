"""The offset map (clean.OffsetMap) against a plain list, and bounded reading of long texts (annotate)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vbpl_extract.agencies import find_agencies
from vbpl_extract.annotate import MAX_MENTIONS, WINDOW, Mentions, read_bounded
from vbpl_extract.clean import OffsetMap, clean_span, normalize
from vbpl_extract.deadlines import find_deadlines

# what builds a map: a copied stretch (range), one offset, a few offsets, another map
_piece = st.one_of(
    st.builds(lambda a, k: range(a, a + k), st.integers(0, 50), st.integers(0, 8)),
    st.integers(0, 50).map(lambda v: [v]),
    st.lists(st.integers(0, 50), max_size=5),
    st.lists(st.integers(0, 50), max_size=5).map(OffsetMap),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece, max_size=10), st.integers(-3, 60), st.integers(-3, 60))
def test_offset_map_is_the_list_it_stands_for(pieces, start: int, stop: int) -> None:
    ref: list[int] = []
    m = OffsetMap()
    for piece in pieces:
        ref.extend(piece)
        m.extend(piece)
    assert list(m) == ref and len(m) == len(ref)
    assert [m[i] for i in range(len(ref))] == ref == [m[i - len(ref)] for i in range(len(ref))] == [m.at(i) for i in range(len(ref))]
    assert list(m[start:stop]) == ref[start:stop]
    assert m == ref


def test_a_copied_line_is_one_run_whatever_its_length() -> None:
    line = "các cơ quan, đơn vị triển khai thực hiện nhiệm vụ được giao; " * 20_000
    f = normalize(line).paragraphs[0].frag
    assert len(f.starts) == len(f.text) > 1_000_000
    assert f.starts.runs == 1 and f.ends.runs == 1
    assert f.to_source(0, 7) == (0, 7) and line[slice(*f.span)] == f.text


def test_collapsed_spaces_and_markup_map_back() -> None:
    src = "**Điều 1.**   Giao  Sở Tài chính"
    f = clean_span(src, 0, len(src))
    assert f.text == "Điều 1. Giao Sở Tài chính"
    s, e = f.to_source(f.text.index("Sở"), len(f.text))
    assert src[s:e] == "Sở Tài chính"
    assert f.starts.runs < len(f.text)


def test_windows_find_what_the_whole_text_finds() -> None:
    # a real-looking paragraph far longer than one window: every mention found once, at the same place
    unit = ("Giao Sở Tài chính chủ trì, phối hợp Sở Nội vụ hoàn thành trước ngày 15/12/2025; "
            "Ủy ban nhân dân các xã, phường báo cáo hằng tháng; ")
    text = unit * (3 * WINDOW // len(unit))
    assert len(text) > 2 * WINDOW
    for finder in (find_agencies, find_deadlines):
        whole = [(m.start, m.end, m.text) for m in finder(text)]
        windowed, cut = read_bounded(text, finder, "test")
        assert cut is None
        assert [(m.start, m.end, m.text) for m in windowed] == whole
        assert all(text[m.start:m.end] == m.text for m in windowed)


def test_too_many_mentions_stop_with_a_warning() -> None:
    text = "Sở Tài chính, " * (MAX_MENTIONS + 100)
    found = Mentions(None)
    found.node_id = "art_1"
    agencies = found.agencies(text)
    assert len(agencies) == MAX_MENTIONS
    assert agencies[-1].end <= len(text)
    (warning,) = found.diagnostics.messages
    assert warning.startswith("annotate art_1: TooManyMentions: more than 5,000 agency mentions")
