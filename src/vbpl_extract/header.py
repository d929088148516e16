"""Header stage: số ký hiệu, loại, cơ quan ban hành, địa danh và ngày, trích yếu, căn cứ, chữ ký, nơi nhận.

Works on the cleaned paragraphs (two-column headers flattened by ``|`` lines or kept as a markdown
table both arrive as short paragraphs or table cells) and says which paragraphs belong to the
header, the signature block and the "Nơi nhận" list, so the structure stage sees only the body.
Missing parts are ``None``, never errors.

>>> from vbpl_extract.clean import normalize
>>> ct = normalize("CHÍNH PHỦ\\n|\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n|\\nSố: 03/NQ-CP\\n|\\n"
...                "Hà Nội, ngày 09 tháng 01 năm 2025\\n|\\nNGHỊ QUYẾT\\nBAN HÀNH CHƯƠNG TRÌNH\\nQUYẾT NGHỊ:\\nĐiều 1. X")
>>> h = parse_header(ct)
>>> h.info.number, h.info.date, h.info.type, h.info.place
('03/NQ-CP', '2025-01-09', 'Nghị quyết', 'Hà Nội')
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import regex

from .agencies import find_agencies, lookup_agency
from .agencies.entries import load_agency_data
from .clean import CleanText, Paragraph, clean_span
from .data.schemas import SignatureWords
from .doctypes import all_type_names, issuers_of_number, load_doc_types, parse_number, type_of_number
from .encodings import syllable_ok
from .markers import APPENDIX, classify
from .models import AgencyRef, DocumentInfo, Signature
from .textutil import fold_tones, slugify

NUMBER_PATTERN = (
    r"\d{1,6}(?:\.\d{1,3}(?=\s*/\s*\d{4}\s*/))?[a-zA-Z]?(?:\s*/\s*\d{4})?(?:\s*[/\-]\s*[\p{Lu}\p{Ll}&Đđ]{1,12}\d{0,6}(?:\.[\p{Lu}\d]{1,4}(?![\p{Ll}]))?)+"
)
_NUMBER_LINE = regex.compile(r"^(?:(?:Luật|LUẬT|Bộ\s+luật|Pháp\s+lệnh|Lệnh)\s+(?:số|Số)|Số|SỐ|So)\s*[:.]?\s*(?P<num>" + NUMBER_PATTERN + r")")
_SYMBOL_ONLY_LINE = regex.compile(
    r"^S[oóòõỏọôốồổỗộ]\s*[:.]?[\s.…_]*(?:[^\s/]{1,6}\s*){0,2}(?P<sym>/\s*[\p{Lu}Đ][\p{Lu}Đ]{0,11}[a-zđ]?\d{0,3}(?:\s*-\s*[\p{Lu}Đ&]{1,12}\d{0,3})*)(?=\s|$)"
)
_STAMPED_NUMBER = regex.compile(r"^\s*\d{1,6}\s*$")  # a number stamped apart from its "Số: /…" line
_DATE_LINE = regex.compile(
    r"^(?:(?P<place>[\p{L}.][\p{L}\s.\-]{0,40}?)\s*,\s*)?ngày\s*(?P<d>\d(?:\s?[\d\]|])?)\s*tháng\s*(?P<m>\d(?:\s?[\d\]|])?)\s*năm\s*(?P<y>\d{4})",
    regex.IGNORECASE,
)
# an unsigned copy: "Hà Nội, ngày    tháng 12 năm 2025" (day/month left blank for the stamp)
_DATE_BLANK = regex.compile(r"^(?:[\p{L}.][\p{L}\s.\-]{0,40}?\s*,\s*)?ngày\s+(?:\d{1,2}\s+)?tháng\s+(?:\d{1,2}\s+)?năm(?:\s+\d{4})?\s*$",
                         regex.IGNORECASE)
# "Số: /BNV-CCHC": the number left blank; the symbol still tells the type
_BLANK_NUMBER = regex.compile(r"^Số\s*:?\s*(?P<sym>/\s*[\p{Lu}Đ][\p{Lu}\p{Ll}Đđ&\-]{1,30})\s*$")
_PLACE_LINE = regex.compile(r"^(?P<place>\p{Lu}[\p{L}.][\p{L}\s.\-]{0,40}?)\s*,\s*(?P<when>ngày\b.{0,16}?tháng\b.{0,16}?năm\b)", regex.IGNORECASE)
_DATE_ANY = regex.compile(r"ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|/)(?P<m>\d{1,2})\s*(?:năm\s+|/)(?P<y>\d{4})", regex.IGNORECASE)
# the motto (NĐ 30/2020, Phụ lục I); a scan cut at the right margin keeps its start: "CỘNG HÒA XÃ HỘI CHỦ N",
# "Độc lập - Tự do - HạnÌp phú"
_HOA = r"H(?:[OÒÓÕỎỌ]A|O[AÀÁÃẢẠ])"  # "HÒA"/"HOÀ" with any tone a text layer or OCR reads ("CỘNG HÕA": 1178/ĐCK-CTT)
_CONG = r"C[ỘỌÔ]NG"  # an OCR reads the "Ộ" of the motto with another mark ("CỌNG HÒA XÃ HỘI …")
_MOTTO = regex.compile(_CONG + r"\s+" + _HOA + r"\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc"
                       r"|(?-i:^" + _CONG + r"\s+" + _HOA + r"\s+XÃ\s+HỘI\s+CH)|(?-i:^Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—])", regex.IGNORECASE)
_ENACT = regex.compile(
    r"^(?:QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH|CHỈ\s+THỊ|KẾT\s+LUẬN|NGHỊ\s+ĐỊNH|BAN\s+HÀNH|THÔNG\s+BÁO|YÊU\s+CẦU|[\p{Lu}\s]{3,60}\s+điện)\s*:\s*$"
)
_PREAMBLE = regex.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Xét\s+tờ\s+trình|Trên\s+cơ\s+sở|Thực\s+hiện)\b", regex.IGNORECASE)
_KINH_GUI = regex.compile(r"^Kính\s+gửi\s*:?\s*", regex.IGNORECASE)
_VV = regex.compile(r"^(?:V/v|V/V|Về\s+việc)\s*[:.]?\s*", regex.IGNORECASE)
_VV_ANYWHERE = regex.compile(r"(?:^|[\s|*])[Vv]/[Vv]\s")  # "Số: 5387/CT-CS v/v trả lời …" on one line
_NOI_NHAN = regex.compile(r"^Nơi\s+nhận\s*:?\s*", regex.IGNORECASE)
# a body sentence about recipients ("Nơi nhận văn bản xác định những cơ quan …"), not the "Nơi nhận:" label
_NOI_NHAN_SENTENCE = regex.compile(r"^Nơi\s+nhận\s+\p{Ll}+\s+\p{Ll}+")
_SIGN_MODE = regex.compile(r"^(?P<mode>TM\.|T/M|T\.M\.|KT\.|K/T|Q\.|TL\.|TUQ\.|Q\.\s*|KT/)\s*(?P<rest>.*)$")
_POSITION_WORDS = regex.compile(
    r"^(?:PHÓ\s+)?(?:THỦ\s+TƯỚNG|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|BÍ\s+THƯ|TỔNG\s+BÍ\s+THƯ|"
    r"CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|TỔNG\s+GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|"
    r"THỨ\s+TRƯỞNG|CHỦ\s+NHIỆM|TỔNG\s+THANH\s+TRA|PHÓ\s+CHỦ\s+TỊCH|PHÓ\s+GIÁM\s+ĐỐC|PHÓ\s+TRƯỞNG\s+BAN|PHÓ\s+CHÁNH\s+VĂN\s+PHÒNG)\b"
)
_NAME = regex.compile(r"^(?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,4}$")


_NUMBER_WRAPPED = regex.compile(r"^S[ốỐ]\s*:?\s*\d{1,6}[^\s]*[-/]$")
_SYMBOL_REST = regex.compile(r"^[\p{Lu}Đ][\p{Lu}Đ\d]{0,11}(?:-[\p{Lu}Đ\d]{1,12}){0,3}$")


@dataclass
class HeaderResult:
    info: DocumentInfo
    header_paragraphs: set[int] = field(default_factory=set)
    closing_paragraphs: set[int] = field(default_factory=set)  # signature + Nơi nhận
    body_first: int = 0


def _doc_types() -> list[tuple[str, str]]:
    """(upper-case type word, canonical name) pairs, longest first."""
    names = list(all_type_names())
    return sorted(((n.upper(), n) for n in set(names)), key=lambda x: -len(x[0]))


def _type_from_number(number: str | None) -> str | None:
    return type_of_number(number) if number else None


def resolve_agency_name(text: str) -> AgencyRef | None:
    """Resolve an upper-case issuer line to an agency ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")."""
    text = text.strip(" -–—*")
    if not text:
        return None
    entry = lookup_agency(text)
    if entry is not None:
        return AgencyRef(id=entry.id, name=entry.name, text=text, kind=getattr(entry, "kind", None), origin="header")
    found = find_agencies(text)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        return AgencyRef(id=best.id, name=best.name, text=text, kind=best.kind, known=best.known, origin="header")
    return AgencyRef(id=None, name=_sentence_case(text), text=text, known=False, origin="header")


_LEVEL_WORD = regex.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(?=\S)")


def issuer_case(text: str) -> str:
    """An upper-case header line written as the body's name is written (NĐ 30/2020 sets issuers in capitals):
    the head noun in sentence case, the place after its level word capitalised.

    >>> issuer_case("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HUẾ")
    'Hội đồng nhân dân thành phố Huế'
    >>> issuer_case("ỦY BAN NHÂN DÂN TỈNH THANH HÓA")
    'Ủy ban nhân dân tỉnh Thanh Hóa'
    """
    if not text.isupper():
        return text
    low = " ".join(text.lower().split())
    m = _LEVEL_WORD.search(low)
    head, place = (low[:m.end()], low[m.end():]) if m else (low, "")
    place = " ".join(w[:1].upper() + w[1:] for w in place.split(" ")) if place else ""
    out = head + place
    return out[:1].upper() + out[1:]


def _sentence_case(s: str) -> str:
    if not s.isupper():
        return s
    low = s.lower()
    return low[:1].upper() + low[1:]


def _digits(value: str) -> int:
    """A day or month as written, OCR's "1]" / "1|" for "11" read as ones ("ngày 23 tháng 1] năm 2025")."""
    return int("".join(value.split()).replace("]", "1").replace("|", "1"))


def _iso(d: int, m: int, y: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _table_lines(p: Paragraph, source: str) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for row in p.table.rows:  # type: ignore[union-attr]
        for cell in row.cells:
            f = clean_span(source, cell.start, cell.end)
            if f.text:
                out.append((f.text, f.span))
    return out


def parse_header(ct: CleanText) -> HeaderResult:
    """Find the header fields and the paragraphs of header, signature and recipients."""
    paras = ct.paragraphs
    info = DocumentInfo(body_span=ct.body_span)
    res = HeaderResult(info=info)
    n = len(paras)
    if not n:
        return res
    limit = min(n, 60)
    types = _doc_types()
    if _standalone_appendix(ct, res):
        return res

    # ---------------------------------------------------------------- top block
    motto_idx = None
    issuer_lines: list[str] = []
    i = 0
    last_header = -1
    for i in range(limit):
        p = paras[i]
        if p.kind == "table":
            # a two-column header kept as a markdown table (congbot): read its cells
            if i > 8:
                break
            cells = _table_lines(p, ct.source)
            if cells and _KINH_GUI.match(cells[0][0]) and (info.number or info.type or motto_idx is not None):
                # "| Kính gửi: | - Sở … Cần Thơ; - Sở … Hưng Yên; … |" (a two-column addressee block)
                rest = [_KINH_GUI.sub("", cells[0][0]).strip(), *(t for t, _ in cells[1:])]
                info.addressees.extend(a for t in rest for a in addressee_items(t))
                last_header = i
                res.header_paragraphs.add(i)
                continue
            if any(_MOTTO.search(t) for t, _ in cells) or any(_NUMBER_LINE.match(t) for t, _ in cells):
                for t, span in cells:
                    _header_line(t, span, info, issuer_lines, types)
                last_header = i
                res.header_paragraphs.add(i)
                motto_idx = i
            continue
        t = p.text
        if _MOTTO.search(t) and motto_idx is None:
            motto_idx = i
            # issuer lines: the paragraphs before the motto (after any pipe)
            # (a number stamped apart from its "Số:" line is read already: it does not take an issuer line's place)
            stamped = {j for j in range(max(0, i - 5), i) if j in res.header_paragraphs
                       and (_STAMPED_NUMBER.match(paras[j].text) or _SYMBOL_ONLY_LINE.match(paras[j].text))}
            # nor does the "V/v" subject line set under the number, with its wrapped lines, in a left column read
            # before the motto (NĐ 30/2020, Phụ lục I: the issuer block above it is in capitals)
            subject = _subject_lines(paras, max(0, i - 8), i)
            window = [j for j in range(max(0, i - 3 - len(stamped) - len(subject)), i) if j not in stamped | subject]
            for j in window:
                if paras[j].kind == "text" and not _NUMBER_LINE.match(paras[j].text):
                    issuer_lines.append(paras[j].text)
                    res.header_paragraphs.add(j)
            pre = t[: _MOTTO.search(t).start()].strip(" |")
            for part in (x.strip(" -–—_=*") for x in regex.split(r"\||[_=]{3,}|-{3,}", pre)):  # "CHÍNH PHỦ_____ Số: 170/…"
                if part and not (_NUMBER_LINE.match(part) and _header_line(part, p.span, info, [], types, p)):
                    issuer_lines.append(part)  # "----- Số: 1661/NQ-UBTVQH15 | CỘNG HÒA …": the number is no issuer
            post = t[_MOTTO.search(t).end():]
            if "|" in post:  # "CỘNG HÒA … Hạnh phúc ---- | Số: 23/2012/NĐ-CP | Hà Nội, ngày …": the next row joined
                _header_cells(post, p.span, info, types)
            else:
                _number_after_motto(post, p.span, info, types)
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if i > 12 and motto_idx is None and not info.number:
            break
        if not info.number and i > 0 and _STAMPED_NUMBER.match(paras[i - 1].text) and (m := _SYMBOL_ONLY_LINE.match(t)):
            # "12094" / "Số: /BNV-CCHC": the signing system stamped the number just above the blank it fills
            info.number = paras[i - 1].text.strip() + regex.sub(r"\s+", "", m["sym"])
            info.number_span = (paras[i - 1].span[0], p.to_source(m.start("sym"), m.end("sym"))[1])
            res.header_paragraphs.update((i - 1, i))
            last_header = i
            rest = t[m.end():].strip(" |")
            if rest:
                _header_line(rest, p.span, info, [], types)
            continue
        if (not info.number and _NUMBER_WRAPPED.match(t) and i + 1 < n and paras[i + 1].kind == "text"
                and _SYMBOL_REST.match(paras[i + 1].text)):
            # "Số: 3783/QĐ-" / "UBND": the symbol wrapped in its narrow column
            m = _NUMBER_LINE.match(t + paras[i + 1].text.strip())
            if m:
                info.number = regex.sub(r"\s+", "", m["num"])
                info.number_span = (p.to_source(m.start("num"), len(t))[0], paras[i + 1].span[1])
                res.header_paragraphs.update((i, i + 1))
                last_header = i + 1
                continue
        if t.startswith("|") and _header_cells(t, p.span, info, types):
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if _header_line(t, p.span, info, [], types, p):
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if (
            info.type and not info.title and not _PREAMBLE.match(t) and not _KINH_GUI.match(t)
            and (t.isupper() or _VV.match(t) or last_header == i - 1)
            and classify(t) is None and not _ENACT.match(t)
            and not (t.rstrip(" *").endswith(":") and not t.isupper())  # a lead-in ("…, Bộ X yêu cầu …:") is no title
        ):
            info.title = _VV.sub("", t).strip()
            info.title_span = p.span
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if info.type and info.title and t.isupper() and classify(t) is None and last_header == i - 1 and not _ENACT.match(t):
            # continuation of an upper-case title, or the enacting authority ("CHÍNH PHỦ")
            nxt = paras[i + 1].text if i + 1 < n else ""
            if _PREAMBLE.match(nxt) or _ENACT.match(nxt):
                res.header_paragraphs.add(i)
                last_header = i
                continue
            info.title = f"{info.title} {t}"
            info.title_span = (info.title_span[0], p.span[1]) if info.title_span else p.span
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if _VV.match(t) and not info.title:
            info.title = _VV.sub("", t).strip()
            info.title_span = p.span
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if _PREAMBLE.match(t) and (info.type or info.number or motto_idx is not None) and regex.match(r"^(Căn|Theo|Xét|Trên)", t):
            info.preamble.append(t)
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if _KINH_GUI.match(t):
            info.addressees.extend(addressee_items(_KINH_GUI.sub("", t)))
            res.header_paragraphs.add(i)
            last_header = i
            j = i + 1
            while j < n and paras[j].kind == "text" and (paras[j].text.startswith(("-", "–", "+")) and len(paras[j].text) < 200):
                info.addressees.append(paras[j].text.lstrip("-–+ ").rstrip(";.,"))
                res.header_paragraphs.add(j)
                last_header = j
                j += 1
            continue
        if _ENACT.match(t):
            info.enacting_formula = t
            res.header_paragraphs.add(i)
            last_header = i
            if regex.search(r"điện\s*:\s*$", t):
                # "THỦ TƯỚNG CHÍNH PHỦ điện:" is followed by the addressee list
                j = i + 1
                while j < n and paras[j].kind == "text" and _is_addressee_line(paras[j].text):
                    info.addressees.append(paras[j].text.lstrip("-–+ ").rstrip(";,."))
                    res.header_paragraphs.add(j)
                    last_header = j
                    j += 1
            break  # the enacting formula ends the header
        if (motto_idx is not None and last_header == i - 1 and not info.number and not info.type
                and t.isupper() and len(t) < 120 and classify(t) is None):
            # the motto read before the issuer (a Party document's "ĐẢNG CỘNG SẢN VIỆT NAM" over
            # "BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI", a right column read first): the issuer follows it
            issuer_lines.append(t)
            res.header_paragraphs.add(i)
            last_header = i
            continue
        if motto_idx is not None or info.number or info.type:
            # an addressee line right after the header (two-column công văn / công điện layouts)
            if not (res.header_paragraphs and i == last_header + 1 and _is_addressee_line(t)):
                if _stamp_over_number_line(paras, i, info, motto_idx):
                    res.header_paragraphs.add(i)
                    continue
                break
            info.addressees.append(t.lstrip("-–+ ").rstrip(";,."))
            res.header_paragraphs.add(i)
            last_header = i
    res.body_first = last_header + 1

    if issuer_lines:
        _set_issuer(info, issuer_lines)
        _issuer_from_symbol(info)
        _joint_issuer(info, issuer_lines)
        spans = [paras[j].span for j in sorted(res.header_paragraphs) if paras[j].kind == "text" and j < (motto_idx or 0)]
        if info.issuer is not None and spans and info.issuer.span is None:
            info.issuer.span = (spans[0][0], spans[-1][1])

    subject_line = any(_VV_ANYWHERE.search(paras[j].text) for j in res.header_paragraphs if paras[j].kind == "text")
    if info.number and parse_number(info.number).type_code == "VBHN":
        # a consolidated text repeats the heading of the act it consolidates ("THÔNG TƯ"): its number says what it is
        info.type = _type_from_number(info.number)
    elif not info.type and subject_line:
        info.type = "Công văn"  # only a công văn has a "V/v" subject line under its number (NĐ 30/2020, Phụ lục I)
    elif info.number and not info.type:
        info.type = _type_from_number(info.number)
    if info.number:
        info.type_code = parse_number(info.number).type_code

    if info.issuer is None:
        _issuer_from_enacting_authority(paras, res.body_first, info)
    elif not info.issuer.known and info.issuer.id is None:
        _issuer_completed_by_enacting_authority(paras, res.body_first, info)

    # ---------------------------------------------------------------- closing block
    _parse_closing(ct, res)
    if info.signature and info.signature.name and not info.signer:
        info.signer = info.signature.name
    if info.issuer is None and info.signature is not None and not info.signature.mode and info.signature.position:
        # a copy that lost its header, signed "THỦ TƯỚNG / Phạm Minh Chính": the position in its own name issues it
        own = SignatureWords.load().issuing_positions.get(" ".join(info.signature.position.split()).upper())
        if own is not None and (ref := resolve_agency_name(own)) is not None:
            info.issuer = ref.model_copy(update={"span": info.signature.span, "origin": "signature"})
            info.provenance["issuer"] = "the signature's position"
    _party_issuer(ct, res, info)
    if not info.number and not info.type and info.signature is None and motto_idx is None:
        _self_enactment(paras, info)
    if info.date is None:
        _date_from_signing_stamp(ct, res, info)
    if info.date is None:
        _date_from_adoption(ct, info)
    if info.number is None or info.date is None:
        _self_from_annex_caption(ct, res, info)
    _fill_from_site_metadata(ct, info)
    if info.issuer is None and info.signature is not None and info.signature.span is not None:
        _issuer_from_writer(ct, res, info)
    if not info.type and info.addressees and not info.enacting_formula:
        # a letter whose header the source lost opens on its "Kính gửi": of the types of NĐ 30/2020 only a công văn
        # is addressed so with no heading of its own (a Tờ trình, a Báo cáo name themselves; a Công điện "… điện:")
        info.type = "Công văn"
        info.provenance["type"] = "'Kính gửi' with no heading"
    if info.addressees:
        for a in info.addressees:
            found = find_agencies(a)
            tail = load_doc_types().addressee_owner_tail
            for m in found:
                ref = AgencyRef(id=m.id, name=m.name, text=m.text, kind=m.kind, known=m.known, origin="addressee")
                if (len(found) == 1 and m.kind == "collective" and m.start == 0 and tail is not None
                        and regex.match(tail, a[m.end:])):
                    # "Các sở, ban, ngành thuộc Thành phố": the owner the line gives stays in the name
                    whole = " ".join(a.split()).rstrip(" ;,.")
                    ref = ref.model_copy(update={"id": None, "name": whole[:1].upper() + whole[1:], "text": a, "known": False})
                info.addressee_agencies.append(ref)
            if not found and (group := _addressee_collective(a)) is not None:
                info.addressee_agencies.append(group)
    return res


def _addressee_collective(line: str) -> AgencyRef | None:
    """A "Kính gửi" line the gazetteer finds no body in, naming a group by its plural determiner, is that group
    as written (``doc_types.yaml``'s ``addressee_collective``; annotation guide, rule 7).

    >>> _addressee_collective("Các cơ sở\\nđào tạo trực thuộc Bộ").name
    'Các cơ sở đào tạo trực thuộc Bộ'
    >>> _addressee_collective("Bộ trưởng các Bộ:") is None
    True
    """
    pattern = load_doc_types().addressee_collective
    text = " ".join(line.split()).rstrip(" ;,.")
    if pattern is None or text.endswith(":") or not regex.match(pattern, text, flags=regex.IGNORECASE):
        return None
    name = text[:1].upper() + text[1:]
    return AgencyRef(id=None, name=name, text=line, kind="collective", known=False, origin="addressee")


_CAPTION_ISSUER = regex.compile(r"\bcủa\s+(?P<who>[^()]{3,90}?)\s*\)")


def _standalone_appendix(ct: CleanText, res: HeaderResult) -> bool:
    """A text whose first paragraph is an appendix's caption ("Phụ lục I", NĐ 30/2020's layout of an appendix
    sent as a file of its own): its type is ``doc_types.yaml``'s ``appendix_type``; its issuer is the body the
    caption "(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)" names; the number
    and date in that caption are its document's, not its own, and the sample headers an appendix may show are
    not its header. The caption stays in the body (the appendix's own heading); only the closing block is read."""
    kind = load_doc_types().appendix_type
    paras = ct.paragraphs
    if kind is None or not paras or paras[0].kind != "text" or not (m := APPENDIX.match(paras[0].text)):
        return False
    if paras[0].text[m.end():].strip():
        return False  # "Phụ lục I kèm theo …" run on in a sentence: not a caption line
    info = res.info
    info.type = kind
    info.provenance["type"] = "the text begins with an appendix's caption"
    for j in range(1, min(len(paras), 7)):
        t = paras[j].text.strip()
        if paras[j].kind != "text" or classify(t) is not None or not (t.isupper() or t.startswith("(")):
            break
        if t.startswith("("):
            caption = " ".join(paras[k].text for k in range(j, min(len(paras), j + 3)) if paras[k].kind == "text")
            caption = caption[: caption.find(")") + 1]
            who = _CAPTION_ISSUER.search(caption) if _annex_caption().match(caption.lstrip()) else None
            found = [f for f in find_agencies(who["who"]) if f.known and f.start == 0] if who else []
            if found:
                f = found[0]
                info.issuer = AgencyRef(id=f.id, name=f.name, text=f.text, kind=f.kind, known=True, origin="annex caption")
                info.provenance["issuer"] = "the appendix's caption names its document's issuer"
            break
    _parse_closing(ct, res)
    if info.signature and info.signature.name:
        info.signer = info.signature.name
    return True


_PLACE_NAMED = regex.compile(r"\b(?:tỉnh|thành phố)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}")


@cache
def _self_enactment_pattern() -> regex.Pattern[str]:
    """ "<who> ban hành <Type> <title> …, với những nội dung sau" ending a paragraph (``doc_types.yaml``)."""
    names = sorted(set(all_type_names()), key=len, reverse=True)
    tails = "|".join(f"(?:{t})" for t in load_doc_types().self_enactment_tails)
    return regex.compile(r"(?:^|[;.]\s+)(?P<who>[^;.:]{3,120}?)\s+ban\s+hành\s+(?P<type>" + "|".join(map(regex.escape, names))
                         + r")\b[^;.]{0,400}?[,\s]\s*(?i:" + tails + r")\s*[:.]?\s*$")


def _self_enactment(paras: list[Paragraph], info: DocumentInfo) -> None:
    """A text with no header, number or signature that names itself in its opening sentence ("…; Sở Thông tin
    và Truyền thông ban hành Kế hoạch nâng cao … đến năm 2025, với những nội dung sau"): a plan whose header
    the copy lost. Its type is the type word; its issuer is the known body that subject names, when it has one."""
    if not load_doc_types().self_enactment_tails:
        return
    texts = [p for p in paras[:6] if p.kind == "text"][:3]
    for p in texts:
        m = _self_enactment_pattern().search(p.text)
        if m is None:
            continue
        info.type = m["type"]
        info.provenance["type"] = "the opening sentence names the text it issues"
        found = [f for f in find_agencies(m["who"]) if f.known and f.end == len(m["who"])]
        if found and info.issuer is None:
            f = found[-1]
            span = p.to_source(m.start("who") + f.start, m.start("who") + f.end)
            name = f.name
            where = _PLACE_NAMED.search(p.text, m.end("type"))
            if f.kind == "provincial_department" and not _LEVEL_IN_NAME.search(name) and where is not None:
                name = f"{name} {where[0]}"  # a department is its province's, as the sentence names it (the fullest form)
            info.issuer = AgencyRef(id=f.id, name=name, text=f.text, span=span, kind=f.kind, known=True,
                                    origin="enacting sentence")
            info.provenance["issuer"] = "the opening sentence names who issues the text"
        return


def _stamp_over_number_line(paras: list[Paragraph], i: int, info: DocumentInfo, motto_idx: int | None) -> bool:
    """A line between the motto and a "Số:" line not read yet is the inbound stamp ("ĐẾN", its number and
    date, written over the header of a scan) that OCR read in with the header: it does not end the header
    (NĐ 30/2020 sets the number line under the issuer, beside the motto)."""
    if motto_idx is None or info.number or "number" in info.provenance or not 0 < i - motto_idx <= 8:
        return False
    for k in range(i + 1, min(len(paras), i + 7)):
        t = paras[k].text
        if paras[k].kind == "text" and (_NUMBER_LINE.match(t) or _SYMBOL_ONLY_LINE.match(t)):
            return True
    return False


def _subject_lines(paras: list[Paragraph], lo: int, hi: int) -> set[int]:
    """The paragraphs in ``[lo, hi)`` of a "V/v …" subject and its wrapped lines (not in capitals)."""
    out: set[int] = set()
    for j in range(lo, hi):
        t = paras[j].text
        if paras[j].kind == "text" and (_VV.match(t) or (j - 1 in out and not t.isupper() and not _NUMBER_LINE.match(t))):
            out.add(j)
    return out


@cache
def _signing_heads() -> tuple[regex.Pattern[str], dict[str, regex.Pattern[str]], regex.Pattern[str]]:
    """(any head, the body-name pattern of each head, the writer's verbs) from ``signature_words.yaml``."""
    words = SignatureWords.load()
    heads = sorted(words.signing_heads, key=len, reverse=True)
    any_head = regex.compile(r"\b(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in heads) + r")\b")
    names = {h: regex.compile("^(?:" + "|".join(words.signing_heads[h]) + ")") for h in heads}
    verbs = regex.compile(r"^\s*(?:" + "|".join(words.writer_verbs or ["(?!)"]) + r")\b", regex.IGNORECASE)
    return any_head, names, verbs


def _issuer_from_writer(ct: CleanText, res: HeaderResult, info: DocumentInfo) -> None:
    """A copy that lost its header but kept its signature: the body the signing head leads, as the letter names it.

    "KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Phan Tâm" signs for a Bộ; of the Bộ the body names, the one that writes
    ("Bộ Văn hóa, Thể thao và Du lịch đề nghị …") or else the one named most often issues it. "TM. ỦY BAN NHÂN
    DÂN" signs for an Ủy ban nhân dân; a name of the level alone ("Ủy ban nhân dân Thành phố") counts for the
    full name it begins ("Ủy ban nhân dân thành phố Hà Nội"). A position before the name ("Bộ trưởng Bộ Tài
    chính hướng dẫn …") is another's act, and a group ("các Sở") never issues.
    """
    sig = info.signature
    assert sig is not None and sig.span is not None
    any_head, names, verbs = _signing_heads()
    block = " ".join(ct.source[sig.span[0]: sig.span[1]].upper().split())
    head = any_head.search(block)
    if head is None:
        return
    name_pattern = names[next(h for h in names if " ".join(h.split()) == " ".join(head.group(0).split()))]
    score: dict[str, int] = {}
    first: dict[str, tuple[str, str | None, str | None, tuple[int, int] | None]] = {}
    for i, p in enumerate(ct.paragraphs):
        if i in res.header_paragraphs or i in res.closing_paragraphs or p.kind != "text" or p.span is None:
            continue
        if p.span[0] >= sig.span[0]:
            break
        for m in find_agencies(p.text):
            if (m.kind in ("collective", "party") or not name_pattern.match(m.name)
                    or _POSITION_WORDS.match(m.name.upper()) or m.name.lower().startswith("các ")):
                continue
            own_act = not _POSITION_WORDS.match(m.text.upper()) and verbs.match(p.text[m.end:])
            score[m.name] = score.get(m.name, 0) + (3 if own_act else 1)
            first.setdefault(m.name, (m.text, m.id, m.kind, (p.span[0] + m.start, p.span[0] + m.end)))
    for name in list(score):  # the level alone counts for the full name it begins
        longer = [o for o in score if o != name and o.lower().startswith(name.lower() + " ")]
        if len(longer) == 1:
            score[longer[0]] += score.pop(name)
    if not score:
        return
    best = max(score, key=lambda k: score[k])
    text, ident, kind, span = first[best]
    info.issuer = AgencyRef(id=ident, name=best, text=text, span=span, kind=kind,
                            known=bool(ident and not ident.startswith("unknown:")), origin="signature")
    info.provenance["issuer"] = f"the body the signature's head ({head.group(0).title()}) leads, as the text names it"


def _issuer_from_enacting_authority(paras: list[Paragraph], upto: int, info: DocumentInfo) -> None:
    """No issuer above the motto: the enacting authority the Nghị định 30/2020 layout sets in capitals on
    its own line before the preamble ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "BỘ TRƯỞNG BỘ TÀI CHÍNH") issues it."""
    seen_preamble = False
    for p in paras[: min(len(paras), upto + 30, 60)]:
        t = p.text.strip(" *_|")
        if p.kind != "text":
            continue
        if _PREAMBLE.match(t):
            seen_preamble = True
            continue
        if seen_preamble:
            # "Chính phủ ban hành Nghị định …", "Bộ trưởng Bộ Tài chính ban hành Thông tư …" after the bases
            m = _ENACTS.match(t)
            if m is None and t.rstrip(" *_").endswith(";"):
                continue  # a basis wrapped onto a line of its own ("Căn cứ" / "Nghị định số 84/2020/NĐ-CP …;")
            found = [f for f in find_agencies(m["who"]) if f.known and f.start <= 12] if m else []
            if found:
                f = found[0]
                info.issuer = AgencyRef(id=f.id, name=f.name, text=f.text, span=(p.span[0] + f.start, p.span[0] + f.end)
                                        if p.span else None, kind=f.kind, known=True, origin="enacting sentence")
                info.provenance["issuer"] = "enacting sentence"
            return
        if not t.isupper() or len(t.split()) > 14 or _MOTTO.search(t) or classify(t) is not None:
            continue
        found = [m for m in find_agencies(issuer_case(t)) if m.known and m.start == 0]
        if not found:  # "BỘ TRƯỞNG BỘ TÀI CHÍNH": the ministry (the head of government stays as written)
            body = _POSITION_WORDS.sub("", t).strip()
            found = [m for m in find_agencies(issuer_case(body)) if m.known and m.start == 0] if body else []
        if found:
            m = found[0]
            info.issuer = AgencyRef(id=m.id, name=m.name, text=t, span=p.span, kind=m.kind, known=True,
                                    origin="enacting authority")
            info.provenance["issuer"] = "enacting authority line"
            return


def _issuer_completed_by_enacting_authority(paras: list[Paragraph], upto: int, info: DocumentInfo) -> None:
    """An issuer block cut short ("ỦY BAN THƯỜNG VỤ" for "ỦY BAN THƯỜNG VỤ QUỐC HỘI", the name's last words lost
    to the copy's column) names no known body: the enacting authority line whose known name begins with it does."""
    head, note = info.issuer, info.provenance.get("issuer")
    info.issuer = None
    _issuer_from_enacting_authority(paras, upto, info)
    if info.issuer is not None and head is not None and fold_tones(info.issuer.name.lower()).startswith(
            fold_tones(" ".join(head.name.lower().split())) + " "):
        return
    info.issuer = head
    if note is None:
        info.provenance.pop("issuer", None)
    else:
        info.provenance["issuer"] = note


_ENACTS = regex.compile(r"^(?P<who>[^.;:]{3,90}?)\s+(?:ban\s+hành|quyết\s+định|quyết\s+nghị)\b")
_ADOPTED = regex.compile(r"thông\s+qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")


_SIGNING_TIME = regex.compile(r"Thời\s+gian\s+ký\s*:\s*(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))")
_MONTH_YEAR = regex.compile(r"tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})", regex.IGNORECASE)


def _date_from_signing_stamp(ct: CleanText, res: HeaderResult, info: DocumentInfo) -> None:
    """A scan whose date line lost its day to OCR ("Lâm Đồng, ngày J2 tháng 11 năm 2025") but carries the
    digital signature's stamp ("Thời gian ký: 13/11/2025") in the same month and year: the document is
    dated the day it was signed. A stamp of another month (a later certified copy, "SAO Y") is no date."""
    month_year = None
    for j in sorted(res.header_paragraphs):
        p = ct.paragraphs[j]
        if p.kind == "text" and _PLACE_LINE.match(p.text) and (m := _MONTH_YEAR.search(p.text)):
            month_year = (int(m["m"]), int(m["y"]))
            break
    if month_year is None:
        return
    end = ct.paragraphs[res.body_first].span[0] if res.body_first < len(ct.paragraphs) else len(ct.source)
    for m in _SIGNING_TIME.finditer(ct.source, 0, end):  # the stamp may lie above the issuer block, outside the body
        d, mo, y = (int(m["d"]), int(m["m"]), int(m["y"])) if m["d"] else (int(m["d2"]), int(m["m2"]), int(m["y2"]))
        if (mo, y) == month_year and (iso := _iso(d, mo, y)):
            info.date = iso
            info.provenance["date"] = f"the day is illegible; the digital signature's time {m.group().split(':', 1)[1].strip()!r}"
        return


def _date_from_adoption(ct: CleanText, info: DocumentInfo) -> None:
    """A resolution or law dated only by its adoption: "Nghị quyết này được Ủy ban Thường vụ Quốc hội …
    thông qua ngày 16 tháng 6 năm 2025." (the last such sentence of the document)."""
    found = list(_ADOPTED.finditer(ct.text))  # the normalised text: "thông qua **ngày** 16 **tháng** 6 năm 2025"
    last = found[-1] if found else None
    if last is not None and (iso := _iso(int(last["d"]), int(last["m"]), int(last["y"]))):
        info.date, info.date_span = iso, ct.to_source(last.start(), last.end())
        info.provenance["date"] = "adoption sentence"


_CAPTION_DATE = r"(?P<d>\d{1,2})\s*(?:tháng\s+|/|-)(?P<m>\d{1,2})\s*(?:năm\s+|/|-)(?P<y>\d{4})"


@cache
def _annex_caption() -> regex.Pattern[str]:
    """The caption under an annex's title, in brackets (``signature_words.yaml``): "(Kèm theo Nghị định số
    75/2021/NĐ-CP ngày 24 tháng 7 năm 2021 của Chính phủ)"; OCR may join it to the title's lines."""
    cues = "|".join(f"(?:{c})" for c in SignatureWords.load().annex_captions) or "(?!)"
    return regex.compile(r"\(\s*(?:" + cues + r")\s+(?P<type>\p{L}[\p{L}\s]{1,30}?)\s+(?:số|sô|so)\s*:?\s*(?P<num>"
                         + NUMBER_PATTERN + r")(?:\s*,?\s+ngày\s+" + _CAPTION_DATE + r")?", regex.IGNORECASE)


def _symbol_key(number: str) -> str:
    return regex.sub(r"\s+", "", number).upper()


def _self_from_annex_caption(ct: CleanText, res: HeaderResult, info: DocumentInfo) -> None:
    """The number and date a header lost, from the caption of the document's own annex, which names the
    document it is attached to: a hand-written number OCR could not read ("Số:52ø/BCA-V01", the caption
    "(Gửi kèm Công văn số: 5240/BCA-V01 ngày 23/11/2025 của Bộ Công an)"), a day left illegible, a header
    the copy dropped. The caption must name the same document: the symbol the header shows, else the
    header's type; its date the month and year of the header's date line, when that is legible."""
    paras = ct.paragraphs
    symbol = next((_symbol_key(m["sym"]) for j in sorted(res.header_paragraphs) if paras[j].kind == "text"
                   and (m := _SYMBOL_ONLY_LINE.match(paras[j].text))), None)
    month_year = next(((int(m["m"]), int(m["y"])) for j in sorted(res.header_paragraphs) if paras[j].kind == "text"
                       and _PLACE_LINE.match(paras[j].text) and (m := _MONTH_YEAR.search(paras[j].text))), None)
    names = {n.lower(): n for n in all_type_names()}
    for p in paras[res.body_first:]:
        if p.kind != "text" or not (m := _annex_caption().search(p.text)):
            continue
        kind = names.get(" ".join(m["type"].split()).lower())
        number = regex.sub(r"\s+", "", m["num"])
        if kind is None:
            continue
        if info.number is None:
            if not (_symbol_key(number).endswith(symbol) if symbol else info.type == kind):
                continue
            info.number, info.number_span = number, p.to_source(m.start("num"), m.end("num"))
            info.provenance["number"] = "the caption of the document's annex"
        elif _symbol_key(number) != _symbol_key(info.number):
            continue
        if info.date is None and m["y"]:
            d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
            if month_year in (None, (mo, y)) and (iso := _iso(d, mo, y)):
                info.date, info.date_span = iso, p.to_source(m.start("d"), m.end("y"))
                info.provenance["date"] = "the caption of the document's annex"
        if info.issuer is None and (who := _CAPTION_ISSUER.search(p.text[m.start():p.text.find(")", m.end()) + 1 or None])):
            # "(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)" under
            # a copy that dropped its header (40-HD/BTGDVTW): the issuer the caption names
            found = [f for f in find_agencies(who["who"]) if f.known and f.start == 0]
            if found:
                f, at = found[0], m.start() + who.start("who")
                info.issuer = AgencyRef(id=f.id, name=f.name, text=f.text, span=p.to_source(at + f.start, at + f.end),
                                        kind=f.kind, known=True, origin="annex caption")
                info.provenance["issuer"] = "the caption of the document's annex"
        return


def _fill_from_site_metadata(ct: CleanText, info: DocumentInfo) -> None:
    """Header fields the page lacks, from the site's metadata table ("Số hiệu:", "Người ký:" …)."""
    meta = ct.metadata
    if not meta:
        return

    def value(label: str) -> tuple[str, tuple[int, int]] | None:
        if label not in meta:
            return None
        text, line = meta[label]
        if not text or regex.match(r"^(?:Đang cập nhật|Đã biết|Không xác định)$", text):
            return None
        ln = ct.lines[line]
        return text, (ln.start, ln.end)

    if info.number is None and (v := value("Số hiệu")):
        info.number, info.number_span = regex.sub(r"\s+", "", v[0]), v[1]
        info.provenance["number"] = "site metadata"
    if info.type is None and (v := value("Loại văn bản")):
        info.type = v[0]
        info.provenance["type"] = "site metadata"
    if info.date is None and (v := value("Ngày ban hành")):
        m = regex.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", v[0])
        if m:
            info.date = _iso(int(m[1]), int(m[2]), int(m[3]))
            info.date_span = v[1]
            info.provenance["date"] = "site metadata"
    if info.signer is None and (v := value("Người ký")):
        info.signer = v[0]
        info.provenance["signer"] = "site metadata"
    if info.issuer is None and (v := value("Nơi ban hành")):
        ref = resolve_agency_name(v[0])
        if ref is not None:
            ref.span = v[1]
            ref.origin = "site metadata"
            info.issuer = ref
            info.provenance["issuer"] = "site metadata"
            _issuer_from_symbol(info)  # "Nơi ban hành: Thành phố Hồ Chí Minh" names the place of a "…/UBND-ĐT"


def addressee_items(text: str) -> list[str]:
    """The addressees of one "Kính gửi" line or cell, one per item.

    >>> addressee_items("- Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ; - Sở Y tế tỉnh Hưng Yên.")
    ['Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ', 'Sở Y tế tỉnh Hưng Yên']
    """
    items = (item.strip().lstrip("-–+ ").rstrip(";.,").strip() for item in text.split(";"))
    return [item for item in items if item]


def _is_addressee_line(t: str) -> bool:
    return t.startswith(("-", "–")) and len(t) < 250 and (t.rstrip().endswith((";", ",", ".", ":")) or len(t) < 60)




def _header_line(t: str, span: tuple[int, int], info: DocumentInfo, issuer_lines: list[str],
                 types: list[tuple[str, str]], p: Paragraph | None = None) -> bool:
    """Read one header line into ``info``; True when it was a header line."""
    m = _NUMBER_LINE.match(t)
    if m and not info.number:
        info.number = regex.sub(r"\s+", "", m["num"])
        if p is not None:
            info.number_span = p.to_source(m.start("num"), m.end("num"))
        else:
            info.number_span = span
        rest = t[m.end():].strip(" |")
        if rest:
            _header_line(rest, span, info, issuer_lines, types)
        return True
    m = _SYMBOL_ONLY_LINE.match(t) if not info.number else None
    if m:  # 'Số:      /TB-UBND' (a draft) or 'Số:96ÿđ /BCA-C04' (a hand-written number OCR cannot read)
        sym = regex.sub(r"\s+", "", m["sym"])
        info.provenance.setdefault("number", f"only the symbol {sym!r} is legible; the number is blank or illegible")
        info.type = info.type or _type_from_number("1" + sym)
        rest = t[m.end():].strip(" |")
        if rest:
            _header_line(rest, span, info, issuer_lines, types)
        return True
    m = _DATE_LINE.match(t)
    if m and not info.date:
        info.date = _iso(_digits(m["d"]), _digits(m["m"]), int(m["y"]))  # "tháng 0 7": a digit apart
        if m["place"]:
            info.place = m["place"].strip()
        info.date_span = p.to_source(m.start(), m.end()) if p is not None else span
        return True
    m = _PLACE_LINE.match(t) if not info.date and not info.place else None
    if m:  # 'Hà Nội, ngày | tháng 12 năm 2025': the day is blank (a draft) or hand-written
        info.place = m["place"].strip()
        info.provenance.setdefault("date", f"the date is incomplete or illegible: {' '.join(t[m.start('when'):].split())[:40]!r}")
        return True
    if (motto := _MOTTO.search(t)) is not None:
        _number_after_motto(t[motto.end():], span, info, types)
        return True
    if _DATE_BLANK.match(t):
        return True
    m = _BLANK_NUMBER.match(t)
    if m and not info.number:
        if not info.type:
            info.type = _type_from_number("0" + regex.sub(r"\s+", "", m["sym"]))
        return True
    up = t.upper()
    if t == up or (t.startswith(("Quyết định", "Nghị quyết")) and len(t) < 20):
        for word, name in types:
            if up.startswith(word) and (len(up) == len(word) or not up[len(word)].isalpha()):
                if info.type:
                    return False
                info.type = name
                rest = t[len(word):].strip(" :-–")
                if rest:
                    info.title = _VV.sub("", rest).strip()
                    info.title_span = p.to_source(len(t) - len(rest), len(t)) if p is not None else span
                return True
    if issuer_lines is not None and t.isupper() and not info.number and not info.type:
        issuer_lines.append(t)
        return False
    return False


_NUMBER_START = regex.compile(r"(?:^|\s)(?P<rest>S[oóòõỏọôốồổỗộ]\s*[:.].*)$")


def _number_after_motto(post: str, span: tuple[int, int], info: DocumentInfo, types: list[tuple[str, str]]) -> None:
    """A two-column header that a scan's OCR read row by row, both columns on one line, the lines then joined:
    "TỔ CÔNG TÁC LIÊN NGÀNH TW Độc lập - Tự do - Hạnh phúc Số: 996/KH-TCTLNTW-C04 Hà Nội, ngày …" — the
    number line (with the date beside it) follows the motto in the same paragraph."""
    if info.number or "number" in info.provenance:
        return
    m = _NUMBER_START.search(post.strip(" -–—_"))
    if m is not None:
        _header_line(m["rest"].strip(), span, info, [], types)


def _header_cells(t: str, span: tuple[int, int], info: DocumentInfo, types: list[tuple[str, str]]) -> bool:
    """A row of the two-column header that reached the text as a pipe row, not a table ("| Số: 23/2012/NĐ-CP |
    Hà Nội, ngày 03 tháng 04 năm 2012 |"): each cell read as a header line, when one is the number or the date."""
    cells = [c.strip() for c in t.split("|") if c.strip()]
    if not any(_NUMBER_LINE.match(c) or _DATE_LINE.match(c) for c in cells):
        return False
    for c in cells:
        _header_line(c, span, info, [], types)
    return True


_BARE_PLACE = regex.compile(r"^(?:tỉnh|thành phố)\s+\S", regex.IGNORECASE)
_LOCAL_SYMBOL = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


_CENTRAL_COMMITTEE = "ban_chap_hanh_trung_uong_dang"
# "CỦA BỘ CHÍNH TRỊ" on its own line or after the type word ("NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về …")
_OF_BODY = regex.compile(r"^(?:\p{Lu}+\s+){0,3}(?:CỦA|của)\s+(?P<body>\p{Lu}[\p{Lu}\s]{3,60}?)(?=\s+\p{Ll}|\s*$)")


# "CỦA BỘ CHÍNH TRỊ, / BAN BÍ THƯ" (two lines joined): a text of two central bodies at once
_OF_BODIES = regex.compile(r"^(?:\p{Lu}+\s+){0,3}CỦA\s+(?P<a>\p{Lu}[\p{Lu}\s]{3,40}?)\s*(?:,|\s+VÀ)\s*"
                           r"(?P<b>\p{Lu}[\p{Lu}\s]{3,40}?)(?=\s+VỀ\b|\s+\p{Ll}|\s*[*,]*\s*$)")


def _party_issuer(ct: CleanText, res: HeaderResult, info: DocumentInfo) -> None:
    """A Party document sets "BAN CHẤP HÀNH TRUNG ƯƠNG" over whichever central body issues it (Hướng dẫn
    36-HD/VPTW); the body itself is named by the signature's "T/M ĐẢNG ĐOÀN QUỐC HỘI" / "T/M BAN BÍ THƯ",
    by the line under the type ("NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ"), or by the number's symbol ("…/VPTW")."""
    if info.issuer is None:
        return
    committee = info.issuer if info.issuer.id == _CENTRAL_COMMITTEE else info.parent_issuer
    if committee is None or committee.id != _CENTRAL_COMMITTEE:
        return  # ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG ĐOÀN QUỐC HỘI" read as the committee over "Quốc hội": the signature decides)
    lines = sorted(res.header_paragraphs)[:40] + list(range(res.body_first, min(res.body_first + 3, len(ct.paragraphs))))
    for j in lines:
        if j + 1 < len(ct.paragraphs) and (m := _OF_BODIES.match(f"{ct.paragraphs[j].text} {ct.paragraphs[j + 1].text}".strip(" *"))):
            both = [resolve_agency_name(m[g]) for g in ("a", "b")]
            if all(r is not None and r.known and r.kind == "party" and r.id != _CENTRAL_COMMITTEE for r in both):
                info.provenance["issuer"] = "Party document of two central bodies: the committee over both"
                return  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ": a joint text issues under the Central Committee
    found: AgencyRef | None = None
    how = ""
    sig = info.signature
    if sig is not None and sig.mode and sig.authority and regex.search(r"T\.?/?M", sig.mode):
        entry = lookup_agency(sig.authority)  # the whole authority line names the body
        if entry is not None and entry.id != _CENTRAL_COMMITTEE:
            found = AgencyRef(id=entry.id, name=entry.name, text=sig.authority, kind=entry.kind, origin="header")
            how = "signature (T/M)"
    if found is None:
        for j in lines:
            m = _OF_BODY.match(ct.paragraphs[j].text.strip(" *"))
            ref = resolve_agency_name(m["body"]) if m else None
            if ref is not None and ref.known and ref.id != _CENTRAL_COMMITTEE:
                found, how = ref, "the line under the type"
                break
    if found is None and info.number and (named := issuers_of_number(info.number)) and "," not in named:
        ref = resolve_agency_name(named)
        if ref is not None and ref.known and ref.id != _CENTRAL_COMMITTEE:
            found, how = ref, "the number's symbol"
    if found is not None:
        info.parent_issuer = committee
        info.issuer = found.model_copy(update={"origin": f"header ({how})"})
        info.provenance["issuer"] = f"Party document: {how}"


def _joint_issuer(info: DocumentInfo, lines: list[str]) -> None:
    """A joint text (NĐ 30/2020: "Thông tư liên tịch", "47/2009/TTLT-BTC-BLĐTBXH") names each of its issuers in
    the header, peers of one kind ("BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), and each in its
    number's symbol: the issuer is all of them, in the header's order ("Bộ Tài chính, Bộ Lao động - Thương binh
    và Xã hội"), not the last as the unit under its parent."""
    if info.issuer is None or not info.number or len(parse_number(info.number).issuer_codes) < 2:
        return
    text = " ".join(repair_place(regex.sub(r"[-_=]{3,}", "", x).strip(" |")) for x in lines if not _MOTTO.search(x))
    found = [m for m in find_agencies(text) if m.end - m.start > 2]
    if len(found) < 2 or not all(m.known and m.kind == found[0].kind for m in found) or len({m.id for m in found}) < len(found):
        return
    if len(found) != len(parse_number(info.number).issuer_codes):
        return
    name = ", ".join(m.name for m in found)
    info.issuer = AgencyRef(id=f"unknown:{slugify(name)}", name=name, text=text, kind=found[0].kind, known=False, origin="header (joint)")
    info.parent_issuer = None
    info.provenance["issuer"] = "joint text: every issuer the header and the number's symbol name"


def _issuer_from_symbol(info: DocumentInfo) -> None:
    """A header that kept only the place ("TỈNH THANH HÓA") names its body in the number's symbol
    (NĐ 30/2020: "235/KH-UBND" is issued by the Ủy ban nhân dân): "Ủy ban nhân dân tỉnh Thanh Hóa"."""
    issuer = info.issuer
    if issuer is None or not info.number or not _BARE_PLACE.match(issuer.name):
        return
    codes = parse_number(info.number).issuer_codes  # "…/KH-UBND", "…/UBND-ĐT" (the drafting unit after it)
    body = _LOCAL_SYMBOL.get(codes[0]) if codes else None
    if body is None:
        return
    place = issuer_case(issuer.text) if issuer.text and issuer.text.isupper() else issuer.name
    ref = resolve_agency_name(f"{body} {place[:1].lower()}{place[1:]}")
    if ref is not None:
        info.issuer = ref.model_copy(update={"text": issuer.text, "span": issuer.span, "origin": "header (symbol)"})


_LOCAL_PARENT = regex.compile(r"^Ủy ban nhân dân (?P<where>(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu) \p{Lu}.*)$")
_LEVEL_IN_NAME = regex.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu|Thành phố|Tỉnh)\b")


def _bare_letters(text: str) -> str:
    """Letters without their marks, upper case: what an OCR slip on a diacritic leaves intact."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).upper().split())


@cache
def _places_by_letters() -> dict[str, str | None]:
    """Known places keyed by their bare letters ("LAM DONG" -> "Lâm Đồng"); None where two places share them."""
    out: dict[str, str | None] = {}
    for entry in load_agency_data().places.values():
        if entry.place:
            key = _bare_letters(entry.place)
            out[key] = entry.place if out.get(key, entry.place) == entry.place else None
    return out


@cache
def _names_by_letters() -> dict[str, str | None]:
    """Known bodies' names and aliases keyed by their bare letters and by their letters without spaces
    (upper case); None where two names share a key."""
    out: dict[str, str | None] = {}
    for entry in load_agency_data().entries.values():
        for name in (entry.name, *entry.aliases):
            for key in (_bare_letters(name), "".join(name.upper().split())):  # marks dropped; spaces dropped
                prev = out.get(key, name)
                out[key] = name if prev is not None and prev.upper() == name.upper() else None
    return out


_LEVEL_UPPER = regex.compile(r"\b(?:TỈNH|THÀNH\s+PHỐ)\s+(?P<place>\p{Lu}+(?:\s+\p{Lu}+){0,3})\s*$")


def repair_place(line: str) -> str:
    """An upper-case header line that OCR misread by a mark, written as the known body or place whose letters
    it has ("BAN CHÁP HÀNH TRUNG ƯƠNG", "CÔNG AN TỈNH LÂM ĐÒNG"); a line known or unlike any is returned as it is.

    >>> repair_place("CÔNG AN TỈNH LÂM ĐÒNG")
    'CÔNG AN TỈNH LÂM ĐỒNG'
    >>> repair_place("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN'
    >>> repair_place("BAN CHÁP HÀNH TRUNG ƯƠNG")
    'BAN CHẤP HÀNH TRUNG ƯƠNG'
    >>> repair_place("B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI")
    'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'
    """
    if line.isupper():
        named = _names_by_letters().get(_bare_letters(line))
        if named is not None:
            return named.upper()  # "BAN CHÁP HÀNH TRUNG ƯƠNG": a known body's name, one mark misread
        named = _names_by_letters().get("".join(line.split()))
        if named is not None:
            return named.upper()  # "B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI": a text layer that split the syllables
    m = _LEVEL_UPPER.search(line)
    if m is None:
        return line
    place = " ".join(m["place"].split())
    known = _places_by_letters().get(_bare_letters(place))
    if known is None or known.upper() == place:
        return line
    return line[:m.start("place")] + known.upper() + line[m.end("place"):]


def _set_issuer(info: DocumentInfo, lines: list[str]) -> None:
    """The issuer (and parent body) named by the issuer block's lines; a head who issues in his own name
    (``signature_words.yaml``: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP") keeps his title before the body's name."""
    _set_issuer_body(info, lines)
    head = next((x.strip(" |*") for x in lines if x.strip(" |*")), "")
    if info.issuer is None or not head.isupper():
        return
    for title in SignatureWords.load().issuing_heads:
        if head.startswith(title.upper() + " ") and not info.issuer.name.startswith(title):
            name = f"{title} {info.issuer.name[:1].lower()}{info.issuer.name[1:]}" if not info.issuer.name.startswith(
                ("Ủy ban", "Hội đồng")) else f"{title} {info.issuer.name}"
            info.issuer = info.issuer.model_copy(update={"name": name})
            return


def _set_issuer_body(info: DocumentInfo, lines: list[str]) -> None:
    lines = [regex.sub(r"[-_=]{3,}", "", x).strip(" |") for x in lines]
    lines = [repair_place(x) for x in lines if x and not _MOTTO.search(x)]
    if not lines:
        return
    joined = " ".join(lines)
    found = [m for m in find_agencies(joined) if m.end - m.start > 2]
    if len(found) >= 2 and regex.search(r" (?:tỉnh|thành phố)$", found[-1].name) and joined.isupper():
        # "BỘ CÔNG AN / CÔNG AN TỈNH LÂM ĐỒNG": the place after the level word belongs to the unit's name
        cased = [m for m in find_agencies(" ".join(issuer_case(x) for x in lines)) if m.end - m.start > 2]
        if len(cased) == len(found) and len(cased[-1].name) > len(found[-1].name):
            found = cased
    if len(found) >= 2:
        parent, own = found[0], found[-1]
        info.parent_issuer = AgencyRef(id=parent.id, name=parent.name, text=parent.text, kind=parent.kind, known=parent.known, origin="header")
        info.issuer = AgencyRef(id=own.id, name=own.name, text=own.text, kind=own.kind, known=own.known, origin="header")
        place = _LOCAL_PARENT.match(parent.name)
        if (place is not None and not _LEVEL_IN_NAME.search(own.name) and own.kind != "collective"
                and not own.name.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân"))):
            # "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI / TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG": the centre of that city
            # (the fullest form the document gives: the annotation guide's naming rule)
            name = f"{own.name} {place['where']}"
            entry = lookup_agency(name)
            info.issuer = info.issuer.model_copy(update={"name": entry.name if entry else name,
                                                         "id": entry.id if entry else own.id or f"unknown:{slugify(name)}"})
        return
    unit = next((u for u in SignatureWords.load().bare_units if joined.endswith(" " + u.upper())), None)
    if unit is not None and len(found) == 1 and found[0].known and found[0].id and found[0].end < len(joined) - len(unit):
        # "ĐẢNG ỦY CHÍNH PHỦ / VĂN PHÒNG": the unit of the body above it, named by its kind alone
        _set_unit_under(info, found[0], f"{unit} {found[0].name}", joined)
        return
    if len(found) == 1 and found[0].known and joined.isupper() and (unit_name := _unit_below(joined[found[0].end:])):
        # "BỘ CÔNG THƯƠNG / CỤC ĐỔI MỚI SÁNG TẠO, / CHUYỂN ĐỔI XANH VÀ / KHUYẾN CÔNG" (1178/ĐCK-CTT): the body the
        # data does not know, under the one it knows, is the issuer (NĐ 30/2020: the issuing body under its parent)
        parent = found[0]
        if (place := _LOCAL_PARENT.match(parent.name)) is not None and not _LEVEL_IN_NAME.search(unit_name):
            # "UỶ BAN NHÂN DÂN TỈNH LÀO CAI / BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP": the board of that province
            unit_name = f"{unit_name} {place['where']}"
        _set_unit_under(info, parent, unit_name, joined)
        return
    info.issuer = resolve_agency_name(joined)
    cased = resolve_agency_name(issuer_case(joined)) if joined.isupper() else None
    if cased is not None and (info.issuer is None or (
            len(cased.name) > len(info.issuer.name) and (cased.known is not False or fold_tones(cased.name).casefold()
                                                          .startswith(fold_tones(info.issuer.name).casefold())))):
        # "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HUẾ": the place belongs to the name
        info.issuer = cased.model_copy(update={"text": joined})
    elif (cased is not None and info.issuer is not None and not info.issuer.known
          and cased.name.casefold() == info.issuer.name.casefold()):
        # "ỦY BAN NHÂN DÂN / PHƯỜNG CAM ĐƯỜNG", a ward the data does not know: its place capitalised as a name is
        info.issuer = info.issuer.model_copy(update={"name": cased.name})


def _set_unit_under(info: DocumentInfo, parent, name: str, joined: str) -> None:
    """The issuer is the unit ``name`` under the known body ``parent`` of the issuer block (the data's name for the
    unit when it knows it)."""
    entry = lookup_agency(name)
    info.parent_issuer = AgencyRef(id=parent.id, name=parent.name, text=parent.text, kind=parent.kind, known=True, origin="header")
    info.issuer = AgencyRef(id=entry.id if entry else f"unknown:{slugify(name)}", name=entry.name if entry else name,
                            text=joined, known=entry is not None, origin="header")


@cache
def _unit_heads() -> regex.Pattern[str]:
    heads = sorted((h.upper() for h in load_agency_data().name_words.unknown_heads), key=len, reverse=True)
    return regex.compile(rf"^(?:{'|'.join(regex.escape(h) for h in heads)})(?: [\p{{Lu}}\d][\p{{Lu}}\d,&\-]*){{1,12}}$")


def _unit_below(rest: str) -> str | None:
    """The name of a unit written in capitals under its parent, when it opens with a head of ``unknown_heads``.

    >>> _unit_below(" CỤC ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI XANH VÀ KHUYẾN CÔNG")
    'Cục đổi mới sáng tạo, chuyển đổi xanh và khuyến công'
    >>> _unit_below(" VÀ MÔI TRƯỜNG") is None
    True
    """
    rest = " ".join(rest.strip(" ,;-").split())
    if not rest or _unit_heads().match(rest) is None:
        return None
    return _sentence_case(rest)


_POSITION_ANY = regex.compile(_POSITION_WORDS.pattern.replace("^", "", 1).replace(r")\b", r")\b", 1))
_SIGNED = regex.compile(r"^[\[(]?\s*(?:đã\s+ký|Đã\s+ký|ký|Ký|\(Đã ký\))[\])]?\s*$")


def _join_split_name(t: str) -> str:
    """A text layer that split the syllables of the signer's name ("P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín"): after
    the capitals of the position, a lower-case piece is the rest of the Title Case syllable before it, when
    the two make one syllable ("Nguyễn Hữu Tín"); a name has no lower-case word."""
    toks = t.split(" ")
    last_cap = max((i for i, w in enumerate(toks) if w.isupper()), default=-1)
    out = toks[: last_cap + 1]
    tail: list[str] = []
    for w in toks[last_cap + 1:]:
        if tail and w.isalpha() and w.islower() and tail[-1][:1].isupper() and syllable_ok(tail[-1] + w):
            tail[-1] += w
        else:
            tail.append(w)
    return " ".join(out + tail)


def parse_signature_text(text: str) -> Signature:
    """Read a signature block given as one string.

    >>> s = parse_signature_text("TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Hòa Bình")
    >>> (s.mode, s.authority, s.position, s.name)
    ('TM. KT.', 'CHÍNH PHỦ', 'PHÓ THỦ TƯỚNG', 'Nguyễn Hòa Bình')
    """
    sig = Signature()
    t = regex.sub(r"[\[(]\s*(?:đã\s+ký|Đã\s+ký)\s*[\])]", " ", text)
    t = _join_split_name(" ".join(t.split()))
    # the signer's name: the trailing Title Case words
    m = regex.search(r"(?:\s|^)((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4})$", t)
    if m:
        sig.name = m.group(1)
        t = t[: m.start(1)].strip()
        t = regex.sub(r"(?:^|\s)(?:" + "|".join(map(regex.escape, SignatureWords.load().ranks)) + r")$", "", t).strip()  # "Thượng tướng"
    modes: list[str] = []
    authority = None
    rest = t
    while True:
        mm = _SIGN_MODE.match(rest)
        if not mm:
            break
        modes.append(mm["mode"].strip())
        rest = mm["rest"].strip()
        nxt = regex.search(r"\s(?=KT\.|Q\.|TL\.|TUQ\.)", rest)
        if modes[-1] in ("TM.", "T/M", "T.M.") and authority is None:
            # "TM. CHÍNH PHỦ KT. THỦ TƯỚNG …" / "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
            cut = nxt.start() if nxt else None
            head = rest[:cut] if cut is not None else rest
            pos = next((p for p in _POSITION_ANY.finditer(head) if len(head[:p.start()].split()) >= 2), None)
            if pos and pos.start() > 0:
                authority, rest = head[: pos.start()].strip(), (head[pos.start():] + (rest[cut:] if cut else "")).strip()
            else:
                authority = head.strip()
                rest = rest[cut:].strip() if cut is not None else ""
        elif nxt:
            rest = rest[nxt.start():].strip()
    sig.mode = " ".join(modes) or None
    sig.authority = authority or None
    if rest:
        positions = list(_POSITION_ANY.finditer(rest))
        sig.position = rest[positions[-1].start():].strip() if positions else rest
    return sig


def _parse_closing(ct: CleanText, res: HeaderResult) -> None:
    """Find "Nơi nhận" and the signature block (TM./KT. …, position, name), also inside a two-column table."""
    paras = ct.paragraphs
    n = len(paras)
    info = res.info
    start = res.body_first
    noi_nhan = next((i for i in range(start, n) if paras[i].kind == "text" and _NOI_NHAN.match(paras[i].text)
                     and len(paras[i].text) < 300 and not _NOI_NHAN_SENTENCE.match(paras[i].text)), None)
    # a closing block kept as a two-column table: "| Nơi nhận: - …; - … | TM. UBND CHỦ TỊCH Nguyễn Văn A |",
    # also a one-row table left as a line of text (no separator row under it)
    # a "Nơi nhận" list of text lines ends where the signature starts: a form's table in an appendix after it
    # ("TM. TỔ CHỨC (3) (Chữ ký, dấu)") is no closing block
    list_end = next((k for k in range(noi_nhan + 1, n) if paras[k].kind != "text" or paras[k].text[:1] not in "-–+•"), n) \
        if noi_nhan is not None else n
    for i in range(start, n):
        p = paras[i]
        if noi_nhan is not None and i < noi_nhan - 1:
            continue
        if i > list_end + 1 and paras[list_end].kind == "text":
            break
        if p.kind == "table":
            cells = _table_lines(p, ct.source)
        elif p.text.startswith("|") and p.text.count("|") >= 3 and (i >= n - 4 or _NOI_NHAN.match(p.text.lstrip("| "))):
            # (anywhere when its first cell is "Nơi nhận:": annexes and forms may follow the closing block)
            cells = [(m.group().strip(), p.to_source(m.start(), m.end())) for m in regex.finditer(r"[^|]+", p.text)
                     if m.group().strip()]
        else:
            continue
        nn = next(((t, sp) for t, sp in cells if _NOI_NHAN.match(t)), None)
        cells = [(_sign_label().sub("", t).strip() or t, sp) for t, sp in cells]  # "XÁC THỰC VĂN BẢN HỢP NHẤT KT. …"
        for k in range(len(cells) - 1):  # "GIÁM ĐỐC" and "Cù Ngọc Trang" on two lines of one cell
            (t, sp), (t2, sp2) = cells[k], cells[k + 1]
            if _POSITION_WORDS.match(t) and t.isupper() and _NAME.match(t2) and len(t2) < 50:
                cells[k] = (f"{t} {t2}", (sp[0], sp2[1]))
        sg = next(((t, sp) for t, sp in cells if _SIGN_MODE.match(t) or (_POSITION_WORDS.match(t) and _NAME_AT_END.search(t))
                   or _NAME_SIGNED.match(t)), None)
        if nn is None and sg is None:
            continue
        res.closing_paragraphs.add(i)
        if nn is not None:
            items = regex.split(r"\s+[-–]\s+|^[-–]\s+", _NOI_NHAN.sub("", nn[0]).strip())
            info.recipients.extend(x.strip().rstrip(";,.") for x in items if x.strip())
        if sg is not None:
            info.signature = parse_signature_text(sg[0])
            info.signature.span = sg[1]
            if info.issuer is not None and info.issuer.origin == "header (joint)":
                # a joint text: one signature per issuer, side by side ("KT. BỘ TRƯỞNG … | KT. BỘ TRƯỞNG …")
                names = [parse_signature_text(t).name for t, _ in cells if _SIGN_MODE.match(t)]
                if len(names) >= 2 and all(names):
                    info.signer = ", ".join(x for x in names if x)
        return
    sig_idx = None
    for i in range(noi_nhan if noi_nhan is not None else start, n):
        p = paras[i]
        if p.kind != "text":
            continue
        t = _cell(p.text).rsplit(" | ", 1)[-1]  # "- Lưu: HC, PLTP. | TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI": the right cell
        t = _sign_label().sub("", t) or t
        if _SIGN_MODE.match(t) or _SIGNED_NAME.match(t) or (_POSITION_WORDS.match(t) and t.isupper() and len(t) < 80
                                                            and (noi_nhan is not None or _name_follows(paras, i))):
            sig_idx = i
            break
    if noi_nhan is not None:
        res.closing_paragraphs.add(noi_nhan)
        first = _NOI_NHAN.sub("", paras[noi_nhan].text).strip()
        if first:
            info.recipients.append(first.lstrip("-–+ ").rstrip(";,."))
        j = noi_nhan + 1
        while j < n and paras[j].kind == "text" and (paras[j].text[:1] in "-–+•" or (sig_idx is not None and j < sig_idx)):
            info.recipients.append(paras[j].text.lstrip("-–+• ").rstrip(";,."))
            res.closing_paragraphs.add(j)
            j += 1
    if sig_idx is None:
        found = _interleaved_signature(paras, noi_nhan) if noi_nhan is not None else None
        if found is None and noi_nhan is not None:
            found = _name_beside_recipients(ct, noi_nhan)
        if found is not None:
            info.signature = parse_signature_text(found[0])
            info.signature.span = (paras[noi_nhan].span[0], paras[found[1]].span[1])  # type: ignore[index]
        return
    # the block: mode lines, position lines, "(Đã ký)", the name
    lines: list[str] = []
    j = sig_idx
    last = sig_idx
    while j < n and j < sig_idx + 7 and paras[j].kind == "text":
        t = _cell(paras[j].text)
        if j == sig_idx:
            t = t.rsplit(" | ", 1)[-1]
            t = _sign_label().sub("", t) or t
        if j > sig_idx and not any(c.isalnum() for c in t):
            j += 1  # the mark of the signature's image between the position and the name ("[", Công báo)
            continue
        if j > sig_idx:
            t = _IMAGE_MARK.sub("", t)  # "[ Phạm Thị Thanh Trà"
        if _SIGNED_NAME.match(t):  # "(Đã ký) Lê Thành Long": the name after the mark ends the block
            lines.append(t)
            last = j
            break
        if _SIGNED.match(t) or _SIGN_MODE.match(t) or (t.isupper() and len(t) < 80 and not _ATTACH_TITLE.match(t)
                                                        and (_POSITION_WORDS.match(t) or (j == sig_idx + 1 and not lines[1:])
                                                             # the unit under "VỤ TRƯỞNG": "VỤ CẢI CÁCH HÀNH CHÍNH"
                                                             or (len(lines) < 4 and bool(_POSITION_WORDS.match(lines[-1])))
                                                             # "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": a wrapped line
                                                             or (len(lines) < 5 and lines[-1].endswith(","))
                                                             # "KT. CỤC TRƯỞNG CỤC QUẢN LÝ VÀ PHÁT TRIỂN" / "THỊ TRƯỜNG
                                                             # TRONG NƯỚC" (9634/BCT-TTTN): a mode line's unit, wrapped
                                                             or (len(lines) < 5 and bool(_SIGN_MODE.match(lines[-1]))))):
            lines.append(t)
            last = j
            j += 1
            continue
        if (_NAME.match(t) and len(t) < 50) or (len(t) < 60 and (r := _ranked_name().search(t)) and r.start() == 0):
            lines.append(t)
            last = j
        break
    for k in range(sig_idx, last + 1):
        res.closing_paragraphs.add(k)
    sig = parse_signature_text(" ".join(lines))
    sig.span = (paras[sig_idx].span[0], paras[last].span[1])
    info.signature = sig
    # the signature may come before "Nơi nhận" (two columns flattened): take the recipients after it too
    if noi_nhan is None:
        for k in range(last + 1, min(n, last + 4)):
            if paras[k].kind == "text" and _NOI_NHAN.match(paras[k].text):
                res.closing_paragraphs.add(k)
                m = k + 1
                while m < n and paras[m].kind == "text" and paras[m].text[:1] in "-–+•":
                    info.recipients.append(paras[m].text.lstrip("-–+• ").rstrip(";,."))
                    res.closing_paragraphs.add(m)
                    m += 1
                break


# what a converter leaves of a signature's image before the name: "[ Phạm Thị Thanh Trà" (Công báo)
_IMAGE_MARK = regex.compile(r"^[\[\]{}<>*_|]+\s*(?=\p{Lu})")
# a cell holding only the signer: "Nguyễn Mạnh Kiểm (Đã ký)"
_SIGNED_NAME = regex.compile(r"^[\[(]\s*[Đđ]ã\s+ký\s*[\])]\s*(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4}$")


def _cell(text: str) -> str:
    """A paragraph without the cell bars of a table row broken over lines ("Nguyễn Hòa Bình |")."""
    return text.strip().strip("|").strip()


_NAME_SIGNED = regex.compile(r"^(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4}\s*[\[(]\s*[Đđ]ã\s+ký\s*[\])]$")
_NAME_AT_END = regex.compile(r"(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4}\s*$")
_ATTACH_TITLE = regex.compile(r"^(?:PHỤ\s+LỤC|CHƯƠNG\s+TRÌNH|KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|ĐỀ\s+ÁN|DANH\s+MỤC)\b")


@cache
def _ranked_name() -> regex.Pattern[str]:
    """A signer's name, after the rank a police or army signer writes before it (``signature_words.yaml``):
    "Thiếu tướng Trương Minh Đương" -> "Trương Minh Đương"; the rank may end a line of the other column
    ("- Lưu: VT, P5. Đại tá Bùi Duy Hưng")."""
    ranks = "|".join(regex.escape(r) for r in sorted(SignatureWords.load().ranks, key=len, reverse=True))
    return regex.compile(r"(?:^|\s)(?:" + ranks + r")\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})\s*$")


@cache
def _sign_label() -> regex.Pattern[str]:
    """A label over the signature block (``signature_words.yaml``): "XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG …"."""
    labels = SignatureWords.load().labels
    return regex.compile(r"^\W*(?:" + "|".join(labels) + r")\W*\s*" if labels else r"(?!)", regex.IGNORECASE)


def _interleaved_signature(paras: list[Paragraph], noi_nhan: int) -> tuple[str, int] | None:
    """A scan whose OCR ran the two closing columns into one line ("Nơi nhận: KT. BỘ TRƯỞNG"): the
    signature head is the upper-case rest of the "Nơi nhận" line, the name the ranked name that ends
    a line below it ("Thượng tướng Nguyễn Văn Long"). Returns the head and name joined, and the name's paragraph."""
    head = _NOI_NHAN.sub("", paras[noi_nhan].text).strip(" .;")
    if not head or not head.isupper() or len(head.split()) > 8:
        return None
    for k in range(noi_nhan + 1, min(len(paras), noi_nhan + 20)):
        m = _ranked_name().search(paras[k].text) if paras[k].kind == "text" else None
        if m is not None:
            return f"{head} {m['name']}", k
    return None


@cache
def _name_after_item() -> regex.Pattern[str]:
    surnames = "|".join(regex.escape(x) for x in SignatureWords.load().surnames) or "(?!)"
    return regex.compile(r"[;.:]\s+(?P<name>(?:" + surnames + r")(?:\s+\p{Lu}\p{Ll}*){1,3})(?:\s+[^\p{L}\d]{0,3})?\s*$")


def _name_beside_recipients(ct: CleanText, noi_nhan: int) -> tuple[str, int] | None:
    """A scan whose OCR read the signature column into the "Nơi nhận" list, line by line, and lost its head
    ("TM. CHÍNH PHỦ / THỦ TƯỚNG" under the seal): the one recipient's line that ends, after its item, in a
    person's name ("~ Tòa án nhân dân tối cao; Nguyễn Xuân Phúc") holds the signer. Returns the name and its
    paragraph; None when no line, or more than one, has a name so."""
    paras = ct.paragraphs
    hits = []
    for k in range(noi_nhan + 1, min(len(paras), noi_nhan + 40)):
        p = paras[k]
        if p.kind != "text" or p.text[:1] not in "-–+•~¬":
            break
        for line in ct.source[p.span[0]:p.span[1]].splitlines():  # the source's lines: the paragraph joined them
            if (m := _name_after_item().search(line)) is not None:
                hits.append((m["name"], k))
    return hits[0] if len(hits) == 1 else None


def _name_follows(paras: list[Paragraph], i: int) -> bool:
    for k in range(i + 1, min(len(paras), i + 4)):
        t = paras[k].text
        if (_NAME.match(t) and len(t) < 50) or (len(t) < 60 and (r := _ranked_name().search(t)) and r.start() == 0):
            return True
    return False


# a document's number right before "ngày …" ("số 1110/QĐ-BTTTT ngày 02/7/2024", "Nghị quyết 57-NQ/TW, ngày …")
_REFERENCE_BEFORE = regex.compile(r"(?:" + NUMBER_PATTERN + r")(?:\s+năm\s+\d{4})?\s*,?\s*$")
_DATELINE = regex.compile(r"^(?:[^\n]{0,40}?)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b", regex.MULTILINE)


def fallback_date(text: str) -> str | None:
    """For news reports with no header: the dateline ("Thứ bảy - 17/05/2025 13:20") in the first lines,
    else the first "ngày dd/mm/yyyy" that is not a deadline.

    >>> fallback_date("Tin bài\\nThứ bảy - 17/05/2025 13:20\\nNgày 22/12/2024, Bộ Chính trị ban hành …")
    '2025-05-17'
    """
    head = "\n".join(text.splitlines()[:4])
    m = _DATELINE.search(head)
    if m and not regex.search(r"(?:ngày|trước|đến|số)\s*$", head[max(0, m.start("d") - 12):m.start("d")], regex.IGNORECASE):
        iso = _iso(int(m["d"]), int(m["m"]), int(m["y"]))
        if iso:
            return iso
    for m in _DATE_ANY.finditer(text):
        if regex.search(r"(?:trước|chậm\s+nhất|hạn|đến|hoàn\s+thành|kể\s+từ|từ)\s*$", text[max(0, m.start() - 20):m.start()],
                        regex.IGNORECASE):
            continue  # a deadline or a period, not the date of the report
        if _REFERENCE_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
            continue  # "Quyết định số 1110/QĐ-BTTTT ngày 02/7/2024": the date of a document the text cites
        return _iso(int(m["d"]), int(m["m"]), int(m["y"]))
    return None


__all__ = ["HeaderResult", "fallback_date", "parse_header", "parse_signature_text", "resolve_agency_name"]
