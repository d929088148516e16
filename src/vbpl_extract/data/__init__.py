"""Knowledge kept as data: agencies, document types, deadline words, task words, boilerplate markers.

Every stage reads its file through :func:`load` (parsed once per process); the stage's own pydantic
model validates what it reads.

>>> load("doc_types.yaml")["types"][0]["name"]  # doctest: +SKIP
'Nghị quyết'
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The parsed contents of ``src/vbpl_extract/data/<name>`` (.yaml or .json), read once."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
