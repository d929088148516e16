"""The gazetteer's data: :class:`AgencyEntry` and the other models of ``data/agencies.yaml``, loaded once
and expanded (every province's People's Committee, Party committee and departments), and :class:`AgencyMention`.

>>> load_agency_data().entries["bo_tai_chinh"].name
'Bộ Tài chính'
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..data import load as load_data
from ..textutil import fold_tones, nfc, slugify
from .text_forms import _key


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
    acts_as: str | None = Field(None, description="id of the body that acts for it when it is a task's lead: the "
                                "provinces named as actor stand for their People's Committees")

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
    unknown_heads: tuple[str, ...] = ()  # heads that start an unknown body's name, in the order tried
    singular_heads: frozenset[str]  # heads that make a single body ("Sở …", "Quỹ …")
    # a head word + one of these lower-case words is a common noun, no new body ("Bộ đội", "Bộ phận")
    common_nouns_after: dict[str, frozenset[str]] = {}
    # a lower-case noun phrase followed by one of these is a qualified common noun, no name: "Ban Quản lý các
    # dự án được giao" (not "Ban Quản lý các khu công nghiệp chủ trì")
    relative_words: frozenset[str] = frozenset()
    # two words that are one name unit, after which the name goes on only with a capitalised word: "Ban
    # Thường trực Hội …", "Văn phòng Thường trực Ban Chỉ đạo …" (never "Ban Thường trực xem xét …")
    closed_units: frozenset[str] = frozenset()


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
    collective_chain_qualifiers: list[str] = []
    collective_chain_more_nouns: list[str] = []
    collective_chain_verb_nouns: list[str] = []
    subordinate_unit_nouns: list[str] = []
    subordinate_unit_qualifiers: list[str] = []
    assignment_scopes: list[str] = []
    assignment_closers: list[str] = []
    regional_branch_words: list[str] = []
    sector_fields: list[str] = []
    sector_body_levels: list[str] = []


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
    collective_chain_qualifiers: tuple[str, ...] = ()
    collective_chain_more_nouns: tuple[str, ...] = ()  # continue a chain, never start one ("doanh nghiệp")
    collective_chain_verb_nouns: tuple[str, ...] = ()  # of those, the ones that are also verbs ("tổ chức")
    subordinate_unit_nouns: tuple[str, ...] = ()  # more heads of "các … thuộc <body>" ("doanh nghiệp")
    subordinate_unit_qualifiers: tuple[str, ...] = ()  # "cơ quan chuyên môn", "đơn vị sự nghiệp công lập"
    assignment_scopes: tuple[str, ...] = ()  # "… được giao nhiệm vụ trong Kế hoạch": the text that assigns
    assignment_closers: tuple[str, ...] = ()  # "Cơ quan, đơn vị được phân công phải …": a bare "được phân công" ends
    name_words: NameWords | None = None
    regional_branch_words: tuple[str, ...] = ()  # "Ngân hàng Nhà nước chi nhánh khu vực 14": a branch of its own
    sector_body_levels: tuple[str, ...] = ()  # "cơ quan thuế (của) địa phương": a level in the sector body's name
    sector_fields: tuple[str, ...] = ()  # the sectors organised at every level (not the departments), both cases
    sector_names: tuple[str, ...] = ()  # the fields of the provincial departments (and abbreviations), other sectors


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
        collective_chain_qualifiers=tuple(data.collective_chain_qualifiers),
        collective_chain_more_nouns=tuple(data.collective_chain_more_nouns),
        collective_chain_verb_nouns=tuple(data.collective_chain_verb_nouns),
        subordinate_unit_nouns=tuple(data.subordinate_unit_nouns),
        subordinate_unit_qualifiers=tuple(data.subordinate_unit_qualifiers), name_words=data.name_words,
        assignment_scopes=tuple(data.assignment_scopes), assignment_closers=tuple(data.assignment_closers),
        regional_branch_words=tuple(data.regional_branch_words),
        sector_body_levels=tuple(data.sector_body_levels),
        sector_fields=tuple(n for f in data.sector_fields for n in dict.fromkeys((f, f[:1].upper() + f[1:]))),
        sector_names=(*(n for f in data.department_fields for n in (f.field, *f.abbr)),
                      *(n for f in data.sector_fields for n in dict.fromkeys((f, f[:1].upper() + f[1:])))),
    )




def _province_id(prov: _Province) -> str:
    return slugify(f"Ủy ban nhân dân {prov.unit} {prov.place}")
