"""``find_agencies``: the candidates of one text chosen, office titles absorbed, as mentions.

>>> [m.name for m in find_agencies("Bộ trưởng Bộ Y tế chủ trì")]
['Bộ Y tế']
"""

from __future__ import annotations

import functools

import regex

from ..textutil import fold_tones, slugify
from .candidates import (
    _NO_TITLE_KINDS,
    _chain_run_cands,
    _display_name,
    _extend_collectives,
    _gazetteer_cands,
    _join_every_unit,
    _list_cands,
    _pattern_kind,
    _select,
    _unknown_cands,
)
from .entries import AgencyEntry, AgencyMention, load_agency_data
from .gazetteer import _gazetteer, _loose_key, lookup_agency
from .text_forms import _compress, _lower


def _scan(text: str, *, split_mode: bool = False) -> tuple[list[AgencyMention], list[tuple[int, int]]]:
    """Mentions and the input spans of the chosen candidates (list heads included)."""
    gaz = _gazetteer()
    comp, cm = _compress(fold_tones(text))
    key = _lower(comp)
    cands = _gazetteer_cands(text, cm, key, gaz)
    cands += _list_cands(key, gaz, split_mode)
    cands += _chain_run_cands(key, comp, gaz)
    cands += _unknown_cands(text, cm, {c.start for c in cands})
    chosen = _select(cands, len(key))
    _extend_collectives(key, comp, chosen, gaz)
    _join_every_unit(key, comp, chosen, text, cm)
    mentions: list[AgencyMention] = []
    covered: list[tuple[int, int]] = []
    for cand in chosen:
        c_start, c_end = cm.span(cand.start, cand.end)
        tm = gaz.titles_re.match(key[max(0, cand.start - 120):cand.start][::-1])
        if tm is not None:  # "Cục trưởng các Cục: ...", "Chủ tịch UBND các tỉnh: ...": the title is no body
            c_start = cm.orig(cand.start - tm.end())
        covered.append((c_start, c_end))
        for s, e, entry, origin in cand.items:
            o_start, o_end = cm.span(s, e)
            name_start = o_start
            if origin != "list_split" and not (entry is not None and entry.kind in _NO_TITLE_KINDS):
                tm = gaz.titles_re.match(key[max(0, s - 120):s][::-1])
                if tm is not None:
                    o_start = cm.orig(s - tm.end())
                    origin = "office_holder"
            if entry is None and (cand.head or cand.label):  # a name the candidate builds
                name = cand.label or _display_name(f"{cand.head} {text[o_start:o_end]}")
                entry = lookup_agency(name)
                if entry is None:
                    mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], "unknown:" + slugify(name),
                                                  name, cand.kind or _pattern_kind(name), False, origin))
                    continue
            elif entry is None and cand.kind == "chain":  # "các sở, ngành và địa phương": as written, lower case
                name = key[s:e].replace(",", ", ")
                name = "C" + name[1:] if name.startswith("các ") else "Các " + name
                entry = lookup_agency(name)
                if entry is None:
                    mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], "unknown:" + slugify(name),
                                                  name, "collective", False, origin))
                    continue
            elif entry is None and cand.kind is None:
                entry = gaz.loose.get(_loose_key(text[name_start:o_end]))  # "Sở Văn hoá Thể thao du lịch"
            if entry is not None and (branch := _regional_branch_re().match(text, o_end)) is not None:
                # "Ngân hàng Nhà nước chi nhánh khu vực 14": a regional branch is a body of its own, as written
                name = _display_name(" ".join(text[name_start:branch.end()].split()))
                mentions.append(AgencyMention(o_start, branch.end(), text[o_start:branch.end()],
                                              "unknown:" + slugify(name), name, entry.kind, False, origin))
            elif entry is not None:
                name, o_end = _with_own_place(entry, text, o_end)
                mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], entry.id, name,
                                              entry.kind, True, origin))
            else:
                name = _display_name(text[name_start:o_end])
                mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], "unknown:" + slugify(name),
                                              name, cand.kind or _pattern_kind(name), False, origin))
    mentions += _shared_head_places(text, mentions)
    mentions += _shared_level_place(text, mentions)
    mentions.sort(key=lambda m: m.start)
    mentions = _place_closing_a_pair(text, mentions)
    return _with_own_ministry(text, mentions), covered


# a department of a ministry written with the ministry right after it, no comma: "Cục Tài chính Bộ Quốc phòng"
_MINISTRY_UNIT = regex.compile(r"^(?:Tổng cục|Cục|Vụ|Thanh tra|Văn phòng) \p{Lu}")


def _with_own_ministry(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """A ministry's department followed by the ministry with only a space between is one body, as written:
    "Cục Tài chính Bộ Quốc phòng" (not "Cục Tài chính" and "Bộ Quốc phòng"); so is one of a "Bộ" inside a ministry
    ("Cục Tác chiến Bộ Tổng Tham mưu")."""
    out: list[AgencyMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and (m.kind == "ministry" or (m.kind == "ministry_department" and m.name.startswith("Bộ ")))
                and m.origin == "gazetteer" and prev.origin != "office_holder"
                and _MINISTRY_UNIT.match(prev.name) and text[prev.end:m.start] == " " and prev.end < m.start):
            name = f"{prev.name} {m.name}"
            out[-1] = AgencyMention(prev.start, m.end, text[prev.start:m.end], "unknown:" + slugify(name), name,
                                    prev.kind, False, prev.origin)
            continue
        out.append(m)
    return out


@functools.cache
def _regional_branch_re() -> regex.Pattern[str]:
    """A regional branch written after its body ("Ngân hàng Nhà nước khu vực XII", "… Việt Nam - Chi nhánh
    Khu vực II"): the words of agencies.yaml ``regional_branch_words`` and the region's number."""
    words = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in load_agency_data().regional_branch_words) or "(?!)"
    return regex.compile(rf"(?:\s*[-–]\s*|\s+)(?i:{words})\s+(?:[IVXL]+|\d+)(?![\p{{L}}\p{{N}}])")


# a council or committee head right before another local body: "Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang"
_BARE_LOCAL_HEAD = regex.compile(r"(?<![\p{L}])(?P<head>Hội đồng nhân dân|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|UBND)"
                                 r"(?:\s*,\s*|\s+và\s+)$")
_LOCAL_NAME = regex.compile(r"^(?:Hội đồng nhân dân|Ủy ban nhân dân)(?P<rest>\s+(?:các\s+|cấp\s+)?(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\b.*)$")


def _shared_level_place(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """"Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang": the council shares the level and place written
    after the committee (and "HĐND, UBND các tỉnh, thành phố" the collective's).

    >>> [m.name for m in find_agencies("Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang chỉ đạo")]
    ['Hội đồng nhân dân tỉnh An Giang', 'Ủy ban nhân dân tỉnh An Giang']
    """
    out: list[AgencyMention] = []
    taken = [(m.start, m.end) for m in mentions]
    for mention in mentions:
        rest = _LOCAL_NAME.match(mention.name)
        head = _BARE_LOCAL_HEAD.search(text, max(0, mention.start - 24), mention.start) if rest else None
        if head is None or any(s < head.end("head") and head.start("head") < e for s, e in taken):
            continue
        full = "Hội đồng nhân dân" if head["head"] in ("Hội đồng nhân dân", "HĐND") else "Ủy ban nhân dân"
        if mention.name.startswith(full):
            continue
        name = full + rest["rest"]
        entry = lookup_agency(name)
        out.append(AgencyMention(head.start("head"), head.end("head"), head["head"],
                                 entry.id if entry else "unknown:" + slugify(name), entry.name if entry else name,
                                 entry.kind if entry else mention.kind, entry is not None, "list_split"))
    return out


_NEXT_PLACE = regex.compile(r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?P<level>(?i:tỉnh|thành phố)) (?P<place>\p{Lu}\p{Ll}*(?:[ -]\p{Lu}\p{Ll}*){0,3})")


def _shared_head_places(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """"Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh, tỉnh Quảng Ninh": the head is shared by
    the places that follow (a list of named places splits into one body each, annotation guide rule 7).

    >>> [m.name for m in find_agencies("Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh chủ trì")]
    ['Ủy ban nhân dân thành phố Hà Nội', 'Ủy ban nhân dân thành phố Hải Phòng', 'Ủy ban nhân dân tỉnh Quảng Ninh']
    """
    taken = {m.start for m in mentions}
    out: list[AgencyMention] = []
    for mention in mentions:
        if mention.kind != "province" or mention.origin == "list_split":
            continue
        end = mention.end
        while (m := _NEXT_PLACE.match(text, end)) is not None and m.start("level") not in taken:
            words = m["place"].split(" ")
            for n in range(len(words), 0, -1):
                entry = lookup_agency(f"Ủy ban nhân dân {m['level']} {' '.join(words[:n])}")
                if entry is not None and entry.kind == "province":
                    stop = m.start("place") + len(" ".join(words[:n]))
                    out.append(AgencyMention(m.start("level"), stop, text[m.start("level"):stop], entry.id, entry.name,
                                             entry.kind, True, "list_split"))
                    end = stop
                    break
            else:
                break
    return out


# kinds of bodies that exist once per province: "Sở Tư pháp tỉnh Đồng Nai", "Công an tỉnh Lâm Đồng"
_PER_PROVINCE_KINDS = frozenset({"provincial_department", "local_body"})
_PLACE_AFTER = regex.compile(
    r" (?:(?P<level>[Tt]ỉnh|[Tt]hành phố)(?: |(?![\p{L}\p{N}])))?(?P<place>\p{Lu}\p{Ll}*(?:[ -]\p{Lu}\p{Ll}*){0,3})?")


def _with_own_place(entry: AgencyEntry, text: str, end: int) -> tuple[str, int]:
    """A body that exists once per province, followed by its province, keeps it in its name:
    "Sở Tư pháp tỉnh Đồng Nai" (not "Sở Tư pháp"); the province must be one the data knows.

    >>> [m.name for m in find_agencies("giao Sở Tư pháp tỉnh Đồng Nai, Công an tỉnh Lâm Đồng chủ trì")]
    ['Sở Tư pháp tỉnh Đồng Nai', 'Công an tỉnh Lâm Đồng']
    >>> [m.name for m in find_agencies("Sở Quy hoạch - Kiến trúc Hà Nội chủ trì")]
    ['Sở Quy hoạch - Kiến trúc Hà Nội']
    """
    if entry.kind not in _PER_PROVINCE_KINDS and not entry.name.endswith("nhân dân"):
        return entry.name, end
    m = _PLACE_AFTER.match(text, end, min(len(text), end + 60))
    if m is None:
        return entry.name, end
    own_level = entry.name.rsplit(" ", 1)[-1] if entry.name.endswith(" tỉnh") else (
        "thành phố" if entry.name.endswith(" thành phố") else None)
    level = m["level"].lower() if m["level"] else own_level
    if m["level"] and own_level:
        return entry.name, end
    # no level written: "Sở Quy hoạch - Kiến trúc Hà Nội", "Báo và Phát thanh, Truyền hình Đồng Nai" (a
    # department or provincial body named with its province alone keeps it as written)
    bare = level is None and entry.kind in _PER_PROVINCE_KINDS
    if level is None and not bare:
        return entry.name, end
    words = m["place"].split(" ") if m["place"] else []
    for n in range(len(words), 0, -1):  # the longest run of words that is a known province
        place = " ".join(words[:n])
        province = next((p for lv in ((level,) if level else ("tỉnh", "thành phố"))
                         if (p := lookup_agency(f"Ủy ban nhân dân {lv} {place}")) is not None and p.kind == "province"),
                        None)
        if province is not None:
            stop = m.start("place") + len(place)
            name = f"{entry.name} {place}" if own_level or bare else f"{entry.name} {level} {place}"
            return name, stop
    if m["level"] and not own_level and entry.name.endswith("nhân dân"):
        # "các Ban của Hội đồng nhân dân Thành phố": the level without a place
        return f"{entry.name} {level}", m.end("level")
    return entry.name, end


_PAIR_JOIN = regex.compile(r"\s+và\s+")


def _place_closing_a_pair(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """"Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh An Giang": a place written after two bodies joined by
    "và", which the second did not take into its name, is the first's too, when the first is a body that exists
    once per province (the data knows "Đoàn đại biểu Quốc hội tỉnh").

    >>> [m.name for m in find_agencies("Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh An Giang giám sát")][:1]
    ['Đoàn đại biểu Quốc hội tỉnh An Giang']
    """
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (first.kind not in _PER_PROVINCE_KINDS or not first.known
                or _PAIR_JOIN.fullmatch(text, first.end, second.start) is None):
            continue
        m = _PLACE_AFTER.match(text, second.end, min(len(text), second.end + 60))
        if m is None or not m["level"] or not m["place"]:
            continue
        level = m["level"].lower()
        own = lookup_agency(f"{first.name} {level}")
        if own is None or own.kind != first.kind:
            continue
        words = m["place"].split(" ")
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n])
            province = lookup_agency(f"Ủy ban nhân dân {level} {place}")
            if province is not None and province.kind == "province":
                name = f"{first.name} {level} {place}"
                entry = lookup_agency(name)
                out[i] = AgencyMention(first.start, first.end, first.text, entry.id if entry else "unknown:" + slugify(name),
                                       entry.name if entry else name, first.kind, True, first.origin)
                break
    return out


def find_agencies(text: str) -> list[AgencyMention]:
    """All agencies named in ``text``, in order (NFC input; offsets into ``text``).

    >>> [(m.name, m.text) for m in find_agencies("Giao Chủ tịch UBND tỉnh Gia Lai chủ trì")]
    [('Ủy ban nhân dân tỉnh Gia Lai', 'Chủ tịch UBND tỉnh Gia Lai')]

    Mentions do not overlap, except that a place list under two heads ("Bí thư tỉnh ủy, Chủ
    tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk") gives a Tỉnh ủy and an Ủy ban nhân dân
    mention on the same place span.
    """
    if not text:
        return []
    return _scan(text)[0]
