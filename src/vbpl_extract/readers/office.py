"""Legacy and other office formats (.doc, .rtf, .odt): converted to .docx by LibreOffice, then read as .docx.

``soffice --headless --convert-to docx --outdir TMP FILE`` runs with a private profile folder (two
conversions never share one), in its own process group, under a time limit; on timeout the whole
group is killed. The .docx it writes is read by :func:`vbpl_extract.readers.docx_reader.read_docx`,
so offsets index into the same kind of text rendering as for a .docx (``extract --text`` prints it)::

    >>> data = open("TB Kết luận họp tập đoàn Sơn Hải.doc", "rb").read()  # doctest: +SKIP
    >>> read_office(data, "TB Kết luận họp tập đoàn Sơn Hải.doc", "doc").splitlines()[0]  # doctest: +SKIP
    '| ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG Số: /TB-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ...'
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConverterUnavailableError, CorruptFileError, DocumentTimeoutError, UnsupportedFormatError
from ._common import sniff
from .docx_reader import read_docx

OFFICE_FORMATS: dict[str, str] = {".doc": "doc", ".rtf": "rtf", ".odt": "odt"}
TIMEOUT_SECONDS = 120.0
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
_PROGRAMS = ("soffice", "libreoffice")
_MAGIC = {"doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "rtf": (b"{\\rtf",), "odt": (b"PK\x03\x04",)}


def _which(program: str) -> str | None:
    """``shutil.which``; a separate function so that tests can simulate a missing LibreOffice."""
    return shutil.which(program)


def find_soffice(name: str | None = None) -> str:
    """Path of LibreOffice's ``soffice``; :class:`ConverterUnavailableError` (exit 14) when absent."""
    for program in _PROGRAMS:
        exe = _which(program)
        if exe:
            return exe
    raise ConverterUnavailableError(name, f"reading .doc/.rtf/.odt needs LibreOffice: install the Debian package "
                                          f"{DEBIAN_PACKAGE} (soffice not found)")


@functools.lru_cache(maxsize=1)
def converter_version() -> str:
    """``"LibreOffice 7.4.7.2"`` (empty when it cannot be asked)."""
    try:
        exe = find_soffice()
        proc = subprocess.run([exe, "--version"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    except (ConverterUnavailableError, OSError, subprocess.TimeoutExpired):
        return ""
    words = proc.stdout.decode("utf-8", "replace").split()
    return " ".join(words[:2]) if words else ""


def _check_content(data: bytes, name: str, fmt: str) -> None:
    """The bytes must look like the format the name says (LibreOffice would guess and read anything)."""
    if any(data.startswith(m) for m in _MAGIC[fmt]):
        return
    what = sniff(data)
    raise UnsupportedFormatError(name, f"the content is {what}, not a .{fmt} document" if what
                                 else f"not a .{fmt} document (unrecognised content)")


def convert_to_docx(data: bytes, name: str, fmt: str, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a .doc, .rtf or .odt file named ``name``)."""
    _check_content(data, name, fmt)
    exe = find_soffice(name)
    with tempfile.TemporaryDirectory(prefix="vbpl-office-") as tmp:
        folder = Path(tmp)
        src = folder / f"input.{fmt}"
        src.write_bytes(data)
        outdir = folder / "out"
        profile = (folder / "profile").as_uri()
        args = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "docx", "--outdir", str(outdir), str(src)]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True, env={**os.environ, "HOME": str(folder)})
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise DocumentTimeoutError(name, f"converting the .{fmt} file with LibreOffice took over "
                                             f"{timeout:.0f} s") from None
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # no soffice.bin left behind
        target = outdir / "input.docx"
        if proc.returncode != 0 or not target.exists():
            msg = " ".join(err.decode("utf-8", "replace").split())[-200:]
            raise CorruptFileError(name, f"LibreOffice cannot convert the .{fmt} file (exit {proc.returncode}"
                                         f"{': ' + msg if msg else ''})")
        return target.read_bytes()


def read_office(data: bytes, name: str, fmt: str, *, timeout: float = TIMEOUT_SECONDS) -> str:
    """Text of a .doc/.rtf/.odt: converted to .docx by LibreOffice, then read by the .docx reader."""
    return read_docx(convert_to_docx(data, name, fmt, timeout=timeout), name)
