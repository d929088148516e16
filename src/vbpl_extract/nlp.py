"""spaCy layer: underthesea word segmentation with exact offsets, extractor components, verb phrases.

>>> doc = make_doc("Xây dựng, trình ban hành Nghị định")
>>> [(t.text, t.idx) for t in doc]
[('Xây dựng', 0), (',', 8), ('trình', 10), ('ban hành', 16), ('Nghị định', 25)]
>>> action_phrase("Bộ Công an chỉ đạo các đơn vị thực hiện")
'chỉ đạo'

Design:

* **One token per underthesea word.** A multi-syllable word ("Khoa học", "Ủy ban nhân dân") is one
  spaCy token whose text contains the original whitespace between its syllables; this keeps POS
  tags and verb phrases meaningful. Words never span a line break: underthesea is run line by line
  (long lines in chunks of about ``_MAX_CHUNK`` characters, which is also faster).
* **Exact offsets.** underthesea runs on an NFC copy (``ð`` -> ``đ`` like underthesea itself, never
  ``use_token_normalize``, never ``fixed_words``); each syllable is located in that copy and mapped
  back to the input through a character map, so ``doc.text == text`` and ``token.idx`` are exact,
  also for NFD input. A chunk that underthesea cannot handle (exception, unalignable output) falls
  back to a regex word splitter; the tokenizer never raises.
* **Whitespace.** One ``" "`` after a word is the token's trailing space; any other whitespace
  (newlines, runs of spaces, tabs, NBSP) becomes a whitespace token, as spaCy's own tokenizer does.
* **Components** ``vbpl_agencies``, ``vbpl_deadlines``, ``vbpl_references`` call the plain functions
  in ``EXTRACTORS`` (looked up at call time, so tests can inject fakes) and set ``doc._.<name>``,
  ``doc.spans[<name>]`` and ``span._.mention``.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

from .data.schemas import ActionWords
from .textutil import fold_tones

__all__ = [
    "EXTRACTORS",
    "TaggedWord",
    "UndertheseaTokenizer",
    "action_phrase",
    "action_span",
    "analyze",
    "get_nlp",
    "make_doc",
    "pos_tags",
    "segment",
    "word_spans",
]

# --------------------------------------------------------------------------------------------------
# Segmentation with exact offsets
# --------------------------------------------------------------------------------------------------

_MAX_CHUNK = 1000  # underthesea slows down on very long inputs; chunks of ~1k chars are fastest
_LINE = regex.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_CLUSTER = regex.compile(r"\P{M}\p{M}*|\p{M}+")
_FALLBACK_WORD = regex.compile(r"\w+|[^\w\s]\p{M}*")
_SENTENCE_BREAK = regex.compile(r"[.;:!?]\s+")
_UNDERTHESEA_CHARS = str.maketrans({"ð": "đ", "Ð": "Đ"})  # underthesea's own (length-preserving) map


class _AlignError(Exception):
    """underthesea's output could not be placed in the text."""


def _nfc_with_map(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC copy of ``text`` and, when it differs, per-character start/end offsets into ``text``."""
    if unicodedata.is_normalized("NFC", text):
        return text, None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        parts.append(composed)
        starts.extend([m.start()] * len(composed))
        ends.extend([m.end()] * len(composed))
    return "".join(parts), starts, ends


def _chunks(line_start: int, line: str) -> Iterator[tuple[int, str]]:
    """Split a long line after sentence punctuation (else at whitespace) into ~_MAX_CHUNK pieces."""
    pos = 0
    while len(line) - pos > _MAX_CHUNK:
        limit = pos + _MAX_CHUNK
        cut = -1
        for m in _SENTENCE_BREAK.finditer(line, pos + _MAX_CHUNK // 4, limit):
            cut = m.end()
        if cut <= pos:
            space = max(line.rfind(" ", pos, limit), line.rfind("\t", pos, limit))
            cut = space + 1 if space > pos else limit
        yield line_start + pos, line[pos:cut]
        pos = cut
    if pos < len(line):
        yield line_start + pos, line[pos:]


def _underthesea_spans(chunk: str) -> list[tuple[int, int]]:
    """Word spans of ``chunk`` (an NFC, single-line string) from underthesea's segmenter."""
    from underthesea import word_tokenize

    words = word_tokenize(chunk, use_token_normalize=False)
    spans: list[tuple[int, int]] = []
    cursor = end = 0
    n = len(chunk)
    for word in words:
        start = -1
        prev = ""
        for syllable in word.split():
            while cursor < n and chunk[cursor].isspace():
                cursor += 1
            if not chunk.startswith(syllable, cursor):
                raise _AlignError(f"{syllable!r} not at {cursor}")
            if start >= 0 and prev[:1].islower() and syllable[:1].isupper():
                # "Tham mưu Ủy" -> "Tham mưu" | "Ủy": a capital after a lowercase syllable starts a name
                spans.append((start, end))
                start = -1
            if start < 0:
                start = cursor
            cursor += len(syllable)
            end = cursor
            prev = syllable
        if start >= 0:
            spans.append((start, cursor))
    if any(not c.isspace() for c in chunk[cursor:]):
        raise _AlignError("text left over")
    return spans


def _fallback_spans(chunk: str) -> list[tuple[int, int]]:
    """Regex word splitter used when underthesea fails: ``Bộ Tài chính,`` -> Bộ | Tài | chính | ,"""
    return [m.span() for m in _FALLBACK_WORD.finditer(chunk)]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, non-empty ``[start, end)`` word spans of ``text`` (whitespace excluded)."""
    norm, starts, ends = _nfc_with_map(text)
    norm = norm.translate(_UNDERTHESEA_CHARS)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(norm):
        for base, chunk in _chunks(line.start(), line.group()):
            if not chunk.strip():
                continue
            try:
                local = _underthesea_spans(chunk)
            except Exception:  # never raise on text: any underthesea problem -> regex splitter
                local = _fallback_spans(chunk)
            spans.extend((base + s, base + e) for s, e in local)
    if starts is not None and ends is not None:
        spans = [(starts[s], ends[e - 1]) for s, e in spans]
    # make spans monotonic (a stray combining mark may map onto its base's cluster) and cover every
    # non-space character (in case the segmenter dropped one).
    fixed: list[tuple[int, int]] = []
    pos = 0
    for s, e in spans:
        if fixed and s < fixed[-1][1]:
            if e > fixed[-1][1]:
                fixed[-1] = (fixed[-1][0], e)
                pos = e
            continue
        if s > pos and not text[pos:s].isspace():
            fixed.extend((pos + a, pos + b) for a, b in _fallback_spans(text[pos:s]))
        fixed.append((s, e))
        pos = e
    if pos < len(text):
        fixed.extend((pos + a, pos + b) for a, b in _fallback_spans(text[pos:]))
    return fixed


def segment(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """spaCy ``words``/``spaces`` for ``text``; ``"".join(w + " " * s ...) == text``.

    >>> segment("Bộ Khoa học  và\\nCông nghệ")
    (('Bộ', 'Khoa học', ' ', 'và', '\\n', 'Công nghệ'), (True, True, False, False, False, False))
    """
    words: list[str] = []
    spaces: list[bool] = []

    def gap(ws: str) -> None:
        if not ws:
            return
        if ws[0] == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
            ws = ws[1:]
        if ws:
            words.append(ws)
            spaces.append(False)

    pos = 0
    for s, e in _word_spans(text):
        # a word never starts or ends with whitespace (a combining mark after a space can pull
        # the space into the tokenizer's word): give the whitespace to the gap instead
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        s = max(s, pos)
        if s >= e:
            continue
        gap(text[pos:s])
        words.append(text[s:e])
        spaces.append(False)
        pos = e
    gap(text[pos:])
    return tuple(words), tuple(spaces)


@functools.lru_cache(maxsize=4096)
def _segment_cached(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    return segment(text)


class UndertheseaTokenizer(DummyTokenizer):
    """spaCy tokenizer: one token per underthesea word, ``doc.text == text``, exact ``token.idx``.

    >>> tok = UndertheseaTokenizer()
    >>> [t.text for t in tok("Uỷ ban nhân dân tỉnh")]
    ['Uỷ ban nhân dân', 'tỉnh']
    """

    def __init__(self, vocab: Vocab | None = None) -> None:
        self.vocab = vocab if vocab is not None else Vocab()

    def __call__(self, text: str) -> Doc:
        words, spaces = segment(text)
        return Doc(self.vocab, words=list(words), spaces=list(spaces))


# --------------------------------------------------------------------------------------------------
# Extractor registry and spaCy components
# --------------------------------------------------------------------------------------------------


def _lazy(module: str, name: str) -> Callable[..., list[Any]]:
    """A function that imports ``vbpl_extract.<module>.<name>`` on first call (modules are optional)."""

    def call(text: str, **kwargs: Any) -> list[Any]:
        fn = getattr(importlib.import_module(f"{__package__}.{module}"), name)
        return list(fn(text, **kwargs))

    call.__name__ = name
    call.__qualname__ = f"lazy:{module}.{name}"
    return call


#: component name -> plain function ``f(text, **options) -> list[mention]`` (no spaCy needed);
#: replace an entry (e.g. ``monkeypatch.setitem``) to inject a fake.
EXTRACTORS: dict[str, Callable[..., list[Any]]] = {
    "vbpl_agencies": _lazy("agencies", "find_agencies"),
    "vbpl_deadlines": _lazy("deadlines", "find_deadlines"),
    "vbpl_references": _lazy("references", "find_references"),
}

_ATTR = {"vbpl_agencies": "agencies", "vbpl_deadlines": "deadlines", "vbpl_references": "references"}


def _register_extensions() -> None:
    for attr in (*_ATTR.values(), "issue_date", "self_number"):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", default=None)


_register_extensions()


class _ExtractorComponent:
    """Runs ``EXTRACTORS[name]`` on ``doc.text``; sets ``doc._.<attr>`` and ``doc.spans[<attr>]``."""

    def __init__(self, name: str, options: dict[str, Any] | None = None) -> None:
        self.name = name
        self.attr = _ATTR[name]
        self.options = options or {}

    def kwargs(self, doc: Doc) -> dict[str, Any]:
        return dict(self.options)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(EXTRACTORS[self.name](doc.text, **self.kwargs(doc)))
        spans: list[Span] = []
        for m in mentions:
            label = getattr(m, "kind", None) or self.attr
            span = doc.char_span(m.start, m.end, label=str(label), alignment_mode="expand")
            if span is None:
                continue
            span._.mention = m
            spans.append(span)
        doc._.set(self.attr, mentions)
        doc.spans[self.attr] = spans
        return doc


class _DeadlinesComponent(_ExtractorComponent):
    def kwargs(self, doc: Doc) -> dict[str, Any]:
        issue = doc._.issue_date or self.options.get("issue_date")
        if isinstance(issue, str):
            issue = datetime.date.fromisoformat(issue)
        return {"issue_date": issue}


class _ReferencesComponent(_ExtractorComponent):
    def kwargs(self, doc: Doc) -> dict[str, Any]:
        return {"self_number": doc._.self_number or self.options.get("self_number")}


@Language.factory("vbpl_agencies")
def _make_agencies(nlp: Language, name: str) -> _ExtractorComponent:
    return _ExtractorComponent("vbpl_agencies")


@Language.factory("vbpl_deadlines", default_config={"issue_date": None})
def _make_deadlines(nlp: Language, name: str, issue_date: str | None) -> _ExtractorComponent:
    """``issue_date``: ISO date (``"2025-01-13"``) used for relative deadlines; ``doc._.issue_date`` wins."""
    return _DeadlinesComponent("vbpl_deadlines", {"issue_date": issue_date})


@Language.factory("vbpl_references", default_config={"self_number": None})
def _make_references(nlp: Language, name: str, self_number: str | None) -> _ExtractorComponent:
    """``self_number``: the document's own number (``"03/NQ-CP"``); ``doc._.self_number`` wins."""
    return _ReferencesComponent("vbpl_references", {"self_number": self_number})


@functools.cache
def get_nlp() -> Language:
    """The process-wide pipeline: blank ``vi`` (no pyvi) + UndertheseaTokenizer + vbpl_* components."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    for name in _ATTR:
        nlp.add_pipe(name)
    return nlp


def make_doc(text: str) -> Doc:
    """Tokenise only (no components); segmentation of repeated identical texts is LRU-cached.

    >>> make_doc("Bộ Công an").text
    'Bộ Công an'
    """
    words, spaces = _segment_cached(text)
    return Doc(get_nlp().vocab, words=list(words), spaces=list(spaces))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each token of :func:`make_doc` that is not whitespace, without building
    the spaCy ``Doc`` (the task stage reads only the words and their offsets; a Doc costs more than
    reading them off the LRU-cached segmentation).

    >>> word_spans("Bộ Công an\\nchỉ đạo")
    [(0, 2, 'Bộ'), (3, 10, 'Công an'), (11, 18, 'chỉ đạo')]
    >>> [w for _, _, w in word_spans("Xây dựng, trình")] == [t.text for t in make_doc("Xây dựng, trình") if not t.is_space]
    True
    """
    words, spaces = _segment_cached(text)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for word, space in zip(words, spaces, strict=True):
        end = pos + len(word)
        if not word.isspace():  # spaCy's Token.is_space
            out.append((pos, end, word))
        pos = end + space
    return out


def analyze(text: str, *, issue_date: datetime.date | None = None, self_number: str | None = None) -> Doc:
    """Run the full pipeline with per-document options for the deadline and reference components.

    ``analyze("Bộ Tài chính trình trước ngày 30/6/2025", issue_date=date(2025, 1, 13))._.deadlines``
    """
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    doc._.issue_date = issue_date
    doc._.self_number = self_number
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# --------------------------------------------------------------------------------------------------
# POS tags and action phrases
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaggedWord:
    """A word with its underthesea POS tag (V, N, Np, A, E, C, CH, ...) and offsets into the text."""

    start: int
    end: int
    text: str
    tag: str


_WS = regex.compile(r"\s+")


def _tag_words(words: Sequence[str]) -> list[str]:
    """POS tags for one sentence of words, with the CRF model that ``underthesea.pos_tag`` uses.

    Feeding our own words (instead of calling ``pos_tag(str)``, which re-segments with token
    normalisation) keeps one tag per token and avoids a second segmentation pass.
    """
    if not words:
        return []
    try:
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        forms = [fold_tones(_WS.sub(" ", unicodedata.normalize("NFC", w))) for w in words]
        predictor = CRFPOSTagPredictor.Instance()
        # what predictor.predict(forms) tags, with the features computed in linear time
        return list(predictor.model.tag(_pos_features(forms, tuple(predictor.transformer.template))))
    except Exception:
        return ["X"] * len(words)


# underthesea's feature template syntax (pipeline/pos_tag/tagged_feature.py): T[row(,row2)][column].function
_TEMPLATE = regex.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")


@functools.cache
def _feature_plan(template: tuple[str, ...]) -> tuple[tuple[str, int, int | None, int, str | None], ...]:
    """Each template item parsed once: (prefix, first row, last row or None, column, function or None)."""
    plan = []
    for syntax in template:
        m = _TEMPLATE.match(syntax)
        if m is None:
            raise ValueError(f"unknown feature template {syntax!r}")
        plan.append((f"{syntax}=", int(m["index1"]), int(m["index2"]) if m["index2"] else None,
                     int(m["column"]) if m["column"] else 0, m["function"]))
    return tuple(plan)


def _pos_features(words: Sequence[str], template: tuple[str, ...]) -> list[list[str]]:
    """The features underthesea's ``TaggedTransformer(template)`` gives the sentence ``[(w, "X") ...]``
    (``CRFPOSTagPredictor.predict``), computed once per token and item: underthesea rebuilds every
    column of the sentence for each of them, which is quadratic in the sentence's length.
    """
    from underthesea.pipeline.pos_tag.tagged_feature import apply_function

    plan = _feature_plan(template)
    n = len(words)
    columns = (list(words), ["X"] * n)
    out: list[list[str]] = []
    for i in range(n):
        features: list[str] = []
        for prefix, first, last, column, function in plan:
            if i + first < 0:
                features.append(prefix + "BOS")
                continue
            if i + first >= n or (last is not None and i + last >= n):
                features.append(prefix + "EOS")
                continue
            word = " ".join(columns[column][i + first:i + last + 1]) if last is not None else columns[column][i + first]
            features.append(f"{prefix}{apply_function(function, word) if function is not None else word}")
        out.append(features)
    return out


def _tagged(text: str) -> list[TaggedWord]:
    words, spaces = _segment_cached(text)  # make_doc's tokens, without building the Doc
    out: list[TaggedWord] = []
    sentence: list[tuple[int, str]] = []

    def flush() -> None:
        for (idx, word), tag in zip(sentence, _tag_words([w for _, w in sentence]), strict=True):
            out.append(TaggedWord(idx, idx + len(word), word, tag))
        sentence.clear()

    pos = 0
    for word, space in zip(words, spaces, strict=True):
        idx, pos = pos, pos + len(word) + space
        if word.isspace():  # spaCy's Token.is_space
            if _LINE.fullmatch(word) is None:  # a line break ends the sentence
                flush()
            continue
        sentence.append((idx, word))
    flush()
    return out


def pos_tags(text: str) -> list[TaggedWord]:
    """Words of ``text`` with POS tags and exact offsets (tagged line by line).

    >>> [(w.text, w.tag) for w in pos_tags("Bộ Công an chỉ đạo")]
    [('Bộ', 'N'), ('Công an', 'N'), ('chỉ đạo', 'V')]
    """
    return _tagged(text)


@functools.cache
def action_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/action_words.yaml``, tone-folded and lower case (the task stage's lexicon
    and :func:`action_phrase` read the same lists).

    >>> "xay dung" in action_words()["verbs"] or "xây dựng" in action_words()["verbs"]
    True
    """
    return {k: frozenset(_key(str(w)) for w in v) for k, v in ActionWords.load().model_dump().items()}


_MARKER = regex.compile(
    r"[\s*_#]*(?:(?:[a-zđ]|\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})[.)]|[-+•–—])?[\s*_#]*",
)
_PREFIX = regex.compile(r"(?:\S+\s+){0,20}\S+")
_ACTOR_GAP = regex.compile(r"[\s,;/]*(?:(?:và|với|cùng)\s+)?(?:các\s+)?", regex.IGNORECASE)
_LINEBREAKS = str.maketrans({c: " " for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
_MAX_PHRASE_WORDS = 12


_SYLLABLE = regex.compile(r"\p{L}+")


def names_an_action(text: str, names: Iterable[tuple[int, int]] = ()) -> bool:
    """Does the text use a verb of the action lexicon (``data/action_words.yaml``) outside the ``names``
    spans (the agencies it names)? A unit without one names people or bodies ("Bộ trưởng Bộ Tài chính
    Nguyễn Văn Thắng;", "Các Ủy viên Hội đồng.") and assigns nothing.

    >>> names_an_action("Sở Tư pháp rà soát các văn bản quy phạm pháp luật.")
    True
    >>> names_an_action("Phó Thủ tướng Chính phủ Nguyễn Chí Dũng, Phó Trưởng Ban Chỉ đạo.", [(52, 63)])
    False
    """
    verbs = action_words()["verbs"]
    kept, pos = [], 0
    for start, end in sorted(names):  # blank the names in one pass (linear in the text)
        if end > pos:
            kept.append(text[pos:max(pos, start)])
            pos = end
            kept.append(" ")
    text = "".join(kept) + text[pos:]
    last: list[str] = []  # the last three syllables: a verb has at most three (memory bounded, stops early)
    for m in _SYLLABLE.finditer(text):
        last = [*last[-2:], _key(m.group())]
        if any(" ".join(last[-n:]) in verbs for n in range(1, len(last) + 1)):
            return True
    return False


def _key(word: str) -> str:
    return fold_tones(_WS.sub(" ", unicodedata.normalize("NFC", word))).lower()


def _is_verb(w: TaggedWord) -> bool:
    key = _key(w.text)
    lex = action_words()
    return w.text[:1].isalpha() and key not in lex["not_actions"] and (w.tag == "V" or key in lex["verbs"])


def _is_adverb(w: TaggedWord) -> bool:
    return w.tag == "R" or _key(w.text) in action_words()["lead_adverbs"]


def _actor_end(sub: str, words: list[TaggedWord]) -> int:
    """End offset of a leading actor ("Bộ Công an", "Bộ Tài chính, Bộ Công an và"), else 0."""
    end = 0
    mentions = sorted(EXTRACTORS["vbpl_agencies"](sub), key=lambda m: m.start)
    for m in mentions:
        if m.start < end:
            continue
        if _ACTOR_GAP.fullmatch(sub, end, m.start) is None:
            break
        end = m.end
    if end or len(words) < 2:
        return end
    # fallback: a capitalised agency head ("Sở Xây dựng chủ trì") up to the first lowercase verb
    k = 1 if _key(words[0].text) == "các" else 0
    if not (words[k].text[:1].isupper() or k) or _key(words[k].text) not in action_words()["actor_heads"]:
        return 0
    for prev, w in zip(words[k:], words[k + 1 :], strict=False):
        if w.text[:1].islower() and _is_verb(w):
            return 0 if _key(prev.text) in action_words()["conjunctions"] else w.start
    return 0


def action_span(text: str) -> tuple[int, int] | None:
    """``[start, end)`` of the leading verb phrase of a task text, or None (see :func:`action_phrase`)."""
    lead = _MARKER.match(text)
    base = lead.end() if lead else 0
    prefix = _PREFIX.match(text, base)
    if prefix is None:
        return None
    # one paragraph: line breaks (hard wraps) -> spaces, same length so offsets stay valid
    sub = prefix.group().translate(_LINEBREAKS)
    words = _tagged(sub)
    n = len(words)
    if not n:
        return None
    keys = [_key(w.text) for w in words]
    lex = action_words()
    actor = _actor_end(sub, words)
    i = 0
    while i < n and words[i].start < actor:
        i += 1
    while i < n:  # modals are skipped ("cần", "có trách nhiệm")
        if keys[i] in lex["modals"]:
            i += 1
        elif i + 1 < n and f"{keys[i]} {keys[i + 1]}" in lex["modals"]:
            i += 2
        else:
            break
    first = i

    def skip_adverbs(j: int) -> int:
        """Index of the verb after leading adverbs ("Tích cực, chủ động tham gia"), or j."""
        k = j
        while k < n and _is_adverb(words[k]):
            if k + 1 < n and _is_verb(words[k + 1]):
                return k + 1
            if k + 2 < n and keys[k + 1] in lex["conjunctions"] and _is_adverb(words[k + 2]):
                k += 2
            elif k + 1 < n and _is_adverb(words[k + 1]):
                k += 1
            else:
                break
        return j

    i = skip_adverbs(i)
    if i >= n or not _is_verb(words[i]):
        return None
    last = i
    i += 1
    while i < n and i - first < _MAX_PHRASE_WORDS:
        w, key = words[i], keys[i]
        if w.text[:1].isupper():  # a proper noun: "Giao Thanh tra thành phố"
            break
        complement = i == last + 1 and (key in lex["complements"] or f"{keys[last]} {key}" in lex["idioms"])
        serial = (
            _is_verb(w)
            and key not in lex["object_words"]
            and (key not in lex["serial_only"] or (i + 1 < n and _is_verb(words[i + 1])))
        )
        if complement or serial:
            last = i
        elif key in lex["conjunctions"]:
            j = i + 1
            if key == "," and j < n and keys[j] in ("và", "hoặc"):
                j += 1
            j = skip_adverbs(j)
            if j < n and _is_verb(words[j]) and not words[j].text[:1].isupper():
                last = i = j
            else:
                break
        else:
            break
        i += 1
    return base + words[first].start, base + words[last].end


def action_phrase(text: str) -> str | None:
    """The leading verb phrase of a task text (whitespace collapsed), or None when it has none.

    Only the first ~20 words are segmented and tagged. Rules: a list marker ("a)", "1.", "-") and a
    leading actor ("Bộ Công an", found by ``vbpl_agencies``) are skipped, and so are modals
    ("cần", "có trách nhiệm"); leading adverbs are kept ("Khẩn trương hoàn thiện"); verbs are
    chained directly ("trình ban hành") or through ",", "và", "hoặc"; the phrase stops at the first
    noun, preposition ("phối hợp với" -> "phối hợp") or object-like word ("ban hành quy định").

    >>> action_phrase("Xây dựng, trình ban hành Nghị định quy định chi tiết")
    'Xây dựng, trình ban hành'
    >>> action_phrase("Rà soát, sửa đổi quy định về khuyến khích, bảo vệ cán bộ")
    'Rà soát, sửa đổi'
    """
    span = action_span(text)
    if span is None:
        return None
    return _WS.sub(" ", text[span[0] : span[1]]).strip() or None
