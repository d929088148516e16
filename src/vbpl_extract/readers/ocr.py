"""OCR of scanned PDFs and page images with Tesseract (Vietnamese model), run as a subprocess.

Pages of a PDF are rendered with ``pdftoppm`` (poppler-utils); images (.png .jpg .jpeg .tif .tiff)
are normalised to one PNG per frame with Pillow. Each page is read by
``tesseract PAGE stdout -l vie --psm 3 tsv``; the words are regrouped into lines in Tesseract's
reading order, except the two-column header band at the top of a page (cơ quan ban hành, Số, V/v on
the left; Quốc hiệu, Tiêu ngữ, địa danh, ngày on the right), which is emitted left column first::

    BỘ CÔNG AN
    Số: 5689/BCA-C04
    V/v dự kiến mục tiêu, nhiệm vụ ...
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Hà Nội, ngày tháng 12 năm 2025

The OCR text is the source text: spans index into it (``vbpl-extract extract --text`` prints it).
Every word keeps its confidence (``OcrResult.words``), so that a header field read from a
low-confidence word (a hand-written number, a stamped day) can be flagged instead of asserted.

Bounded work: at most ``max_pages`` pages, a per-page Tesseract time limit, an overall time limit,
and ``OMP_THREAD_LIMIT=1`` for each Tesseract process so that batch workers do not oversubscribe
the CPUs. Tesseract and pdftoppm die with their parent (``PR_SET_PDEATHSIG``) when a batch worker
is killed for exceeding ``--timeout``.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import (
    CorruptFileError,
    DocumentTimeoutError,
    EmptyDocumentError,
    FileTooLargeError,
    OcrUnavailableError,
)

LANGUAGE = "vie"
DPI = 300
PSM = 3
MAX_PAGES = 50
PAGE_TIMEOUT_SECONDS = 120.0
TIMEOUT_SECONDS = 900.0
SMALL_PRINT = 0.65
"""A header-band line lower than this share of the page's median line height is a stamp."""
LOW_CONFIDENCE = 85.0
"""A word read with a lower Tesseract confidence (0-100) is 'low confidence'. In the corpus scans
typed header words are read at 93-97; hand-written numbers and days at 20-76 (and misread)."""
DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
IMAGE_FORMATS: dict[str, str] = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff", ".tiff": "tiff"}


@dataclass(frozen=True)
class OcrWord:
    """One word of the OCR text: ``[start, end)`` into the text, its confidence, its page."""

    start: int
    end: int
    confidence: float
    page: int


@dataclass(frozen=True)
class OcrPageInfo:
    page: int
    mean_confidence: float | None
    seconds: float


@dataclass
class OcrResult:
    """The OCR text of a document with per-page confidence and per-word positions."""

    text: str
    pages: list[OcrPageInfo] = field(default_factory=list)
    words: list[OcrWord] = field(default_factory=list)
    engine: str = "tesseract"
    version: str = ""
    language: str = LANGUAGE
    dpi: int = DPI
    pages_total: int = 0

    def min_confidence(self, start: int, end: int) -> float | None:
        """Lowest confidence of the words overlapping ``[start, end)`` (None when no word does)."""
        found = [w.confidence for w in self.words if w.start < end and start < w.end]
        return min(found) if found else None


# --------------------------------------------------------------------------- engine lookup


def _which(program: str) -> str | None:
    """``shutil.which``; a separate function so that tests can simulate a missing engine."""
    return shutil.which(program)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the child gets SIGKILL when its parent (a batch worker) dies."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _run(args: list[str], *, timeout: float, name: str, what: str) -> subprocess.CompletedProcess[bytes]:
    """Run a helper program in its own process group; kill the whole group on timeout."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=_env(), start_new_session=True, preexec_fn=_die_with_parent)
    try:
        out, err = proc.communicate(timeout=max(0.1, timeout))
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DocumentTimeoutError(name, f"{what} took over {timeout:.0f} s") from None
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


@functools.lru_cache(maxsize=1)
def _engine() -> tuple[str, str]:
    """(path of tesseract, its version), or raise :class:`OcrUnavailableError`."""
    exe = _which("tesseract")
    if exe is None:
        raise OcrUnavailableError(None, f"OCR needs Tesseract with its Vietnamese model: install the Debian packages "
                                        f"{DEBIAN_PACKAGES} (tesseract not found)")
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, env=_env())
        ver = subprocess.run([exe, "--version"], capture_output=True, timeout=30, env=_env())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailableError(None, f"Tesseract cannot run ({exc}); reinstall the Debian packages "
                                        f"{DEBIAN_PACKAGES}") from None
    listed = (langs.stdout + langs.stderr).decode("utf-8", "replace").split()
    if LANGUAGE not in listed:
        raise OcrUnavailableError(None, f"Tesseract has no Vietnamese model ('{LANGUAGE}'): install the Debian "
                                        f"packages {DEBIAN_PACKAGES}")
    first = (ver.stdout + ver.stderr).decode("utf-8", "replace").split()
    version = first[1] if len(first) > 1 and first[0] == "tesseract" else ""
    return exe, version


def require_ocr(name: str | None = None, *, pdf: bool = False) -> tuple[str, str]:
    """Check that OCR can run (Tesseract + ``vie``; ``pdftoppm`` for PDFs); returns (tesseract, version).

    Raises :class:`OcrUnavailableError` (exit code 13) with the Debian packages to install.
    """
    try:
        exe, version = _engine()
    except OcrUnavailableError as exc:
        _engine.cache_clear()
        raise OcrUnavailableError(name, exc.problem) from None
    if pdf and _which("pdftoppm") is None:
        raise OcrUnavailableError(name, "OCR of a PDF needs pdftoppm to render its pages: install the Debian "
                                        "package poppler-utils")
    return exe, version


# --------------------------------------------------------------------------- layout


@dataclass
class _Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float


@dataclass
class _Line:
    words: list[_Word]
    key: tuple[int, int, int]

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def height(self) -> int:
        return max(w.bottom for w in self.words) - self.top


def parse_tsv(tsv: str) -> list[_Line]:
    """Tesseract TSV -> lines of words in Tesseract's reading order (empty words dropped)."""
    lines: dict[tuple[int, int, int], _Line] = {}
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = row[11].strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(v) for v in row[6:10])
            conf = float(row[10])
        except ValueError:
            continue
        key = (int(row[2]), int(row[3]), int(row[4]))
        lines.setdefault(key, _Line([], key)).words.append(
            _Word(text, left, top, left + width, top + height, max(conf, 0.0)))
    return list(lines.values())


def _split_at_gap(line: _Line, min_gap: float) -> tuple[list[_Word], list[_Word]] | None:
    """Left and right words of a line with one wide gap (two header columns on one line), else None."""
    words = sorted(line.words, key=lambda w: w.left)
    best, at = 0, -1
    for i in range(1, len(words)):
        gap = words[i].left - words[i - 1].right
        if gap > best:
            best, at = gap, i
    if at < 0 or best < min_gap:
        return None
    return words[:at], words[at:]


_NUMBER_START = re.compile(r"^S[oóòõỏọôốồổỗộ]\s*[:.]", re.IGNORECASE)


def header_columns(lines: list[_Line], page_width: int) -> list[list[_Word]]:
    """Lines of a page as word lists, the two-column header band re-ordered left column first.

    Order: the left column above its number line (the issuer), the right column (motto, place
    and date), then the rest of the left column ('Số: …', 'V/v …'). The band is the run of lines from the top of the page that lie left of the column gap, right of
    it, or are split by it; the first line that crosses the gap (the centred title, 'Kính gửi')
    ends it. The gap's position is taken from the lines that are split by a wide space.
    """
    if not lines:
        return []
    heights = sorted(max(1, ln.height) for ln in lines)
    median_h = heights[len(heights) // 2]
    spaces = sorted(b.left - a.right for ln in lines for a, b in zip(ln.words, ln.words[1:], strict=False)
                    if b.left > a.right)
    median_space = spaces[len(spaces) // 2] if spaces else median_h / 3
    min_gap = max(3.5 * median_space, 0.02 * page_width)  # a column gap, not a (justified) word space
    top_band = [ln for ln in lines if ln.top < 0.4 * max(ln2.top + ln2.height for ln2 in lines)]
    splits = [s for s in (_split_at_gap(ln, min_gap) for ln in top_band) if s is not None]
    rights = sorted(s[1][0].left for s in splits if 0.25 * page_width < s[1][0].left < 0.75 * page_width)
    if not rights:
        return [ln.words for ln in lines]
    lefts_end = [max(w.right for w in s[0]) for s in splits if s[1][0].left in rights]
    gap_x0 = max(lefts_end)
    gap_x1 = rights[0]
    if gap_x1 <= gap_x0:
        gap_x0 = gap_x1
    ordered = sorted(lines, key=lambda ln: ln.top)
    split_ids = {id(ln) for ln in top_band if _split_at_gap(ln, min_gap) is not None}
    start = next(i for i, ln in enumerate(ordered) if id(ln) in split_ids)  # a stamp above the header stays first
    last = max(i for i, ln in enumerate(ordered) if id(ln) in split_ids)  # the band ends with its last split line
    left_col: list[list[_Word]] = []
    right_col: list[list[_Word]] = []
    small: list[list[_Word]] = []
    end = start
    mid = (gap_x0 + gap_x1) / 2
    for ln in ordered[start:last + 1]:
        ws = sorted(ln.words, key=lambda w: w.left)
        split = _split_at_gap(ln, min_gap)
        if split is not None and max(w.right for w in split[0]) <= mid <= split[1][0].left:
            left, right = split
        elif ws[0].left >= mid or ws[-1].right <= mid:
            left, right = ([], ws) if ws[0].left >= mid else (ws, [])
        else:
            break  # a line across the middle (the centred title, 'Kính gửi'): the band is over
        if split is None and ln.height < SMALL_PRINT * median_h:
            small.append(ws)  # a stamp in small print (digital signature, 'Cơ quan phát hành'): before the header
            end += 1
            continue
        if left:
            left_col.append(left)
        if right:
            right_col.append(right)
        end += 1
    if not left_col or not right_col:
        return [ln.words for ln in lines]
    band = {id(ln) for ln in ordered[start:end]}
    above = [ln.words for ln in ordered[:start]]
    rest = [ln.words for ln in lines if id(ln) not in band and ln not in ordered[:start]]
    # the issuer (left column above its 'Số:' line), the right column, then 'Số:' and 'V/v …'
    k = next((i for i, ws in enumerate(left_col) if _NUMBER_START.match(ws[0].text)), len(left_col))
    band_lines = above + small + left_col[:k] + right_col + left_col[k:]
    out: list[list[_Word]] = []
    for ws in band_lines:
        if not any(c.isalnum() for w in ws for c in w.text):
            continue  # the rule under the issuer or the motto ('——')  # each header line its own paragraph (an empty list is a blank line)
        out += [ws, []]
    return out + rest


# --------------------------------------------------------------------------- running


def _ocr_png(png: Path, exe: str, name: str, page: int, timeout: float) -> tuple[list[list[_Word]], float]:
    """Word lines of one page image, and the seconds Tesseract took."""
    started = time.monotonic()
    proc = _run([exe, str(png), "stdout", "-l", LANGUAGE, "--psm", str(PSM), "tsv"], timeout=timeout,
                name=name, what=f"OCR of page {page}")
    if proc.returncode != 0:
        msg = " ".join(proc.stderr.decode("utf-8", "replace").split())[-200:]
        raise CorruptFileError(name, f"OCR failed on page {page} (tesseract exit {proc.returncode}: {msg})")
    from PIL import Image

    with Image.open(png) as im:
        width = im.size[0]
    lines = [ln for ln in parse_tsv(proc.stdout.decode("utf-8", "replace"))
             if any(c.isalnum() for w in ln.words for c in w.text)]  # rules under the header ('——') are not text
    return header_columns(lines, width), time.monotonic() - started


def _render_pdf(data: bytes, name: str, folder: Path, max_pages: int, deadline: float) -> list[Path]:
    """Render each page to PNG (pdftoppm, grey, ``DPI``); refuses more than ``max_pages`` pages."""
    pdf = folder / "in.pdf"
    pdf.write_bytes(data)
    n_pages = _pdf_pages(pdf, name)
    if n_pages == 0:
        raise EmptyDocumentError(name, "the PDF has no pages")
    if n_pages > max_pages:
        raise FileTooLargeError(name, f"the scanned PDF has {n_pages} pages; the OCR limit is {max_pages}")
    pages = []
    for number in range(1, n_pages + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise DocumentTimeoutError(name, f"OCR stopped at page {number}: over the time limit")
        prefix = folder / f"p{number:04d}"
        proc = _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                     str(pdf), str(prefix)], timeout=min(left, PAGE_TIMEOUT_SECONDS), name=name,
                    what=f"rendering page {number}")
        png = prefix.with_suffix(".png")
        if proc.returncode != 0 or not png.exists():
            msg = " ".join(proc.stderr.decode("utf-8", "replace").split())[-200:]
            raise CorruptFileError(name, f"cannot render page {number} of the PDF for OCR ({msg})")
        pages.append(png)
    return pages


def _pdf_pages(pdf: Path, name: str) -> int:
    exe = _which("pdfinfo")
    if exe is not None:
        proc = _run([exe, str(pdf)], timeout=60, name=name, what="reading the PDF's page count")
        for line in proc.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    import pdfplumber

    try:
        with pdfplumber.open(str(pdf)) as doc:
            return len(doc.pages)
    except Exception as exc:
        raise CorruptFileError(name, f"corrupt PDF ({type(exc).__name__}: {exc})") from None


def _image_pages(data: bytes, name: str, folder: Path, max_pages: int) -> list[Path]:
    """One PNG per frame of an image (a TIFF may hold many pages), greyscale."""
    import warnings

    from PIL import Image, ImageSequence, UnidentifiedImageError

    pages = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                for number, frame in enumerate(ImageSequence.Iterator(im), start=1):
                    if number > max_pages:
                        raise FileTooLargeError(name, f"the image has over {max_pages} pages; the OCR limit is "
                                                      f"{max_pages}")
                    png = folder / f"p{number:04d}.png"
                    frame.convert("L").save(png, dpi=_dpi(frame))
                    pages.append(png)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FileTooLargeError(name, f"the image is too large to OCR ({exc})") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise CorruptFileError(name, f"not a readable image ({exc})") from None
    if not pages:
        raise EmptyDocumentError(name, "the image has no frames")
    return pages


def _dpi(frame) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The image's resolution when it says one, else 300 (Tesseract guesses badly without it)."""
    dpi = frame.info.get("dpi")
    try:
        x = round(float(dpi[0]))
        if 70 <= x <= 1200:
            return x, x
    except (TypeError, ValueError, IndexError):
        pass
    return 300, 300


def ocr_pages(pngs: list[Path], name: str, *, exe: str, version: str, deadline: float,
              page_timeout: float = PAGE_TIMEOUT_SECONDS) -> OcrResult:
    """OCR rendered pages into one text (lines joined by ``\\n``, pages in order) with word confidences."""
    parts: list[str] = []
    words: list[OcrWord] = []
    infos: list[OcrPageInfo] = []
    pos = 0
    for number, png in enumerate(pngs, start=1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise DocumentTimeoutError(name, f"OCR stopped at page {number}: over the time limit")
        lines, seconds = _ocr_png(png, exe, name, number, min(page_timeout, left))
        confs: list[float] = []
        for line in lines:
            if parts:
                pos += 1  # the "\n" before this line
            if not line:
                parts.append("")
                continue
            pieces = []
            for i, w in enumerate(line):
                if i:
                    pos += 1
                words.append(OcrWord(pos, pos + len(w.text), w.conf, number))
                confs.append(w.conf)
                pieces.append(w.text)
                pos += len(w.text)
            parts.append(" ".join(pieces))
        mean = round(statistics.fmean(confs), 1) if confs else None
        infos.append(OcrPageInfo(page=number, mean_confidence=mean, seconds=round(seconds, 2)))
    text = "\n".join(parts)
    assert len(text) == pos, "word offsets out of step with the text"
    return OcrResult(text=text, pages=infos, words=words, version=version, pages_total=len(pngs))


def ocr_document(data: bytes, name: str, *, kind: str, max_pages: int = MAX_PAGES,
                 page_timeout: float = PAGE_TIMEOUT_SECONDS, timeout: float = TIMEOUT_SECONDS) -> OcrResult:
    """OCR a scanned PDF (``kind="pdf"``) or an image (``kind="image"``).

    >>> r = ocr_document(open("5689_BCA-C04.pdf", "rb").read(), "5689.pdf", kind="pdf")  # doctest: +SKIP
    >>> r.text.splitlines()[0], r.pages[0].mean_confidence  # doctest: +SKIP
    ('BỘ CÔNG AN', 91.3)
    """
    exe, version = require_ocr(name, pdf=kind == "pdf")
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="vbpl-ocr-") as tmp:
        folder = Path(tmp)
        if kind == "pdf":
            pngs = _render_pdf(data, name, folder, max_pages, deadline)
        else:
            pngs = _image_pages(data, name, folder, max_pages)
        result = ocr_pages(pngs, name, exe=exe, version=version, deadline=deadline, page_timeout=page_timeout)
    if not result.text.strip():
        raise EmptyDocumentError(name, "OCR found no text on the page(s)")
    return result


# --------------------------------------------------------------------------- text layer check


def text_layer_usable(text: str) -> bool:
    """A minimal check that a PDF text layer is Vietnamese and not an OCR layer of ASCII garbage.

    Vietnamese writes a quarter of its letters with diacritics; a layer of 200+ letters of which
    under 3% are non-ASCII is garbage ('uY BAN NgAN nAN'). To be replaced by the PDF reader's
    ``text_layer_quality`` (branch i11a), which raises ``ScannedPdfError`` itself.

    >>> text_layer_usable("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG " * 10)
    True
    >>> text_layer_usable("uY BAN NgAN nAN ceNG HoA xA ugr cuu xcuia vrET NAM " * 10)
    False
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 200:
        return True
    non_ascii = sum(1 for c in letters if not c.isascii())
    return non_ascii / len(letters) >= 0.03
