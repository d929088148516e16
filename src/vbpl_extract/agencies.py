"""Find the state bodies named in a text: gazetteer + patterns + list splitting.

Pure functions on a ``str``; every span is ``[start, end)`` into that string.

>>> [m.name for m in find_agencies("Bộ KH&CN chủ trì, phối hợp với UBND các tỉnh: Gia Lai, Đắk Lắk")]
['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Gia Lai', 'Ủy ban nhân dân tỉnh Đắk Lắk']
>>> [m.name for m in split_agencies("Bộ Tài chính, doanh nghiệp liên quan")]
['Bộ Tài chính', 'Các doanh nghiệp liên quan']

How it works: the text is folded with :func:`textutil.match_key` (length-preserving), then
*compressed* (whitespace runs become one space, spaces around ``- & , . : ; /`` are dropped)
with an index map back to the text, so "Ủy ban nhân dân các tỉnh,\\nthành phố" and
"Bộ Lao động-Thương binh" match the data. One Aho-Corasick automaton over all names, aliases
and abbreviations (plus generated ``UBND``/``HĐND``/``TW`` variants) finds known bodies;
regexes find shared-head lists ("Các Bộ: Quốc phòng, Tài chính") and unknown bodies
("Cục Quản lý thị trường tỉnh X"). Overlaps are resolved longest-first, then office-holder
titles in front of a body are absorbed into its span ("Bộ trưởng Bộ Y tế" -> Bộ Y tế).
Bodies are kept as written: "Bộ Thông tin và Truyền thông" stays itself, its successor is
only exposed on :class:`AgencyEntry`. Spelling variants of a known body (punctuation, "và",
case: "Sở Văn hoá Thể thao du lịch") resolve to it; collectives are never merged that way.
Unknown bodies run over lower-case words and "và"/"X, Y và Z" joins up to the next body
("Trung tâm Chuyển đổi số Thành phố"); a collective of state units runs on over more units and
"(có) liên quan" as written ("các sở, ngành và địa phương"); one named by its assignment is kept whole
("Các cơ quan, đơn vị được giao nhiệm vụ"). A head shared by a list ("các Cục: A; B") is put in front
of every item; an office title in front of a list or a collective is absorbed, never a name of its own.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .data import load as load_data
from .textutil import fold_tones, match_key, nfc, slugify

__all__ = [
    "AgencyData",
    "AgencyEntry",
    "AgencyMention",
    "find_agencies",
    "load_agency_data",
    "lookup_agency",
    "split_agencies",
]

# ----------------------------------------------------------------------------- data model


class AgencyEntry(BaseModel):
    """One body of the gazetteer.

    ``{"id": "bo_thong_tin_va_truyen_thong", "name": "Bộ Thông tin và Truyền thông",
    "kind": "ministry", "abbr": ["Bộ TT&TT"], "valid_until": "2025-02-28",
    "successor": "bo_khoa_hoc_va_cong_nghe"}``
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    kind: str
    abbr: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    successor: str | None = Field(None, description="id of the body that took over (reference only)")
    place: str | None = Field(None, description="For provinces and provincial party committees: 'Gia Lai'")

    @field_validator("name")
    @classmethod
    def _name_style(cls, value: str) -> str:
        value = nfc(value)
        if fold_tones(value) != value:
            raise ValueError(f"old-style tone placement in {value!r} (write 'Ủy', 'hóa')")
        return value


class _Province(BaseModel):
    model_config = ConfigDict(extra="forbid")
    place: str
    unit: str = Field(pattern=r"^(tỉnh|thành phố)$")
    aliases: tuple[str, ...] = ()
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    successor: str | None = None


class _Field(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str
    abbr: tuple[str, ...] = ()
    valid_until: datetime.date | None = None
    successor: str | None = None


class NameWords(BaseModel):
    """Words that shape a name the gazetteer does not know (``name_words`` in ``agencies.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    city_places: frozenset[str]  # centrally-run cities: "Thành ủy", not "Tỉnh ủy"
    new_body_words: frozenset[str]  # a capitalised word that starts another body
    stop_words: frozenset[str]  # end an unknown body's name (verbs, function words)
    stop_lower: frozenset[str]  # end a name only when written lower case ("Trung tâm Hỗ trợ" is a name)
    stop_ok_after: dict[str, frozenset[str]]  # ... unless after one of these ("Ủy ban", "phát triển")
    singular_heads: frozenset[str]  # heads that make a single body ("Sở …", "Quỹ …")


class _DataFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name_words: NameWords
    version: int
    agencies: list[AgencyEntry]
    provinces: list[_Province]
    department_fields: list[_Field]
    office_titles: list[str]
    abbreviations: dict[str, str]
    collective_nouns: list[str]
    collective_chain_nouns: list[str] = []


@dataclass(frozen=True)
class AgencyData:
    """The loaded gazetteer: explicit entries plus those expanded from provinces and fields."""

    entries: dict[str, AgencyEntry]
    places: dict[str, AgencyEntry]  # match key of a place ("gia lai") -> its Ủy ban nhân dân entry
    party_places: dict[str, AgencyEntry]  # match key of a place -> its Tỉnh ủy/Thành ủy entry
    office_titles: tuple[str, ...]
    abbreviations: dict[str, str]
    collective_nouns: tuple[str, ...]
    collective_chain_nouns: tuple[str, ...] = ()
    name_words: NameWords | None = None


def _name_words() -> NameWords:
    words = load_agency_data().name_words
    assert words is not None
    return words


@dataclass(frozen=True)
class AgencyMention:
    """An agency in a text: ``Bộ trưởng Bộ Y tế`` -> id ``bo_y_te``, name ``Bộ Y tế``, origin ``office_holder``.

    ``origin`` is one of gazetteer, office_holder, list_split, pattern, leftover.
    """

    start: int
    end: int
    text: str
    id: str | None
    name: str
    kind: str | None
    known: bool
    origin: str


@functools.cache
def load_agency_data() -> AgencyData:
    """Read and validate ``data/agencies.yaml`` once; expand provinces and department fields."""
    raw = load_data("agencies.yaml")
    data = _DataFile.model_validate(raw)
    entries: dict[str, AgencyEntry] = {}

    def put(entry: AgencyEntry) -> None:
        if entry.id in entries:
            raise ValueError(f"duplicate agency id {entry.id!r}")
        entries[entry.id] = entry

    for entry in data.agencies:
        put(entry)
    place_ids = {p.place: _province_id(p) for p in data.provinces}
    places: dict[str, AgencyEntry] = {}
    party_places: dict[str, AgencyEntry] = {}
    for prov in data.provinces:
        successor = place_ids.get(prov.successor) if prov.successor else None
        if prov.successor and successor is None:
            raise ValueError(f"unknown successor place {prov.successor!r} of {prov.place!r}")
        unit_words = [prov.unit, *(["TP"] if prov.unit == "thành phố" else [])]
        body = AgencyEntry(
            id=_province_id(prov), name=f"Ủy ban nhân dân {prov.unit} {prov.place}", kind="province",
            aliases=(*(f"Ủy ban nhân dân {u} {a}" for u in unit_words for a in prov.aliases),
                     f"Ủy ban nhân dân {prov.place}", *(f"Ủy ban nhân dân {a}" for a in prov.aliases)),
            valid_from=prov.valid_from, valid_until=prov.valid_until, successor=successor, place=prov.place,
        )
        party_name = ("Thành ủy " if prov.unit == "thành phố" else "Tỉnh ủy ") + prov.place
        party = AgencyEntry(
            id=slugify(party_name), name=party_name, kind="provincial_party",
            valid_from=prov.valid_from, valid_until=prov.valid_until, place=prov.place,
            successor=slugify(("Thành ủy " if prov.successor in data.name_words.city_places else "Tỉnh ủy ") + prov.successor)
            if prov.successor else None,
        )
        put(body)
        put(party)
        for key in {_key(prov.place), *(_key(a) for a in prov.aliases)}:
            places[key] = body
            party_places[key] = party
    field_ids = {f.field: slugify("Sở " + f.field) for f in data.department_fields}
    for fld in data.department_fields:
        put(AgencyEntry(
            id=field_ids[fld.field], name="Sở " + fld.field, kind="provincial_department",
            abbr=tuple("Sở " + a for a in fld.abbr), valid_until=fld.valid_until,
            successor=field_ids[fld.successor] if fld.successor else None,
        ))
    return AgencyData(
        entries=entries, places=places, party_places=party_places,
        office_titles=tuple(data.office_titles), abbreviations=dict(data.abbreviations),
        collective_nouns=tuple(data.collective_nouns), collective_chain_nouns=tuple(data.collective_chain_nouns),
        name_words=data.name_words,
    )




def _province_id(prov: _Province) -> str:
    return slugify(f"Ủy ban nhân dân {prov.unit} {prov.place}")


# ----------------------------------------------------------------------------- text forms

_SPACE_CHARS = ("\t", "\r", "\n", "\f", "\v", "\u00a0", "\u2009", "\u202f", "\u2028", "\u2029", "\u3000")
_DASHES = ("\u2013", "\u2014")
_CLUSTER_RE = re.compile(r"[ \-&,.:;/\x00]{2,}")  # spaces and punctuation side by side
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


class _Compressed:
    """``"Bộ Lao động - Thương binh"`` -> ``"Bộ Lao động-Thương binh"`` with the offset map back.

    Whitespace becomes one space, spaces next to ``- & , . : ; /`` are dropped, en/em dashes
    become ``-``. Positions map back to the input through a piecewise-constant shift.
    """

    __slots__ = ("_breaks", "_obreaks", "_shifts", "text")

    def __init__(self, text: str) -> None:
        spaced = text
        for ch in _SPACE_CHARS:
            if ch in spaced:
                spaced = spaced.replace(ch, " ")
        for ch in _DASHES:
            if ch in spaced:
                spaced = spaced.replace(ch, "-")
        if "<br" in spaced or "<BR" in spaced:  # html line breaks inside table cells: "Sở Thông tin và<br>Truyền thông"
            spaced = _BR_RE.sub(lambda m: " " + "\x00" * (len(m.group()) - 1), spaced)
        drops: list[tuple[int, int]] = []  # dropped input spans, ascending
        for m in _CLUSTER_RE.finditer(spaced):
            cluster = m.group()
            if " " not in cluster and "\x00" not in cluster:
                continue
            base = m.start()
            has_punct = bool(cluster.strip(" \x00"))
            kept_space = False
            for i, ch in enumerate(cluster):
                if ch == "\x00" or (ch == " " and (has_punct or kept_space)):
                    if drops and drops[-1][1] == base + i:
                        drops[-1] = (drops[-1][0], base + i + 1)
                    else:
                        drops.append((base + i, base + i + 1))
                elif ch == " ":
                    kept_space = True
        breaks: list[int] = []  # compressed position from which shifts[k] applies
        obreaks: list[int] = []  # the same position in the input
        shifts: list[int] = []
        parts: list[str] = []
        pos = removed = 0
        for a, b in drops:
            parts.append(spaced[pos:a])
            pos = b
            removed += b - a
            breaks.append(b - removed)
            obreaks.append(b)
            shifts.append(removed)
        parts.append(spaced[pos:])
        self.text = "".join(parts)
        self._breaks, self._obreaks, self._shifts = breaks, obreaks, shifts

    def orig(self, pos: int) -> int:
        """Input offset of compressed position ``pos``."""
        k = bisect.bisect_right(self._breaks, pos) - 1
        return pos + (self._shifts[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input span of the compressed span ``[start, end)`` (end > start)."""
        return self.orig(start), self.orig(end - 1) + 1

    def comp(self, opos: int) -> int:
        """Compressed position of input offset ``opos`` (the next kept character when dropped)."""
        k = bisect.bisect_right(self._obreaks, opos) - 1
        return opos - (self._shifts[k] if k >= 0 else 0)


def _compress(text: str) -> tuple[str, _Compressed]:
    c = _Compressed(text)
    return c.text, c


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # e.g. 'İ' lowers to two characters: keep such characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _key(text: str) -> str:
    """Match key of a data string: ``"Ủy ban nhân dân các tỉnh, thành phố"`` -> ``"ủy ban nhân dân các tỉnh,thành phố"``."""
    return _compress(match_key(nfc(text).strip()))[0]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# ----------------------------------------------------------------------------- gazetteer

_CODE_RE = regex.compile(r"^[\p{Lu}\p{N}&.\-]+$")

# variant generators: long form (key) -> abbreviations used in texts (keys)
_VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ủy ban nhân dân", ("ubnd",)),
    ("hội đồng nhân dân", ("hđnd",)),
    ("mặt trận tổ quốc việt nam", ("mttq việt nam", "mttqvn")),
    ("trung ương", ("tw",)),
    ("thành phố", ("tp.", "tp")),
    ("chính phủ", ("cp",)),
    ("ban chỉ đạo", ("bcđ",)),
)


def _variants(key: str) -> set[str]:
    out = {key}
    if "-" in key:  # "Lao động - Thương binh" also written "Lao động, Thương binh" / "Lao động Thương binh"
        out |= {key.replace("-", ","), key.replace("-", " ")}
    for long, shorts in _VARIANTS:
        if long in key:
            out |= {v.replace(long, s) for v in out for s in shorts}
    # the "cp"/"tp" short forms only make sense after another word (not as the whole name)
    return {v for v in out if len(v) > 3 or v == key}


@dataclass(frozen=True)
class _Gazetteer:
    automaton: Any
    by_key: dict[str, AgencyEntry]
    ministry_tails: tuple[tuple[str, AgencyEntry], ...]  # "quốc phòng" -> Bộ Quốc phòng, longest first
    head_tails: dict[str, tuple[tuple[str, AgencyEntry], ...]]  # "sở" -> (("tài chính", Sở Tài chính), ...)
    place_opts: tuple[tuple[str, AgencyEntry], ...]  # "gia lai" -> Ủy ban nhân dân tỉnh Gia Lai, longest first
    titles_re: Any
    loose: dict[str, AgencyEntry]  # _loose_key of every non-collective name/alias -> its entry (unambiguous only)
    chain_ids: frozenset[str]  # collectives made only of collective_chain_nouns ("Các sở, ngành")
    chain_re: Any  # ",địa phương" / " và địa phương" / ",và đơn vị" after such a collective (on the key)
    title_start_re: Any  # an office title starts here (on the compressed text, caseless)
    qual_re: Any  # "các cơ quan,đơn vị được giao" (on the key): a collective qualified by its assignment


_CASELESS_KINDS = frozenset({"collective"})


@functools.cache
def _gazetteer() -> _Gazetteer:
    data = load_agency_data()
    by_key: dict[str, AgencyEntry] = {}
    auto = ahocorasick.Automaton()
    explicit: dict[str, AgencyEntry] = {}
    for entry in data.entries.values():
        for text in (entry.name, *entry.aliases, *entry.abbr):
            explicit.setdefault(_key(text), entry)
    for entry in data.entries.values():
        for text in (entry.name, *entry.aliases, *entry.abbr):
            base = _key(text)
            for variant in _variants(base):
                # generated variants never override an explicit name of another body
                owner = explicit.get(variant, entry) if variant != base else explicit[base]
                if variant in by_key:
                    continue
                by_key[variant] = owner
        if entry.kind == "collective":  # "bộ, ngành, địa phương" without "Các" (a table cell)
            for text in (entry.name, *entry.aliases):
                k = _key(text)
                if k.startswith("các ") and "," in k and k[4:] not in by_key:
                    by_key[k[4:]] = entry
    for k, entry in by_key.items():
        code = " " not in k and "-" not in k[:1]
        auto.add_word(k, (len(k), entry.id, code and _CODE_RE.match(_orig_form(entry, k)) is not None))
    auto.make_automaton()
    tails: dict[str, AgencyEntry] = {}
    for entry in data.entries.values():
        if entry.kind == "ministry":
            for text in (entry.name, *entry.aliases, *entry.abbr):
                k = _key(text)
                if k.startswith("bộ "):
                    tails.setdefault(k[3:], entry)
    place_opts = sorted(data.places.items(), key=lambda p: -len(p[0]))
    head_tails: dict[str, dict[str, AgencyEntry]] = {}
    for k, entry in by_key.items():
        head, _, tail = k.partition(" ")
        if tail and entry.kind != "collective" and _key(entry.name).startswith(head + " "):
            head_tails.setdefault(head, {}).setdefault(tail, entry)
    titles = sorted({_key(t) for t in data.office_titles}, key=len, reverse=True)
    # matched on the reversed text before a body: " " + optional "các" + titles joined by "," / "và" / "-"
    title_alt = "|".join(re.escape(t[::-1]) for t in titles)
    sep_alt = "|".join(re.escape(x[::-1]) for x in (",", " và ", "-"))
    titles_re = re.compile(rf" (?:{re.escape(' các'[::-1])})?(?:{title_alt})(?:(?:{sep_alt})(?:{title_alt}))*(?!\w)")
    loose: dict[str, AgencyEntry] = {}
    clashes: set[str] = set()
    for entry in data.entries.values():
        if entry.kind in _CASELESS_KINDS:
            continue  # collectives are kept as written ("Các sở, ngành và địa phương")
        for text in (entry.name, *entry.aliases):
            lk = _loose_key(text)
            if loose.setdefault(lk, entry).id != entry.id:
                clashes.add(lk)
    for lk in clashes:
        del loose[lk]
    nouns = sorted((_key(n) for n in data.collective_chain_nouns), key=len, reverse=True)
    noun_alt = "|".join(re.escape(n) for n in nouns)
    chain_ids = frozenset(
        e.id for e in data.entries.values()
        if e.kind == "collective" and nouns
        and re.fullmatch(rf"các (?:{noun_alt})(?:(?:,| và |,và )(?:{noun_alt}))*", _key(e.name))
    )
    chain_re = re.compile(rf"(?:,| và |,và )(?:{noun_alt})(?![\w])") if nouns else re.compile(r"(?!)")
    qual_re = re.compile(
        rf"(?<![\w])các (?P<nouns>(?:{noun_alt})(?:(?:,| và |,và )(?:{noun_alt}))*) (?P<q>được (?:giao|phân công))(?![\w])"
    ) if nouns else re.compile(r"(?!)")
    return _Gazetteer(
        automaton=auto, by_key=by_key,
        ministry_tails=tuple(sorted(tails.items(), key=lambda p: -len(p[0]))),
        head_tails={h: tuple(sorted(t.items(), key=lambda p: -len(p[0]))) for h, t in head_tails.items()},
        place_opts=tuple(place_opts), titles_re=titles_re, loose=loose, chain_ids=chain_ids, chain_re=chain_re,
        title_start_re=regex.compile(
            rf"(?i:{'|'.join(regex.escape(t).replace(chr(92) + ' ', chr(92) + 's+') for t in titles)})(?![\p{{L}}\p{{N}}])"
        ),
        qual_re=qual_re,
    )


_LOOSE_PUNCT_RE = re.compile(r"[,;:.\-&/()]+")
_LOOSE_DROP_RE = re.compile(r"(?:^| )và(?= |$)")


def _loose_key(text: str) -> str:
    """Spelling-variant key: ``"Sở Văn hoá Thể thao du lịch"`` and ``"Sở Văn hóa, Thể thao và Du lịch"`` -> ``"sở văn hóa thể thao du lịch"``."""
    k = _LOOSE_PUNCT_RE.sub(" ", _key(text))
    return " ".join(_LOOSE_DROP_RE.sub(" ", k).split())


def _orig_form(entry: AgencyEntry, key: str) -> str:
    for text in (*entry.abbr, *entry.aliases, entry.name):
        if _key(text) == key:
            return text
    return key


def lookup_agency(name: str) -> AgencyEntry | None:
    """The entry for a full name, alias or abbreviation, tone/case-insensitive.

    >>> lookup_agency("Bộ TT&TT").name
    'Bộ Thông tin và Truyền thông'
    >>> lookup_agency("Địa phương").name
    'Các địa phương'
    >>> lookup_agency("Sở Văn hoá Thể thao du lịch").name
    'Sở Văn hóa, Thể thao và Du lịch'
    """
    gaz = _gazetteer()
    by_key = gaz.by_key
    k = _key(name)
    for k2 in (k, "các " + k):
        if k2 in by_key:
            return by_key[k2]
    return gaz.loose.get(_loose_key(name))  # punctuation/"và"/case variants of a known body


# ----------------------------------------------------------------------------- patterns

_SEP_RE = re.compile(r"(?:[,;]-?(?: ?và )?|-?(?: ?và | cùng ))")
_LIST_HEAD_MIN = re.compile(r"các bộ(?::| gồm:?| )")
_LIST_HEAD_PROV = re.compile(
    r"(?:ủy ban nhân dân|ubnd) các (?:tỉnh|thành phố|tỉnh,thành phố|tỉnh,tp)(?::| gồm:?| )|các địa phương(?::| )"
)
# "Bí thư tỉnh ủy và Chủ tịch" right before a province list: the list names Tỉnh ủy too
_PARTY_BEFORE = re.compile(r"bí thư (?:tỉnh ủy|thành ủy)(?:,| và |-)(?:phó )?chủ tịch $")
_BARE_PLACE_RE = re.compile(r"(?:^|(?<=[,;]))(?:tỉnh )?")
_CAPWORD = r"(?:\p{Lu}[\p{L}\p{N}&]*|\d+)"
_UNKNOWN_HEADS = (
    "Sở|Cục|Tổng cục|Chi cục|Vụ|Ban quản lý|Ban|Văn phòng|Ủy ban|Trung tâm|Đài|Viện|Học viện|Công an|Bộ Chỉ huy|"
    "Bộ Tư lệnh|Thanh tra|Kho bạc|Tổng công ty|Tập đoàn|Đảng ủy|Hội đồng|Liên hiệp|Hiệp hội|Liên đoàn"
)
_LEVELS = "tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu"
_LOCAL_RE = regex.compile(
    rf"(?<![\w])(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Công an|Cục Thuế|Chi cục Thuế|Thuế|Văn phòng (?:Ủy ban nhân dân|UBND))"
    rf" (?P<level>{_LEVELS}) ?(?P<place>{_CAPWORD}(?:(?: |-){_CAPWORD})*)"
)
_UNKNOWN_RE = regex.compile(rf"(?<![\w])(?P<head>{_UNKNOWN_HEADS}) (?:các (?=\p{{Lu}}))?(?P<first>{_CAPWORD})")
# the next word of an unknown body's name and what joins it: space/hyphen, "và", or a comma
_TOKEN_RE = regex.compile(r"(?P<sep> và |,và |,| |-)(?P<w>[\p{L}\p{N}&]+)")
# after a comma, a name goes on only in the "X, Y và Z" shape: "Cục Xuất bản, In và Phát hành"
_COMMA_SEG_RE = regex.compile(r"\p{Lu}[\p{L}\p{N}&]*(?:[ \-][\p{L}\p{N}&]+){0,2} và \p{Lu}")
# a body of its own starts here: "... và Công an tỉnh", "..., Sở Nội vụ"
_HEAD_AT_RE = regex.compile(rf"(?:{_UNKNOWN_HEADS}|Bộ|UBND|HĐND|Ủy ban|Văn phòng|Phòng)(?![\p{{L}}\p{{N}}])")
# UBND at several levels, no place: "Ủy ban nhân dân xã, phường, đặc khu" (a collective, kept as written)
_LEVEL_LIST_RE = regex.compile(
    r"(?<![\w])(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND) (?:các )?"
    r"(?P<lv>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
    r"(?:(?:,|/|,? và |,và )(?P<lv>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))+(?![\w])"
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


def _display_name(text: str) -> str:
    """Name of a body found by pattern: spacing collapsed, abbreviations spelled out, tones folded."""
    return _upper_first(_expand_abbreviations(fold_tones(nfc(text))))


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


def _unknown_cands(text: str, cm: _Compressed, known_starts: set[int]) -> list[_Cand]:
    comp = cm.text
    cands: list[_Cand] = []
    for m in _LOCAL_RE.finditer(comp):
        s = m.start()
        e = _cut_at_newline(text, cm, s, m.end("level"), m.end())
        if e > m.end("level"):
            cands.append(_Cand(s, e, 2, [(s, e, None, "pattern")]))
    for m in _LEVEL_LIST_RE.finditer(comp):
        s = m.start()
        e = _cut_at_newline(text, cm, s, m.end("lv"), m.end())
        if e == m.end():
            cands.append(_Cand(s, e, 2, [(s, e, None, "pattern")], kind="collective"))
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
    return cands


# "các Cục: Di sản văn hóa; Bản quyền tác giả" -> Cục Di sản văn hóa, Cục Bản quyền tác giả
_HEAD_LIST_RE = regex.compile(
    r"(?<![\w])[Cc]ác (?P<head>Tổng cục|Chi cục|Cục|Vụ|Sở|Học viện|Viện|Trung tâm|Ban|Đài|Trường|Văn phòng|Phòng)"
    r"(?::| gồm:?) ?"
)
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
    for m in _HEAD_LIST_RE.finditer(comp):
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
        if items:
            cands.append(_Cand(m.start(), items[-1][1], 0, items, head=m.group("head")))
    return cands


def _qualified_cands(text: str, cm: _Compressed, key: str) -> list[_Cand]:
    """A collective named by its assignment, kept whole: "Các cơ quan, đơn vị được giao nhiệm vụ",
    "các đơn vị được giao thực hiện TTHC" (-> "... thủ tục hành chính")."""
    comp = cm.text
    cands: list[_Cand] = []
    for m in _gazetteer().qual_re.finditer(key):
        t = _QUAL_TAIL_RE.match(comp, m.end())
        if t is None:
            continue
        end = t.end()
        if t.group("verb"):
            for _ in range(8):  # the verb's object, up to a verb or function word
                w = _QUAL_WORD_RE.match(comp, end)
                if w is None or w.group("w").lower() in _name_words().stop_words or w.group("w") in _name_words().stop_lower:
                    break
                end = w.end()
            end = _cut_at_newline(text, cm, m.start(), t.end(), end)
            if end == t.end():
                continue  # "được giao quản lý, sử dụng ...": no object, no name
        o_q, o_end = cm.span(m.start("q"), end)
        name = "Các " + m.group("nouns").replace(",", ", ") + " " + _expand_abbreviations(fold_tones(text[o_q:o_end]))
        cands.append(_Cand(m.start(), end, 1, [(m.start(), end, None, "pattern")], kind="collective", label=name))
    return cands


def _starts_body(comp: str, pos: int, known_starts: set[int]) -> bool:
    """A new body (head word, known name or office title) starts at ``pos``."""
    return (pos in known_starts or _HEAD_AT_RE.match(comp, pos) is not None
            or _gazetteer().title_start_re.match(comp, pos) is not None)


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
    while count < 14:
        t = _TOKEN_RE.match(comp, pos)
        if t is None:
            break
        sep, word = t.group("sep"), t.group("w")
        low = word.lower()
        w_start = t.start("w")
        if sep in (" ", "-"):
            if low == "các" and sep == " ":
                t2 = _TOKEN_RE.match(comp, t.end())
                if (t2 is None or t2.group("sep") != " " or not t2.group("w")[:1].isupper()
                        or _starts_body(comp, t2.start("w"), known_starts)):
                    break
                pos = t.end()
                count += 1
                continue
            if word in _name_words().new_body_words and (word != "Văn" or comp.startswith("Văn phòng", w_start)):
                break  # a new body starts: "Sở Tài chính Sở Nội vụ"
            if (low in _name_words().stop_words and prev not in _name_words().stop_ok_after.get(low, ())
                    and not (sep == "-" and word[:1].isupper())):  # "Cục Kinh tế - Quản lý đầu tư xây dựng"
                break
            if word in _name_words().stop_lower:
                break
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
_CHAIN_TAIL_RE = re.compile(r" (?:có )?liên quan(?![\w])| (?:cấp )?(?:tỉnh|thành phố|huyện|xã)(?![\w])(?! [^\W\d_])")


def _extend_collectives(key: str, comp: str, chosen: list[_Cand], gaz: _Gazetteer) -> None:
    """A collective of state units goes on as written over more such units and a qualifier.

    "các sở, ngành, địa phương" -> one collective (not "Các sở, ngành" + "Các địa phương");
    "Các sở, ban, ngành Tỉnh" -> "Các sở, ban, ngành tỉnh". A unit followed by a capitalised word
    is a body of its own ("ban Quản lý ...") and ends the collective.
    """
    for i, cand in enumerate(chosen):
        if len(cand.items) != 1 or cand.items[0][2] is None or cand.items[0][2].id not in gaz.chain_ids:
            continue
        limit = chosen[i + 1].start if i + 1 < len(chosen) else len(key)
        end = cand.end
        while (m := gaz.chain_re.match(key, end)) is not None and m.end() <= limit:
            if comp[m.end():m.end() + 1] == " " and comp[m.end() + 1:m.end() + 2].isupper():
                break
            end = m.end()
        m = _CHAIN_TAIL_RE.match(key, end)
        if m is not None and m.end() <= limit and not (m.group().endswith("liên quan") and end == cand.end):
            end = m.end()
        if end > cand.end:
            cand.end = end
            cand.items = [(cand.start, end, None, cand.items[0][3])]
            cand.kind = "chain"


def _pattern_kind(name: str) -> str:
    low = name.lower()
    for prefix, kind in (("ủy ban nhân dân tỉnh", "province"), ("ủy ban nhân dân", "local_body"),
                         ("hội đồng nhân dân", "local_body"), ("sở ", "provincial_department")):
        if low.startswith(prefix):
            return kind
    return "agency"


def _scan(text: str, *, split_mode: bool = False) -> tuple[list[AgencyMention], list[tuple[int, int]]]:
    """Mentions and the input spans of the chosen candidates (list heads included)."""
    gaz = _gazetteer()
    comp, cm = _compress(fold_tones(text))
    key = _lower(comp)
    cands = _gazetteer_cands(text, cm, key, gaz)
    cands += _list_cands(key, gaz, split_mode)
    cands += _unknown_cands(text, cm, {c.start for c in cands})
    chosen = _select(cands, len(key))
    _extend_collectives(key, comp, chosen, gaz)
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
            if entry is not None:
                mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], entry.id, entry.name,
                                              entry.kind, True, origin))
            else:
                name = _display_name(text[name_start:o_end])
                mentions.append(AgencyMention(o_start, o_end, text[o_start:o_end], "unknown:" + slugify(name),
                                              name, cand.kind or _pattern_kind(name), False, origin))
    mentions.sort(key=lambda m: m.start)
    return mentions, covered


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


# ----------------------------------------------------------------------------- split_agencies

_PIECE_SEP = regex.compile(r"\s*(?:[,;]|\n(?![ \t]*\p{Ll})|\s\+\s|(?<=\s)và(?=\s)|(?<=\s)cùng(?=\s))\s*")
_JUNK = regex.compile(r"^[\s\-+*•.:;,()|]*(?:(?:và|cùng|với|phối hợp với|chủ trì|các)\s*)*$", regex.IGNORECASE)
_LINK_END = regex.compile(r"(?:^|\s)(?:của|thuộc|trực thuộc|giúp việc|thành viên)$", regex.IGNORECASE)
_QUALIFIER = regex.compile(r"^(?:là|được|có|thuộc|trực thuộc|liên quan|tham gia|đủ|chịu)\b", regex.IGNORECASE)


def split_agencies(text: str) -> list[AgencyMention]:
    """The agencies of a table cell or role phrase, in order, leftovers included.

    >>> [m.name for m in split_agencies("Bộ Tài chính, Bộ Công an và các địa phương liên quan")]
    ['Bộ Tài chính', 'Bộ Công an', 'Các địa phương liên quan']
    >>> [m.name for m in split_agencies("Tập đoàn, doanh nghiệp công nghệ số")]
    ['Các tập đoàn, doanh nghiệp công nghệ số']

    Items that are not in the data come back as ``known=False`` mentions (origin
    ``leftover``) named as written, first letter capitalised; a plural noun inside a list
    gets "Các" ("doanh nghiệp liên quan" -> "Các doanh nghiệp liên quan").
    """
    if not text or not text.strip():
        return []
    found, covered = _scan(text, split_mode=True)
    # gaps between mentions -> leftover pieces
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in [*covered, None]:
        gap_end = m[0] if m is not None else len(text)
        if gap_end > pos:
            start = pos
            for sm in _PIECE_SEP.finditer(text, pos, gap_end):
                pieces.append((start, sm.start()))
                start = sm.end()
            pieces.append((start, gap_end))
        if m is not None:
            pos = max(pos, m[1])
    pieces = [p for p in (_trim(text, s, e) for s, e in pieces) if p is not None]
    items: list[AgencyMention] = list(found)
    for s, e in pieces:
        items.append(AgencyMention(s, e, text[s:e], None, "", None, False, "leftover"))
    items.sort(key=lambda m: (m.start, m.origin == "leftover"))
    return _merge_leftovers(text, items)


# an item number in a cell: "1)", "(2)", "a)"
_ENUM_RE = regex.compile(r"\s*(?:\(\s*(?:\d{1,2}|[a-zđ])\s*\)|(?:\d{1,2}|[a-zđ])\))\s*")
# an office title over a collective: "Thủ trưởng các đơn vị ..." is the units themselves (guide rule 5)
_TITLE_OVER_RE = regex.compile(r"\s+(?=các\s)", regex.IGNORECASE)


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while (m := _ENUM_RE.match(text, s, e)) is not None and m.end() > s:
        s = m.end()
    if (t := _gazetteer().title_start_re.match(text, s, e)) is not None and _TITLE_OVER_RE.match(text, t.end(), e):
        s = _TITLE_OVER_RE.match(text, t.end(), e).end()
    piece = text[s:e]
    if _JUNK.match(piece):
        return None
    lead = len(piece) - len(piece.lstrip(" \t\r\n-+*•.:;,()|"))
    piece2 = piece.rstrip(" \t\r\n.:;,()|*")
    s2, e2 = s + lead, s + len(piece2)
    core = text[s2:e2]
    low = core.lower()
    for connector in ("và các ", "và ", "cùng ", "các ", "với "):
        if low.startswith(connector) and connector != "các ":
            s2 += len(connector)
            core, low = text[s2:e2], low[len(connector):]
    if e2 <= s2 or not any(ch.isalpha() for ch in core):
        return None
    if _key(core) in {"bộ", "sở", "ban", "các", "và", "cục"}:
        return None  # a cell cut off mid-list: "Bộ Thông tin và Truyền thông, Bộ"
    return s2, e2


_MEMBERS_RE = re.compile(r"^(?:Các )?[Tt]hành viên ")
_GAP_NONE = re.compile(r"\s*")
_GAP_COMMA = re.compile(r"\s*,\s*")
_GAP_LIST = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _gap_is(text: str, a: int, b: int, pattern: re.Pattern[str]) -> bool:
    return pattern.fullmatch(text, a, b) is not None


def _merge_leftovers(text: str, items: list[AgencyMention]) -> list[AgencyMention]:
    data = load_agency_data()
    out: list[AgencyMention] = []
    nouns = sorted(data.collective_nouns, key=len, reverse=True)
    i = 0
    n_items = len(items)
    while i < n_items:
        cur = items[i]
        nxt = items[i + 1] if i + 1 < n_items else None
        if cur.origin != "leftover":
            if nxt is not None and nxt.origin == "leftover" and cur.origin != "list_split":
                # a lower-case fragment right after a body continues its name: "Phó Thủ tướng Chính phủ
                # phụ trách lĩnh vực", "Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành"
                if _gap_is(text, cur.end, nxt.start, _GAP_NONE) and (
                        nxt.text[:1].islower() or (cur.kind == "collective" and _QUALIFIER.match(nxt.text))):
                    j = i + 1
                    while (j + 1 < n_items and items[j + 1].origin == "leftover"
                           and _gap_is(text, items[j].end, items[j + 1].start, _GAP_COMMA)
                           and (items[j + 1].text[:1].islower() or _CODE_RE.match(items[j + 1].text.split()[0]))):
                        j += 1
                    out.append(_continued(text, cur, items[j].end, " "))
                    i = j + 1
                    continue
                # "Các cơ quan truyền thông, báo chí", "Vụ Kế hoạch, Tài chính": a comma inside the name
                if (_gap_is(text, cur.end, nxt.start, _GAP_COMMA) and _noun_head(nxt.text, nouns) is None
                        and not _HEAD_AT_RE.match(nxt.text) and not nxt.text.lower().startswith("các ")
                        and ((cur.kind == "collective" and nxt.text[:1].islower())
                             or (not cur.known and cur.kind == "agency" and cur.origin in ("pattern", "office_holder")))):
                    out.append(_continued(text, cur, nxt.end, ", "))
                    i += 2
                    continue
            out.append(cur)
            i += 1
            continue
        # group leftovers: later pieces lower-case (or a bare plural noun: "Viện, Trường"), joined by "," / "và"
        j = i
        while (j + 1 < n_items and items[j + 1].origin == "leftover"
               and (items[j + 1].text[:1].islower() or _key(items[j + 1].text) in nouns)
               and _gap_is(text, items[j].end, items[j + 1].start, _GAP_LIST)):
            j += 1
        start, end = cur.start, items[j].end
        nxt = items[j + 1] if j + 1 < n_items else None
        # "Các Tổ Công tác của" + Ban Chỉ đạo ...: one body
        if (nxt is not None and nxt.origin != "leftover" and j == i and _gap_is(text, end, nxt.start, _GAP_NONE)
                and (_LINK_END.search(text[start:end]) or cur.text.lower().startswith(("các ", "thành viên")))):
            name = _upper_first(_display_name(text[start:end]).rstrip()) + " " + nxt.name
            name = _MEMBERS_RE.sub("Các thành viên ", name)
            out.append(_unknown(text, start, nxt.end, name, "collective", "leftover"))
            i = j + 2
            continue
        group = items[i:j + 1]
        # "doanh nghiệp, viện nghiên cứu, trường đại học" (no "các", an item with its own words):
        # one collective per item; "các doanh nghiệp, viện nghiên cứu, ..." and "Viện, Trường" stay one
        if (len(group) > 1 and not cur.text.lower().startswith("các ")
                and all(_noun_head(m.text, nouns) for m in group)
                and any(_key(m.text) not in nouns for m in group[:-1])):
            for m in group:
                out.append(_leftover_body(text, m.start, m.end, nouns, True))
        else:
            out.append(_leftover_body(text, start, end, nouns, j > i or n_items > 1))
        i = j + 1
    return out


def _noun_head(piece: str, nouns: list[str]) -> str | None:
    """The collective noun a piece starts with: ``"viện nghiên cứu"`` -> ``"viện"``."""
    low = _key(piece)
    return next((nn for nn in nouns if low == nn or low.startswith((nn + " ", nn + ","))), None)


def _continued(text: str, cur: AgencyMention, end: int, joint: str) -> AgencyMention:
    """``cur`` with the text up to ``end`` added to its name as written."""
    rest = _display_name(text[cur.end:end].lstrip(" \t\r\n,"))
    rest = rest[:1].lower() + rest[1:] if joint == " " or cur.kind == "collective" else rest
    kind = "collective" if cur.kind == "collective" else cur.kind
    return _unknown(text, cur.start, end, cur.name + joint + rest, kind, "leftover")


def _leftover_body(text: str, start: int, end: int, nouns: list[str], in_list: bool) -> AgencyMention:
    """A piece not in the data, named as written; a plural noun in a list gets "Các"."""
    raw = text[start:end]
    entry = lookup_agency(raw)
    if entry is not None:
        return AgencyMention(start, end, raw, entry.id, entry.name, entry.kind, True, "leftover")
    name = _display_name(raw)
    low = name.lower()
    head = _noun_head(name, nouns)
    kind = None
    if head is not None and not low.startswith("các "):
        word_after = name[len(head):].lstrip(" ,")
        # a body of its own: "Sở Ngoại vụ", "Ban quản lý Khu Kinh tế Phú Yên" (capitalised, with a proper name)
        bare_list = all(_key(part) in nouns for part in _LIST_JOINT_RE.split(name))
        proper = not bare_list and head in _name_words().singular_heads and (
            word_after[:1].isupper() or (raw[:1].isupper() and any(w[:1].isupper() for w in word_after.split())))
        if bare_list:  # "Viện, Trường" -> "Các viện, trường"
            name = name.lower()
        if in_list and not proper:
            name = "Các " + name[:1].lower() + name[1:]
        kind = None if proper else "collective"
    elif low.startswith("các "):
        kind = "collective"
    return _unknown(text, start, end, _upper_first(name), kind, "leftover")


_LIST_JOINT_RE = re.compile(r"\s*(?:,\s*và|,|\bvà)\s*")


def _unknown(text: str, start: int, end: int, name: str, kind: str | None, origin: str) -> AgencyMention:
    entry = lookup_agency(name)
    if entry is not None:
        return AgencyMention(start, end, text[start:end], entry.id, entry.name, entry.kind, True, origin)
    return AgencyMention(start, end, text[start:end], "unknown:" + slugify(name), name, kind, False, origin)


