"""Candidate mentions and the choice between them: known bodies from the automaton, shared-head lists
("Các Bộ: Quốc phòng, Tài chính"), unknown bodies by pattern, qualified collectives; overlaps
resolved longest-first.

>>> _pattern_kind("Sở Văn hóa và Thể thao")
'provincial_department'
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any

import regex

from ..textutil import fold_tones, nfc
from .entries import AgencyEntry, _name_words, load_agency_data
from .gazetteer import _CASELESS_KINDS, _Gazetteer, _gazetteer
from .text_forms import _Compressed, _key, _lower, _upper_first

_SEP_RE = re.compile(r"(?:[,;]-?(?: ?và )?|-?(?: ?và | cùng ))")
# "các Bộ: Quốc phòng, Tài chính", "Các Bộ, cơ quan: Tài chính, Xây dựng" (on the compressed key: no space after ",")
_LIST_HEAD_MIN = re.compile(r"các bộ(?::| gồm:?| )|các bộ,(?:cơ quan|ngành)(?::| gồm:?) ?")
_LIST_HEAD_PROV = re.compile(
    r"(?:(?:ủy ban nhân dân|ubnd) )?các (?:tỉnh|thành phố|tỉnh,thành phố|tỉnh,tp)(?: trực thuộc trung ương)?(?::| gồm:?| )"
    r"|các địa phương(?::| )"
)
# "Bí thư tỉnh ủy và Chủ tịch", "Bí thư tỉnh ủy, thành ủy và Chủ tịch" right before a province list: the list
# names Tỉnh ủy (Thành ủy) too (219/CĐ-TTg: "Đồng chí Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các
# tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế, …")
_PARTY_BEFORE = re.compile(r"bí thư (?:tỉnh ủy|thành ủy)(?:(?:,|, | và |-)(?:tỉnh ủy|thành ủy))?(?:,|;|, |; | và |-)"
                           r"(?:phó )?chủ tịch $")
_BARE_PLACE_RE = re.compile(r"(?:^|(?<=[,;]))(?:tỉnh )?")
_CAPWORD = r"(?:\p{Lu}[\p{L}\p{N}&]*|\d+)"
def _head_pattern(head: str) -> str:
    """A head of ``name_words.unknown_heads`` whose later words may be written capitalised or not: "Công ty cổ
    phần" also reads "Công ty Cổ phần" (6987/SNNMT-KS), "Ban quản lý" also "Ban Quản lý".

    >>> bool(regex.fullmatch(_head_pattern("Công ty cổ phần"), "Công ty Cổ phần"))
    True
    """
    first, *rest = head.split(" ")
    words = [regex.escape(first)] + [
        f"[{w[0].lower()}{w[0].upper()}]{regex.escape(w[1:])}" if w[:1].isalpha() and w[0].lower() != w[0].upper()
        else regex.escape(w) for w in rest]
    return " ".join(words)


_UNKNOWN_HEADS = "|".join(_head_pattern(h) for h in _name_words().unknown_heads)  # name_words.unknown_heads
_LEVELS = "tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu"
# Literal words every match of _LOCAL_RE / _LEVEL_LIST_RE / the gazetteer's qual_re holds: a text
# without one of them is not searched (each pattern is otherwise tried at every position).
_LOCAL_NEEDS = ("Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Công an", "Thuế")
_LEVEL_LIST_NEEDS = ("Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND")
_QUAL_NEEDS = ("được giao", "được phân công")
_LOCAL_RE = regex.compile(
    rf"(?<![\w])(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Công an|Cục Thuế|Chi cục Thuế|Thuế|Văn phòng (?:Ủy ban nhân dân|UBND))"
    rf" (?P<level>{_LEVELS}) ?(?P<place>{_CAPWORD}(?:(?: |-){_CAPWORD})*)"
)
# heads that start a name only before a capitalised word ("Hội Chữ thập đỏ tỉnh", "Báo Lâm Đồng"; "Hội nghị",
# "Báo chí" are common nouns)
_CAP_ONLY_HEADS = "Hội|Báo"
_CAP_HEAD_AT_RE = regex.compile(rf"(?:{_CAP_ONLY_HEADS}|Đoàn) \p{{Lu}}")
_UNKNOWN_RE = regex.compile(rf"(?<![\w])(?!Phòng (?:[Cc]hống|[Nn]gừa|[Tt]ránh)\b)(?P<head>{_UNKNOWN_HEADS}|{_CAP_ONLY_HEADS}) "
                            rf"(?:các (?=\p{{Lu}}))?(?P<first>{_CAPWORD})")  # "Phòng Chống …" is no office
# a union or a management board "of the …": "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Ban Quản lý các
# khu chế xuất và công nghiệp Cần Thơ": lower-case words after "các" up to the capitalised part of the name
_UNION_RE = regex.compile(rf"(?<![\w])(?P<head>Liên hiệp|Liên đoàn|Hiệp hội|Ban [Qq]uản lý) các "
                          rf"(?P<words>(?:\p{{Ll}}+ ){{1,10}})(?P<first>{_CAPWORD})")
# the same board or union "of the …" named in lower-case words only: "Ban Quản lý các khu công nghệ cao và khu
# công nghiệp", "Ban Quản lý các khu công nghiệp tỉnh" (the name runs over lower-case words and "và" up to a verb
# or function word)
_UNION_LOWER_RE = regex.compile(r"(?<![\w])(?:Liên hiệp|Liên đoàn|Hiệp hội|Ban Quản lý) các (?=\p{Ll})")
_LOWER_WORD_RE = regex.compile(r" ?(?P<w>\p{Ll}+)(?![\p{L}\p{N}&])")
# the next word of an unknown body's name and what joins it: space/hyphen, "và", or a comma
_TOKEN_RE = regex.compile(r"(?P<sep> và |,và |,| |-)(?P<w>[\p{L}\p{N}&]+)")
# after a comma, a name goes on only in the "X, Y và Z" shape: "Cục Xuất bản, In và Phát hành"
# ("Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam": "X, Y, Z và W")
_COMMA_SEG_RE = regex.compile(r"\p{Lu}[\p{L}\p{N}&]*(?:[ \-][\p{L}\p{N}&]+){0,2}"
                              r"(?:, ?\p{Lu}[\p{L}\p{N}&]*(?:[ \-][\p{L}\p{N}&]+){0,2})* và \p{Lu}")
# the same in lower-case words, after a name that ends in them: "Trung tâm Xúc tiến đầu tư, thương mại và du lịch"
_LOWER_LIST_RE = regex.compile(r"\p{Ll}+(?: \p{Ll}+){0,2}(?:,\p{Ll}+(?: \p{Ll}+){0,2})* và \p{Ll}+")
# a body of its own starts here: "... và Công an tỉnh", "..., Sở Nội vụ"
_HEAD_AT_RE = regex.compile(rf"(?:{_UNKNOWN_HEADS}|Bộ|UBND|HĐND|Ủy ban|Văn phòng|Phòng)(?![\p{{L}}\p{{N}}])")
# UBND at several levels, no place: "Ủy ban nhân dân xã, phường, đặc khu" (a collective, kept as written)
_LEVEL_LIST_RE = regex.compile(
    r"(?<![\w])(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND) (?:các )?"
    r"(?P<lv>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
    r"(?:(?:,|/|,? và |,và )(?P<lv>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))+(?![\w])"
    # a single unit named last, with its place: "Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ" (06/CT-UBND Quảng Trị)
    rf"(?:(?<=đặc khu|thành phố|thị xã) (?!{_HEAD_AT_RE.pattern})(?P<place>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+){{0,3}})(?![\w]))?"
)
# the same without commas: "UBND các phường xã" (the collective "Ủy ban nhân dân các phường, xã", written with them)
_LEVEL_RUN_RE = regex.compile(
    r"(?<![\w])(?P<head>Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND) các "
    r"(?P<lv>thị xã|thị trấn|thành phố|tỉnh|huyện|quận|xã|phường|đặc khu)"
    r"(?: (?P<lv>thị xã|thị trấn|thành phố|tỉnh|huyện|quận|xã|phường|đặc khu))+(?![\w])(?! \p{Lu})"
)
_NO_TITLE_KINDS = frozenset({"prime_minister", "deputy_prime_minister", "party_leader"})

_ABBR_RE_CACHE: dict[str, Any] = {}


_TW_LOWER_RE = re.compile(r"(trực thuộc|các cơ quan) Trung ương")
_SPACES_RE = re.compile(r"\s+")


def _expand_abbreviations(text: str) -> str:
    """``"Văn phòng UBND huyện"`` -> ``"Văn phòng Ủy ban nhân dân huyện"``; ``"trực thuộc TW"`` -> ``"trực thuộc trung ương"``."""
    abbr = load_agency_data().abbreviations
    rx = _ABBR_RE_CACHE.get("rx")
    if rx is None:
        alt = "|".join(regex.escape(a) for a in sorted(abbr, key=len, reverse=True))
        rx = _ABBR_RE_CACHE["rx"] = regex.compile(rf"(?<![\w])(?:{alt})(?![\w])")
    out = rx.sub(lambda m: abbr[m.group(0)] + (" " if m.group(0).endswith(".") else ""), text)
    out = _TW_LOWER_RE.sub(r"\1 trung ương", out)
    return _SPACES_RE.sub(" ", out).strip()


_NAME_DASH_RE = regex.compile(r"\s*[–—]\s*")


def display_name(text: str) -> str:
    """The name of a body written by a document in its own words (a duty heading's "cơ quan … TTHC tỉnh"), as
    a body found by pattern is named: ``"cơ quan giải quyết TTHC"`` -> ``"Cơ quan giải quyết thủ tục hành chính"``."""
    return _display_name(text)


def _display_name(text: str) -> str:
    """Name of a body found by pattern: spacing collapsed, abbreviations spelled out, tones folded, a dash
    between words written as the official names write it.

    >>> _display_name("Phòng Lao động – Thương binh và Xã hội quận")
    'Phòng Lao động - Thương binh và Xã hội quận'
    """
    return _upper_first(_expand_abbreviations(_NAME_DASH_RE.sub(" - ", fold_tones(nfc(text)))))


@dataclass
class _Cand:
    start: int  # compressed coordinates
    end: int
    prio: int  # lower wins on equal length: 0 list, 1 gazetteer, 2 local pattern, 3 unknown pattern
    items: list[tuple[int, int, AgencyEntry | None, str]]  # (start, end, entry or None for patterns, origin)
    kind: str | None = None  # kind of a pattern body when the pattern knows it
    head: str | None = None  # shared head of a list of unknown bodies ("Cục" in "các Cục: A, B")
    label: str | None = None  # the name, when the candidate builds it ("Các đơn vị được giao ...")


def _gazetteer_cands(text: str, cm: _Compressed, key: str, gaz: _Gazetteer) -> list[_Cand]:
    entries = load_agency_data().entries
    comp = cm.text
    cands: list[_Cand] = []
    n = len(key)
    for end_i, (length, eid, is_code) in gaz.automaton.iter(key):
        start = end_i - length + 1
        end = end_i + 1
        if (start > 0 and key[start - 1].isalnum()) or (end < n and key[end].isalnum()):
            continue
        entry = entries[eid]
        if is_code:
            o_start, o_end = cm.span(start, end)
            if (o_start > 0 and text[o_start - 1] in "-/") or (o_end < len(text) and text[o_end] in "-/"):
                continue  # part of a document number: "04/TTr-BKHCN-BTTTT"
            if comp[start:end] != comp[start:end].upper():
                continue  # a lower-case word that happens to spell a code
        elif (entry.kind not in _CASELESS_KINDS and not comp[start].isupper()
              and not (key.startswith("các ", start) and comp[start + 4:start + 5].isupper())):
            continue  # "chính phủ điện tử", "kiểm toán nhà nước" as common nouns ("các Phó Thủ tướng" is a body)
        cands.append(_Cand(start, end, 1, [(start, end, entry, "gazetteer")]))
    return cands


def _match_at(key: str, pos: int, options: tuple[tuple[str, Any], ...]) -> tuple[str, Any] | None:
    for k, value in options:
        if key.startswith(k, pos):
            end = pos + len(k)
            if end == len(key) or not key[end].isalnum():
                return k, value
    return None


def _list_items(key: str, pos: int, options: tuple[tuple[str, Any], ...], prefix: str = "") -> list[tuple[int, int, Any]]:
    """Items of a shared-head list starting at ``pos``: ``"quốc phòng,công an và y tế"``."""
    items: list[tuple[int, int, Any]] = []
    while True:
        if prefix and key.startswith(prefix, pos):
            pos += len(prefix)
        hit = _match_at(key, pos, options)
        if hit is None:
            break
        items.append((pos, pos + len(hit[0]), hit[1]))
        pos += len(hit[0])
        sep = _SEP_RE.match(key, pos)
        if sep is None:
            break
        pos = sep.end()
    return items


def _list_cands(key: str, gaz: _Gazetteer, split_mode: bool) -> list[_Cand]:
    data = load_agency_data()
    cands: list[_Cand] = []
    for m in _LIST_HEAD_MIN.finditer(key):
        if m.start() > 0 and key[m.start() - 1].isalnum():
            continue
        items = _list_items(key, m.end(), gaz.ministry_tails)
        if items:
            cands.append(_Cand(m.start(), items[-1][1], 0, [(s, e, ent, "list_split") for s, e, ent in items]))
    for m in _LIST_HEAD_PROV.finditer(key):
        if m.start() > 0 and key[m.start() - 1].isalnum():
            continue
        items = _list_items(key, m.end(), gaz.place_opts, prefix="tỉnh ")
        if not items:
            continue
        out: list[tuple[int, int, AgencyEntry | None, str]] = []
        if _PARTY_BEFORE.search(key, max(0, m.start() - 40), m.start()):
            out += [(s, e, data.party_places[_key(ent.place or "")], "list_split") for s, e, ent in items]
        out += [(s, e, ent, "list_split") for s, e, ent in items]
        cands.append(_Cand(m.start(), items[-1][1], 0, out))
    if split_mode:  # a bare list of places in a table cell: "Bắc Ninh, Bình Dương"
        for m in _BARE_PLACE_RE.finditer(key):
            hit = _match_at(key, m.end(), gaz.place_opts)
            if hit:
                s = m.end()
                cands.append(_Cand(s, s + len(hit[0]), 2, [(s, s + len(hit[0]), hit[1], "list_split")]))
    return cands


_WRAPPED_RE = regex.compile(r"\n[ \t]*\p{Ll}")


def _cut_at_newline(text: str, cm: _Compressed, start: int, min_end: int, end: int) -> int:
    """Pattern names do not run over a line break (after their first name word).

    A hard-wrapped line goes on when the next line starts lower-case or the line ends in "và":
    "Ban Quản lý các Khu\ncông nghiệp tỉnh", "Cục Phát thanh truyền hình và\nThông tin điện tử".
    """
    o_min, o_end = cm.orig(min_end - 1) + 1, cm.orig(end - 1) + 1
    nl = text.find("\n", o_min, o_end)
    while nl >= 0 and (_WRAPPED_RE.match(text, nl) is not None or text[max(0, nl - 5):nl].rstrip().endswith(" và")):
        nl = text.find("\n", nl + 1, o_end)
    if nl < 0:
        return end
    cut = cm.comp(nl)
    while cut > min_end and not cm.text[cut - 1].isalnum():
        cut -= 1
    return max(cut, min_end)


@functools.cache
def _sector_body_re() -> regex.Pattern:
    """"cơ quan LĐTBXH", "cơ quan Lao động - Thương binh và Xã hội": the body of a sector at any level (a
    department's field after "cơ quan"), named as written.

    >>> _sector_body_re().search("Hằng quý, cơ quan LĐTBXH căn cứ danh sách").group()
    'cơ quan LĐTBXH'
    >>> _sector_body_re().search("Đề nghị cơ quan thuế địa phương tạo điều kiện").group()
    'cơ quan thuế địa phương'
    """
    data = load_agency_data()
    names = sorted(data.sector_names, key=len, reverse=True)
    alt = "|".join(regex.escape(n).replace(r"\ ", " ") for n in names)
    levels = "|".join(regex.escape(v).replace(r"\ ", " ") for v in sorted(data.sector_body_levels, key=len, reverse=True))
    if levels and data.sector_fields:
        # only a sector organised at every level carries its level in its name ("cơ quan thuế địa phương"); a
        # department's field does not ("cơ quan LĐTBXH địa phương" is "Cơ quan Lao động - Thương binh và Xã hội")
        sectors = "|".join(regex.escape(n).replace(r"\ ", " ") for n in sorted(data.sector_fields, key=len, reverse=True))
        alt = rf"(?:{sectors})(?![\p{{L}}\p{{N}}&])(?: (?:của )?(?:{levels}))?|{alt}"
    return regex.compile(r"(?<![\w])[Cc]ơ quan (?:" + alt + r")(?![\p{L}\p{N}&])")


def _unknown_cands(text: str, cm: _Compressed, known_starts: set[int]) -> list[_Cand]:
    comp = cm.text
    cands: list[_Cand] = []
    for m in _sector_body_re().finditer(comp):
        cands.append(_Cand(m.start(), m.end(), 3, [(m.start(), m.end(), None, "pattern")]))
    local = any(map(comp.__contains__, _LOCAL_NEEDS))
    for m in _LOCAL_RE.finditer(comp) if local else ():
        s = m.start()
        e = _cut_at_newline(text, cm, s, m.end("level"), m.end())
        if e > m.end("level"):
            cands.append(_Cand(s, e, 2, [(s, e, None, "pattern")]))
    for m in _LEVEL_LIST_RE.finditer(comp) if local and any(map(comp.__contains__, _LEVEL_LIST_NEEDS)) else ():
        s = m.start()
        e = _cut_at_newline(text, cm, s, m.end("lv"), m.end())
        if m["place"] and e == m.end() and _starts_verb(m["place"]):
            e = m.end("lv")  # "… đặc khu Tập trung chỉ đạo …": a sentence goes on, no place
        if e == m.end() or (m["place"] and e == m.end("lv")):
            cands.append(_Cand(s, e, 2, [(s, e, None, "pattern")], kind="collective"))
    for m in _LEVEL_RUN_RE.finditer(comp) if local and any(map(comp.__contains__, _LEVEL_LIST_NEEDS)) else ():
        s = m.start()
        if _cut_at_newline(text, cm, s, m.ends("lv")[0], m.end()) == m.end() and len(set(m.captures("lv"))) > 1:
            label = f"{_expand_abbreviations(m['head'])} các {', '.join(m.captures('lv'))}"
            cands.append(_Cand(s, m.end(), 2, [(s, m.end(), None, "pattern")], kind="collective", label=label))
    cands += _head_list_cands(text, cm, known_starts)
    cands += _qualified_cands(text, cm, _lower(comp))
    for m in _UNKNOWN_RE.finditer(comp):
        joins: list[int] = []
        end = _unknown_end(comp, m.end("first"), m.group("first").lower(), known_starts, joins)
        s = m.start()
        cut = _cut_at_newline(text, cm, s, m.end("first"), end)
        if cut < end and joins and joins[0] < cut:  # a line break after "và"/",": keep the part before the join
            cut = max(j for j in joins if j < cut)
        cands.append(_Cand(s, cut, 3, [(s, cut, None, "pattern")]))
    stop = _name_words().stop_words
    for m in _UNION_RE.finditer(comp):
        if any(w in stop and w != "và" for w in m.group("words").split()):
            continue  # "Ban Quản lý các dự án được giao …": a verb or function word is no name
        end = _unknown_end(comp, m.end("first"), m.group("first").lower(), known_starts, [])
        cut = _cut_at_newline(text, cm, m.start(), m.end("first"), end)
        if cut == end:
            cands.append(_Cand(m.start(), end, 3, [(m.start(), end, None, "pattern")]))
    for m in _UNION_LOWER_RE.finditer(comp):
        end = _lower_name_end(comp, m.end())
        after = _LOWER_WORD_RE.match(comp, end)
        if end > m.end() and (after is None or after.group("w") not in _name_words().relative_words):
            cut = _cut_at_newline(text, cm, m.start(), m.end(), end)
            if cut > m.end():
                cands.append(_Cand(m.start(), cut, 3, [(m.start(), cut, None, "pattern")]))
    return cands


def _lower_name_end(comp: str, pos: int) -> int:
    """End of a name written in lower-case words from ``pos`` up to a verb or function word; "và" joins two
    such words ("khu công nghệ cao và khu công nghiệp").

    >>> comp = "Ban Quản lý các khu công nghệ cao và khu công nghiệp chủ trì"
    >>> comp[:_lower_name_end(comp, 16)]
    'Ban Quản lý các khu công nghệ cao và khu công nghiệp'
    """
    words = _name_words()
    end = pos
    for _ in range(12):
        w = _LOWER_WORD_RE.match(comp, end)
        if w is None:
            break
        if w.group("w") == "và":  # a join goes on only to another name word
            w = _LOWER_WORD_RE.match(comp, w.end())
            if w is None:
                break
        if w.group("w") in words.stop_words or w.group("w") in words.stop_lower:
            break
        end = w.end()
    return end


# "các Cục: Di sản văn hóa; Bản quyền tác giả" -> Cục Di sản văn hóa, Cục Bản quyền tác giả
_HEAD_LIST_RE = regex.compile(
    r"(?<![\w])[Cc]ác (?P<head>Tổng cục|Chi cục|Cục|Vụ|Sở|Học viện|Viện|Trung tâm|Ban|Đài|Trường|Văn phòng|Phòng|Tập đoàn|Tổng công ty)"
    r"(?::| gồm:?) ?"
)
# groups of companies named by a shared head and their brands, without a colon: "các Tập đoàn VNPT, Viettel,
# Mobifone" (225/CĐ-TTg) -> Tập đoàn VNPT, Tập đoàn Viettel, Tập đoàn Mobifone
_BRAND_LIST_RE = regex.compile(r"(?<![\w])[Cc]ác (?P<head>Tập đoàn|Tổng công ty) (?=\p{Lu})")
_ITEM_START_RE = regex.compile(_CAPWORD)
_ITEM_SEP_RE = {";": regex.compile(r";(?: ?và )?"), ",": regex.compile(r"(?:,(?: ?và )?| và )")}
_FIRST_SEP_RE = regex.compile(r"[;,.|]")
# what a collective "được giao" / "được phân công": "nhiệm vụ", "chủ trì", or a verb and its object
_QUAL_TAIL_RE = regex.compile(r" (?:(?P<end>nhiệm vụ|chủ trì)|(?P<verb>thực hiện|xây dựng|triển khai|quản lý|tổ chức))(?![\w])")
_QUAL_WORD_RE = regex.compile(r" (?P<w>[\p{Ll}\p{N}][\p{L}\p{N}]*|\p{Lu}[\p{Lu}\p{N}&]+)(?![\w])")


def _head_list_cands(text: str, cm: _Compressed, known_starts: set[int]) -> list[_Cand]:
    """Bodies under one head: "các Cục: Di sản văn hóa, Bản quyền tác giả" -> Cục Di sản văn hóa, ...

    The items are separated by ";" when the first separator is one (an item may then hold a comma:
    "Xuất bản, In và Phát hành"), else by "," / "và" (a ";" ends the list). Known bodies are matched
    from the data ("các Sở: VH,TT&DL, KH&CN"); the list ends at an item that is a body of its own
    or an office title ("...; Chủ tịch UBND ...").
    """
    comp = cm.text
    key = _lower(comp)
    gaz = _gazetteer()
    cands: list[_Cand] = []
    for m in itertools.chain(_HEAD_LIST_RE.finditer(comp), _BRAND_LIST_RE.finditer(comp)):
        brands = m.re is _BRAND_LIST_RE
        pos = m.end()
        first = _FIRST_SEP_RE.search(comp, pos, pos + 400)
        sep_re = _ITEM_SEP_RE[";" if first is not None and first.group() == ";" else ","]
        tails = gaz.head_tails.get(_key(m.group("head")), ())
        items: list[tuple[int, int, AgencyEntry | None, str]] = []
        while (w := _ITEM_START_RE.match(comp, pos)) is not None and not _starts_body(comp, pos, known_starts):
            hit = _match_at(key, pos, tails)
            if hit is not None:
                end, entry = pos + len(hit[0]), hit[1]
            else:
                end = _unknown_end(comp, w.end(), w.group().lower(), known_starts, [])
                end = _cut_at_newline(text, cm, pos, w.end(), end)
                if sep_re is _ITEM_SEP_RE[","] and "," in comp[pos:end]:
                    end = comp.index(",", pos)
                entry = None
                if comp[end:end + 1] == "." and comp[end + 1:end + 2].isalnum():
                    break  # a code with a dot: "V.I"
            items.append((pos, end, entry, "list_split"))
            sep = sep_re.match(comp, end)
            if sep is None:
                break
            pos = sep.end()
        if items and (not brands or len(items) > 1):  # one brand is the name as written ("các Tập đoàn Viettel")
            cands.append(_Cand(m.start(), items[-1][1], 0, items, head=m.group("head")))
    return cands


@functools.cache
def _scope_re() -> regex.Pattern[str]:
    scopes = "|".join(regex.escape(x) for x in load_agency_data().assignment_scopes) or "(?!)"
    return regex.compile(rf" (?:theo|trong|tại) (?:{scopes})(?: này)?(?![\w])")


@functools.cache
def _closer_re() -> regex.Pattern[str]:
    closers = "|".join(regex.escape(x) for x in load_agency_data().assignment_closers) or "(?!)"
    return regex.compile(rf"(?=[,.;:)]| (?:{closers})(?![\w]))")


_CHAIRED_TASK_RE = regex.compile(r" thực hiện (?:các )?nhiệm vụ(?![\w])")


def _assignment_scope_end(comp: str, end: int, *, chaired: bool) -> int:
    """End of a collective named by its assignment past "nhiệm vụ"/"chủ trì" at ``end``: the tasks it chairs
    and the text that assigned them ("… được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này")."""
    if chaired and (c := _CHAIRED_TASK_RE.match(comp, end)) is not None:
        end = c.end()
    if (s := _scope_re().match(comp, end)) is not None:
        end = s.end()
    return end


def _qualified_cands(text: str, cm: _Compressed, key: str) -> list[_Cand]:
    """A collective named by its assignment, kept whole: "Các cơ quan, đơn vị được giao nhiệm vụ",
    "các đơn vị được giao thực hiện TTHC" (-> "... thủ tục hành chính")."""
    comp = cm.text
    cands: list[_Cand] = []
    if not any(map(key.__contains__, _QUAL_NEEDS)):
        return cands
    for m in _gazetteer().qual_re.finditer(key):
        t = _QUAL_TAIL_RE.match(comp, m.end())
        if t is None:
            if _closer_re().match(comp, m.end()) is None:
                continue
            end = m.end()  # a bare "được phân công" closed by a modal or a mark: the collective as written
        elif t.group("verb"):
            end = t.end()
            for _ in range(8):  # the verb's object, up to a verb or function word
                w = _QUAL_WORD_RE.match(comp, end)
                if w is None or w.group("w").lower() in _name_words().stop_words or w.group("w") in _name_words().stop_lower:
                    break
                end = w.end()
            end = _cut_at_newline(text, cm, m.start(), t.end(), end)
            if end == t.end():
                continue  # "được giao quản lý, sử dụng ...": no object, no name
        else:
            end = _assignment_scope_end(comp, t.end(), chaired=t.group("end") == "chủ trì")
        o_q, o_end = cm.span(m.start("q"), end)
        nouns = m.group("nouns").replace(",", ", ")
        # "Các cơ quan, đơn vị được giao …" as written; a bare "Cơ quan, đơn vị được giao chủ trì" (a rule's
        # subject, 98/2025/QĐ-UBND) or "sở, ban, ngành được giao chủ trì" after a comma keeps its own form
        head = "Các " + nouns if m.group("cac") else nouns[:1].upper() + nouns[1:]
        name = head + " " + _expand_abbreviations(fold_tones(text[o_q:o_end]))
        cands.append(_Cand(m.start(), end, 1, [(m.start(), end, None, "pattern")], kind="collective", label=name))
    return cands


def _starts_verb(words: str) -> bool:
    """Whether a capitalised run opens with a verb or function word of ``name_words`` ("Tập trung", "Chủ động"),
    not a place's name ("Cồn Cỏ")."""
    first = words.split(" ", 1)[0].lower()
    nw = _name_words()
    return first in nw.stop_words or first in nw.stop_lower


def _chain_run_cands(key: str, comp: str, gaz: _Gazetteer) -> list[_Cand]:
    """A run of state-unit nouns written out is one collective, known or not: "các cơ quan, tổ chức, đơn vị
    có liên quan" (``collective_chain_*`` of the data). A member followed by a capitalised word starts a body of
    its own and is left out ("các sở, ngành, ban Quản lý dự án"); a run right before "thuộc" is left to the body
    it belongs to."""
    cands: list[_Cand] = []
    for start in gaz.chain_run_re.finditer(key):
        end = start.end()
        while (m := gaz.chain_re.match(key, end)) is not None:
            if comp[m.end():m.end() + 1] == " " and comp[m.end() + 1:m.end() + 2].isupper():
                break
            end = m.end()
        if end == start.end():
            continue
        if (t := gaz.chain_run_tail_re.match(key, end)) is not None:
            end = t.end()
        if _SUBORDINATE_RE.match(key, end) is None:
            cands.append(_Cand(start.start(), end, 2, [(start.start(), end, None, "pattern")], kind="chain"))
    return cands


def _starts_body(comp: str, pos: int, known_starts: set[int]) -> bool:
    """A new body (head word, known name or office title) starts at ``pos``."""
    return (pos in known_starts or _HEAD_AT_RE.match(comp, pos) is not None
            or _CAP_HEAD_AT_RE.match(comp, pos) is not None
            or _gazetteer().title_start_re.match(comp, pos) is not None)


def _common_noun_at(comp: str, pos: int, word: str) -> bool:
    """A head word that begins a common noun here ("Bộ đội", "Bộ phận"), not another body."""
    nxt = _TOKEN_RE.match(comp, pos)
    return (nxt is not None and nxt.group("sep") == " "
            and nxt.group("w") in _name_words().common_nouns_after.get(word, frozenset()))


def _unknown_end(comp: str, pos: int, prev: str, known_starts: set[int], joins: list[int]) -> int:
    """End of an unknown body's name whose first name word ends at ``pos``.

    The name goes on over lower-case words ("Viện Nghiên cứu phát triển Thành phố"), over "và"
    and "X, Y và Z" joins before a capitalised word that does not start a body of its own
    ("Cục Phát thanh truyền hình và Thông tin điện tử"), and over "các" + a capitalised word
    ("Ban Quản lý các Khu công nghiệp"); it stops at verbs and function words. ``joins`` gets
    the name's end before each "và"/comma join.
    """
    end = pos
    count = 0
    closed = False  # the last two words were a closed unit ("Thường trực"): only a capitalised word goes on
    lower_list = False  # inside "…, thương mại và du lịch": its "và" goes on
    while count < 14:
        t = _TOKEN_RE.match(comp, pos)
        if t is None:
            break
        sep, word = t.group("sep"), t.group("w")
        low = word.lower()
        w_start = t.start("w")
        if closed and not word[:1].isupper():
            break
        after_closed, closed = closed, sep == " " and f"{prev} {low}" in _name_words().closed_units
        if closed or (after_closed and sep == " " and w_start not in known_starts):
            pass  # "Văn phòng Thường trực Ban Chỉ đạo …": the body whose standing organ it is goes on in the name
        elif sep in (" ", "-"):
            if low == "các" and sep == " ":
                t2 = _TOKEN_RE.match(comp, t.end())
                if (t2 is None or t2.group("sep") != " " or not t2.group("w")[:1].isupper()
                        or _starts_body(comp, t2.start("w"), known_starts)):
                    break
                pos = t.end()
                count += 1
                continue
            if (word in _name_words().new_body_words and (word != "Văn" or comp.startswith("Văn phòng", w_start))
                    and not _common_noun_at(comp, t.end(), word)):
                break  # a new body starts: "Sở Tài chính Sở Nội vụ" (not "Ban Chỉ huy Bộ đội Biên phòng")
            if (low in _name_words().stop_words and prev not in _name_words().stop_ok_after.get(low, ())
                    and not (sep == "-" and word[:1].isupper())):  # "Cục Kinh tế - Quản lý đầu tư xây dựng"
                break
            if word in _name_words().stop_lower and prev not in _name_words().stop_ok_after.get(low, ()):
                break
        elif not word[:1].isupper() and (lower_list or _lower_list_at(comp, w_start, prev, sep)):
            lower_list = sep == ","  # "X, y và z": the list closes with its "và"
            joins.append(end)
        else:
            if not word[:1].isupper() or _starts_body(comp, w_start, known_starts):
                break
            if sep == "," and _COMMA_SEG_RE.match(comp, w_start) is None:
                break
            joins.append(end)
        end = pos = t.end()
        prev = low
        count += 1
    return end


def _lower_list_at(comp: str, pos: int, prev: str, sep: str) -> bool:
    """A list of lower-case fields in a name from ``pos``, after a comma and a name word in lower case: "Trung tâm
    Xúc tiến đầu tư, thương mại và du lịch" (not "Trung tâm Y tế, các trạm y tế xã và …": no function word nor verb).

    >>> _lower_list_at("Trung tâm Xúc tiến đầu tư,thương mại và du lịch", 26, "tư", ",")
    True
    >>> _lower_list_at("Trung tâm Y tế,các trạm y tế xã và", 15, "tế", ",")
    False
    """
    if sep != "," or not prev[:1].islower():
        return False
    m = _LOWER_LIST_RE.match(comp, pos)
    if m is None:
        return False
    words = _name_words()
    return not any(w in words.stop_words or w in words.stop_lower for w in regex.split(r"[ ,]+", m.group()) if w != "và")


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    """Longest first; on equal length list > gazetteer > local pattern > unknown pattern.

    A pattern candidate starting inside a known body is dropped ("Sở Y tế trả" is Sở Y tế).
    """
    known = bytearray(n + 1)
    for c in cands:
        if c.prio <= 1:
            known[c.start:c.end] = b"\x01" * (c.end - c.start)
    taken = bytearray(n + 1)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        if c.prio == 3 and known[c.start]:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


# after a collective of state units: "liên quan" / "có liên quan", or its level ("tỉnh", "cấp tỉnh")
_CHAIN_TAIL_RE = re.compile(r" (?:có )?liên quan(?![\w])| (?:cấp )?(?:tỉnh|thành phố|huyện|xã)(?![\w])")
# a capitalised word after the level is a place ("tỉnh Gia Lai"): the level is then no tail of the collective
_PLACE_NEXT_RE = regex.compile(r" \p{Lu}")


def _level_tail(key: str, comp: str, pos: int, limit: int) -> bool:
    """The level of a collective ends it here: " Thành phố" in "các sở, ban, ngành, đoàn thể Thành phố, …",
    not " tỉnh Gia Lai" (a place) nor " liên quan" (a qualifier)."""
    m = _CHAIN_TAIL_RE.match(key, pos)
    return (m is not None and m.end() <= limit and not m.group().endswith("liên quan")
            and _PLACE_NEXT_RE.match(comp, m.end()) is None)


def _extend_collectives(key: str, comp: str, chosen: list[_Cand], gaz: _Gazetteer) -> None:
    """A collective of state units goes on as written over more such units and a qualifier.

    "các sở, ngành, địa phương" -> one collective (not "Các sở, ngành" + "Các địa phương");
    "Các sở, ban, ngành Tỉnh" -> "Các sở, ban, ngành tỉnh". A unit followed by a capitalised word
    is a body of its own ("ban Quản lý ...") and ends the collective.
    """
    absorbed: set[int] = set()
    for i, cand in enumerate(chosen):
        if i in absorbed or len(cand.items) != 1 or not (
                cand.kind == "chain" if cand.items[0][2] is None else cand.items[0][2].id in gaz.chain_ids):
            continue
        # a run of such units written without "các" right after the chain is more of it: "các sở, ban, ngành,
        # đơn vị, địa phương" is one collective, not "Các sở, ban, ngành" and "Các đơn vị, địa phương"
        nxt = i + 1
        while (nxt < len(chosen) and _bare_chain(chosen[nxt], key, gaz)
               and (sep := _CHAIN_SEP_RE.match(key, chosen[nxt - 1].end)) is not None and sep.end() == chosen[nxt].start):
            nxt += 1
        limit = chosen[nxt].start if nxt < len(chosen) else len(key)
        end = cand.end
        while (m := gaz.chain_re.match(key, end)) is not None and m.end() <= limit:
            if (comp[m.end():m.end() + 1] == " " and comp[m.end() + 1:m.end() + 2].isupper()
                    and not _level_tail(key, comp, m.end(), limit)):
                break  # "ban Quản lý …" is a body of its own; "đoàn thể Thành phố" is the collective's level
            end = m.end()
        if (m := gaz.chain_level_re.match(key, end)) is not None and m.end() <= limit:
            end = m.end()  # "Các bộ, cơ quan trung ương chủ trì …"
        if _level_tail(key, comp, end, limit) or (
                (m := _CHAIN_TAIL_RE.match(key, end)) is not None and m.end() <= limit and end > cand.end):
            end = _CHAIN_TAIL_RE.match(key, end).end()
        if end > cand.end:
            cand.end = end
            cand.items = [(cand.start, end, None, cand.items[0][3])]
            cand.kind = "chain"
            absorbed.update(k for k in range(i + 1, nxt) if chosen[k].end <= end)
    if absorbed:
        chosen[:] = [c for k, c in enumerate(chosen) if k not in absorbed]
    _join_chain_runs(key, chosen, gaz)
    _join_subordinates(key, comp, chosen)


_CHAIN_AGAIN_RE = re.compile(r", ?(?=các )")


def _chain_like(cand: _Cand, gaz: _Gazetteer) -> bool:
    """A collective of state units: a run of them written out or a known one made only of them."""
    return len(cand.items) == 1 and (
        cand.kind == "chain" if cand.items[0][2] is None else cand.items[0][2].id in gaz.chain_ids)


def _join_chain_runs(key: str, chosen: list[_Cand], gaz: _Gazetteer) -> None:
    """Two runs of state units joined by a comma and a second "các" are one collective as written:
    "các cấp uỷ, tổ chức đảng, các cơ quan, đơn vị, địa phương" (221-KL/TW), "các ngành, các cấp"."""
    i = 0
    while i + 1 < len(chosen):
        cand, nxt = chosen[i], chosen[i + 1]
        if (_chain_like(cand, gaz) and _chain_like(nxt, gaz)
                and (m := _CHAIN_AGAIN_RE.match(key, cand.end)) is not None and m.end() == nxt.start):
            cand.end = nxt.end
            cand.items = [(cand.start, nxt.end, None, cand.items[0][3])]
            cand.kind = "chain"
            del chosen[i + 1]
            continue
        i += 1


_CHAIN_SEP_RE = re.compile(r"(?:, ?| và |,và )")


def _bare_chain(cand: _Cand, key: str, gaz: _Gazetteer) -> bool:
    """A collective of state units matched without its "các" ("đơn vị, địa phương" in a longer run)."""
    return (len(cand.items) == 1 and cand.items[0][2] is not None and cand.items[0][2].id in gaz.chain_ids
            and not key.startswith("các ", cand.start))


# "… thuộc" / "… trực thuộc" between a collective and the body its members belong to
_SUBORDINATE_RE = re.compile(r" (?:trực )?thuộc ")
_OWNER_LIST_RE = re.compile(r"(?:,| và |,và | hoặc ) ?")


def _join_subordinates(key: str, comp: str, chosen: list[_Cand]) -> None:
    """A collective and the body it belongs to are one collective: "các sở, cơ quan thuộc UBND tỉnh" ->
    "Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh" (the People's Committee is no actor of its own). The
    collective is a known one or a run of state-unit nouns (``collective_chain_nouns``)."""
    gaz = _gazetteer()
    j = 0
    while j < len(chosen):
        body = chosen[j]
        owner_entry = body.items[0][2] if len(body.items) == 1 else None
        if len(body.items) != 1 or (owner_entry is not None and owner_entry.kind == "collective"):
            j += 1
            continue
        nxt = chosen[j + 1] if j + 1 < len(chosen) else None
        nxt_entry = nxt.items[0][2] if nxt is not None and len(nxt.items) == 1 else None
        if (nxt is not None and _OWNER_LIST_RE.fullmatch(key, body.end, nxt.start)
                and not (nxt_entry is not None and nxt_entry.kind == "collective") and nxt.kind != "collective"):
            j += 1  # "các cơ quan thuộc Bộ Xây dựng, Bộ Quốc phòng": the owners are the bodies named
            continue
        prev = chosen[j - 1] if j else None
        prev_entry = prev.items[0][2] if prev is not None and len(prev.items) == 1 else None
        m = _SUBORDINATE_RE.match(key, prev.end) if prev is not None else None
        if (prev is not None and m is not None and m.end() == body.start
                and (prev.kind == "chain" or (prev_entry is not None and prev_entry.kind == "collective"))):
            start, head_end, glue, first = prev.start, prev.end, m.group().strip(), j - 1
        else:
            lo = max(prev.end if prev is not None else 0, body.start - 80)
            u = gaz.units_before_re.search(key, lo, body.start)
            if u is None:
                j += 1
                continue
            start, head_end, glue, first = u.start("units"), u.end("units"), u.group("glue").strip(), j
        head = " ".join(comp[start:head_end].replace(",", ", ").split())
        head = "Các " + head[4:] if head.lower().startswith("các ") else "Các " + head
        owner = owner_entry.name if owner_entry is not None else _display_name(comp[body.start:body.end])
        cand = _Cand(start, body.end, 1, [(start, body.end, None, body.items[0][3])], kind="collective",
                     label=f"{head} {glue} {owner}")
        chosen[first:j + 1] = [cand]
        j = first + 1


# the bodies of one kind at every unit of a level: " các tỉnh, thành phố trực thuộc trung ương", " các quân
# khu", " tỉnh, thành phố trực thuộc trung ương" (on the key: no space after a comma), " các tỉnh/thành phố" (written
# "các tỉnh, thành phố"); not before a list (":")
_EVERY_UNIT_RE = re.compile(
    r" (?:các (?P<u1>tỉnh|thành phố|quân khu|huyện|quận|thị xã|xã|phường)(?P<more1>(?:,| và |,và |/)(?:tỉnh|thành phố|huyện|"
    r"quận|thị xã|xã|phường|thị trấn|đặc khu))*|(?P<u2>tỉnh|huyện|quận|xã|phường)(?P<more2>(?:,| và |,và )(?:thành phố|"
    r"thị xã|phường|xã|thị trấn|đặc khu))+)(?: trực thuộc trung ương)?(?![\w])(?! ?:)"
    # … or of every level, or in the localities: "Hội Cựu chiến binh các cấp", "Mặt trận Tổ quốc Việt Nam tại địa
    # phương" (394/NQ-CP), one collective each, as written
    r"| (?:các cấp|(?:tại|ở) (?:các )?địa phương)(?![\w])"
)
# bodies whose own name already says which units they are ("Ủy ban nhân dân các tỉnh"), or that are no single body
_EVERY_UNIT_SKIP_KINDS = frozenset({"collective", "province", "local_body"})


def _join_every_unit(key: str, comp: str, chosen: list[_Cand], text: str | None = None,
                     cm: _Compressed | None = None) -> None:
    """A body followed by the units of a level is one collective, as written: "Sở Lao động - Thương binh và
    Xã hội các tỉnh, thành phố trực thuộc Trung ương", "Ban Chỉ đạo các quân khu" (not the department
    plus "Các tỉnh, thành phố …", not the issuer's "Ban Chỉ đạo").

    >>> from .find import find_agencies
    >>> [m.name for m in find_agencies("- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh.")]
    ['Ban Chỉ đạo các quân khu', 'Ban Chỉ đạo các tỉnh']
    """
    j = 0
    while j < len(chosen):
        cand = chosen[j]
        entry = cand.items[0][2] if len(cand.items) == 1 else None
        m = _EVERY_UNIT_RE.match(key, cand.end) if len(cand.items) == 1 and cand.label is None else None
        if (m is None or cand.kind in _EVERY_UNIT_SKIP_KINDS or cand.kind == "chain"
                or (entry is not None and entry.kind in _EVERY_UNIT_SKIP_KINDS)
                or (entry is None and _pattern_kind(comp[cand.start:cand.end]) in _EVERY_UNIT_SKIP_KINDS)):
            j += 1
            continue
        end = m.end()
        k = j + 1
        while k < len(chosen) and chosen[k].start < end:
            if chosen[k].end > end:
                break
            k += 1
        if k < len(chosen) and chosen[k].start < end:
            j += 1
            continue  # a body starts inside the tail and runs past it: leave both
        if entry is not None:
            body = entry.name
        elif text is not None and cm is not None:  # as the input spaces it ("Thi đua - Khen thưởng")
            o_start, o_end = cm.span(cand.start, cand.end)
            body = _display_name(" ".join(text[o_start:o_end].split()))
        else:
            body = _display_name(comp[cand.start:cand.end])
        tail = comp[cand.end:end].replace(",", ", ").replace("/", ", ")
        tail = " ".join(tail.replace("Trung ương", "trung ương").split())
        chosen[j:k] = [_Cand(cand.start, end, 1, [(cand.start, end, None, cand.items[0][3])], kind="collective",
                             label=f"{body} {tail}")]
        j += 1


def _pattern_kind(name: str) -> str:
    low = name.lower()
    for prefix, kind in (("ủy ban nhân dân tỉnh", "province"), ("ủy ban nhân dân", "local_body"),
                         ("hội đồng nhân dân", "local_body"), ("sở ", "provincial_department")):
        if low.startswith(prefix):
            return kind
    return "agency"
