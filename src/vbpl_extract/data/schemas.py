"""Pydantic models of the data files that have no stage-specific model (``agencies.yaml``,
``deadline_words.yaml`` and ``doc_types.yaml`` are validated in :mod:`~vbpl_extract.agencies`,
:mod:`~vbpl_extract.deadlines` and :mod:`~vbpl_extract.doctypes`). A key a file gains needs a field
here: unknown keys are refused, and every pattern must compile.

>>> words = ActionWords.load()
>>> "xây dựng" in words.verbs, "khẩn trương" in words.lead_adverbs
(True, True)
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import load


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    FILE: ClassVar[str] = ""  # the file name under data/, set on each subclass

    @classmethod
    def load(cls) -> Any:
        """The validated file (parsed and checked once per process)."""
        return _load(cls)


@cache
def _load(cls: type[_Data]) -> Any:
    return cls.model_validate(load(cls.FILE))


def _compiles(patterns: Any) -> Any:
    """Every pattern compiles (as version 0 or version 1 ``regex``); a broken one is refused at load."""
    for p in patterns.values() if isinstance(patterns, dict) else [patterns] if isinstance(patterns, str) else patterns:
        try:
            regex.compile(p, regex.IGNORECASE)
        except regex.error:
            try:
                regex.compile(p, regex.IGNORECASE | regex.V1)
            except regex.error as exc:
                raise ValueError(f"pattern {p!r} does not compile: {exc}") from None
    return patterns


class ActionWords(_Data):
    """``action_words.yaml``: the words of a task's leading verb phrase (``tasks.lexicon_action`` and
    ``nlp.action_phrase`` read the same lists)."""

    FILE: ClassVar[str] = "action_words.yaml"
    verbs: list[str] = Field(min_length=1)
    lead_adverbs: list[str]
    modals: list[str]
    first_only: list[str]
    object_words: list[str]
    conjunctions: list[str]
    not_actions: list[str]
    complements: list[str]
    idioms: list[str]
    serial_only: list[str]
    actor_heads: list[str]


class Boilerplate(_Data):
    """``boilerplate.yaml``: patterns of site boilerplate around a document (the clean stage)."""

    FILE: ClassVar[str] = "boilerplate.yaml"
    start_of_document: list[str]
    end_of_document: list[str]
    skip_lines: list[str]
    open_line_ends: list[str] = []
    continuing_openers: list[str] = []

    _check = field_validator("start_of_document", "end_of_document", "skip_lines", "open_line_ends",
                             "continuing_openers")(_compiles)


class SignatureWords(_Data):
    """``signature_words.yaml``: words of the signature block (the header stage's closing part)."""

    FILE: ClassVar[str] = "signature_words.yaml"
    ranks: list[str] = Field(min_length=1)
    labels: list[str] = Field(default_factory=list)
    issuing_heads: list[str] = Field(default_factory=list)
    annex_captions: list[str] = Field(default_factory=list)
    bare_units: list[str] = Field(default_factory=list)
    surnames: list[str] = Field(default_factory=list)
    issuing_positions: dict[str, str] = Field(default_factory=dict)
    signing_heads: dict[str, list[str]] = Field(default_factory=dict)
    writer_verbs: list[str] = Field(default_factory=list)

    _check = field_validator("labels", "annex_captions", "writer_verbs")(_compiles)

    @field_validator("signing_heads")
    @classmethod
    def _heads_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            _compiles(patterns)
        return value


class LegacyEncodings(_Data):
    """``legacy_encodings.yaml``: TCVN3 (ABC) and VNI font encodings -> Unicode."""

    FILE: ClassVar[str] = "legacy_encodings.yaml"
    tcvn3: dict[str, str] = Field(min_length=50)
    tcvn3_combining: dict[str, str]
    vni: dict[str, str] = Field(min_length=100)
    lookalikes: dict[str, str]

    @field_validator("lookalikes")
    @classmethod
    def _one_for_one(cls, pairs: dict[str, str]) -> dict[str, str]:
        """The clean stage replaces them in its copy of the text, where offsets must not move."""
        for key, value in pairs.items():
            if len(key) != 1 or len(value) != 1:
                raise ValueError(f"lookalike {key!r} -> {value!r} is not one character for one")
        return pairs


class TaskWords(_Data):
    """``task_words.yaml``: cues of the task stage (lead-ins, roles, products, columns, labelled lines)."""

    FILE: ClassVar[str] = "task_words.yaml"
    non_task_headings: list[str]
    amending_instruction: str = "(?!)"
    non_task_text: list[str]
    procedure_record_fields: list[str]
    procedure_step_cell: str
    duty_heading: str
    duty_heading_bodies: list[str]
    duty_heading_state_bodies: list[str]
    role_subject_heads: list[str] = Field(min_length=1)
    role_subject_titles: list[str] = Field(min_length=1)
    partners_opening: str
    role_subject_duty: str
    role_name_verbs: list[str] = Field(min_length=1)
    role_defining_duty: str
    role_subject_fronted: list[str]
    condition_consequent: str
    condition_closer: str = "(?!)"
    condition_asking: list[str] = []
    topic_closer: str
    sentence_role_rule: str
    condition_openers: list[str] = Field(min_length=1)
    role_subject_not_duty: str
    role_subject_stop: str
    content_lead_in: list[str]
    part_list_lead_in: list[str]
    designation_label: str
    basis_clause: str
    lead_in: list[str]
    fronted_adverbials: list[str]
    statement_after_subject: list[str]
    subject_prefixes: list[str]
    assign_words: list[str]
    assign_adverbs: list[str] = []
    subject_glue: list[str]
    lead_markers: list[str]
    coordinator_markers: list[str]
    report_markers: list[str]
    report_markers_far: list[str]
    report_relay: str
    report_via: str
    report_via_later: str
    dispatch_purpose: str
    report_onward: str
    role_stop: list[str]
    product_verbs: list[str]
    product_heads: list[str]
    product_cited_title: str
    report_product: str
    report_product_stop: str
    completion_sentence: str
    recurrence_exception: str
    purpose_after: str
    year_completion_in_clause: str
    lead_in_target: str
    span_cue_compounds: str
    year_of_noun: str
    recurrence_of_noun: str
    ongoing_heading: str
    columns: dict[str, str]
    speaker_verbs: list[str]
    addressee_receives_types: list[str] = []
    addressee_back_reference_types: list[str] = []
    addressee_back_references: list[str] = []
    letter_instruction_types: list[str] = []
    letter_requirement_headings: list[str] = []
    closing_requests: list[str] = []
    actor_heading_heads: list[str]
    actor_heading_false_heads: list[str]
    actor_heading_tail: str
    imperative_openers: list[str]
    field_labels: dict[str, str]
    agency_qualifier: str
    function_after_subject: list[str]
    named_office_kinds: list[str]
    named_office_portfolio: str
    addressee_groups: dict[str, str]
    group_definition: str
    group_back_reference: str
    # the organs an association's charter gives its body ("Ban Chấp hành", "Ban Kiểm tra"): named bare, they are
    # the organs of the body the document defines a short form for
    charter_organs: list[str] = []
    charter_bodies: list[str] = []  # the head words of such bodies ("Hội", "Hiệp hội")
    support_organs: list[str] = []  # "Văn phòng" + a defined short form: the office of that body
    clause_connectives: list[str]
    reference_cell: str
    enumeration_assign_words: list[str]
    enumeration_announced: str
    topic_heading: str
    completion_time_label: str
    duty_lead_in: str
    # the place a conclusions notice's meeting worked with, whose People's Committee acts on the items naming no one
    counterpart_types: list[str] = []
    counterpart_meeting: str
    reply_topic: str
    # a unit of the body that hands its deadline to the rows of the appendix it refers to
    appendix_deadline_cue: str = "(?!)"
    reference_appendix: str = "(?!)"
    listed_actors_duty: str = "(?!)"
    role_fillers: list[str] = []
    delegation_words: list[str] = []
    delegated_heading_labels: list[str] = []
    exception_tail: list[str] = []
    stacked_cells: dict[str, list[str]] = Field(default_factory=lambda: {"persons": [], "offices": [], "bodies": []})
    scoped_heading: str = "(?!)"
    rules_for_heading: str = "(?!)"
    role_duty_sentence: str = "(?!)"
    asked_duties: str = "(?!)"
    listed_units: str = "(?!)"
    listed_unit_head: str = "(?!)"
    back_reference_units: list[str] = []
    role_of_project: str = "(?!)"
    enclosure_header: str = "(?!)"
    enclosure_draft: str = "(?!)"
    established_heads: list[str] = []
    duty_heading_scope: str = "(?!)"
    letter_request_opener: str = "(?!)"
    role_filler_end: str = "(?!)"
    role_filler_heads: list[str] = []
    role_filler_roles: list[str] = []

    _check = field_validator(
        "non_task_headings", "amending_instruction", "non_task_text", "procedure_record_fields", "procedure_step_cell", "duty_heading", "role_subject_duty", "role_defining_duty", "role_subject_fronted", "condition_consequent", "condition_closer", "condition_asking", "topic_closer", "sentence_role_rule", "condition_openers", "role_subject_not_duty", "role_subject_stop", "content_lead_in", "part_list_lead_in", "designation_label", "basis_clause", "lead_in", "fronted_adverbials", "statement_after_subject",
        "subject_prefixes", "assign_words", "subject_glue", "lead_markers", "coordinator_markers",
        "report_markers", "report_markers_far", "report_relay", "report_via", "report_via_later", "dispatch_purpose", "report_onward", "role_stop", "product_verbs", "product_heads", "product_cited_title", "report_product",
        "report_product_stop", "completion_sentence", "recurrence_exception", "purpose_after", "year_completion_in_clause", "lead_in_target", "span_cue_compounds", "year_of_noun", "recurrence_of_noun", "ongoing_heading", "columns", "speaker_verbs", "actor_heading_tail", "imperative_openers",
        "field_labels", "agency_qualifier", "function_after_subject", "group_definition", "group_back_reference", "clause_connectives",
        "reference_cell", "enumeration_assign_words", "enumeration_announced", "topic_heading", "completion_time_label",
        "duty_lead_in", "counterpart_meeting", "reply_topic", "appendix_deadline_cue", "reference_appendix", "listed_actors_duty", "role_subject_titles",
        "partners_opening", "role_fillers", "role_filler_end", "letter_request_opener", "duty_heading_scope", "enclosure_header", "enclosure_draft", "delegation_words",
        "delegated_heading_labels", "exception_tail", "scoped_heading", "rules_for_heading", "role_duty_sentence", "asked_duties", "listed_units", "listed_unit_head", "role_of_project",
    )(_compiles)
