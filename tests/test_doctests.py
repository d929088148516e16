"""Every module's docstring examples run and hold (the doctests of src/vbpl_extract, in CI with the rest)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
# the package's own docstring shows the public API (extract_file in __init__), which branch i12 adds
PENDING = {"vbpl_extract"}


def _modules() -> list[str]:
    names = []
    for path in sorted((SRC / "vbpl_extract").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return [n for n in names if n not in PENDING]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SRC.parent)  # examples name corpus files as ../shared/…
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
