"""The learned task decision: features, the shipped model, training, and when it changes predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, GOLD, corpus_file
from vbpl_extract.cli import app
from vbpl_extract.learn import features as F
from vbpl_extract.learn.model import (
    FEATURE_SET_VERSION,
    LearnedModel,
    ModelError,
    active_model,
    apply_learned,
    read_model,
)
from vbpl_extract.pipeline import extract_file, extract_text
from vbpl_extract.training import collect, group_keys, train

TEXT = (
    "Điều 1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Công an xây dựng Nghị định trước ngày 15/12/2025.\n"
    "Điều 2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức triển khai thực hiện, "
    "báo cáo Thủ tướng Chính phủ trước ngày 20/12/2025.\n"
)
TINY = ["000_fc5ec39c28ed2fb4.json", "003_34c99582badef80c.json"]


def _model(threshold: float, intercept: float = 0.0, **kw) -> LearnedModel:
    return LearnedModel(feature_set_version=FEATURE_SET_VERSION, words_version=F.learn_words()[0],
                        threshold=threshold, intercept=intercept, weights={"bias": 0.0}, **kw)


@pytest.fixture
def rules_graph(monkeypatch):
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "0")
    graph = extract_text(TEXT)
    assert len(graph.tasks) == 2
    return graph


def test_heading_classes_and_provenance_classes():
    assert F.heading_class("II. MỤC TIÊU") == "objectives"
    assert F.heading_class("IV. TỔ CHỨC THỰC HIỆN") == "organisation"
    assert F.heading_class("Nhiệm vụ và giải pháp chủ yếu") == "tasks"
    assert F.heading_class("Điều khoản chuyển tiếp") is None
    assert F.provenance_class("inherited from heading art_2__para_1") == "inherited from heading"
    assert F.provenance_class("subject of the unit's text") == "subject of the unit's text"
    assert F.provenance_class(None) == "none"


def test_features_are_the_declared_ones(rules_graph):
    feats = F.document_features(rules_graph)
    assert len(feats) == 2
    for f in feats:
        assert all(F.known_feature(k) for k in f), [k for k in f if not F.known_feature(k)]
    first, second = feats
    assert first["prov_lead=subject of the unit's text"] == 1.0 and first["has_coordinators"] == 1.0
    assert second["has_report_to"] == 1.0 and "has_coordinators" not in second
    assert first["position"] < second["position"]


def test_shipped_model_loads_and_matches_the_code():
    model = read_model()
    assert model.feature_set_version == FEATURE_SET_VERSION
    assert model.words_version == F.learn_words()[0]
    assert model.weights and all(F.known_feature(k) for k in model.weights)
    assert 0.0 <= model.threshold <= 0.3
    assert set(model.cross_validation) == {"document", "source", "genre"}
    # on by default only if it won on every held-out split (the rule train.wins applies)
    wins = all(s["model_f1"] > s["rules_f1"] and s["groups_won"] > s["groups_lost"]
               for s in model.cross_validation.values())
    assert model.enabled_by_default == (wins and model.threshold > 0)


def test_default_setting_follows_the_shipped_model(monkeypatch):
    monkeypatch.delenv("VBPL_EXTRACT_LEARNED", raising=False)
    monkeypatch.delenv("VBPL_EXTRACT_MODEL", raising=False)
    assert (active_model() is not None) == read_model().enabled_by_default
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "0")
    assert active_model() is None
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "1")
    assert active_model() == read_model()


def test_decision_changes_predictions_only_as_configured(rules_graph, tmp_path, monkeypatch):
    keep_all = rules_graph.model_copy(deep=True)
    apply_learned(keep_all, _model(threshold=0.0))
    assert [t.id for t in keep_all.tasks] == [t.id for t in rules_graph.tasks]
    assert [t.provenance["learned"] for t in keep_all.tasks] == ["kept, p=0.50", "kept, p=0.50"]
    assert not keep_all.warnings  # nothing failed
    drop_all = rules_graph.model_copy(deep=True)
    apply_learned(drop_all, _model(threshold=0.9, intercept=-5.0))
    assert drop_all.tasks == [] and not drop_all.warnings
    assert all("learned" not in t.provenance for t in rules_graph.tasks)
    # through the pipeline: a model file that rejects everything, on and off
    path = tmp_path / "reject.json"
    path.write_text(_model(threshold=0.9, intercept=-5.0).model_dump_json(), encoding="utf-8")
    monkeypatch.setenv("VBPL_EXTRACT_MODEL", str(path))
    assert len(extract_text(TEXT).tasks) == 2  # still off: not enabled by default, setting unset or 0
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "1")
    assert extract_text(TEXT).tasks == []
    path2 = tmp_path / "reject_default.json"
    path2.write_text(_model(threshold=0.9, intercept=-5.0, enabled_by_default=True).model_dump_json(), encoding="utf-8")
    monkeypatch.setenv("VBPL_EXTRACT_MODEL", str(path2))
    monkeypatch.delenv("VBPL_EXTRACT_LEARNED")
    assert extract_text(TEXT).tasks == []


def test_bad_model_files_are_refused_with_their_name(tmp_path):
    missing = tmp_path / "none.json"
    with pytest.raises(ModelError, match=r"none\.json: cannot read model"):
        read_model(missing)
    junk = tmp_path / "junk.json"
    junk.write_text('{"weights": 3}', encoding="utf-8")
    with pytest.raises(ModelError, match=r"junk\.json: not a task-filter model"):
        read_model(junk)
    old = tmp_path / "old.json"
    data = json.loads(_model(0.1).model_dump_json())
    data["feature_set_version"] = FEATURE_SET_VERSION + 1
    old.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        read_model(old)
    odd = tmp_path / "odd.json"
    data = json.loads(_model(0.1).model_dump_json())
    data["weights"] = {"colour=blue": 1.0}
    odd.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="colour=blue"):
        read_model(odd)


def _tiny_gold() -> list[Path]:
    files = [GOLD / name for name in TINY]
    if not all(f.exists() for f in files):
        pytest.skip(f"shared gold files not available under {GOLD}")
    return files


def test_training_on_a_tiny_gold_set_gives_a_model_that_loads(tmp_path):
    files = _tiny_gold()
    examples = collect(files, CORPUS)
    assert [e.name for e in examples] == TINY
    for e in examples:
        assert len(e.labels) == len(e.graph.tasks) == len(e.features)
        assert 0 < sum(e.labels) < len(e.labels)  # both tasks the rules got right and wrong
    assert group_keys(examples, "document") == TINY
    model, results = train(files, CORPUS, examples=examples)
    assert model.trained_on["documents"] == 2
    assert {r.split for r in results} <= {"document", "source", "genre"} and results
    out = tmp_path / "m.json"
    from vbpl_extract.training import write_model

    write_model(model, out)
    assert read_model(out) == model


def test_cli_train_writes_a_model(tmp_path):
    files = _tiny_gold()
    out = tmp_path / "model" / "task_filter.json"
    result = CliRunner().invoke(app, ["train", *[a for f in files for a in ("--gold", str(f))],
                                      "--corpus", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "| split |" in result.output
    assert read_model(out).trained_on["documents"] == 2


def test_cli_train_missing_gold_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["train", "--gold", str(tmp_path / "nope"), "--corpus", str(tmp_path),
                                      "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    assert "nope: no such gold folder or file" in result.output
    assert not (tmp_path / "m.json").exists()


def test_cli_train_bad_gold_file_names_it(tmp_path):
    bad = tmp_path / "gold" / "bad.json"
    bad.parent.mkdir()
    bad.write_text('{"source": "x.txt"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", "--gold", str(bad.parent), "--corpus", str(tmp_path),
                                      "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    assert "bad.json: not a gold file" in result.output


def test_shipped_model_on_a_real_document_only_drops_rule_tasks(monkeypatch):
    path = corpus_file("seeds/003_34c99582badef80c.txt")
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "0")
    rules = extract_file(path)
    monkeypatch.setenv("VBPL_EXTRACT_LEARNED", "1")
    learned = extract_file(path)
    by_id = {t.id: t for t in rules.tasks}
    for t in learned.tasks:  # a subset, unchanged but for the provenance note
        assert t.provenance.pop("learned").startswith("kept, p=")
        assert by_id.get(t.id) == t
    assert learned.tasks and learned.warnings == rules.warnings
    model = read_model()
    feats = F.document_features(rules)
    assert len(learned.tasks) == sum(model.keep(f) for f in feats)


def test_unreadable_sources_are_skipped_and_named(tmp_path):
    gold = tmp_path / "gold" / "a.json"
    gold.parent.mkdir()
    gold.write_text(json.dumps({"source": "missing/a.txt", "document": {}, "tasks": []}), encoding="utf-8")
    skipped: list[str] = []
    assert collect([gold.parent], tmp_path, skipped=skipped) == []
    assert len(skipped) == 1 and skipped[0].startswith("a.json: missing/a.txt: ")
    with pytest.raises(ModelError, match="no usable gold files"):
        train([gold.parent], tmp_path)
