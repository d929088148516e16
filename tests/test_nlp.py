"""Tests for nlp.py: exact-offset underthesea tokenizer, spaCy components, POS tags, action phrases."""

from __future__ import annotations

import datetime
import importlib
import importlib.util
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from conftest import corpus_file
from vbpl_extract import nlp
from vbpl_extract.nlp import (
    EXTRACTORS,
    UndertheseaTokenizer,
    action_phrase,
    action_span,
    analyze,
    get_nlp,
    make_doc,
    pos_tags,
    segment,
    word_spans,
)

SEED_004 = "seeds/004_73d4ecd4209fcbe0.txt"
CT_012 = "tnt305_tvpl_2025/012-CT-UBND__541cde0f8d5ffef3.md"

# Short excerpts of seed 004 (Nghị quyết 03/NQ-CP), hard line breaks kept.
EXCERPT = (
    "a) Xây dựng, trình ban hành và tổ chức triển khai\n"
    "chương trình tuyên truyền thường xuyên, sâu rộng về nội dung Nghị quyết số\n"
    "57-NQ/TW theo hướng: đa dạng hóa các hình thức tuyên truyền thông qua báo chí,\n"
    "Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương  cần cụ thể hóa…\r\n"
)


def assert_exact(doc: Doc, text: str) -> None:
    """doc.text == text and every token sits exactly at token.idx; words carry no outer whitespace."""
    assert doc.text == text
    pos = 0
    for tok in doc:
        assert tok.idx == pos
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text
        pos = tok.idx + len(tok.text_with_ws)
        if not tok.is_space:
            assert tok.text == tok.text.strip()
            assert "\n" not in tok.text
    assert pos == len(text)


# --- tokenizer ---------------------------------------------------------------------------------------


def test_multi_syllable_words_are_single_tokens() -> None:
    doc = make_doc("Bộ Khoa học và Công nghệ chủ trì, phối hợp")
    assert [t.text for t in doc] == ["Bộ", "Khoa học", "và", "Công nghệ", "chủ trì", ",", "phối hợp"]
    assert [t.idx for t in doc] == [0, 3, 12, 15, 25, 32, 34]


def test_excerpt_offsets_and_no_token_normalisation() -> None:
    doc = make_doc(EXCERPT)
    assert_exact(doc, EXCERPT)
    words = [t.text for t in doc if not t.is_space]
    assert "Uỷ ban nhân dân" in words  # old-style tone placement kept (no use_token_normalize)
    assert "\r\n" in [t.text for t in doc]
    # "Trung ương  cần": one trailing space, the second space is a whitespace token
    i = next(t.i for t in doc if t.text == "Trung ương")
    assert (doc[i].whitespace_, doc[i + 1].text, doc[i + 2].text) == (" ", " ", "cần")


def test_seed_document_offsets() -> None:
    text = corpus_file(SEED_004).read_text(encoding="utf-8")
    doc = get_nlp().tokenizer(text)
    assert_exact(doc, text)
    assert sum(1 for t in doc if " " in t.text and not t.is_space) > 1000  # multi-syllable words


def test_nfd_input_maps_back_to_the_original_characters() -> None:
    text = corpus_file(SEED_004).read_text(encoding="utf-8")[:3000]
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    doc_nfd = make_doc(nfd)
    assert_exact(doc_nfd, nfd)
    doc_nfc = make_doc(text)
    assert [unicodedata.normalize("NFC", t.text) for t in doc_nfd] == [t.text for t in doc_nfc]


def test_mixed_nfc_nfd_and_odd_characters() -> None:
    text = "Ủy ban nh\u00e2n d\u00e2\u0300n tỉnh Khánh Hoà, ðồng bằng\u00a0sông Cửu Long q\u0301\u200b x"
    assert_exact(make_doc(text), text)


@pytest.mark.parametrize("text", ["", " ", "   ", "\n", " \n\t \r\n ", "\u00a0\u2028"])
def test_empty_and_whitespace_only(text: str) -> None:
    doc = make_doc(text)
    assert_exact(doc, text)
    assert all(t.is_space for t in doc)


def test_very_long_line_is_chunked() -> None:
    line = " ".join(EXCERPT.split()) + " "
    text = line * 150  # ~35k characters, no line break
    doc = make_doc(text)
    assert_exact(doc, text)
    assert any(t.text == "Xây dựng" for t in doc)


def test_very_long_word_without_spaces() -> None:
    text = "a" * 5000 + " Bộ Tài chính"
    assert_exact(make_doc(text), text)


def test_fallback_when_underthesea_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    import underthesea

    def boom(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("model missing")

    monkeypatch.setattr(underthesea, "word_tokenize", boom)
    text = "Bộ Tài chính chủ trì, phối hợp."
    doc = UndertheseaTokenizer()(text)
    assert_exact(doc, text)
    assert [t.text for t in doc] == ["Bộ", "Tài", "chính", "chủ", "trì", ",", "phối", "hợp", "."]


def test_fallback_when_underthesea_output_does_not_align(monkeypatch: pytest.MonkeyPatch) -> None:
    import underthesea

    monkeypatch.setattr(underthesea, "word_tokenize", lambda text, **kw: ["Ủy ban", "nhân dân"])
    text = "Uỷ ban nhân dân"
    doc = UndertheseaTokenizer()(text)
    assert_exact(doc, text)
    assert [t.text for t in doc] == ["Uỷ", "ban", "nhân", "dân"]


def test_capital_after_lowercase_syllable_splits_the_word() -> None:
    # underthesea joins "Tham mưu Ủy"; a name starts at the capital
    words = [t.text for t in make_doc("Tham mưu Ủy ban nhân dân thành phố") if not t.is_space]
    assert words[0] == "Tham mưu"
    assert all(not w.endswith(" Ủy") for w in words)


def test_segment_words_and_spaces() -> None:
    words, spaces = segment("Bộ Khoa học  và\nCông nghệ")
    assert words == ("Bộ", "Khoa học", " ", "và", "\n", "Công nghệ")
    assert spaces == (True, True, False, False, False, False)


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạĐỦủỷỳ\u0300\u0301\u0309.,;:()“”/-0123456789 \n\t\u00a0"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_any_text_round_trips(text: str) -> None:
    assert_exact(make_doc(text), text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_word_spans_are_the_docs_words(text: str) -> None:
    """word_spans and pos_tags read make_doc's tokens off the segmentation, without the Doc."""
    doc = [(t.idx, t.idx + len(t.text), t.text) for t in make_doc(text) if not t.is_space]
    assert word_spans(text) == doc
    assert [(w.start, w.end, w.text) for w in pos_tags(text)] == doc


@pytest.mark.parametrize("text", [
    "Bộ Công an chủ trì,  phối hợp\nvới Bộ Tài chính",
    "Sở Nội vụ\u00a0tham mưu Ủy ban nhân dân tỉnh\r\n\tban hành",
    "  Khẩn trương hoàn thiện hồ sơ trình Chính phủ.",
])
def test_word_spans_on_task_texts(text: str) -> None:
    doc = [(t.idx, t.idx + len(t.text), t.text) for t in make_doc(text) if not t.is_space]
    assert word_spans(text) == doc
    assert [(w.start, w.end, w.text) for w in pos_tags(text)] == doc


def test_make_doc_caches_segmentation_but_returns_fresh_docs() -> None:
    text = "Bộ Tư pháp chủ trì thẩm định."
    first = make_doc(text)
    hits = nlp._segment_cached.cache_info().hits
    second = make_doc(text)
    assert nlp._segment_cached.cache_info().hits == hits + 1
    assert first is not second
    assert [t.text for t in first] == [t.text for t in second]
    assert first.vocab is get_nlp().vocab


# --- pipeline and components --------------------------------------------------------------------------


def test_get_nlp_is_cached_and_has_the_components() -> None:
    assert get_nlp() is get_nlp()
    assert get_nlp().pipe_names == ["vbpl_agencies", "vbpl_deadlines", "vbpl_references"]
    assert isinstance(get_nlp().tokenizer, UndertheseaTokenizer)
    assert get_nlp().lang == "vi"


def test_blank_vi_needs_no_pyvi() -> None:
    code = (
        "import sys; from vbpl_extract.nlp import get_nlp, make_doc; get_nlp(); "
        "make_doc('Xây dựng, trình ban hành'); assert 'pyvi' not in sys.modules, 'pyvi imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert "pyvi" not in sys.modules
    if importlib.util.find_spec("pyvi") is None:  # spaCy's default vi tokenizer would fail here
        with pytest.raises(ImportError):
            spacy.blank("vi")


@dataclass(frozen=True)
class FakeMention:
    start: int
    end: int
    text: str
    kind: str | None


TEXT = "Bộ Tài chính trình Chính phủ trước ngày 30/6/2025 theo Nghị định số 15/2020/NĐ-CP."


def _fake_find(pattern: str, kind: str | None, calls: list[dict[str, object]]):
    def find(text: str, **kwargs: object) -> list[FakeMention]:
        calls.append(kwargs)
        return [FakeMention(m.start(), m.end(), m.group(), kind) for m in re.finditer(pattern, text)]

    return find


def test_components_set_extensions_and_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setitem(EXTRACTORS, "vbpl_agencies", _fake_find(r"Bộ Tài chính|Chính phủ", None, calls))
    monkeypatch.setitem(EXTRACTORS, "vbpl_deadlines", _fake_find(r"trước ngày \S+", "date", calls))
    # mid-token offsets ("ghị định" inside "Nghị định") are expanded to whole tokens
    monkeypatch.setitem(EXTRACTORS, "vbpl_references", _fake_find(r"ghị định số \S+?(?=\.$)", "full", calls))
    doc = get_nlp()(TEXT)
    assert [m.text for m in doc._.agencies] == ["Bộ Tài chính", "Chính phủ"]
    assert [s.text for s in doc.spans["agencies"]] == ["Bộ Tài chính", "Chính phủ"]
    assert [s.label_ for s in doc.spans["agencies"]] == ["agencies", "agencies"]
    assert doc.spans["agencies"][0]._.mention is doc._.agencies[0]
    assert [s.text for s in doc.spans["deadlines"]] == ["trước ngày 30/6/2025"]
    assert doc.spans["deadlines"][0].label_ == "date"
    ref = doc.spans["references"][0]
    assert ref.text == "Nghị định số 15/2020/NĐ-CP"
    assert ref._.mention.text == "ghị định số 15/2020/NĐ-CP"
    assert calls == [{}, {"issue_date": None}, {"self_number": None}]


def test_analyze_passes_per_document_options(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    for name in EXTRACTORS:
        monkeypatch.setitem(EXTRACTORS, name, _fake_find(r"$^", None, calls))
    doc = analyze(TEXT, issue_date=datetime.date(2025, 1, 9), self_number="03/NQ-CP")
    assert calls == [{}, {"issue_date": datetime.date(2025, 1, 9)}, {"self_number": "03/NQ-CP"}]
    assert doc._.agencies == [] and list(doc.spans["agencies"]) == []


def test_factory_config(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setitem(EXTRACTORS, "vbpl_deadlines", _fake_find(r"$^", None, calls))
    monkeypatch.setitem(EXTRACTORS, "vbpl_references", _fake_find(r"$^", None, calls))
    own = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    own.tokenizer = UndertheseaTokenizer(own.vocab)
    own.add_pipe("vbpl_deadlines", config={"issue_date": "2025-01-09"})
    own.add_pipe("vbpl_references", config={"self_number": "03/NQ-CP"})
    own(TEXT)
    assert calls == [{"issue_date": datetime.date(2025, 1, 9)}, {"self_number": "03/NQ-CP"}]


_REAL = {
    "vbpl_agencies": ("agencies", "find_agencies", {}),
    "vbpl_deadlines": ("deadlines", "find_deadlines", {"issue_date": datetime.date(2025, 1, 9)}),
    "vbpl_references": ("references", "find_references", {}),
}


def _real_or_fake(component: str, monkeypatch: pytest.MonkeyPatch):
    """The real module's function when it exists; otherwise a fake injected through the registry."""
    module, func, _ = _REAL[component]
    if importlib.util.find_spec(f"vbpl_extract.{module}") is not None:
        return getattr(importlib.import_module(f"vbpl_extract.{module}"), func)
    fake = _fake_find(r"Bộ Tài chính|trước ngày \S+|Nghị định số \S+?(?=\.$)", "fake", [])
    monkeypatch.setitem(EXTRACTORS, component, fake)
    return fake


@pytest.mark.parametrize("component", sorted(_REAL))
def test_components_with_the_real_extractors(component: str, monkeypatch: pytest.MonkeyPatch) -> None:
    plains = {name: _real_or_fake(name, monkeypatch) for name in _REAL}
    plain, kwargs = plains[component], _REAL[component][2]
    attr = component.removeprefix("vbpl_")
    doc = analyze(TEXT, issue_date=kwargs.get("issue_date"))
    expected = list(plain(TEXT, **kwargs))
    assert doc._.get(attr) == expected
    assert [s._.mention for s in doc.spans[attr]] == expected
    for span, m in zip(doc.spans[attr], expected, strict=True):
        assert span.start_char <= m.start and m.end <= span.end_char
    assert list(EXTRACTORS[component](TEXT, **kwargs)) == expected  # callable without spaCy


# --- POS tags -------------------------------------------------------------------------------------


def test_pos_tags_offsets_and_tags() -> None:
    text = "Bộ Công an chỉ đạo các đơn vị\nthực hiện"
    tagged = pos_tags(text)
    assert [(w.text, w.tag) for w in tagged][:4] == [
        ("Bộ", "N"),
        ("Công an", "N"),
        ("chỉ đạo", "V"),
        ("các", "L"),
    ]
    for w in tagged:
        assert text[w.start : w.end] == w.text
    assert tagged[-1].text == "thực hiện" and tagged[-1].tag == "V"


def test_pos_tags_match_underthesea_pos_tag() -> None:
    from underthesea import pos_tag

    text = "Xây dựng, trình ban hành và tổ chức triển khai chương trình tuyên truyền"
    assert [(w.text, w.tag) for w in pos_tags(text)] == pos_tag(text)


def test_pos_tags_nfd() -> None:
    text = unicodedata.normalize("NFD", "Uỷ ban nhân dân tỉnh chỉ đạo")
    tagged = pos_tags(text)
    assert [text[w.start : w.end] for w in tagged] == [w.text for w in tagged]
    assert tagged[-1].tag == "V"


# --- action phrases -----------------------------------------------------------------------------------

# Task openings quoted from the corpus (seed 004 = Nghị quyết 03/NQ-CP; tnt305 012-CT-UBND,
# 09-CT-UBND, 25/2025/NĐ-CP, 3771/3782/3783/3851-QĐ-UBND).
ACTION_CASES = [
    (
        "a) Xây dựng, trình ban hành và tổ chức triển khai chương trình tuyên truyền thường xuyên",
        "Xây dựng, trình ban hành và tổ chức triển khai",
    ),
    ("k) Rà soát, sửa đổi quy định về khuyến khích, bảo vệ cán bộ năng động, sáng tạo", "Rà soát, sửa đổi"),
    ("e) Định kỳ đánh giá, công bố mức độ hoàn thành nhiệm vụ chuyển đổi số", "Định kỳ đánh giá, công bố"),
    (
        "m) Xây dựng, ban hành, tổ chức thực hiện chương trình đào tạo, bồi dưỡng",
        "Xây dựng, ban hành, tổ chức thực hiện",
    ),
    ("h) Làm rõ định nghĩa, nội hàm, lượng hóa các khái niệm", "Làm rõ"),
    ("h) Nghiên cứu, sửa đổi, bổ sung quy định về tín dụng ưu đãi", "Nghiên cứu, sửa đổi, bổ sung"),
    ("q) Khẩn trương xây dựng, ban hành chương trình đẩy mạnh sản xuất", "Khẩn trương xây dựng, ban hành"),
    ("o) Sớm hoàn thành và phát huy hiệu quả Trung tâm dữ liệu quốc gia.", "Sớm hoàn thành và phát huy"),
    ("b) Xây dựng, ban hành quy định trách nhiệm người đứng đầu các cơ quan nhà nước", "Xây dựng, ban hành"),
    ("i) Rà soát, sắp xếp tổ chức bộ máy, chức năng, nhiệm vụ", "Rà soát, sắp xếp"),
    (
        "b) Tiếp tục rà soát, thực hiện đơn giản hóa TTHC theo Nghị quyết số 66/NQ-CP",
        "Tiếp tục rà soát, thực hiện",
    ),
    ("c) Chủ trì, phối hợp với Văn phòng UBND tỉnh và các cơ quan liên quan", "Chủ trì, phối hợp"),
    (
        "d) Tăng cường kiểm tra, giám sát việc chấp hành quy định về các hoạt động",
        "Tăng cường kiểm tra, giám sát",
    ),
    ("b) Tiếp tục chủ trì, phối hợp với các đơn vị liên quan xây dựng", "Tiếp tục chủ trì, phối hợp"),
    (
        "đ) Thường xuyên rà soát, cập nhật dữ liệu và thực hiện lập danh sách",
        "Thường xuyên rà soát, cập nhật",
    ),
    ("c) Tham mưu Ủy ban nhân dân thành phố tổ chức thực hiện kế hoạch bảo vệ", "Tham mưu"),
    ("c) Giao Công an thành phố kịp thời phát hiện và xử lý các tổ chức, cá nhân", "Giao"),
]


@pytest.mark.parametrize(("text", "expected"), ACTION_CASES)
def test_action_phrase_corpus_openings(text: str, expected: str) -> None:
    assert action_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xây dựng, trình ban hành Nghị định quy định chi tiết", "Xây dựng, trình ban hành"),
        ("Chủ trì, phối hợp với Bộ Tài chính xây dựng", "Chủ trì, phối hợp"),
        ("Bộ Công an chỉ đạo các đơn vị thực hiện", "chỉ đạo"),
        ("Bộ Công an cần khẩn trương chỉ đạo các đơn vị", "khẩn trương chỉ đạo"),
        ("Khẩn trương hoàn thiện dự thảo Nghị định", "Khẩn trương hoàn thiện"),
        ("- Sở Xây dựng chủ trì, phối hợp với các sở", "chủ trì, phối hợp"),
        ("1. Chịu trách nhiệm bảo quản, bảo mật đối với mật khẩu", "Chịu trách nhiệm bảo quản, bảo mật"),
        ("Đối với các sở, ban, ngành", None),
        ("h) Các quyền và nghĩa vụ khác theo quy định của pháp luật.", None),
        ("", None),
        ("   ", None),
        ("a) 25%", None),
    ],
)
def test_action_phrase_rules(text: str, expected: str | None) -> None:
    assert action_phrase(text) == expected


def test_actor_skipped_through_the_agencies_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ngân hàng Nhà nước Việt Nam, Bộ Tài chính khẩn trương hướng dẫn các tổ chức tín dụng"
    calls: list[dict[str, object]] = []
    monkeypatch.setitem(
        EXTRACTORS, "vbpl_agencies", _fake_find(r"Ngân hàng Nhà nước Việt Nam|Bộ Tài chính", None, calls)
    )
    assert action_phrase(text) == "khẩn trương hướng dẫn"
    assert calls  # the registry function was used


def test_action_phrase_lets_a_failing_agencies_extractor_be_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No silent fallback: the error reaches the task stage's boundary, which records it as a warning."""

    def boom(text: str, **kwargs: object) -> list[FakeMention]:
        raise ValueError("broken")

    monkeypatch.setitem(EXTRACTORS, "vbpl_agencies", boom)
    with pytest.raises(ValueError, match="broken"):
        action_phrase("Bộ Công an chỉ đạo các đơn vị")


def test_action_span_offsets_and_wrapped_lines() -> None:
    text = corpus_file(CT_012).read_text(encoding="utf-8")
    start = text.index("a) Theo dõi, kiểm tra, đôn đốc\n")
    task = text[start : text.index("\n", text.index("\n", start) + 1)]  # the line and its continuation
    span = action_span(task)
    assert span is not None
    assert task[span[0] : span[1]] == "Theo dõi, kiểm tra, đôn đốc"
    assert action_phrase("Xây dựng, trình\nban hành Nghị định") == "Xây dựng, trình ban hành"
    nfd = unicodedata.normalize("NFD", "Rà soát, sửa đổi quy định")
    s, e = action_span(nfd) or (0, 0)
    assert unicodedata.normalize("NFC", nfd[s:e]) == "Rà soát, sửa đổi"


def test_action_phrase_reads_only_the_opening_words() -> None:
    text = "Xây dựng, ban hành cơ chế " + "đặc thù " * 20000
    assert action_phrase(text) == "Xây dựng, ban hành"


def test_action_phrase_on_seed_tasks() -> None:
    """Most lettered points of Nghị quyết 03/NQ-CP open with a verb phrase found in the text."""
    lines = corpus_file(SEED_004).read_text(encoding="utf-8").splitlines()
    tasks = [line for line in lines if re.match(r"^[a-zđ]\) ", line)]
    assert len(tasks) > 40
    phrases = [action_phrase(t) for t in tasks]
    found = [p for p in phrases if p]
    assert len(found) >= 0.9 * len(tasks)
    for task, phrase in zip(tasks, phrases, strict=True):
        if phrase:
            assert phrase in " ".join(task.split())


def test_pos_features_are_underthesea_s() -> None:
    """``_pos_features`` computes what underthesea's POS transformer gives, for every sentence length."""
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    from vbpl_extract import nlp

    predictor = CRFPOSTagPredictor.Instance()
    template = tuple(predictor.transformer.template)
    words = ["Bộ", "Tài", "chính", "chủ", "trì", ",", "phối", "hợp", "với", "Bộ", "Công", "an", "xây", "dựng", "Nghị", "định", "trước", "ngày", "15/12/2025", "."]
    for n in range(len(words) + 1):
        for sentence in (words[:n], words[-n:] if n else [], ["Ủy ban nhân dân", "ABC", "12", ""][:n]):
            expected = predictor.transformer.transform([[(w, "X") for w in sentence]])[0][0]
            assert nlp._pos_features(sentence, template) == expected
    assert nlp._tag_words(words) == [tag for _, tag in predictor.predict(words)]
