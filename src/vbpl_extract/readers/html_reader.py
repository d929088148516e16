"""Render an HTML page (vbpl.vn, thuvienphapluat.vn) to text with selectolax (lexbor).

Blocks become lines, ``<br>`` a line break, tables markdown pipe rows; scripts, styles and
navigation are dropped; the page's main content container is used when there is one::

    >>> html_to_text("<div class='content1'><p>Điều 1. Phê duyệt</p>"
    ...              "<table><tr><td>1</td><td>Sở Tài chính</td></tr></table></div>")
    'Điều 1. Phê duyệt\\n\\n| 1 | Sở Tài chính |'
"""

from __future__ import annotations

import codecs

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import encodings as legacy
from ..errors import CorruptFileError, EncodingError
from ._common import join_lines, table_block
from .text_reader import decode_text

# Main content containers, most specific first.
MAIN_SELECTORS: tuple[str, ...] = ("#toanvancontent", "div.toanvancontent", "#divContentDoc", "div.content1")

SKIP_TAGS = frozenset({
    "script", "style", "nav", "noscript", "template", "iframe", "svg", "object", "head", "title",
    "button", "select", "input", "textarea", "canvas", "-comment", "!doctype",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "address", "center",
    "figure", "figcaption", "form", "fieldset", "hr", "body", "html", "caption", "tr", "td", "th",
})
MAX_SPAN = 50
MAX_COLUMNS = 256
"""Column slots that colspan/rowspan may fill in one table row (real tables have a few dozen)."""
SPAN_SLOTS = 2000
"""Empty slots that colspan/rowspan may add to one table (a page of real tables adds a few hundred)."""
_WS = regex.compile(r"[ \t\r\n\f\u200b]+")
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode HTML bytes: BOM, then ``<meta charset>``, then the text decoder's detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            try:
                info = codecs.lookup(declared)
                # only text encodings: "hex", "base64", "rot13", "uu", "zlib" are bytes-to-bytes codecs
                codec = info.name if getattr(info, "_is_text_encoding", True) else None
            except LookupError:
                codec = None
            if codec is not None and not codec.startswith("utf-16"):
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError:
                    pass  # the declaration lies; fall back to detection
    return decode_text(data, name)


class _Renderer:
    """Iterative DOM walk collecting lines (no recursion limit on deeply nested pages)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        self.buf.clear()
        if line:
            self.lines.append(line)

    def render(self, root: LexborNode) -> list[str]:
        # Stack of (node, entering); exit markers flush block elements.
        stack: list[tuple[LexborNode, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            tag = node.tag or ""
            if not entering:
                self.flush()
                continue
            if tag == "-text":
                self.buf.append(node.text_content or "")
                continue
            if tag in SKIP_TAGS:
                continue
            if tag == "br":
                self.flush()
                continue
            if tag == "table":
                self.flush()
                self.lines.extend(table_block(_table_rows(node)))
                continue
            if tag in BLOCK_TAGS:
                self.flush()
                stack.append((node, False))
            children = list(_children(node))
            stack.extend((c, True) for c in reversed(children))
        self.flush()
        return self.lines


def _children(node: LexborNode) -> list[LexborNode]:
    out = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out


def _span(node: LexborNode, attr: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int((node.attributes.get(attr) or "1").strip())))
    except ValueError:
        return 1


def _rows_of(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (inside thead/tbody/tfoot), not those of nested tables."""
    rows: list[LexborNode] = []
    for child in _children(table):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in _children(child) if c.tag == "tr")
    return rows


def _table_rows(table: LexborNode) -> list[list[str]]:
    """Cell texts per row; a colspan/rowspan cell's text appears once, the covered slots are empty."""
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    rows = [[c for c in _children(tr) if c.tag in ("td", "th")] for tr in _rows_of(table)]
    # hostile spans (every cell colspan=50 rowspan=50) would multiply the slots: once they add more
    # than SPAN_SLOTS empty slots, spans are ignored for the rest of the table
    extra = 0  # empty slots added by spans so far
    for cells in rows:
        if extra > SPAN_SLOTS:
            pending.clear()
        row: list[str] = []
        i = 0
        while i < len(cells) or (len(row) < MAX_COLUMNS and pending.get(len(row), 0) > 0):
            col = len(row)
            if col < MAX_COLUMNS and pending.get(col, 0) > 0:  # slot covered by a rowspan from above
                pending[col] -= 1
                row.append("")
                continue
            cell = cells[i]
            i += 1
            text = " ".join(_Renderer().render(cell))
            colspan, rowspan = (_span(cell, "colspan"), _span(cell, "rowspan")) if extra <= SPAN_SLOTS else (1, 1)
            # spans stop at MAX_COLUMNS, so hostile spans cannot grow the grid (every cell's text is kept)
            for k in range(min(colspan, max(1, MAX_COLUMNS - col))):
                if rowspan > 1 and len(row) < MAX_COLUMNS:
                    pending[len(row)] = rowspan - 1
                row.append(text if k == 0 else "")
        extra += len(row) - len(cells)
        grid.append(row)
    return grid


MAX_DEPTH = 500
"""Nesting depth of block containers kept for the parser (lexbor is quadratic in it: 10^5 divs took 70 s)."""
_CONTAINER_TAG = regex.compile(
    r"<(/?)(?:address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption|figure"
    r"|footer|header|hgroup|main|menu|nav|ol|section|summary|ul)(?=[\s/>])[^>]*>", regex.IGNORECASE)


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Replace block-container tags nested deeper than ``max_depth`` by ``<br>`` (their text is kept).

    >>> limit_nesting("<div><div><div>Điều 1.</div></div></div>", 2)
    '<div><div><br>Điều 1.<br></div></div>'
    """
    tags = list(_CONTAINER_TAG.finditer(html))
    if len(tags) <= max_depth:
        return html
    out: list[str] = []
    depth = last = 0
    for m in tags:
        closing = bool(m.group(1))
        deep = depth > max_depth if closing else depth >= max_depth
        depth = max(0, depth - 1) if closing else depth + 1
        if deep:
            out.append(html[last:m.start()])
            out.append("<br>")
            last = m.end()
    out.append(html[last:])
    return "".join(out)


def html_to_text(html: str) -> str:
    """The rendered text of an HTML document (see the module docstring)."""
    tree = LexborHTMLParser(limit_nesting(html))
    root: LexborNode | None = None
    for selector in MAIN_SELECTORS:
        root = tree.css_first(selector)
        if root is not None:
            break
    if root is None:
        root = tree.body or tree.root
    if root is None:
        return ""
    return join_lines(_Renderer().render(root))


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode and render an HTML file; returns ``(text, encoding)``."""
    html, encoding = decode_html(data, name)
    try:
        text = html_to_text(html)
    except (ValueError, RuntimeError) as exc:  # pragma: no cover - lexbor is very tolerant
        raise CorruptFileError(name, f"cannot parse the HTML: {exc}") from None
    if "+" not in encoding:  # .VnTime/VNI-Times text in a page that declares its charset
        text, which = legacy.convert_if_legacy(text)
        if which is not None:
            encoding = f"{encoding}+{which}"
    if "\ufffd" in text and text.count("\ufffd") > 0.01 * len(text):
        raise EncodingError(name, f"many undecodable characters after decoding as {encoding}")
    return text, encoding
