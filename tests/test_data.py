"""Every data file has a pydantic model that validates it; unknown keys and broken patterns are refused."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from vbpl_extract.agencies.entries import _DataFile as AgencyFile
from vbpl_extract.data import load
from vbpl_extract.data.schemas import ActionWords, Boilerplate, LegacyEncodings, SignatureWords, TaskWords
from vbpl_extract.deadlines import DeadlineWords
from vbpl_extract.doctypes import DocTypesData
from vbpl_extract.learn.features import LearnWords
from vbpl_extract.learn.model import LearnedModel
from vbpl_extract.readers.docx_numbering import WordNumberingData
from vbpl_extract.readers.docx_reader import LayoutCues
from vbpl_extract.readers.text_quality import SyllableRules

MODELS: dict[str, type[BaseModel]] = {
    "action_words.yaml": ActionWords,
    "agencies.yaml": AgencyFile,
    "boilerplate.yaml": Boilerplate,
    "deadline_words.yaml": DeadlineWords,
    "doc_types.yaml": DocTypesData,
    "layout_cues.yaml": LayoutCues,
    "learn_features.yaml": LearnWords,
    "legacy_encodings.yaml": LegacyEncodings,
    "signature_words.yaml": SignatureWords,
    "task_filter.json": LearnedModel,  # a trained model written by `vbpl-extract train`, not hand-kept knowledge
    "task_words.yaml": TaskWords,
    "vietnamese_syllables.yaml": SyllableRules,
    "word_numbering.yaml": WordNumberingData,
}


def _files() -> list[str]:
    return sorted(p.name for p in resources.files("vbpl_extract.data").iterdir() if p.name.endswith((".yaml", ".yml", ".json")))


def test_every_data_file_has_a_model() -> None:
    assert _files() == sorted(MODELS)


GENERATED = {"task_filter.json"}  # written by scripts/train.py, read as JSON


def test_one_style_yaml() -> None:
    assert all(name.endswith(".yaml") for name in _files() if name not in GENERATED)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_data_file_validates(name: str) -> None:
    MODELS[name].model_validate(load(name))


@pytest.mark.parametrize("name", sorted(MODELS))
def test_unknown_key_is_refused(name: str) -> None:
    data = dict(load(name))
    data["misspelled_key"] = []
    with pytest.raises(ValidationError):
        MODELS[name].model_validate(data)


def test_broken_pattern_is_refused() -> None:
    data = dict(load("task_words.yaml"))
    data["lead_in"] = [*data["lead_in"], "(unclosed"]
    with pytest.raises(ValidationError):
        TaskWords.model_validate(data)
    words = dict(load("boilerplate.yaml"))
    words["skip_lines"] = ["[a-"]
    with pytest.raises(ValidationError):
        Boilerplate.model_validate(words)


def test_word_lists_live_in_data_not_code() -> None:
    """The lists moved out of nlp.py, agencies.py and references.py are read from the data files."""
    from vbpl_extract.agencies import load_agency_data
    from vbpl_extract.doctypes import load_doc_types
    from vbpl_extract.nlp import action_words

    assert "hiện đại hóa" in ActionWords.load().verbs and action_words()["verbs"]
    assert "Hà Nội" in load_agency_data().name_words.city_places
    # a lower-case phrase before "được" is a qualified common noun ("các dự án được giao"), no board's name
    assert "được" in load_agency_data().name_words.relative_words
    # the heads of unknown bodies are tried in order: a longer head before the head it starts with
    heads = load_agency_data().name_words.unknown_heads
    assert "Liên minh" in heads and heads.index("Ban quản lý") < heads.index("Ban")
    assert "v/v" in load_doc_types().reference_words.issuer_stop
    raw = yaml.safe_load(resources.files("vbpl_extract.data").joinpath("action_words.yaml").read_text("utf-8"))
    assert set(raw) == set(ActionWords.model_fields)
