"""The published schema matches the models, carries a version, and validates real output."""

from __future__ import annotations

import json
from pathlib import Path

from vbpl_extract.models import SCHEMA_VERSION
from vbpl_extract.pipeline import extract_text
from vbpl_extract.schema import schema, schema_json, validate_data

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schemas" / "task-graph.schema.json"


def test_published_schema_matches_models() -> None:
    assert SCHEMA_FILE.read_text("utf-8") == schema_json(), (
        "schemas/task-graph.schema.json drifted from the models: run "
        "`vbpl-extract schema -o schemas/task-graph.schema.json`"
    )


def test_schema_has_version_and_contract_names() -> None:
    s = schema()
    assert s["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    task = s["$defs"]["Task"]["properties"]
    for name in ("id", "text", "unit", "span", "lead", "coordinators", "report_to", "deadline", "product"):
        assert name in task
    for name in ("number", "type", "issuer", "date", "signer", "title", "place", "recipients"):
        assert name in s["$defs"]["DocumentInfo"]["properties"]
    for name in ("id", "name", "text", "span"):
        assert name in s["$defs"]["AgencyRef"]["properties"]


def test_output_validates_and_bad_output_does_not() -> None:
    g = extract_text("Điều 1. Giao Sở Tài chính chủ trì rà soát hồ sơ trước ngày 15/12/2025.")
    data = json.loads(g.model_dump_json())
    assert validate_data(data) == []
    data["tasks"] = [{"id": 1}]
    assert validate_data(data)
