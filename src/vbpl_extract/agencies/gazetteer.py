"""The gazetteer: one Aho-Corasick automaton over every name, alias and abbreviation (with generated
``UBND``/``HĐND``/``TW`` variants), and :func:`lookup_agency` for a full name.

>>> lookup_agency("UBND tỉnh Gia Lai").name
'Ủy ban nhân dân tỉnh Gia Lai'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex

from .entries import AgencyEntry, load_agency_data
from .text_forms import _key

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
    chain_level_re: Any  # " trung ương" ending such a collective (on the key)
    chain_run_re: Any  # "các cơ quan": where a run of chain members, known or not, may start (on the key)
    chain_run_tail_re: Any  # " khác", " có liên quan", " còn lại" after such a run (on the key)
    units_before_re: Any  # "các sở, cơ quan thuộc " ending where a body starts (on the key)
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
    quals = "|".join(re.escape(_key(q)) for q in data.collective_chain_qualifiers)
    qual = rf"(?: (?:{quals}))?" if quals else ""
    # members that continue a chain but never start one; those that are also verbs only before another
    # member or a qualifier ("các cơ quan, tổ chức, cá nhân", not "các sở, ngành, tổ chức thực hiện")
    sep = "(?:,| và |,và )"
    more = sorted((_key(n) for n in data.collective_chain_more_nouns), key=len, reverse=True)
    verbs = {_key(n) for n in data.collective_chain_verb_nouns}
    all_alt = "|".join(re.escape(n) for n in sorted({*nouns, *more}, key=len, reverse=True))
    tail = r"(?: khác)?(?: (?:có )?liên quan| còn lại)"
    # a level also ends the verb reading: "các cấp ủy, tổ chức đảng" (a Party collective, guide Genres)
    lvl = rf"| (?:{quals})(?![\w])" if quals else ""
    member_alt = "|".join(
        [*(re.escape(n) for n in nouns)]
        + [re.escape(n) + (rf"(?={sep}(?:{all_alt})(?![\w])|{tail}(?![\w])| khác(?![\w]){lvl})" if n in verbs else "")
           for n in more]
    ) or "(?!)"
    # "các bộ, cơ quan trung ương, địa phương": a noun of the chain may carry its level
    chain_re = re.compile(rf"{qual}{sep}(?:{member_alt}){qual}(?![\w])") if nouns else re.compile(r"(?!)")
    # a run of such members written out, known or not: "các cơ quan, tổ chức, đơn vị có liên quan"
    chain_run_re = re.compile(rf"(?<![\w])các (?:{noun_alt}){qual}(?![\w])") if nouns else re.compile(r"(?!)")
    chain_run_tail_re = re.compile(rf"{tail}(?![\w])| khác(?![\w])")
    chain_level_re = re.compile(rf" (?:{quals})(?![\w])") if quals else re.compile(r"(?!)")
    # "các sở, cơ quan thuộc " right before a body: the units that belong to it
    # ("các cơ quan chuyên môn, cơ quan hành chính khác thuộc ": a unit may carry qualifiers)
    sub_nouns = sorted({*nouns, *(_key(n) for n in data.subordinate_unit_nouns)}, key=len, reverse=True)
    sub_quals = "|".join(re.escape(_key(q)) for q in sorted(data.subordinate_unit_qualifiers, key=len, reverse=True))
    unit = rf"(?:{'|'.join(re.escape(n) for n in sub_nouns)})" + (rf"(?: (?:{sub_quals}))*" if sub_quals else "")
    units_before_re = re.compile(
        rf"(?<![\w])(?P<units>các {unit}(?:(?:,| và |,và ){unit})*)(?P<glue> (?:trực )?thuộc )$"
    ) if nouns else re.compile(r"(?!)")
    qual_re = re.compile(
        rf"(?<![\w])(?P<cac>các )?(?P<nouns>(?:{noun_alt})(?:(?:,| và |,và )(?:{noun_alt}))*) (?P<q>được (?:giao|phân công))(?![\w])"
    ) if nouns else re.compile(r"(?!)")
    return _Gazetteer(
        automaton=auto, by_key=by_key,
        ministry_tails=tuple(sorted(tails.items(), key=lambda p: -len(p[0]))),
        head_tails={h: tuple(sorted(t.items(), key=lambda p: -len(p[0]))) for h, t in head_tails.items()},
        place_opts=tuple(place_opts), titles_re=titles_re, loose=loose, chain_ids=chain_ids, chain_re=chain_re, chain_level_re=chain_level_re, chain_run_re=chain_run_re, chain_run_tail_re=chain_run_tail_re, units_before_re=units_before_re,
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


def office_title_end(text: str) -> int:
    """Where an office title (``office_titles`` of the data) that opens ``text`` ends, else 0: the holder
    stands for the body he or she heads (annotation guide, rule 5).

    >>> office_title_end("Thủ trưởng các đơn vị thuộc Bộ được phân cấp")
    10
    >>> office_title_end("Bên mua điện")
    0
    """
    m = _gazetteer().title_start_re.match(text)
    return m.end() if m is not None else 0


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
