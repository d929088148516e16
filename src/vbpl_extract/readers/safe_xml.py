"""One hardened, streaming XML parser for every part of a Word archive.

Every XML part the .docx reader reads (the main document, numbering, styles, footnotes, the
relationships, whatever a relationship points to, under any file name) goes through
:class:`SafeParser`:

* any encoding: UTF-8, UTF-16 and UTF-32 (with or without a byte-order mark) or the encoding the
  XML declaration names is transcoded to UTF-8 before expat sees it, so a DTD cannot hide in an
  encoding a byte scan does not know;
* a DOCTYPE, an ENTITY or any other DTD declaration is refused (``CorruptFileError``, "declares a
  DOCTYPE/ENTITY"); nothing is ever fetched or expanded;
* it streams: the caller feeds chunks and receives each complete element of a chosen depth
  (a body paragraph or table of ``word/document.xml``), which it processes and drops, so memory
  stays bounded by the largest such element; the counts of elements and characters are bounded
  too (``FileTooLargeError``).

>>> p = SafeParser("qd.docx", "word/document.xml", depth=2)
>>> blocks = p.feed('<w:document xmlns:w="urn:w"><w:body><w:p>Điều 1</w:p></w:body></w:document>'.encode("utf-16"))
>>> [(b.tag, b.text) for b in blocks + p.close()]
[('{urn:w}p', 'Điều 1')]
"""

from __future__ import annotations

import codecs
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from xml.parsers import expat

import regex

from ..errors import CorruptFileError, FileTooLargeError

__all__ = ["MAX_BLOCK_ELEMENTS", "MAX_ELEMENTS", "MAX_TEXT_CHARS", "SafeParser", "parse_part"]

MAX_ELEMENTS = 4_000_000
"""XML elements per archive (all parts together); a 300-page Word document has ~300,000."""
MAX_BLOCK_ELEMENTS = 400_000
"""Elements of one body paragraph or table (kept in memory while it is read)."""
MAX_TEXT_CHARS = 5_000_000
"""Characters of text of one document, any format (~2,000 pages; a .docx is refused while it is read)."""

_DECL_ENCODING = regex.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._\-]{1,40})["']""")


def _sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding of an XML entity from its first bytes, and the length of its byte-order mark."""
    boms = (
        (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    )
    for bom, enc in boms:
        if head.startswith(bom):
            return enc, len(bom)
    patterns = (
        (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
    )
    for pattern, enc in patterns:
        if head.startswith(pattern):
            return enc, 0
    m = _DECL_ENCODING.match(head)
    return (m.group(1).decode("ascii").lower() if m else "utf-8"), 0


class _Refused(Exception):
    pass


class SafeParser:
    """Feed bytes, get back the finished elements at ``depth`` (root = 0); ``depth=None``: the root at close."""

    def __init__(self, name: str, part: str, depth: int | None = None, *, counter: dict[str, int] | None = None,
                 skip: Iterable[str] = ()) -> None:
        self.name = name
        self.part = part
        self.depth = depth
        self.counter = counter if counter is not None else {"elements": 0, "chars": 0}
        self.skip = frozenset(skip)
        self._decoder: codecs.IncrementalDecoder | None = None
        self._head = b""
        self._level = 0
        self._builder: ET.TreeBuilder | None = ET.TreeBuilder() if depth is None else None
        self._block_elements = 0
        self._skipping = 0
        self._done: list[ET.Element] = []
        self._root: ET.Element | None = None
        p = expat.ParserCreate(encoding="UTF-8", namespace_separator="}")
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.buffer_text = True
        p.ordered_attributes = False
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data
        for handler in ("StartDoctypeDeclHandler", "EntityDeclHandler", "UnparsedEntityDeclHandler",
                        "NotationDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "ExternalEntityRefHandler"):
            setattr(p, handler, self._refuse)
        self._parser = p

    # -------------------------------------------------------------- expat callbacks

    def _refuse(self, *args: object) -> None:
        raise _Refused()

    @staticmethod
    def _tag(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def _start(self, raw: str, attrs: dict[str, str]) -> None:
        self.counter["elements"] += 1
        if self.counter["elements"] > MAX_ELEMENTS:
            raise FileTooLargeError(self.name, f"the Word document has over {MAX_ELEMENTS:,} XML elements; refused")
        level = self._level
        self._level += 1
        tag = self._tag(raw)
        if self._skipping:
            self._skipping += 1
            return
        if tag in self.skip and (self._builder is not None or level == self.depth):
            self._skipping = 1
            return
        if self.depth is not None and level == self.depth:
            self._builder = ET.TreeBuilder()
            self._block_elements = 0
        if self._builder is None:
            return
        self._block_elements += 1
        if self._block_elements > MAX_BLOCK_ELEMENTS:
            raise FileTooLargeError(self.name, f"{self.part}: one paragraph or table has over "
                                               f"{MAX_BLOCK_ELEMENTS:,} XML elements; refused")
        self._builder.start(tag, {self._tag(k): v for k, v in attrs.items()})

    def _end(self, raw: str) -> None:
        self._level -= 1
        if self._skipping:
            self._skipping -= 1
            return
        if self._builder is None or (self.depth is not None and self._level < self.depth):
            return
        element = self._builder.end(self._tag(raw))
        if self.depth is not None and self._level == self.depth:
            self._done.append(element)
            self._builder = None
        elif self.depth is None and self._level == 0:
            self._root = element

    def _data(self, text: str) -> None:
        if self._builder is None or self._skipping:
            return
        self.counter["chars"] += len(text)
        if self.counter["chars"] > MAX_TEXT_CHARS:
            raise FileTooLargeError(self.name, f"the Word document holds over {MAX_TEXT_CHARS:,} characters of text; "
                                               "refused")
        self._builder.data(text)

    # -------------------------------------------------------------- feeding

    def _parse(self, text: str, final: bool) -> list[ET.Element]:
        try:
            self._parser.Parse(text.encode("utf-8"), final)
        except _Refused:
            raise CorruptFileError(self.name, f"{self.part} declares a DOCTYPE/ENTITY; rejected (XML entity expansion "
                                              "attack?)") from None
        except expat.ExpatError as exc:
            raise CorruptFileError(self.name, f"corrupt .docx: {self.part} is not well-formed XML "
                                              f"({expat.errors.messages.get(exc.code, exc)})") from None
        done, self._done = self._done, []
        return done

    def feed(self, chunk: bytes) -> list[ET.Element]:
        """Parse the next bytes; the elements at ``depth`` completed by them."""
        if self._decoder is None:
            self._head += chunk
            if len(self._head) < 256 and chunk:
                return []
            chunk, self._head = self._head, b""
            encoding, bom = _sniff_encoding(chunk)
            try:
                self._decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
            except LookupError:
                raise CorruptFileError(self.name, f"corrupt .docx: {self.part} declares the unknown encoding "
                                                  f"{encoding!r}") from None
            chunk = chunk[bom:]
        try:
            text = self._decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise CorruptFileError(self.name, f"corrupt .docx: {self.part} is not valid {exc.encoding}") from None
        if text.startswith("<?xml"):  # the declaration names the original encoding; expat reads UTF-8 now
            end = text.find("?>")
            if end > 0:
                text = regex.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="UTF-8"', text[:end], count=1) + text[end:]
        return self._parse(text, False)

    def close(self) -> list[ET.Element]:
        """Finish parsing; the last elements at ``depth``."""
        done = self.feed(b"") if self._decoder is None else []
        tail = self._decoder.decode(b"", final=True) if self._decoder is not None else ""
        try:
            return done + self._parse(tail, True)
        except UnicodeDecodeError:
            raise CorruptFileError(self.name, f"corrupt .docx: {self.part} ends inside a character") from None

    @property
    def root(self) -> ET.Element | None:
        return self._root


def parse_part(chunks: Iterable[bytes], name: str, part: str, *, counter: dict[str, int] | None = None) -> ET.Element:
    """The whole (small) part as an element tree, parsed with the same guards.

    >>> parse_part([b'<Relationships><Relationship Id="rId1" Target="document.xml"/></Relationships>'],
    ...            "kh.docx", "_rels/.rels")[0].get("Target")
    'document.xml'
    """
    parser = SafeParser(name, part, None, counter=counter)
    for chunk in chunks:
        parser.feed(chunk)
    parser.close()
    if parser.root is None:
        raise CorruptFileError(name, f"corrupt .docx: {part} is empty")
    return parser.root
