"""Shared test fixtures: where the shared corpus lives, and a skip (with a message) when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_file(relative: str) -> Path:
    """Path of a shared corpus file; skips the test (with a message) when ../shared is absent."""
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path} (expected ../shared beside the checkout)")
    return path


def needs_ocr() -> set[str]:
    """Files of originals/ whose MANIFEST says they are scans or have a text layer that needs OCR."""
    manifest = CORPUS / "originals" / "MANIFEST.tsv"
    if not manifest.exists():
        return set()
    rows = [line.split("\t") for line in manifest.read_text("utf-8").splitlines()[1:] if line.strip()]
    return {r[0] for r in rows if len(r) > 10 and (r[8] in ("pdf-scanned", "image") or "OCR" in r[10])}


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not available at {CORPUS} (expected ../shared beside the checkout)")
    return CORPUS
