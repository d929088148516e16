"""The published JSON Schema of the output, generated from the pydantic models.

``schemas/task-graph.schema.json`` is this module's output; ``tests/test_schema.py`` fails when the
file and the models drift (regenerate with ``vbpl-extract schema -o schemas/task-graph.schema.json``).

>>> schema()["properties"]["schema_version"]["const"]
'1.1.0'
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputNotFoundError, SchemaValidationError
from .models import SCHEMA_VERSION, TaskGraph

SCHEMA_ID = f"https://vbpl-extract.invalid/schemas/task-graph-{SCHEMA_VERSION}.schema.json"


def schema() -> dict:
    """JSON Schema (draft 2020-12) of :class:`~vbpl_extract.models.TaskGraph`, with its version."""
    s = TaskGraph.model_json_schema(mode="serialization")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = SCHEMA_ID
    s["title"] = "vbpl_extract task graph"
    s["properties"]["schema_version"] = {"const": SCHEMA_VERSION, "type": "string", "title": "Schema Version"}
    return s


def schema_json() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def validate_data(data: object) -> list[str]:
    """Schema violations of a decoded JSON output (empty list: valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(data)]


def validate_file(path: str | Path) -> list[str]:
    """Schema violations of an output file; raises typed errors for a missing or non-JSON file."""
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(p, "file not found")
    if not p.is_file():
        from .readers import special_file_kind

        raise InputNotFoundError(p, f"is {special_file_kind(p.stat().st_mode)}, not a regular file")
    try:
        data = json.loads(p.read_text("utf-8"))
    except OSError as exc:
        raise InputNotFoundError(p, f"cannot read the file ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaValidationError(p, f"not a JSON file ({exc})") from None
    return validate_data(data)
